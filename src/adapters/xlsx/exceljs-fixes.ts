/**
 * Two exceljs 4.4 defects fixed in its own xforms, once per process (the classes are shared by every
 * exceljs user in the process, and the fixes only change what was broken):
 *
 * Internal hyperlinks ("#'Sheet'!A5"). exceljs writes them as an external relationship plus a location
 * that repeats the '#', which Excel and LibreOffice open as "file#'Sheet'!A5##'Sheet'!A5", a link to
 * another file (exceljs issue #3027); and on loading it drops links that only have a location, which is
 * how Excel, LibreOffice and this adapter write them. Fixed:
 *  - writing: <hyperlink ref location="'Sheet'!A5"/>, without the external relationship;
 *  - reading: a location-only link becomes a hyperlink cell again, so links in generated sheets
 *    survive later runs of the CLI.
 *
 * Notes on cells that hold nothing (no value, no format). exceljs writes their note but, loading the
 * file, attaches notes only to cells present in the sheet data, so such notes vanish on the next load.
 * Fixed on reading: the cell is created for its note.
 */
import { createRequire } from 'node:module';
import { parseA1 } from '../../core/cells';
import { VT } from './internals';

interface XmlStream {
  leafNode(name: string, attributes?: Record<string, string | undefined>): void;
}

interface LinkModel {
  address: string;
  rId?: string;
  tooltip?: string;
  /** Written: the cell's hyperlink; read: the location attribute. */
  target?: string;
}

interface CellModel {
  address: string;
  type: number;
  value?: unknown;
  text?: unknown;
  hyperlink?: string;
  comment?: unknown;
}

interface RowModel {
  number: number;
  cells: CellModel[];
}

interface Relationship {
  Type: string;
  Target?: string;
}

interface SheetModel {
  hyperlinks?: LinkModel[];
  rows?: RowModel[];
  rels?: Relationship[];
}

interface XformClass<M> {
  prototype: {
    render(xmlStream: XmlStream, model: M): void;
    prepare(model: M, options: unknown): void;
    reconcile(model: M, options: unknown): void;
  };
}

const PATCHED = Symbol.for('ita-sheets.exceljs-fixes');

/** Applies the fixes (idempotent). */
export function patchExceljs(): void {
  // exceljs's xform classes are not part of its public API, so they are reached by path.
  const load = createRequire(require.resolve('exceljs'));
  const hyperlinkXform = load('./lib/xlsx/xform/sheet/hyperlink-xform.js') as XformClass<LinkModel>;
  const worksheetXform = load('./lib/xlsx/xform/sheet/worksheet-xform.js') as XformClass<SheetModel>;
  const flags = hyperlinkXform as unknown as Record<symbol, boolean>;
  if (flags[PATCHED]) return;
  flags[PATCHED] = true;

  const render = hyperlinkXform.prototype.render;
  hyperlinkXform.prototype.render = function renderLink(
    this: unknown,
    xmlStream: XmlStream,
    model: LinkModel,
  ): void {
    if (!model.target?.startsWith('#')) return render.call(this, xmlStream, model);
    xmlStream.leafNode('hyperlink', {
      ref: model.address,
      location: model.target.slice(1),
      tooltip: model.tooltip,
    });
  };

  const prepare = worksheetXform.prototype.prepare;
  worksheetXform.prototype.prepare = function prepareSheet(
    this: unknown,
    model: SheetModel,
    options: unknown,
  ): void {
    prepare.call(this, model, options);
    // Relationship ids are fixed strings already, so removing entries leaves the others valid.
    if (model.rels)
      model.rels = model.rels.filter(
        (rel) => !(rel.Type.endsWith('/hyperlink') && rel.Target?.startsWith('#')),
      );
  };

  const reconcile = worksheetXform.prototype.reconcile;
  worksheetXform.prototype.reconcile = function reconcileSheet(
    this: unknown,
    model: SheetModel,
    options: unknown,
  ): void {
    const locations = new Map<string, string>();
    for (const link of model.hyperlinks ?? []) {
      if (!link.rId && link.target) locations.set(link.address, link.target);
    }
    reconcile.call(this, model, options);
    if (locations.size) restoreLinks(model, locations);
    // The sheet's notes by address, which exceljs's reconcile leaves in its options.
    const comments = Object.values(
      (options as { commentsMap?: Record<string, { ref?: string }> }).commentsMap ?? {},
    );
    if (comments.length) restoreNotes(model, comments);
  };
}

const LINKABLE = new Set<number>([VT.String, VT.RichText, VT.Number, VT.Date, VT.Boolean]);

/** Turns the cells of location-only links into hyperlink cells, as exceljs does for r:id links. */
function restoreLinks(model: SheetModel, locations: Map<string, string>): void {
  for (const row of model.rows ?? []) {
    for (const cell of row.cells) {
      const location = locations.get(cell.address);
      // Formula cells keep their formula (exceljs would replace it by its result); empty cells stay empty.
      if (!location || !LINKABLE.has(cell.type)) continue;
      cell.text = cell.value;
      cell.value = undefined;
      cell.type = VT.Hyperlink;
      cell.hyperlink = `#${location}`;
    }
  }
}

/** Creates an empty cell for each note whose cell is not in the sheet data (only rows with notes are looked at). */
function restoreNotes(model: SheetModel, comments: { ref?: string }[]): void {
  const wanted = new Map<number, Map<string, unknown>>();
  for (const comment of comments) {
    const at = comment.ref ? parseA1(comment.ref) : null;
    if (!at || !comment.ref) continue;
    const refs = wanted.get(at.row) ?? new Map<string, unknown>();
    wanted.set(at.row, refs.set(comment.ref, comment));
  }
  const rows = (model.rows ??= []);
  for (const row of rows) {
    const refs = wanted.get(row.number);
    if (!refs) continue;
    for (const cell of row.cells) refs.delete(cell.address);
  }
  const byNumber = new Map<number, RowModel>();
  for (const row of rows) if (wanted.get(row.number)?.size) byNumber.set(row.number, row);
  for (const [number, refs] of wanted) {
    if (!refs.size) continue;
    let row = byNumber.get(number);
    if (!row) {
      row = { number, cells: [] };
      rows.push(row);
    }
    for (const [address, comment] of refs) row.cells.push({ address, type: VT.Null, comment });
  }
}
