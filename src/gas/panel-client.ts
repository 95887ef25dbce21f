/**
 * Browser code of the "แผงตรวจสอบ" sidebar, inlined into panel.html at build. It asks the server for the
 * panel data (panelLoad), draws it, and selects a finding's cell (panelSelect) on click, Enter or Space.
 *
 * Everything that came from the workbook is put in the page with textContent or setAttribute, never as
 * HTML: a cell holding `<img src=x onerror=…>` must show as those characters.
 */
import type { PanelData, PanelFinding, PanelGroup } from '../core/panel';
import type { PanelSelectResult } from './panel';

/** The part of Apps Script's client API this page uses. */
interface ScriptRunner {
  withSuccessHandler(handler: (value: never) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  panelLoad(): void;
  panelSelect(sheet: string, cell: string): void;
}

declare const google: { script: { run: ScriptRunner } } | undefined;

const SEVERITY_LABEL = { error: 'ข้อผิดพลาด', warning: 'คำเตือน' } as const;

type StatusKind = 'info' | 'ok' | 'error';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`panel.html has no #${id}`);
  return element as T;
}

/** An element with text content only (never markup) and plain attributes. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  children: Node[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) element.appendChild(child);
  return element;
}

function errorDetail(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

/** The server runner, or null when the page was opened outside Google Sheets. */
function runner(): ScriptRunner | null {
  return typeof google !== 'undefined' && google?.script?.run ? google.script.run : null;
}

const NOT_IN_SHEETS = 'แผงนี้ใช้ได้เมื่อเปิดจากเมนู ITA Sheets ใน Google ชีตเท่านั้น';

class Panel {
  private readonly refreshButton = byId<HTMLButtonElement>('refresh');
  private readonly status = byId<HTMLElement>('status');
  private readonly context = byId<HTMLElement>('context');
  private readonly content = byId<HTMLElement>('content');
  private readonly cards = byId<HTMLElement>('cards');
  private readonly groups = byId<HTMLElement>('groups');
  private loading = false;
  private current: HTMLElement | null = null;

  start(): void {
    // aria-disabled rather than disabled: a disabled button drops keyboard focus while loading.
    this.refreshButton.addEventListener('click', () => this.load());
    this.load();
  }

  private setStatus(text: string, kind: StatusKind = 'info'): void {
    this.status.textContent = text;
    this.status.setAttribute('data-kind', kind);
  }

  private setLoading(loading: boolean): void {
    this.loading = loading;
    this.refreshButton.setAttribute('aria-disabled', String(loading));
    this.content.setAttribute('aria-busy', String(loading));
  }

  load(): void {
    if (this.loading) return;
    const run = runner();
    if (!run) {
      this.setStatus(NOT_IN_SHEETS, 'error');
      this.content.setAttribute('aria-busy', 'false');
      return;
    }
    this.setLoading(true);
    this.setStatus('กำลังโหลดข้อมูลจากชีต…');
    run
      .withSuccessHandler((data: PanelData) => {
        this.setLoading(false);
        try {
          this.render(data);
          this.setStatus(`โหลดข้อมูลแล้ว เวลา ${clock()} น.`, 'ok');
        } catch (error) {
          this.setStatus(`แสดงข้อมูลไม่ได้: ${errorDetail(error)} กรุณากด "รีเฟรช"`, 'error');
        }
      })
      .withFailureHandler((error) => {
        this.setLoading(false);
        this.setStatus(
          `โหลดข้อมูลไม่สำเร็จ: ${errorDetail(error)} กรุณากด "รีเฟรช" เพื่อลองใหม่ (ข้อมูลในชีตไม่ถูกแก้ไข)`,
          'error',
        );
      })
      .panelLoad();
  }

  private select(finding: PanelFinding, button: HTMLElement): void {
    const run = runner();
    if (!run) {
      this.setStatus(NOT_IN_SHEETS, 'error');
      return;
    }
    const where = `เซลล์ ${finding.cell} ในชีต "${finding.sheet}"`;
    this.setStatus(`กำลังไปยัง${where}…`);
    run
      .withSuccessHandler((result: PanelSelectResult) => {
        if (result && result.ok) {
          this.current?.removeAttribute('aria-current');
          button.setAttribute('aria-current', 'true');
          this.current = button;
          this.setStatus(`เลือก${where} แล้ว`, 'ok');
        } else {
          this.setStatus(result?.message || `ไปยัง${where} ไม่ได้`, 'error');
        }
      })
      .withFailureHandler((error) => {
        this.setStatus(`ไปยัง${where} ไม่สำเร็จ: ${errorDetail(error)}`, 'error');
      })
      .panelSelect(finding.sheet, finding.cell);
  }

  private render(data: PanelData): void {
    if (!data || !data.headline || !Array.isArray(data.groups)) throw new Error('ข้อมูลไม่ครบ');
    this.context.textContent = data.organisation
      ? `${data.organisation} · ข้อมูล ณ วันที่ ${data.asOfText}`
      : `ข้อมูล ณ วันที่ ${data.asOfText}`;
    this.cards.replaceChildren(...cardsOf(data));
    this.current = null;
    this.groups.replaceChildren(...groupsOf(data, (f, b) => this.select(f, b)));
  }
}

