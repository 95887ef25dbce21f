/** Ui, Menu and HtmlService: what the add-in shows is recorded; answers come from a scripted queue. */
import { gasError, signatureError } from './errors';
import type { Wrapper } from './counter';

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export const BUTTONS: Record<ButtonName, ButtonName> = {
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
  CLOSE: 'CLOSE',
};
export const BUTTON_SETS: Record<ButtonSetName, ButtonSetName> = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
};

/** Buttons a dialog of each set can return (CLOSE = the user closed it with ×). */
const ALLOWED: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  /** null for the add-on menu (Extensions → add-on name). */
  caption: string | null;
  items: MenuEntry[];
}

export interface HtmlRecord {
  content: string;
  title: string;
  width: number;
  height: number;
}

export interface ScriptedAnswer {
  button: ButtonName;
  text?: string;
}

/** Everything the Ui showed, and the answers tests script for alerts and prompts. */
export class UiRecorder {
  /** false: SpreadsheetApp.getUi() throws, as in triggers and custom functions. */
  available = true;
  readonly menus: MenuRecord[] = [];
  readonly alerts: { title: string; message: string; buttons: ButtonSetName; answer: ButtonName }[] = [];
  readonly prompts: { title: string; message: string; buttons: ButtonSetName; answer: ScriptedAnswer }[] = [];
  readonly sidebars: HtmlRecord[] = [];
  readonly dialogs: { html: HtmlRecord; title: string; modal: boolean }[] = [];
  readonly answers: ScriptedAnswer[] = [];

  /** Queues the answer to the next alert or prompt. */
  script(button: ButtonName, text = ''): this {
    this.answers.push({ button, text });
    return this;
  }

  /** Function names of every menu item, submenus included. */
  menuFunctions(): string[] {
    const walk = (menu: MenuRecord): string[] =>
      menu.items.flatMap((e) =>
        e.kind === 'item' ? [e.functionName] : e.kind === 'submenu' ? walk(e.menu) : [],
      );
    return this.menus.flatMap(walk);
  }
}

type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;

export const MENU_API = ['addItem', 'addSeparator', 'addSubMenu', 'addToUi'] as const;

export class FakeMenu implements Pick<GMenu, (typeof MENU_API)[number]> {
  readonly record: MenuRecord;

  constructor(
    private readonly wrapper: Wrapper,
    private readonly recorder: UiRecorder,
    caption: string | null,
  ) {
    this.record = { caption, items: [] };
  }

  addItem(caption: string, functionName: string): GMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string' || functionName === '') {
      throw signatureError('Ui.Menu.addItem', [caption, functionName]);
    }
    this.record.items.push({ kind: 'item', caption, functionName });
    return this as unknown as GMenu;
  }
  addSeparator(): GMenu {
    this.record.items.push({ kind: 'separator' });
    return this as unknown as GMenu;
  }
  addSubMenu(menu: GMenu): GMenu {
    const sub = this.wrapper.unwrap(menu);
    if (!(sub instanceof FakeMenu)) throw signatureError('Ui.Menu.addSubMenu', [menu]);
    this.record.items.push({ kind: 'submenu', menu: sub.record });
    return this as unknown as GMenu;
  }
  addToUi(): void {
    this.recorder.menus.push(this.record);
  }
}

export const UI_API = [
  'alert',
  'createAddonMenu',
  'createMenu',
  'prompt',
  'showModalDialog',
  'showModelessDialog',
  'showSidebar',
] as const;

function buttonSetOf(value: unknown): ButtonSetName | null {
  return typeof value === 'string' && value in BUTTON_SETS ? (value as ButtonSetName) : null;
}

