/**
 * Saving a workbook as exceljs's `xlsx.write` does, step for step and byte for byte, except for two things:
 * - the zip: exceljs packs it with JSZip, whose deflate and CRC run in JavaScript and took a third of
 *   `run all` on a 100,000-row workbook; here each part is compressed by Node's native zlib (on the thread
 *   pool, so parts compress in parallel) at the same level, into a plain zip (stored names in UTF-8, no
 *   zip64: an .xlsx part stays far below 4 GB, and a larger one fails loudly);
 * - the sheets, notes and shared strings are rendered into a ChunkedXmlStream, which encodes the XML as
 *   it goes instead of keeping every fragment to the end.
 */
import { createRequire } from 'node:module';
import * as zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { Workbook } from 'exceljs';

const deflateRaw = promisify(zlib.deflateRaw);

interface Entry {
  name: string;
  data: Buffer;
}

/** The part of exceljs's ZipWriter the xlsx writer calls. */
class NativeZip {
  readonly entries: Entry[] = [];

  append(data: string | Buffer | Uint8Array, options: { name: string; base64?: boolean }): void {
    const bytes =
      typeof data === 'string'
        ? Buffer.from(data, options.base64 ? 'base64' : 'utf8')
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.entries.push({ name: options.name, data: bytes });
  }

  async build(): Promise<Buffer> {
    const compressed = await Promise.all(this.entries.map((e) => deflateRaw(e.data, { level: 6 })));
    const parts: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    const { time, date } = dosTime(new Date());
    this.entries.forEach((entry, i) => {
      const name = Buffer.from(entry.name, 'utf8');
      const data = compressed[i];
      const crc = crc32(entry.data);
      if (entry.data.length >= 0xffffffff || offset >= 0xffffffff) {
        throw new RangeError(`the .xlsx part ${entry.name} is too large for a zip without zip64`);
      }
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
      local.writeUInt16LE(0x0800, 6); // names in UTF-8
      local.writeUInt16LE(8, 8); // deflate
      local.writeUInt16LE(time, 10);
      local.writeUInt16LE(date, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(entry.data.length, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4); // made by: 2.0
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(0x0800, 8);
      header.writeUInt16LE(8, 10);
      header.writeUInt16LE(time, 12);
      header.writeUInt16LE(date, 14);
      header.writeUInt32LE(crc, 16);
      header.writeUInt32LE(data.length, 20);
      header.writeUInt32LE(entry.data.length, 24);
      header.writeUInt16LE(name.length, 28);
      header.writeUInt32LE(offset, 42);
      parts.push(local, name, data);
      central.push(header, name);
      offset += local.length + name.length + data.length;
    });
    const centralSize = central.reduce((n, b) => n + b.length, 0);
    if (this.entries.length > 0xffff) throw new RangeError('too many .xlsx parts for a zip without zip64');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...parts, ...central, end]);
  }
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

let crcTable: Uint32Array | null = null;

