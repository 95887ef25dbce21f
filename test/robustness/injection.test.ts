/**
 * Injection (issue 6, part 4): user text copied into generated sheets can never become a formula, a
 * number or a date. The sample with every text cell (headers and setting labels aside, so the commands
 * still find them) starting with "=", "+", "-" or "@" goes through the Google Sheets adapter into the
 * strict fake, which parses what setValues gets as USER_ENTERED input. For every sheet each command
 * writes, every cell is what the model said: strings stay the same strings, the only formulas are the
 * add-in's own (its cell links), and the appended tracking rows keep their text too.
 */
import { GasWorkbook } from '../../src/adapters/gas';
import { FakeLock, RecordingUi } from '../../src/adapters/memory/memory-workbook';
import {
  isDateCell,
  isFormulaCell,
  isLinkCell,
  type OutCell,
  type SheetModel,
} from '../../src/core/sheet-model';
import type { Host, WorkbookPort } from '../../src/port/workbook';
import { createFakeGas, type FakeGas } from '../fakes/spreadsheet-app';
import { sampleWorkbook } from '../helpers/workbooks';
import { COMMANDS, fakeSeed, INPUT_NAMES, NOW } from './workbooks';

const LEADS = ['=', '+', '-', '@'];

/**
 * The sample, every user text cell starting with one of = + - @ (in turn). `keepPeriods` leaves the
 * plan's periods readable, so that "สร้างแถวติดตามผล" knows which items run in the year and copies
 * their (hostile) codes, names and units into new rows.
 */
function hostileWorkbook(keepPeriods = false) {
  const workbook = sampleWorkbook();
  const periodCol = workbook
    .requireSheet('แผนปฏิบัติการ')
    .cells[0].findIndex((c) => c.value === 'ระยะเวลาดำเนินการ');
  let n = 0;
  for (const name of INPUT_NAMES) {
    const sheet = workbook.requireSheet(name);
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const isHeader = r === 0;
        const isLabel = name === 'ตั้งค่า' && c === 0;
        const kept = keepPeriods && name === 'แผนปฏิบัติการ' && c === periodCol;
        if (isHeader || isLabel || kept || typeof cell.value !== 'string' || cell.value === '') return;
        cell.value = `${LEADS[n++ % LEADS.length]}${cell.value}`;
      }),
    );
  }
  return workbook;
}

interface Written {
  models: Map<string, SheetModel>;
  appended: { sheet: string; firstRow: number; rows: readonly OutCell[][] }[];
}

/** The Google Sheets adapter over the fake, recording what each command asked it to write. */
function gasHostOver(gas: FakeGas): { host: Host; written: Written } {
  const workbook = new GasWorkbook(gas.spreadsheet, gas.SpreadsheetApp);
  const written: Written = { models: new Map(), appended: [] };
  const recorder: WorkbookPort = new Proxy(workbook, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'writeSheet') written.models.set((args[0] as SheetModel).name, args[0] as SheetModel);
        if (prop === 'appendRows') {
          written.appended.push({
            sheet: args[0] as string,
            firstRow: args[1] as number,
            rows: args[2] as OutCell[][],
          });
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    host: { workbook: recorder, ui: new RecordingUi(), lock: new FakeLock(), now: () => NOW },
    written,
  };
}

/** Checks one cell of the fake against what the add-in meant to write there. */
function expectCell(gas: FakeGas, sheet: string, row: number, col: number, cell: OutCell): void {
  const view = gas.inspect(sheet);
  const content = view.content(row, col);
  const where = `${sheet}!R${row}C${col}`;
  if (cell === null || cell === undefined || cell === '') {
    expect({ where, content }).toEqual({ where, content: undefined });
  } else if (typeof cell === 'string') {
    expect({ where, content }).toEqual({ where, content: cell });
    expect(view.value(row, col)).toBe(cell);
  } else if (typeof cell === 'number' || typeof cell === 'boolean') {
    expect({ where, content }).toEqual({ where, content: cell });
  } else if (isLinkCell(cell)) {
    expect(view.formula(row, col)).toMatch(/^=HYPERLINK\("#gid=\d+&range=[A-Z]+\d+","/);
    expect(view.value(row, col)).toBe(cell.text);
  } else if (isFormulaCell(cell)) {
    expect(view.formula(row, col)).toBe(cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`);
  } else if (isDateCell(cell)) {
    expect(view.value(row, col)).toBeInstanceOf(Date);
  }
}

/** The commands that copy workbook text into what they write (the stale check writes only its banners). */
const GENERATING = COMMANDS.filter((c) => !['clear-marks', 'setup-template', 'stale'].includes(c.name));

describe.each(GENERATING)('$name through the Google Sheets adapter', (command) => {
  let gas: FakeGas;
  let written: Written;

  beforeAll(() => {
    const seed = fakeSeed(hostileWorkbook(command.name === 'tracking-rows'));
    gas = createFakeGas({ sheets: seed.sheets });
    const setup = gasHostOver(gas);
    written = setup.written;
    command.run(setup.host);
  });

  test('every cell of every sheet it writes is exactly what the model says: text stays text', () => {
    expect(written.models.size + written.appended.length).toBeGreaterThan(0);
    for (const [name, model] of written.models) {
      model.rows.forEach((line, r) => line.forEach((cell, c) => expectCell(gas, name, r + 1, c + 1, cell)));
    }
    for (const { sheet, firstRow, rows } of written.appended) {
      rows.forEach((line, r) => line.forEach((cell, c) => expectCell(gas, sheet, firstRow + r, c + 1, cell)));
    }
  });

  test('the only formulas in what it wrote are its own links', () => {
    for (const name of written.models.keys()) {
      for (const formula of gas.inspect(name).formulas().flat()) {
        if (formula) expect(formula).toMatch(/^=HYPERLINK\("#gid=\d+&range=[A-Z]+\d+","/);
      }
    }
  });

  test('user text starting with = + - @ was copied (the check above is not empty)', () => {
    const copied = [
      ...[...written.models.values()].flatMap((m) => m.rows.flat()),
      ...written.appended.flatMap((a) => a.rows.flat()),
    ].filter(
      (cell): cell is string => typeof cell === 'string' && LEADS.includes(cell[0]) && cell.length > 1,
    );
    expect(copied.length).toBeGreaterThan(0);
  });
});

test('across the commands, every one of = + - @ leads some copied text', () => {
  const seed = fakeSeed(hostileWorkbook());
  const gas = createFakeGas({ sheets: seed.sheets });
  const { host, written } = gasHostOver(gas);
  for (const command of GENERATING) command.run(host);
  const leads = new Set(
    [...written.models.values()]
      .flatMap((m) => m.rows.flat())
      .filter((cell): cell is string => typeof cell === 'string' && cell.length > 1)
      .map((cell) => cell[0]),
  );
  for (const lead of LEADS) expect(leads).toContain(lead);
});