export class FakeUi implements Pick<GUi, (typeof UI_API)[number] | 'Button' | 'ButtonSet'> {
  readonly Button = BUTTONS as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = BUTTON_SETS as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly wrapper: Wrapper,
    readonly recorder: UiRecorder,
  ) {}

  private next(kind: string, title: string, buttons: ButtonSetName, fallback?: ButtonName): ScriptedAnswer {
    const answer = this.recorder.answers.shift() ?? (fallback ? { button: fallback } : undefined);
    if (!answer) {
      throw new Error(`fake Ui: no scripted answer for ${kind} "${title}" (use ui.script(button, text))`);
    }
    if (!ALLOWED[buttons].includes(answer.button)) {
      throw new Error(`fake Ui: ${kind} "${title}" with buttons ${buttons} cannot answer ${answer.button}`);
    }
    return answer;
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons); unanswered alerts are OK'd. */
  alert(
    a: string,
    b?: string | GoogleAppsScript.Base.ButtonSet,
    c?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button {
    const [title, message, set] = typeof b === 'string' ? [a, b, c] : ['', a, b];
    const buttons = set === undefined ? 'OK' : buttonSetOf(set);
    if (typeof message !== 'string' || !buttons) {
      throw signatureError(
        'Ui.alert',
        [a, b, c].filter((v) => v !== undefined),
      );
    }
    const answer = this.next('alert', title || message, buttons, buttons === 'OK' ? 'OK' : undefined);
    this.recorder.alerts.push({ title, message, buttons, answer: answer.button });
    return answer.button as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(
    a: string,
    b?: string | GoogleAppsScript.Base.ButtonSet,
    c?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse {
    const [title, message, set] = typeof b === 'string' ? [a, b, c] : ['', a, b];
    const buttons = set === undefined ? 'OK' : buttonSetOf(set);
    if (typeof message !== 'string' || !buttons) {
      throw signatureError(
        'Ui.prompt',
        [a, b, c].filter((v) => v !== undefined),
      );
    }
    const answer = this.next('prompt', title || message, buttons);
    this.recorder.prompts.push({ title, message, buttons, answer });
    const response = {
      getResponseText: () => answer.text ?? '',
      getSelectedButton: () => answer.button as unknown as GoogleAppsScript.Base.Button,
    };
    return this.wrapper.wrap(response, 'PromptResponse', ['getResponseText', 'getSelectedButton']);
  }

  createMenu(caption: string): GMenu {
    if (typeof caption !== 'string' || caption === '') throw signatureError('Ui.createMenu', [caption]);
    return this.wrapper.wrap(
      new FakeMenu(this.wrapper, this.recorder, caption),
      'Menu',
      MENU_API,
    ) as unknown as GMenu;
  }
  createAddonMenu(): GMenu {
    return this.wrapper.wrap(
      new FakeMenu(this.wrapper, this.recorder, null),
      'Menu',
      MENU_API,
    ) as unknown as GMenu;
  }

  private html(output: GoogleAppsScript.HTML.HtmlOutput, method: string): HtmlRecord {
    const fake = this.wrapper.unwrap(output);
    if (!(fake instanceof FakeHtmlOutput)) throw signatureError(`Ui.${method}`, [output]);
    return { ...fake.record };
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.recorder.sidebars.push(this.html(userInterface, 'showSidebar'));
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.recorder.dialogs.push({ html: this.html(userInterface, 'showModalDialog'), title, modal: true });
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.recorder.dialogs.push({ html: this.html(userInterface, 'showModelessDialog'), title, modal: false });
  }
}

type GHtml = GoogleAppsScript.HTML.HtmlOutput;

export const HTML_OUTPUT_API = [
  'append',
  'getContent',
  'getHeight',
  'getTitle',
  'getWidth',
  'setContent',
  'setHeight',
  'setTitle',
  'setWidth',
] as const;

export class FakeHtmlOutput implements Pick<GHtml, (typeof HTML_OUTPUT_API)[number]> {
  readonly record: HtmlRecord;

  constructor(content: string) {
    this.record = { content, title: '', width: 300, height: 400 };
  }

  append(addedContent: string): GHtml {
    this.record.content += addedContent;
    return this as unknown as GHtml;
  }
  getContent(): string {
    return this.record.content;
  }
  setContent(content: string): GHtml {
    this.record.content = content;
    return this as unknown as GHtml;
  }
  getTitle(): string {
    return this.record.title;
  }
  setTitle(title: string): GHtml {
    this.record.title = title;
    return this as unknown as GHtml;
  }
  getWidth(): number {
    return this.record.width;
  }
  setWidth(width: number): GHtml {
    this.record.width = width;
    return this as unknown as GHtml;
  }
  getHeight(): number {
    return this.record.height;
  }
  setHeight(height: number): GHtml {
    this.record.height = height;
    return this as unknown as GHtml;
  }
}

type GHtmlService = GoogleAppsScript.HTML.HtmlService;

export const HTML_SERVICE_API = ['createHtmlOutput', 'createHtmlOutputFromFile'] as const;

/** Files are the project's .html files by name without extension, as in the Apps Script editor. */
export class FakeHtmlService implements Pick<GHtmlService, (typeof HTML_SERVICE_API)[number]> {
  constructor(
    private readonly wrapper: Wrapper,
    readonly files: Map<string, string>,
  ) {}

  private output(content: string): GHtml {
    return this.wrapper.wrap(new FakeHtmlOutput(content), 'HtmlOutput', HTML_OUTPUT_API) as unknown as GHtml;
  }
  createHtmlOutput(html?: unknown): GHtml {
    if (html !== undefined && typeof html !== 'string') {
      throw signatureError('HtmlService.createHtmlOutput', [html]);
    }
    return this.output(html ?? '');
  }
  createHtmlOutputFromFile(filename: string): GHtml {
    const content = this.files.get(filename.replace(/\.html$/, ''));
    if (content === undefined) throw gasError(`No HTML file named ${filename} was found.`);
    return this.output(content);
  }
}
