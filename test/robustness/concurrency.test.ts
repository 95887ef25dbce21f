/**
 * Concurrency (issue 6, part 3): every command that writes holds the document lock while it writes,
 * asks for it with the 30-second timeout, always gives it back, and when someone else is running a
 * command it stops with the Thai message having written nothing. On the memory host with its FakeLock,
 * and for every menu handler through the real bundle over the fake's LockService.
 */
import { FakeLock, type MemoryWorkbook } from '../../src/adapters/memory/memory-workbook';
import { BUSY_MESSAGE, CommandError, LOCK_TIMEOUT_MS } from '../../src/commands/context';
import { menuHandlers } from '../../src/gas/menu';
import type { Host, WorkbookPort } from '../../src/port/workbook';
import { sampleWorkbook } from '../helpers/workbooks';
import { buildBundle, loadBundle, removeBundle, type BuiltBundle } from './bundle';
import { COMMANDS, fakeSeed, hostOf, workbookState } from './workbooks';

const WRITES: readonly (keyof WorkbookPort)[] = [
  'writeSheet',
  'writeCellLayer',
  'appendRows',
  'applyTemplate',
  'deleteSheet',
];

/** The host with a workbook that fails any write made without the lock, and counts the writes. */
function guarded(workbook: MemoryWorkbook): { host: Host & { lock: FakeLock }; writes: string[] } {
  const base = hostOf(workbook);
  const writes: string[] = [];
  const proxy = new Proxy(workbook, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || !WRITES.includes(prop as keyof WorkbookPort)) return value;
      return (...args: unknown[]) => {
        if (!base.lock.held) throw new Error(`${String(prop)} without the document lock`);
        writes.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { host: { ...base, workbook: proxy }, writes };
}

/** The sample after ตรวจสอบข้อมูล, so that ล้างเครื่องหมาย has marks to take off. */
function markedSample(): MemoryWorkbook {
  const workbook = sampleWorkbook();
  COMMANDS[0].run(hostOf(workbook));
  return workbook;
}

describe('memory host', () => {
  test.each(COMMANDS)(
    '$name writes only while holding the lock, asked once with the timeout, then released',
    (command) => {
      const { host, writes } = guarded(markedSample());
      command.run(host);
      expect(writes.length).toBeGreaterThan(0);
      expect(host.lock.timeouts).toEqual([LOCK_TIMEOUT_MS]);
      expect(host.lock.held).toBe(false);
    },
  );

  test.each(COMMANDS)(
    '$name, while someone else runs a command: the Thai message, nothing written',
    (command) => {
      const workbook = markedSample();
      const before = workbookState(workbook);
      const { host, writes } = guarded(workbook);
      host.lock.busy = true;
      let error: unknown;
      try {
        command.run(host);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CommandError);
      expect(error).toMatchObject({ message: BUSY_MESSAGE, title: 'กรุณารอสักครู่' });
      expect(BUSY_MESSAGE).toMatch(/มีผู้ใช้อื่นกำลังใช้คำสั่ง.*กรุณารอสักครู่แล้วลองใหม่/);
      expect(writes).toEqual([]);
      expect(workbookState(workbook)).toEqual(before);
    },
  );

  test('the lock is given back when a command stops with an error or fails while writing', () => {
    const stopped = sampleWorkbook();
    stopped.requireSheet('ติดตามผล').cells[0][1].value = null; // no "ชื่อรายการ": fine; no code: stop
    stopped.requireSheet('ติดตามผล').cells[0][0].value = null;
    const { host } = guarded(stopped);
    expect(() => COMMANDS.find((c) => c.name === 'budget')?.run(host)).toThrow(CommandError);
    expect(host.lock.held).toBe(false);

    const failing = hostOf(sampleWorkbook());
    failing.workbook.writeSheet = () => {
      throw new Error('the service failed');
    };
    expect(() => COMMANDS[0].run(failing)).toThrow('the service failed');
    expect(failing.lock.held).toBe(false);
  });
});

describe('through the Apps Script bundle, LockService busy', () => {
  let bundle: BuiltBundle;
  beforeAll(() => {
    bundle = buildBundle();
  });
  afterAll(() => removeBundle(bundle));

  /** Read-only handlers: they take no lock and never write. */
  const READ_ONLY = new Set(['showPanel']);

  test.each(menuHandlers())(
    '%s: the Thai busy message, asked with the timeout, nothing written',
    (handler) => {
      const seed = fakeSeed(markedSample());
      const { gas, globals } = loadBundle(bundle, { sheets: seed.sheets, lock: 'busy' });
      const before = JSON.stringify(gas.state.sheets);
      // Questions asked before the lock are answered with their suggested values.
      gas.ui.script('OK', '').script('OK', '').script('OK', '');
      globals[handler]();
      expect(JSON.stringify(gas.state.sheets)).toBe(before);
      if (READ_ONLY.has(handler)) {
        expect(gas.lock.attempts).toEqual([]);
        return;
      }
      expect(gas.ui.alerts.map((a) => a.message)).toContain(BUSY_MESSAGE);
      expect(gas.lock.attempts.length).toBeGreaterThan(0);
      expect(new Set(gas.lock.attempts)).toEqual(new Set([LOCK_TIMEOUT_MS]));
      expect(gas.lock.held).toBe(false);
    },
  );

  test.each(menuHandlers().filter((h) => !READ_ONLY.has(h)))(
    '%s with the lock free: taken with the timeout and given back',
    (handler) => {
      const seed = fakeSeed(markedSample());
      const { gas, globals } = loadBundle(bundle, { sheets: seed.sheets });
      gas.ui.script('OK', '').script('OK', '').script('OK', '');
      globals[handler]();
      expect(gas.ui.alerts.filter((a) => a.title.includes('เกิดข้อผิดพลาด'))).toEqual([]);
      expect(gas.lock.attempts.length).toBeGreaterThan(0);
      expect(new Set(gas.lock.attempts)).toEqual(new Set([LOCK_TIMEOUT_MS]));
      expect(gas.lock.releases).toBe(gas.lock.attempts.length);
      expect(gas.lock.held).toBe(false);
    },
  );
});
