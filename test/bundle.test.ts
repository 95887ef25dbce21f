/**
 * dist/ as Apps Script receives it (built by the global setup): loaded in a bare node:vm context with the
 * strict SpreadsheetApp fake, onOpen and every menu handler run as Apps Script would call them.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { BUSY_MESSAGE } from '../src/commands/context';
import { GENERATED_SHEETS } from '../src/core/schema';
import { MENU, MENU_TITLE, menuHandlers } from '../src/gas/menu';
import { installFakeGlobals, type FakeGas } from './fakes/spreadsheet-app';
import { columnOf, dataRowOf, ROOT, sampleSeeds, sampleWorkbook } from './helpers/workbooks';

const DIST = path.join(ROOT, 'dist');
const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');

function topLevel(source: string): { functions: string[]; moduleSyntax: number } {
  const file = ts.createSourceFile('Code.js', source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const functions: string[] = [];
  let moduleSyntax = 0;
  for (const st of file.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) functions.push(st.name.text);
    if (ts.isImportDeclaration(st) || ts.isExportDeclaration(st) || ts.isExportAssignment(st)) moduleSyntax++;
  }
  return { functions, moduleSyntax };
}

type Bundle = Record<string, (...args: unknown[]) => unknown>;

function load(options: Parameters<typeof installFakeGlobals>[1] = {}): { gas: FakeGas; bundle: Bundle } {
  const context = vm.createContext({});
  const gas = installFakeGlobals(context, options);
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { gas, bundle: context as unknown as Bundle };
}

describe('the Apps Script bundle', () => {
  test('has no module syntax and a real top-level function for onOpen, onInstall and every menu handler', () => {
    const { functions, moduleSyntax } = topLevel(code);
    expect(moduleSyntax).toBe(0);
    expect(code).not.toMatch(/^(import|export) /m);
    expect(functions).toEqual(expect.arrayContaining(['onOpen', 'onInstall', ...menuHandlers()]));
  });

  test('loads without calling any service', () => {
    const { gas } = load();
    expect(gas.counter.total).toBe(0);
  });

  test('never reaches the network', () => {
    expect(code).not.toMatch(/UrlFetchApp|XMLHttpRequest|\bfetch\(/);
  });

  test('onOpen builds the Thai menu; every item names a top-level function', () => {
    const { gas, bundle } = load();
    bundle.onOpen({ authMode: 'LIMITED' });
    const [menu] = gas.ui.menus;
    expect(menu.caption).toBe(MENU_TITLE);
    const items = menu.items.map((i) => (i.kind === 'item' ? [i.caption, i.functionName] : 'separator'));
    expect(items).toEqual(MENU.map((e) => (e === 'separator' ? e : [e.label, e.handler])));
    for (const name of gas.ui.menuFunctions()) expect(typeof bundle[name]).toBe('function');
  });

  test('as a not yet enabled add-on (AuthMode.NONE) and on install, the menu goes under Extensions', () => {
    const { gas, bundle } = load();
    const none = (
      vm.runInContext('ScriptApp', bundle as unknown as vm.Context) as GoogleAppsScript.Script.ScriptApp
    ).AuthMode.NONE;
    bundle.onOpen({ authMode: none });
    bundle.onInstall({ authMode: 'FULL' });
    expect(gas.ui.menus[0].caption).toBeNull();
    expect(gas.ui.menus[1].caption).toBe(MENU_TITLE);
  });

  test('ตั้งค่า/ซ่อมแซมแม่แบบ builds the template in an empty spreadsheet', () => {
    const { gas, bundle } = load();
    bundle.menuSetupTemplate();
    const names = gas.state.sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['ตั้งค่า', 'อ้างอิง', 'คะแนน ITA', 'แผนปฏิบัติการ', 'มาตรการ ITA', 'ติดตามผล']),
    );
    expect(gas.inspect('แผนปฏิบัติการ').value(1, 1)).toBe('รหัสรายการ');
    expect(gas.ui.alerts).toEqual([]);
  });

  test('ตรวจสอบข้อมูล on the sample: report with links, marked cells, inputs unchanged; ล้างเครื่องหมาย restores', () => {
    const { gas, bundle } = load({ sheets: sampleSeeds() });
    const plan = gas.inspect('แผนปฏิบัติการ');
    const before = { values: plan.values(), formulas: plan.formulas() };
    const workbook = sampleWorkbook();
    const row = dataRowOf(workbook, 'plan', 6);
    const col = columnOf(workbook, 'plan', 'responsible');
    const formatBefore = plan.format(row, col);
    bundle.menuValidate();
    expect(gas.ui.alerts).toEqual([]);
    const report = gas.inspect(GENERATED_SHEETS.validation);
    const links = report
      .formulas()
      .flat()
      .filter((f) => f.startsWith('=HYPERLINK('));
    expect(links).toHaveLength(2);
    expect(plan.format(row, col).background).toBe('#f4cccc');
    expect(plan.note(row, col)).toContain('ข้อความตัวอย่าง');
    expect({ values: plan.values(), formulas: plan.formulas() }).toEqual(before);
    expect(gas.state.toasts.at(-1)?.message).toContain('ข้อผิดพลาด 2 รายการ');
    bundle.menuClearMarks();
    expect(plan.format(row, col)).toEqual(formatBefore);
    expect(plan.note(row, col)).toBe('');
  });

  test('คำนวณงบประมาณรายมิติ writes its sheet with a chart; the grand total is the sum of the items', () => {
    const { gas, bundle } = load({ sheets: sampleSeeds() });
    bundle.menuBudget();
    expect(gas.ui.alerts).toEqual([]);
    const sheet = gas.inspect(GENERATED_SHEETS.budget);
    const sheetState = gas.state.sheets.find((s) => s.name === GENERATED_SHEETS.budget);
    expect(sheetState?.charts.length).toBe(1);
    // 20,000 + 7,200 + 10,000 + 40,000 a year over five years (sample plan).
    expect(sheet.values().flat()).toContain(386000);
  });

  test('the Thai custom functions are top-level functions with @customfunction and answer whole ranges', () => {
    for (const name of ['THAIDATE', 'FISCALYEAR', 'PERIOD_START', 'PERIOD_END', 'THAIDIGITS']) {
      expect(code).toMatch(new RegExp(`@customfunction\\s*\\*/\\s*function ${name}\\(`));
    }
    const { bundle } = load();
    expect(bundle.THAIDIGITS([['2566'], [77200]])).toEqual([['๒๕๖๖'], ['๗๗๒๐๐']]);
    expect(bundle.FISCALYEAR('1/10/2565')).toBe(2566);
  });

  test('สรุปคะแนน ITA writes its sheet; ITA_TOTAL answers a whole range in one call', () => {
    const { gas, bundle } = load({ sheets: sampleSeeds() });
    bundle.menuItaSummary();
    expect(gas.ui.alerts).toEqual([]);
    expect(gas.inspect(GENERATED_SHEETS.ita).values().flat()).toContain(86.7);
    const scores = [92.63, 87.64, 91.34, 83.92, 88.82, 83.28, 68.9, 76.17, 86.0, 100.0];
    expect(bundle.ITA_TOTAL([scores, scores], [[2565], [2565]])).toEqual([[86.7], [86.7]]);
  });

  test('overdue, progress summary and tracking rows run from the menu, answering the prompts as a user would', () => {
    const { gas, bundle } = load({ sheets: sampleSeeds() });
    bundle.menuOverdue();
    expect(gas.state.sheets.map((s) => s.name)).toContain(GENERATED_SHEETS.overdue);
    gas.ui.script('OK', '2566').script('OK', '12');
    bundle.menuProgressSummary();
    expect(gas.state.sheets.map((s) => s.name)).toContain('สรุปความก้าวหน้า 12 เดือน 2566');
    gas.ui.script('OK', '2567');
    bundle.menuCreateTrackingRows();
    expect(gas.ui.alerts.filter((a) => a.title.includes('เกิดข้อผิดพลาด'))).toEqual([]);
    const tracking = gas.inspect('ติดตามผล').values();
    // The sample plan's 27 items run every year 2566–2570: 27 rows for 2566 and now 27 for 2567.
    expect(tracking.filter((row) => row[2] === 2567)).toHaveLength(27);
  });

  test('เตรียมส่งผู้บังคับบัญชา, then an edit: onOpen and the menu check say which sheet changed', () => {
    const { gas, bundle } = load({ sheets: sampleSeeds() });
    bundle.menuPrepare();
    expect(gas.ui.alerts).toEqual([]);
    for (const name of [GENERATED_SHEETS.budget, GENERATED_SHEETS.ita, GENERATED_SHEETS.signOff]) {
      expect(gas.state.sheets.map((s) => s.name)).toContain(name);
    }
    expect(gas.inspect(GENERATED_SHEETS.budget).state.protections.map((p) => p.warningOnly)).toEqual([true]);
    bundle.onOpen({ authMode: 'LIMITED' });
    const toastsAfterCleanOpen = gas.state.toasts.length;
    expect(gas.state.toasts.map((t) => t.message).join('\n')).not.toContain('ข้อมูลที่เปลี่ยน');
    gas.spreadsheet.getSheetByName('มาตรการ ITA')?.getRange(2, 2).setValue('แก้ไขแล้ว');
    bundle.onOpen({ authMode: 'LIMITED' });
    expect(gas.state.toasts).toHaveLength(toastsAfterCleanOpen + 1);
    expect(gas.state.toasts.at(-1)?.message).toContain('ข้อมูลที่เปลี่ยน: มาตรการ ITA');
    bundle.menuStaleCheck();
    expect(gas.state.toasts.at(-1)?.message).toContain('มาตรการ ITA');
    expect(gas.ui.alerts).toEqual([]);
  });

  test('when another user is running a command, it says so in Thai and writes nothing', () => {
    const { gas, bundle } = load({ sheets: sampleSeeds(), lock: 'busy' });
    const sheetsBefore = gas.state.sheets.map((s) => s.name);
    bundle.menuValidate();
    expect(gas.ui.alerts.map((a) => a.message)).toEqual([BUSY_MESSAGE]);
    expect(gas.state.sheets.map((s) => s.name)).toEqual(sheetsBefore);
  });
});

describe('the manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')) as Record<
    string,
    unknown
  >;

  test('asks for exactly this spreadsheet and the UI, runs V8 in Bangkok time', () => {
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Asia/Bangkok');
  });

  test('is what dist/ ships to clasp', () => {
    expect(JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'))).toEqual(manifest);
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.json'), 'utf8')).rootDir).toBe('dist');
  });
});
