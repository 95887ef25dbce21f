/**
 * The built sidebar (panel.html with its client inlined by scripts/build.mjs) in headless Chromium —
 * Debian's /usr/bin/chromium driven by playwright-core, which never downloads a browser. A stub of
 * google.script.run, installed before the page's own script runs, records every server call and answers
 * panelLoad with canned data holding user text that looks like HTML.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { RULES } from '../../src/core/findings';
import type { PanelData } from '../../src/core/panel';
import { buildPanel, removeBuild, type PanelBuild } from './panel-build';

const CHROMIUM = process.env.ITA_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const XSS = '<img src=x onerror=alert(1)>';
const QUOTED_SHEET = `แผน'ทดสอบ "ปี 66"`;
const PLAN = 'แผนปฏิบัติการ';

const DATA: PanelData = {
  asOf: '2023-09-20',
  asOfText: '20 ก.ย. 2566',
  organisation: 'องค์การบริหารส่วนตำบลทดสอบ',
  headline: {
    errors: 3,
    warnings: 250,
    overdue: 4,
    dueSoon: 7,
    dueSoonDays: 30,
    deadlineUnreadable: 0,
    budget: {
      total: 386000,
      totalText: '386,000',
      fiscalYears: [2566, 2567, 2568, 2569, 2570],
      yearsText: 'พ.ศ. 2566–2570',
      incomplete: false,
      unreadableCells: 0,
      problem: null,
    },
    ita: { year: 2565, total: 86.7, totalText: '86.70', grade: 'A' },
  },
  groups: [
    {
      rule: 'placeholder',
      title: RULES.placeholder.title,
      severity: 'error',
      count: 2,
      hidden: 0,
      findings: [
        {
          sheet: PLAN,
          cell: 'K7',
          row: 7,
          col: 11,
          severity: 'error',
          problem: 'ยังเป็นข้อความตัวอย่างของแบบฟอร์ม ให้ระบุชื่อหน่วยงานที่รับผิดชอบจริง เช่น สำนักปลัด',
          value: 'ระบุหน่วยงานที่รับผิดชอบดำเนินการ',
          selectable: true,
        },
        {
          sheet: QUOTED_SHEET,
          cell: 'K27',
          row: 27,
          col: 11,
          severity: 'error',
          problem: `ไม่พบหน่วยงาน "${XSS}" ในชีตอ้างอิง`,
          value: XSS,
          selectable: true,
        },
      ],
    },
    {
      rule: 'missing-sheet',
      title: RULES['missing-sheet'].title,
      severity: 'error',
      count: 1,
      hidden: 0,
      findings: [
        {
          sheet: 'คะแนน ITA',
          cell: 'A1',
          row: 1,
          col: 1,
          severity: 'error',
          problem: 'ไม่พบชีต "คะแนน ITA" เลือกเมนู ITA Sheets › ตั้งค่า/ซ่อมแซมแม่แบบ เพื่อสร้างชีตนี้',
          value: '',
          selectable: false,
        },
      ],
    },
    {
      rule: 'status-percent',
      title: RULES['status-percent'].title,
      severity: 'warning',
      count: 250,
      hidden: 249,
      findings: [
        {
          sheet: 'มาตรการ ITA',
          cell: 'J2',
          row: 2,
          col: 10,
          severity: 'warning',
          problem: 'สถานะ "ดำเนินการแล้วเสร็จ" แต่ร้อยละความก้าวหน้าเป็น 50',
          value: '50',
          selectable: true,
        },
      ],
    },
  ],
  validationSheet: 'ผลการตรวจสอบ',
};

/** How the stub answers; changed at run time through window.__stub. */
interface StubConfig {
  data: PanelData;
  /** panelLoad fails with this message (as a server exception reaches the failure handler). */
  loadError: string | null;
  /** panelSelect fails with this message. */
  selectError: string | null;
  /** panelSelect answers { ok: false, message } with this message. */
  selectRefusal: string | null;
}

interface Call {
  name: string;
  args: unknown[];
  success: boolean;
  failure: boolean;
}

/**
 * google.script.run as Apps Script gives it to a page: every withSuccessHandler/withFailureHandler returns
 * a runner with that handler set; calling a server function returns nothing and calls a handler later.
 * Runs in the page, before the page's scripts (serialised by Playwright: plain JavaScript only).
 */
