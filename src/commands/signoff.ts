/**
 * Creates the "การรับรอง" sheet once, then only refreshes its heading block (fingerprint, status,
 * caution, attached reports) in one values write and one colour write. Rows below the heading, where
 * supervisors write, are never written again; a sheet whose rows were moved is left alone entirely.
 */
import {
  buildSignOffSheet,
  cautionText,
  signOffHeadingRows,
  signOffLayoutMatches,
  supervisorsWrote,
  SIGNOFF_LAYOUT,
  type AttachedReport,
} from '../core/report/signoff-report';
import { statusText } from '../core/report/provenance';
import { GENERATED_SHEETS, type InputSheetKey } from '../core/schema';
import {
  changedSheets,
  compareReports,
  dataPrint,
  liveEntry,
  recordEntry,
  SIGNOFF_KEY,
  unionInputs,
  type CurrentPrint,
  type StateEntry,
} from '../core/state';
import type { Host } from '../port/workbook';
import { defineCommand } from './command-spec';
import {
  claimSheet,
  currentPrints,
  dataStamp,
  readState,
  readWorkbook,
  renamedNotice,
  withDocumentLock,
  writeState,
} from './context';
import { writeStatusCell } from './stale';

export const SIGNOFF_TITLE = 'สร้าง/ปรับปรุงชีตการรับรอง';

export interface SignOffResult {
  sheet: string;
  outcome: 'created' | 'refreshed' | 'layoutChanged';
  /** Attached reports' sheet names. */
  attached: string[];
  /** Input sheets changed since the attached reports were made. */
  changed: string[];
  caution: string;
  /** Said when a renamed sign-off sheet was left alone ('' otherwise). */
  notice: string;
}

export interface SignOffOptions {
  /** Keys of the reports to attach; default: the ones attached before, else every recorded report. */
  attach?: readonly string[];
  /** The input fingerprints now, when the caller knows them (prepare: just computed); else read. */
  current?: ReadonlyMap<InputSheetKey, CurrentPrint>;
}

function attachedReport(entry: StateEntry): AttachedReport {
  return {
    name: entry.name,
    sheets: entry.inputs.map((i) => i.name),
    fingerprint: dataPrint(entry.inputs),
    generatedAt: entry.generatedAt,
  };
}

/** The sign-off step, for a caller that already holds the document lock. */
export function signOffLocked(host: Host, options: SignOffOptions = {}): SignOffResult {
  const { workbook } = host;
  const read = readWorkbook(workbook, ['settings']);
  const { sheets } = read;
  const entries = readState(workbook, sheets);
  const previous = entries.find((e) => e.key === SIGNOFF_KEY);
  const reports = entries.filter((e) => e.key !== SIGNOFF_KEY && e.inputs.length && liveEntry(e, sheets));
  const wanted =
    options.attach ?? (previous?.attached.length ? previous.attached : reports.map((e) => e.key));
  const attached = reports.filter((e) => wanted.includes(e.key)).sort(compareReports);
  const inputs = unionInputs(attached);
  const current =
    options.current ??
    currentPrints(
      workbook,
      sheets,
      inputs.map((i) => i.key),
    );
  const changed = changedSheets({ inputs }, current);
  const name = GENERATED_SHEETS.signOff;
  const claim = claimSheet(
    workbook,
    sheets,
    entries,
    SIGNOFF_KEY,
    name,
    Object.values(read.inputs.sheetNames),
  );
  const existing = claim.kind === 'free' ? null : (workbook.readSheet(name)?.values ?? []);
  if (existing && !signOffLayoutMatches(existing)) {
    return {
      sheet: name,
      outcome: 'layoutChanged',
      attached: attached.map((e) => e.name),
      changed,
      caution: previous?.caution ?? '',
      notice:
        `ชีต "${name}" ถูกเพิ่มหรือลบแถว ITA Sheets จึงไม่ปรับปรุงชีตนี้ เพื่อไม่ให้ทับความเห็นที่กรอกไว้ ` +
        `หากต้องการชีตการรับรองใหม่ ให้เปลี่ยนชื่อชีตนี้แล้วสั่งอีกครั้ง`,
    };
  }
  // Reports remade after a supervisor wrote: their opinion may be about the earlier data; say so, and
  // keep saying so until the entries are cleared.
  const wrote = existing ? supervisorsWrote(existing) : false;
  const remade = previous !== undefined && dataPrint(previous.inputs) !== dataPrint(inputs);
  const caution = !wrote
    ? ''
    : remade
      ? cautionText(host.now(), workbook.timeZone())
      : (previous?.caution ?? '');
  const status = { text: statusText(changed), stale: changed.length > 0 };
  const model = buildSignOffSheet({
    settings: read.inputs.settings,
    now: host.now(),
    timeZone: workbook.timeZone(),
    stamp: dataStamp(inputs),
    status,
    caution,
    attached: attached.map(attachedReport),
  });
  if (existing) {
    workbook.appendRows(name, SIGNOFF_LAYOUT.fingerprint, signOffHeadingRows(model));
    writeStatusCell(
      workbook,
      name,
      model.status ?? { row: SIGNOFF_LAYOUT.status, col: 1, cols: 1 },
      status.text,
      status.stale,
      true,
    );
  } else {
    workbook.writeSheet(model);
  }
  const after = workbook.listSheets();
  const id = after.find((s) => s.name === name)?.id;
  if (id !== undefined) {
    const entry: StateEntry = {
      key: SIGNOFF_KEY,
      name,
      sheetId: id,
      status: model.status ?? null,
      generatedAt: previous && existing ? previous.generatedAt : host.now().toISOString(),
      inputs,
      attached: attached.map((e) => e.key),
      caution,
      lastStatus: status.text,
    };
    writeState(workbook, recordEntry(entries, entry, after));
  }
  return {
    sheet: name,
    outcome: existing ? 'refreshed' : 'created',
    attached: attached.map((e) => e.name),
    changed,
    caution,
    notice: renamedNotice(claim.renamed, name),
  };
}

export function signOffToast(r: SignOffResult): string {
  const parts =
    r.outcome === 'layoutChanged'
      ? [r.notice]
      : [
          r.outcome === 'created'
            ? `สร้างชีต "${r.sheet}" แล้ว แนบรายงาน ${r.attached.length} ชีต`
            : `ปรับปรุงรายการรายงานที่แนบในชีต "${r.sheet}" แล้ว (${r.attached.length} ชีต) ความเห็นที่กรอกไว้ไม่ถูกแก้ไข`,
          r.changed.length ? `⚠ ข้อมูลในชีต ${r.changed.join(', ')} เปลี่ยนไปหลังจัดทำรายงาน` : '',
          r.caution ? 'มีผู้ลงความเห็นไว้ก่อนจัดทำรายงานใหม่ โปรดตรวจทาน' : '',
          r.notice,
        ];
  return parts.filter(Boolean).join(' · ');
}

export function runSignOff(host: Host): SignOffResult {
  return withDocumentLock(host, () => {
    const result = signOffLocked(host);
    host.workbook.activate(result.sheet);
    host.ui.toast(signOffToast(result), SIGNOFF_TITLE);
    return result;
  });
}

export const signOffCommand = defineCommand({
  name: 'signoff',
  title: SIGNOFF_TITLE,
  run: (host) => runSignOff(host),
  json: (r: SignOffResult) => ({
    sheet: r.sheet,
    outcome: r.outcome,
    attached: r.attached,
    changed: r.changed,
    caution: r.caution || null,
  }),
  failed: (r) => r.outcome === 'layoutChanged',
  summary: (r) => `การรับรอง: ${signOffToast(r)}`,
});
