/**
 * The sidebar's server functions through the real bundle: a temporary entry re-exporting src/gas/panel.ts
 * (as src/gas/entry.ts does) is built by scripts/build.mjs and loaded in a bare node:vm context with the
 * strict SpreadsheetApp fake holding the sample workbook; showPanel, panelLoad and panelSelect are called
 * as top-level functions, as the menu and google.script.run call them.
 */
import vm from 'node:vm';
import { readWorkbook } from '../../src/commands/context';
import { panelData, type PanelData } from '../../src/core/panel';
import { installFakeGlobals, type FakeGas, type SeedCell } from '../fakes/spreadsheet-app';
import { sampleSeeds, sampleWorkbook } from '../helpers/workbooks';
import { buildPanel, PANEL_EXPORTS, removeBuild, type PanelBuild } from './panel-build';

type Bundle = {
  showPanel(): void;
  panelLoad(): PanelData;
  panelSelect(
    sheet: unknown,
    cell: unknown,
  ): { ok: boolean; sheet?: string; cell?: string; message?: string };
};

let build: PanelBuild;

beforeAll(() => {
  build = buildPanel();
});

afterAll(() => removeBuild(build));

const QUOTED = 'แผน\'ทดสอบ "ปี 66"';

/** The sample, plus a sheet whose name holds both kinds of quote. */
function seeds(): Record<string, SeedCell[][]> {
  return { ...sampleSeeds(), [QUOTED]: [['ข้อความ']] };
}

function load(sheets: Record<string, SeedCell[][]> = seeds()): { gas: FakeGas; bundle: Bundle } {
  const context = vm.createContext({});
  const gas = installFakeGlobals(context, {
    sheets,
    timeZone: 'Asia/Bangkok',
    htmlFiles: { panel: build.html },
  });
  vm.runInContext(build.code, context, { filename: 'Code.js' });
  return { gas, bundle: context as unknown as Bundle };
}