function installStub(config: StubConfig): void {
  type Handler = ((value: unknown) => void) | null;
  const w = window as unknown as Record<string, unknown>;
  const calls: Call[] = [];
  w.__calls = calls;
  w.__stub = config;
  const runner = (success: Handler, failure: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_target, name) {
          if (name === 'withSuccessHandler') return (fn: Handler) => runner(fn, failure);
          if (name === 'withFailureHandler') return (fn: Handler) => runner(success, fn);
          return (...args: unknown[]) => {
            calls.push({ name: String(name), args, success: !!success, failure: !!failure });
            const stub = w.__stub as StubConfig;
            setTimeout(() => {
              if (name === 'panelLoad') {
                if (stub.loadError) failure?.(new Error(stub.loadError));
                else success?.(JSON.parse(JSON.stringify(stub.data)));
              } else if (name === 'panelSelect') {
                if (stub.selectError) failure?.(new Error(stub.selectError));
                else if (stub.selectRefusal) success?.({ ok: false, message: stub.selectRefusal });
                else success?.({ ok: true, sheet: args[0], cell: args[1] });
              } else {
                failure?.(new Error(`Script function not found: ${String(name)}`));
              }
            }, 5);
          };
        },
      },
    );
  w.google = { script: { run: runner(null, null) } };
}

let build: PanelBuild;
let browser: Browser;
let pageUrl: string;

beforeAll(async () => {
  build = buildPanel();
  pageUrl = pathToFileURL(path.join(build.dir, 'dist', 'panel.html')).href;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  removeBuild(build);
});

interface Opened {
  page: Page;
  dialogs: string[];
  pageErrors: string[];
  requests: string[];
}

const opened: Opened[] = [];

afterEach(async () => {
  // Every page must run without a script error, and none may ever show a dialog.
  for (const o of opened.splice(0)) {
    expect(o.pageErrors).toEqual([]);
    expect(o.dialogs).toEqual([]);
    await o.page.context().close();
  }
});

async function openPanel(config: Partial<StubConfig> = {}, stub = true): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 300, height: 800 } });
  const page = await context.newPage();
  const o: Opened = { page, dialogs: [], pageErrors: [], requests: [] };
  opened.push(o);
  page.on('dialog', (dialog) => {
    o.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => o.pageErrors.push(error.message));
  page.on('request', (request) => o.requests.push(request.url()));
  if (stub) {
    await page.addInitScript(installStub, {
      data: DATA,
      loadError: null,
      selectError: null,
      selectRefusal: null,
      ...config,
    });
  }
  await page.goto(pageUrl);
  return o;
}

const calls = (page: Page): Promise<Call[]> =>
  page.evaluate(() => (window as unknown as { __calls: Call[] }).__calls);

const status = (page: Page) =>
  page.evaluate(() => {
    const element = document.getElementById('status') as HTMLElement;
    return {
      text: element.textContent ?? '',
      kind: element.dataset.kind ?? '',
      role: element.getAttribute('role'),
    };
  });

/** Waits until the status message contains `text`. */
async function statusContains(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (t) => (document.getElementById('status')?.textContent ?? '').includes(t),
    text,
    {
      timeout: 5000,
    },
  );
}

const loaded = (page: Page) => statusContains(page, 'โหลดข้อมูลแล้ว');

