/**
 * Two things `run all` leans on in the .xlsx host: kept snapshots (each sheet turned into a snapshot
 * once, frozen, forgotten when a port method writes the sheet) and the save through native zlib (a
 * plain zip that exceljs and any zip reader open, holding exactly what exceljs's own writer holds).
 */
import { inflateRawSync } from 'node:zlib';
import { Workbook } from 'exceljs';
import { XlsxWorkbook } from '../../../src/adapters/xlsx';
import { COMMANDS, NOW } from '../../robustness/workbooks';
import { buildSample } from '../../../src/cli/sample';
import { FakeLock, RecordingUi } from '../../../src/adapters/memory/memory-workbook';
import type { Host } from '../../../src/port/workbook';
import { sampleFiles } from '../../helpers/workbooks';

function sampleXlsx(): XlsxWorkbook {
  const workbook = XlsxWorkbook.create();
  buildSample(workbook, sampleFiles());
  return workbook;
}

function hostOver(workbook: XlsxWorkbook): Host {
  return { workbook, ui: new RecordingUi(), lock: new FakeLock(), now: () => NOW };
}

/** Every entry of a zip, read with nothing but the format (local headers, stored or deflated). */
function unzip(buffer: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let at = 0;
  while (buffer.readUInt32LE(at) === 0x04034b50) {
    const method = buffer.readUInt16LE(at + 8);
    const size = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extra = buffer.readUInt16LE(at + 28);
    const name = buffer.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extra;
    const data = buffer.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at = start + size;
  }
  return entries;
}

describe('kept snapshots', () => {
  test('off by default: every read is fresh and can be changed by its caller', () => {
    const workbook = sampleXlsx();
    const a = workbook.readSheet('ติดตามผล');
    expect(workbook.readSheet('ติดตามผล')).not.toBe(a);
    expect(Object.isFrozen(a)).toBe(false);
  });

  test('kept: one frozen snapshot per sheet until a port method writes that sheet', () => {
    const workbook = sampleXlsx().keepSnapshots();
    const plan = workbook.readSheet('แผนปฏิบัติการ');
    const tracking = workbook.readSheet('ติดตามผล');
    expect(workbook.readSheet('แผนปฏิบัติการ')).toBe(plan);
    expect(Object.isFrozen(plan?.values[1])).toBe(true);
    expect(() => (plan?.values as unknown[][])[1].push('x')).toThrow(TypeError);
    // Marks change no value: the snapshot stays.
    workbook.writeCellLayer('ติดตามผล', [{ row: 2, col: 1, background: '#ff0000', note: 'ดู' }]);
    expect(workbook.readSheet('ติดตามผล')).toBe(tracking);
    workbook.appendRows('ติดตามผล', 40, [['9-99']]);
    const after = workbook.readSheet('ติดตามผล');
    expect(after).not.toBe(tracking);
    expect(after?.values[39]?.[0]).toBe('9-99');
    expect(workbook.readSheet('แผนปฏิบัติการ')).toBe(plan);
  });

  test('every command in turn on one kept workbook gives what each gives on a fresh one', () => {
    const kept = sampleXlsx().keepSnapshots();
    for (const command of COMMANDS) {
      const fresh = sampleXlsx();
      // The fresh workbook gets the commands before this one too, so both meet the same state.
      for (const earlier of COMMANDS.slice(0, COMMANDS.indexOf(command))) earlier.run(hostOver(fresh));
      expect(JSON.stringify(command.run(hostOver(kept)))).toBe(JSON.stringify(command.run(hostOver(fresh))));
    }
  });
});

describe('saving through native zlib', () => {
  test('a plain zip with the parts exceljs writes, byte for byte the same XML', async () => {
    const workbook = sampleXlsx();
    for (const command of COMMANDS.slice(0, 5)) command.run(hostOver(workbook));
    const ours = unzip(await workbook.toBuffer());
    const theirs = unzip(Buffer.from((await workbook.excel.xlsx.writeBuffer()) as ArrayBuffer));
    // JSZip also writes an entry per folder ("xl/"); zips need none, and Excel writes none.
    const files = (m: Map<string, Buffer>) => [...m.keys()].filter((n) => !n.endsWith('/')).sort();
    expect(files(ours)).toEqual(files(theirs));
    expect(files(ours)).toEqual([...ours.keys()].sort());
    for (const [name, data] of ours) {
      // docProps/core.xml holds the time of writing.
      if (name !== 'docProps/core.xml')
        expect({ name, same: data.equals(theirs.get(name) as Buffer) }).toEqual({ name, same: true });
    }
  });

  test('a sheet of many thousand rows (written in chunks) is byte for byte what exceljs writes', async () => {
    const workbook = sampleXlsx();
    // 3,000 rows of Thai text, numbers, dates and links: tens of thousands of XML fragments, so the
    // sheet and the shared strings are encoded in many chunks, and the header/footer rollback that
    // exceljs makes after the rows falls after chunks already encoded.
    const sheet = workbook.excel.addWorksheet('ใหญ่');
    for (let i = 1; i <= 3000; i++) {
      sheet.addRow([
        `โครงการส่งเสริมคุณธรรม ครั้งที่ ${i} "ก & ข" <ค>`,
        i * 1.5,
        new Date(Date.UTC(2023, i % 12, 1 + (i % 28))),
        i % 7 === 0 ? { text: `ดูแถว ${i}`, hyperlink: `#'ใหญ่'!A${i}` } : null,
        i % 3 === 0 ? true : 'ดำเนินการแล้วเสร็จ',
      ]);
    }
    // Notes on 300 cells: their comments and drawing parts are many chunks long too.
    for (let i = 1; i <= 3000; i += 10) sheet.getCell(`B${i}`).note = `หมายเหตุแถว ${i} <ตรวจ & แก้>`;
    const ours = unzip(await workbook.toBuffer());
    const theirs = unzip(Buffer.from((await workbook.excel.xlsx.writeBuffer()) as ArrayBuffer));
    for (const name of [...theirs.keys()].filter((n) => !n.endsWith('/') && n !== 'docProps/core.xml')) {
      expect({ name, same: ours.get(name)?.equals(theirs.get(name) as Buffer) }).toEqual({
        name,
        same: true,
      });
    }
    expect((ours.get('xl/sharedStrings.xml') as Buffer).length).toBeGreaterThan(200_000);
  });

  test('exceljs reads the saved file back with every sheet, value, note and link', async () => {
    const workbook = sampleXlsx();
    for (const command of COMMANDS.slice(0, 5)) command.run(hostOver(workbook));
    const reloaded = await XlsxWorkbook.fromBuffer(await workbook.toBuffer());
    expect(reloaded.listSheets().map((s) => s.name)).toEqual(workbook.listSheets().map((s) => s.name));
    for (const { name } of workbook.listSheets()) {
      expect(reloaded.readSheet(name)?.values).toEqual(workbook.readSheet(name)?.values);
    }
    const book = new Workbook();
    await book.xlsx.load((await workbook.toBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBe(workbook.listSheets().length);
  });
});