/** Plain objects out of the vm's realm. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function active(gas: FakeGas): { sheet: string; range: unknown } {
  const sheet = gas.state.sheets.find((s) => s.id === gas.state.activeSheetId);
  return { sheet: sheet?.name ?? '', range: sheet?.activeRange ?? null };
}

describe('the sidebar in the bundle', () => {
  test('the build makes a top-level function of each server function and writes panel.html', () => {
    expect([...build.functions].sort()).toEqual(PANEL_EXPORTS);
    expect(build.htmlFiles).toContain('panel.html');
    for (const name of PANEL_EXPORTS) expect(build.code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  test('loads without calling any service', () => {
    const { gas } = load();
    expect(gas.counter.total).toBe(0);
  });

  test('showPanel opens the Thai sidebar with the client inlined', () => {
    const { gas, bundle } = load();
    bundle.showPanel();
    expect(gas.ui.sidebars).toHaveLength(1);
    const [sidebar] = gas.ui.sidebars;
    expect(sidebar.title).toBe('แผงตรวจสอบ');
    expect(sidebar.content).toBe(build.html);
    expect(sidebar.content).not.toContain('<!-- inline:');
    expect(sidebar.content).toContain('<html lang="th">');
    // The client itself, bundled: it calls both server functions and never parses data as HTML.
    const script = /<script>([\s\S]*)<\/script>/.exec(sidebar.content)?.[1] ?? '';
    expect(script).toContain('.panelLoad()');
    expect(script).toContain('.panelSelect(');
    expect(script).not.toMatch(/\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write/);
    expect(script).not.toMatch(/\bimport\b|\bexport\b|\brequire\(/);
    expect(() => new vm.Script(script)).not.toThrow();
  });

  test('panelLoad returns the data panelData gives for the same workbook, read-only, no lock', () => {
    const { gas, bundle } = load();
    const before = gas.state.sheets.map((s) => gas.inspect(s.name).values());
    const calls = gas.counter.measure(() => plain(bundle.panelLoad()));
    const data = plain(bundle.panelLoad());
    const { inputs } = readWorkbook(sampleWorkbook());
    expect(data).toEqual(panelData(inputs, inputs.settings.asOf as string));
    expect(data.groups[0].findings.map((f) => f.cell)).toEqual(['K7', 'K27']);
    expect(data.headline.budget.total).toBe(386000);
    expect(data.headline.ita).toMatchObject({ totalText: '86.70', grade: 'A' });
    // Only reads: no lock taken, no setter called, no sheet changed.
    expect(Object.keys(calls.calls).some((k) => k.startsWith('LockService'))).toBe(false);
    expect(Object.keys(calls.calls).filter((k) => !/\.(get|is)[A-Z]\w*$/.test(k))).toEqual([]);
    expect(gas.state.sheets.map((s) => gas.inspect(s.name).values())).toEqual(before);
  });

  test('panelSelect brings the sheet to the front and selects the cell', () => {
    const { gas, bundle } = load();
    expect(active(gas).sheet).not.toBe('แผนปฏิบัติการ');
    expect(plain(bundle.panelSelect('แผนปฏิบัติการ', 'K27'))).toEqual({
      ok: true,
      sheet: 'แผนปฏิบัติการ',
      cell: 'K27',
    });
    expect(active(gas)).toEqual({ sheet: 'แผนปฏิบัติการ', range: { row: 27, col: 11, rows: 1, cols: 1 } });
    // A sheet name with quotes is looked up as it is, never spliced into an A1 string.
    expect(plain(bundle.panelSelect('ตั้งค่า', 'b2'))).toEqual({ ok: true, sheet: 'ตั้งค่า', cell: 'B2' });
    expect(plain(bundle.panelSelect(QUOTED, '$C$4'))).toEqual({ ok: true, sheet: QUOTED, cell: 'C4' });
    expect(active(gas)).toEqual({ sheet: QUOTED, range: { row: 4, col: 3, rows: 1, cols: 1 } });
  });

  function selectFails(bundle: Bundle, gas: FakeGas, sheet: unknown, cell: unknown): string {
    const before = active(gas);
    const result = plain(bundle.panelSelect(sheet, cell));
    expect(result.ok).toBe(false);
    expect(active(gas)).toEqual(before); // nothing moved
    return result.message ?? '';
  }

  test('a sheet deleted since loading, a bad address or a cell beyond the grid: a Thai message, no exception', () => {
    const { gas, bundle } = load();
    bundle.panelSelect('แผนปฏิบัติการ', 'K7');
    expect(selectFails(bundle, gas, 'ชีตที่ถูกลบ', 'A1')).toBe(
      'ไม่พบชีต "ชีตที่ถูกลบ" ในไฟล์นี้แล้ว (อาจถูกลบหรือเปลี่ยนชื่อ) กด "รีเฟรช" ในแผงตรวจสอบเพื่อโหลดรายการใหม่',
    );
    expect(selectFails(bundle, gas, 'แผนปฏิบัติการ', 'K7:K9')).toMatch(/^"K7:K9" ไม่ใช่ที่อยู่ของเซลล์/);
    expect(selectFails(bundle, gas, 'แผนปฏิบัติการ', '=HYPERLINK("x")')).toMatch(/ไม่ใช่ที่อยู่ของเซลล์/);
    expect(selectFails(bundle, gas, 'แผนปฏิบัติการ', 'A5000')).toMatch(
      /^ชีต "แผนปฏิบัติการ" ไม่มีเซลล์ A5000 แล้ว \(อาจมีการลบแถวหรือคอลัมน์\)/,
    );
    expect(selectFails(bundle, gas, 'แผนปฏิบัติการ', 'ZZ1')).toMatch(/ไม่มีเซลล์ ZZ1/);
    expect(selectFails(bundle, gas, undefined, 'A1')).toMatch(/^ไม่ทราบชีตหรือเซลล์/);
    expect(selectFails(bundle, gas, 'แผนปฏิบัติการ', 7)).toMatch(/^ไม่ทราบชีตหรือเซลล์/);
  });

  test('panelSelect makes a fixed handful of calls', () => {
    const { gas, bundle } = load();
    const calls = gas.counter.measure(() => bundle.panelSelect('แผนปฏิบัติการ', 'K7'));
    expect(calls.total).toBeLessThanOrEqual(8);
  });
});