/** zlib.crc32 (Node ≥ 20.15), else the standard table-driven CRC-32. */
function crc32(data: Buffer): number {
  const native = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  if (native) return native(data) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The part of exceljs's XmlStream (lib/utils/xml-stream.js) that the chunked stream builds on. */
interface XmlStreamBase {
  _xml: string[];
  _rollbacks: { xml: number; stack: number; leaf: boolean; open: boolean }[];
  _stack: string[];
  leaf: boolean;
  open: boolean;
  closeNode(): void;
  closeAll(): void;
}

interface Xform {
  render(xmlStream: unknown, model: unknown): void;
}

/**
 * Fragments kept before they are joined and encoded (a row of a report is a few dozen). Joining 4,096
 * at a time took half as long as 16,384 in a measurement on exceljs-shaped fragments.
 */
const CHUNK_FRAGMENTS = 4096;

/**
 * exceljs's XmlStream, with its fragments joined into UTF-8 chunks as it goes (at element ends, when no
 * rollback is pending). exceljs keeps every fragment of a sheet (tens of millions at 100,000 rows) until
 * the end and joins them into one string: they all survive to the old generation, and garbage
 * collection took a quarter of `run all`. `cursor` and rollbacks count fragments already chunked.
 */
function chunkedXmlStreamClass(XmlStream: new () => XmlStreamBase) {
  return class ChunkedXmlStream extends XmlStream {
    private readonly chunks: Buffer[] = [];
    private chunked = 0;

    get cursor(): number {
      return this.chunked + this._xml.length;
    }

    addRollback(): number {
      this._rollbacks.push({ xml: this.cursor, stack: this._stack.length, leaf: this.leaf, open: this.open });
      return this.cursor;
    }

    rollback(): void {
      const r = this._rollbacks.pop();
      if (!r) return;
      const keep = r.xml - this.chunked;
      if (this._xml.length > keep) this._xml.splice(keep, this._xml.length - keep);
      if (this._stack.length > r.stack) this._stack.splice(r.stack, this._stack.length - r.stack);
      this.leaf = r.leaf;
      this.open = r.open;
    }

    override closeNode(): void {
      super.closeNode();
      if (this._xml.length >= CHUNK_FRAGMENTS && this._rollbacks.length === 0) this.flush();
    }

    private flush(): void {
      this.chunks.push(Buffer.from(this._xml.join(''), 'utf8'));
      this.chunked += this._xml.length;
      this._xml = [];
    }

    /** The whole document, as `xml` would give it, in UTF-8. */
    get bytes(): Buffer {
      this.closeAll();
      this.flush();
      return Buffer.concat(this.chunks);
    }
  };
}

type ChunkedXmlStream = InstanceType<ReturnType<typeof chunkedXmlStreamClass>>;

/** The exceljs classes the chunked writing renders with (null when this exceljs lacks them). */
function chunkedParts(): {
  ChunkedXmlStream: new () => ChunkedXmlStream;
  worksheet: Xform;
  relationships: Xform;
  comments: Xform;
  vmlNotes: Xform;
} | null {
  try {
    // exceljs's xforms are not part of its public API, so they are reached by path.
    const load = createRequire(require.resolve('exceljs'));
    const XmlStream = load('./lib/utils/xml-stream.js') as new () => XmlStreamBase;
    const xform = (path: string): Xform => new (load(path) as new () => Xform)();
    return {
      ChunkedXmlStream: chunkedXmlStreamClass(XmlStream),
      worksheet: xform('./lib/xlsx/xform/sheet/worksheet-xform.js'),
      relationships: xform('./lib/xlsx/xform/core/relationships-xform.js'),
      comments: xform('./lib/xlsx/xform/comment/comments-xform.js'),
      vmlNotes: xform('./lib/xlsx/xform/comment/vml-notes-xform.js'),
    };
  } catch {
    return null;
  }
}

interface XlsxModel {
  worksheets: { id: number; rels?: unknown[]; comments: unknown[] }[];
  sharedStrings?: Xform & { count: number; model: unknown };
}

/**
 * exceljs's addWorksheets and addSharedStrings (lib/xlsx/xlsx.js), every part rendered into a
 * ChunkedXmlStream (the notes of a large sheet run to tens of megabytes too).
 */
function addSheetParts(
  zip: NativeZip,
  model: XlsxModel,
  parts: NonNullable<ReturnType<typeof chunkedParts>>,
): void {
  const chunked = (xform: Xform, part: unknown): Buffer => {
    const stream = new parts.ChunkedXmlStream();
    xform.render(stream, part);
    return stream.bytes;
  };
  for (const worksheet of model.worksheets) {
    zip.append(chunked(parts.worksheet, worksheet), { name: `xl/worksheets/sheet${worksheet.id}.xml` });
    if (worksheet.rels && worksheet.rels.length) {
      zip.append(chunked(parts.relationships, worksheet.rels), {
        name: `xl/worksheets/_rels/sheet${worksheet.id}.xml.rels`,
      });
    }
    if (worksheet.comments.length > 0) {
      zip.append(chunked(parts.comments, worksheet), { name: `xl/comments${worksheet.id}.xml` });
      zip.append(chunked(parts.vmlNotes, worksheet), { name: `xl/drawings/vmlDrawing${worksheet.id}.vml` });
    }
  }
  // Always after the worksheets, which fill the shared strings as they render.
  const strings = model.sharedStrings;
  if (strings && strings.count) zip.append(chunked(strings, strings.model), { name: 'xl/sharedStrings.xml' });
}

/** exceljs's XLSX writer steps (exceljs 4.4, lib/xlsx/xlsx.js `write`), called with our zip. */
interface XlsxWriter {
  prepareModel(model: unknown, options: object): void;
  addContentTypes(zip: NativeZip, model: unknown): Promise<void>;
  addOfficeRels(zip: NativeZip, model: unknown): Promise<void>;
  addWorkbookRels(zip: NativeZip, model: unknown): Promise<void>;
  addDrawings(zip: NativeZip, model: unknown): Promise<void>;
  addTables(zip: NativeZip, model: unknown): Promise<void>;
  addThemes(zip: NativeZip, model: unknown): Promise<void>;
  addStyles(zip: NativeZip, model: unknown): Promise<void>;
  addMedia(zip: NativeZip, model: unknown): Promise<void>;
  addApp(zip: NativeZip, model: unknown): Promise<void>;
  addCore(zip: NativeZip, model: unknown): Promise<void>;
  addWorkbook(zip: NativeZip, model: unknown): Promise<void>;
}

const STEPS = [
  'prepareModel',
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;

/** The .xlsx file of a workbook, as exceljs would write it (null when this exceljs lacks the steps). */
export async function xlsxBuffer(book: Workbook): Promise<Buffer | null> {
  const xlsx = book.xlsx as unknown as XlsxWriter;
  const parts = chunkedParts();
  if (!parts || !STEPS.every((step) => typeof xlsx[step] === 'function')) return null;
  const { model } = book as unknown as { model: XlsxModel };
  const zip = new NativeZip();
  xlsx.prepareModel(model, {});
  await xlsx.addContentTypes(zip, model);
  await xlsx.addOfficeRels(zip, model);
  await xlsx.addWorkbookRels(zip, model);
  addSheetParts(zip, model, parts);
  await xlsx.addDrawings(zip, model);
  await xlsx.addTables(zip, model);
  await Promise.all([xlsx.addThemes(zip, model), xlsx.addStyles(zip, model)]);
  await xlsx.addMedia(zip, model);
  await Promise.all([xlsx.addApp(zip, model), xlsx.addCore(zip, model)]);
  await xlsx.addWorkbook(zip, model);
  return zip.build();
}