/** The focused element, described. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    return {
      id: element.id,
      className: element.className,
      text: element.textContent ?? '',
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });

describe('the แผงตรวจสอบ sidebar in Chromium', () => {
  test('asks for its data once and renders the headline numbers and the groups', async () => {
    const { page } = await openPanel();
    await loaded(page);
    expect(await calls(page)).toEqual([{ name: 'panelLoad', args: [], success: true, failure: true }]);
    const cards = await page.$$eval('#cards .card', (items) =>
      items.map((li) => Array.from(li.children).map((c) => c.textContent)),
    );
    expect(cards).toEqual([
      ['ข้อผิดพลาด', '3', 'รายการ'],
      ['คำเตือน', '250', 'รายการ'],
      ['เลยกำหนด', '4', 'รายการ ณ 20 ก.ย. 2566'],
      ['ใกล้ครบกำหนด', '7', 'รายการ ภายใน 30 วัน'],
      ['งบประมาณรวม', '386,000', 'บาท พ.ศ. 2566–2570'],
      ['ITA ล่าสุด', '86.70', 'ปี 2565 · ผลการประเมิน A'],
    ]);
    expect(await page.textContent('#context')).toBe('องค์การบริหารส่วนตำบลทดสอบ · ข้อมูล ณ วันที่ 20 ก.ย. 2566');

    const groups = await page.$$eval('.group', (sections) =>
      sections.map((s) => {
        const toggle = s.querySelector('h3 > button') as HTMLButtonElement;
        const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
        return {
          title: s.querySelector('.group-title')?.textContent,
          badge: s.querySelector('.badge')?.textContent,
          expanded: toggle.getAttribute('aria-expanded'),
          inGroup: s.contains(list),
          buttons: Array.from(list.querySelectorAll('button.finding')).map(
            (b) => b.querySelector('.where')?.textContent,
          ),
          items: list.querySelectorAll('li').length,
          more: s.querySelector('.more')?.textContent ?? null,
        };
      }),
    );
    expect(groups).toEqual([
      {
        title: 'ยังเป็นข้อความตัวอย่างของแบบฟอร์ม',
        badge: 'ข้อผิดพลาด 2',
        expanded: 'true',
        inGroup: true,
        buttons: [`${PLAN}!K7`, `${QUOTED_SHEET}!K27`],
        items: 2,
        more: null,
      },
      {
        title: 'ไม่พบชีตที่จำเป็น',
        badge: 'ข้อผิดพลาด 1',
        expanded: 'true',
        inGroup: true,
        buttons: [], // a missing sheet has no cell to go to: shown, not a button
        items: 1,
        more: null,
      },
      {
        title: 'สถานะกับร้อยละความก้าวหน้าไม่สอดคล้องกัน',
        badge: 'คำเตือน 250',
        expanded: 'true',
        inGroup: true,
        buttons: ['มาตรการ ITA!J2'],
        items: 1,
        more: 'แสดง 1 จาก 250 รายการ ดูทั้งหมดในชีต "ผลการตรวจสอบ" (เมนู ITA Sheets › ตรวจสอบข้อมูล)',
      },
    ]);
    expect(await page.getAttribute('button.finding >> nth=0', 'aria-label')).toBe(
      `ข้อผิดพลาด ชีต ${PLAN} เซลล์ K7: ${DATA.groups[0].findings[0].problem} (กดเพื่อไปยังเซลล์)`,
    );
    expect(await status(page)).toMatchObject({ kind: 'ok', role: 'status' });
    expect(await page.getAttribute('#content', 'aria-busy')).toBe('false');
  });

  test('clicking a finding calls panelSelect with exactly its sheet and cell', async () => {
    const { page } = await openPanel();
    await loaded(page);
    await page.click(`button.finding:has-text("K27")`);
    const last = (await calls(page)).at(-1);
    expect(last).toEqual({ name: 'panelSelect', args: [QUOTED_SHEET, 'K27'], success: true, failure: true });
    await statusContains(page, 'เลือกเซลล์ K27');
    expect(await status(page)).toEqual({
      text: `เลือกเซลล์ K27 ในชีต "${QUOTED_SHEET}" แล้ว`,
      kind: 'ok',
      role: 'status',
    });
    expect(await page.getAttribute('button.finding:has-text("K27")', 'aria-current')).toBe('true');
    expect(await page.$$('[aria-current]')).toHaveLength(1);
  });

  test('works with the keyboard: Tab order, visible focus, Enter and Space select, groups fold', async () => {
    const { page } = await openPanel();
    await loaded(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ id: 'refresh' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ className: 'group-toggle' });
    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first).toMatchObject({ className: 'finding' });
    expect(first.text).toContain(`${PLAN}!K7`);
    expect(first.outline).toMatch(/^solid [1-9]/); // the focus ring is visible
    const before = (await calls(page)).length;
    await page.keyboard.press('Enter');
    expect((await calls(page)).slice(before)).toEqual([
      { name: 'panelSelect', args: [PLAN, 'K7'], success: true, failure: true },
    ]);
    await statusContains(page, 'เลือกเซลล์ K7');

    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toContain(`${QUOTED_SHEET}!K27`);
    await page.keyboard.press('Space');
    expect((await calls(page)).at(-1)).toMatchObject({ name: 'panelSelect', args: [QUOTED_SHEET, 'K27'] });

    // Fold the first group from the keyboard: its findings leave the page and the Tab order.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ className: 'group-toggle' });
    await page.keyboard.press('Enter');
    expect(await page.getAttribute('.group-toggle >> nth=0', 'aria-expanded')).toBe('false');
    expect(await page.isVisible(`button.finding:has-text("K7")`)).toBe(false);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ className: 'group-toggle' });
    expect((await focused(page)).text).toContain('ไม่พบชีตที่จำเป็น');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('.group-toggle >> nth=0', 'aria-expanded')).toBe('true');
    expect(await page.isVisible(`button.finding:has-text("K7")`)).toBe(true);
  });

  test('user text that looks like HTML is shown as text: no element made, no script run', async () => {
    const o = await openPanel();
    const { page } = o;
    await loaded(page);
    const texts = await page.$$eval('button.finding:has-text("K27") span', (spans) =>
      spans.map((s) => s.textContent),
    );
    expect(texts).toEqual([`${QUOTED_SHEET}!K27`, `ไม่พบหน่วยงาน "${XSS}" ในชีตอ้างอิง`, `ค่าที่กรอก: ${XSS}`]);
    expect(await page.isVisible(`text=ค่าที่กรอก: ${XSS}`)).toBe(true);
    // Give an injected image time to fail and fire its handler, had one been made.
    await page.waitForTimeout(300);
    expect(await page.$$eval('img', (images) => images.length)).toBe(0);
    expect(o.requests.filter((u) => u !== pageUrl)).toEqual([]);
    // afterEach checks that no dialog opened and no script failed.
  });

  test('a failed load shows the Thai error; รีเฟรช loads again', async () => {
    const { page } = await openPanel({ loadError: 'Exception: Service Spreadsheets timed out' });
    await statusContains(page, 'โหลดข้อมูลไม่สำเร็จ');
    expect(await status(page)).toEqual({
      text: 'โหลดข้อมูลไม่สำเร็จ: Exception: Service Spreadsheets timed out กรุณากด "รีเฟรช" เพื่อลองใหม่ (ข้อมูลในชีตไม่ถูกแก้ไข)',
      kind: 'error',
      role: 'status',
    });
    expect(await page.$$('.card')).toHaveLength(0);
    await page.evaluate(() => {
      (window as unknown as { __stub: StubConfig }).__stub.loadError = null;
    });
    await page.click('#refresh');
    await loaded(page);
    expect((await calls(page)).map((c) => c.name)).toEqual(['panelLoad', 'panelLoad']);
    expect(await page.$$('.card')).toHaveLength(6);
  });

  test('a failed or refused selection shows the Thai message', async () => {
    const { page } = await openPanel({ selectError: 'Exception: Service error' });
    await loaded(page);
    await page.click(`button.finding:has-text("K7")`);
    await statusContains(page, 'ไม่สำเร็จ');
    expect(await status(page)).toEqual({
      text: `ไปยังเซลล์ K7 ในชีต "${PLAN}" ไม่สำเร็จ: Exception: Service error`,
      kind: 'error',
      role: 'status',
    });
    const refusal = 'ไม่พบชีต "แผนปฏิบัติการ" ในไฟล์นี้แล้ว (อาจถูกลบหรือเปลี่ยนชื่อ)';
    await page.evaluate((message) => {
      const stub = (window as unknown as { __stub: StubConfig }).__stub;
      stub.selectError = null;
      stub.selectRefusal = message;
    }, refusal);
    await page.click(`button.finding:has-text("K7")`);
    await statusContains(page, refusal);
    expect(await status(page)).toMatchObject({ text: refusal, kind: 'error' });
    expect(await page.$$('[aria-current]')).toHaveLength(0);
  });

  test('opened outside Google Sheets (no google.script.run), says so in Thai', async () => {
    const { page } = await openPanel({}, false);
    await statusContains(page, 'ITA Sheets');
    expect(await status(page)).toMatchObject({
      text: 'แผงนี้ใช้ได้เมื่อเปิดจากเมนู ITA Sheets ใน Google ชีตเท่านั้น',
      kind: 'error',
    });
  });
});