function clock(): string {
  const now = new Date();
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

type Tone = 'error' | 'warning' | 'ok' | 'plain';

function card(label: string, value: string, note: string, tone: Tone): HTMLElement {
  return el('li', { className: 'card', attrs: { 'data-tone': tone } }, [
    el('span', { className: 'label', text: label }),
    el('span', { className: 'value', text: value }),
    el('span', { className: 'note', text: note }),
  ]);
}

const count = (n: number): string => n.toLocaleString('en-US');

function cardsOf(data: PanelData): HTMLElement[] {
  const h = data.headline;
  const budget = h.budget;
  const budgetNote = budget.problem
    ? budget.problem
    : `บาท ${budget.yearsText}${budget.incomplete ? ` · ยอดยังไม่ครบ (อ่านจำนวนเงินไม่ได้ ${budget.unreadableCells} ช่อง)` : ''}`;
  const ita = h.ita;
  return [
    card('ข้อผิดพลาด', count(h.errors), 'รายการ', h.errors ? 'error' : 'ok'),
    card('คำเตือน', count(h.warnings), 'รายการ', h.warnings ? 'warning' : 'ok'),
    card('เลยกำหนด', count(h.overdue), `รายการ ณ ${data.asOfText}`, h.overdue ? 'error' : 'ok'),
    card('ใกล้ครบกำหนด', count(h.dueSoon), `รายการ ภายใน ${h.dueSoonDays} วัน`, h.dueSoon ? 'warning' : 'ok'),
    card(
      'งบประมาณรวม',
      budget.total === null ? '-' : budget.totalText,
      budgetNote,
      budget.total === null || budget.incomplete ? 'warning' : 'plain',
    ),
    ita.year === null
      ? card('ITA ล่าสุด', ita.totalText, 'ยังไม่มีปีที่กรอกคะแนนครบทุกตัวชี้วัด', 'plain')
      : card('ITA ล่าสุด', ita.totalText, `ปี ${ita.year} · ผลการประเมิน ${ita.grade ?? '-'}`, 'plain'),
  ];
}

function findingItem(
  finding: PanelFinding,
  onSelect: (finding: PanelFinding, button: HTMLElement) => void,
): HTMLElement {
  const where = `${finding.sheet}!${finding.cell}`;
  const parts = [
    el('span', { className: 'where', text: where }),
    el('span', { className: 'problem', text: finding.problem }),
  ];
  if (finding.value) parts.push(el('span', { className: 'typed', text: `ค่าที่กรอก: ${finding.value}` }));
  if (!finding.selectable) {
    parts.push(el('span', { className: 'typed', text: 'ยังไม่มีชีตนี้ในไฟล์ จึงไปยังเซลล์ไม่ได้' }));
    return el('li', {}, [el('div', { className: 'finding static' }, parts)]);
  }
  // A real <button>: Tab reaches it, Enter and Space press it, screen readers announce it.
  const button = el(
    'button',
    {
      className: 'finding',
      attrs: {
        type: 'button',
        'aria-label': `${SEVERITY_LABEL[finding.severity]} ชีต ${finding.sheet} เซลล์ ${finding.cell}: ${finding.problem} (กดเพื่อไปยังเซลล์)`,
      },
    },
    parts,
  );
  button.addEventListener('click', () => onSelect(finding, button));
  return el('li', {}, [button]);
}

function groupOf(
  group: PanelGroup,
  index: number,
  data: PanelData,
  onSelect: (finding: PanelFinding, button: HTMLElement) => void,
): HTMLElement {
  const listId = `group-${index}`;
  const toggle = el('button', {
    className: 'group-toggle',
    attrs: { type: 'button', 'aria-expanded': 'true', 'aria-controls': listId },
  });
  toggle.append(
    el('span', { className: 'chevron', text: '▸', attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'group-title', text: group.title }),
    el('span', {
      className: 'badge',
      text: `${SEVERITY_LABEL[group.severity]} ${count(group.count)}`,
    }),
  );
  const list = el(
    'ul',
    { className: 'findings', attrs: { id: listId } },
    group.findings.map((f) => findingItem(f, onSelect)),
  );
  const body: HTMLElement[] = [list];
  if (group.hidden > 0) {
    body.push(
      el('p', {
        className: 'more',
        text: `แสดง ${count(group.findings.length)} จาก ${count(group.count)} รายการ ดูทั้งหมดในชีต "${data.validationSheet}" (เมนู ITA Sheets › ตรวจสอบข้อมูล)`,
      }),
    );
  }
  toggle.addEventListener('click', () => {
    const expanded = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(expanded));
    for (const part of body) part.hidden = !expanded;
  });
  return el('section', { className: 'group', attrs: { 'data-severity': group.severity } }, [
    el('h3', {}, [toggle]),
    ...body,
  ]);
}

function groupsOf(
  data: PanelData,
  onSelect: (finding: PanelFinding, button: HTMLElement) => void,
): HTMLElement[] {
  if (!data.groups.length) return [el('p', { className: 'empty', text: 'ไม่พบปัญหาในข้อมูล' })];
  return data.groups.map((g, i) => groupOf(g, i, data, onSelect));
}

new Panel().start();
