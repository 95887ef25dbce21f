/** LockService, ScriptApp, Session and Logger: just enough for the add-in's entry points. */
import { gasError, requireInteger } from './errors';
import type { Wrapper } from './counter';

type GLock = GoogleAppsScript.Lock.Lock;

/** How the document lock behaves: free, held by someone else, or absent (standalone script). */
export type LockMode = 'free' | 'busy' | 'none';

export class LockState {
  mode: LockMode = 'free';
  held = false;
  /** Timeouts passed to tryLock/waitLock, in order. */
  readonly attempts: number[] = [];
  releases = 0;
}

export const LOCK_API = ['hasLock', 'releaseLock', 'tryLock', 'waitLock'] as const;

export class FakeLock implements Pick<GLock, (typeof LOCK_API)[number]> {
  constructor(private readonly state: LockState) {}

  hasLock(): boolean {
    return this.state.held;
  }
  releaseLock(): void {
    this.state.held = false;
    this.state.releases++;
  }
  tryLock(timeoutInMillis: number): boolean {
    requireInteger('LockService.Lock.tryLock', [timeoutInMillis], timeoutInMillis);
    this.state.attempts.push(timeoutInMillis);
    if (this.state.mode === 'busy') return false;
    this.state.held = true;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw gasError('Lock timeout: another process was holding the lock for too long.');
    }
  }
}

type GLockService = GoogleAppsScript.Lock.LockService;

export const LOCK_SERVICE_API = ['getDocumentLock', 'getScriptLock', 'getUserLock'] as const;

export class FakeLockService implements Pick<GLockService, (typeof LOCK_SERVICE_API)[number]> {
  constructor(
    private readonly wrapper: Wrapper,
    readonly document: LockState,
    readonly script = new LockState(),
  ) {}

  private lock(state: LockState): GLock {
    return this.wrapper.wrap(new FakeLock(state), 'Lock', LOCK_API) as unknown as GLock;
  }
  /** null outside a container-bound script, as the real service returns. */
  getDocumentLock(): GLock {
    return (this.document.mode === 'none' ? null : this.lock(this.document)) as GLock;
  }
  getScriptLock(): GLock {
    return this.lock(this.script);
  }
  getUserLock(): GLock {
    return this.lock(this.script);
  }
}

const AUTH_MODES = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;

export const SCRIPT_APP_API = ['getScriptId'] as const;

export class FakeScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  (typeof SCRIPT_APP_API)[number] | 'AuthMode'
> {
  readonly AuthMode = AUTH_MODES as unknown as typeof GoogleAppsScript.Script.AuthMode;

  getScriptId(): string {
    return 'fake-script-id';
  }
}

export const SESSION_API = [
  'getActiveUser',
  'getActiveUserLocale',
  'getEffectiveUser',
  'getScriptTimeZone',
  'getTemporaryActiveUserKey',
] as const;

export class FakeSession implements Pick<GoogleAppsScript.Base.Session, (typeof SESSION_API)[number]> {
  constructor(
    private readonly email: string,
    private readonly timeZone: string,
  ) {}

  private user(): GoogleAppsScript.Base.User {
    const email = this.email;
    return { getEmail: () => email } as unknown as GoogleAppsScript.Base.User;
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return this.user();
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return this.user();
  }
  getActiveUserLocale(): string {
    return 'th';
  }
  getScriptTimeZone(): string {
    return this.timeZone;
  }
  getTemporaryActiveUserKey(): string {
    return 'fake-user-key';
  }
}

export const LOGGER_API = ['clear', 'getLog', 'log'] as const;

export class FakeLogger implements Pick<GoogleAppsScript.Base.Logger, (typeof LOGGER_API)[number]> {
  readonly lines: string[] = [];

  clear(): void {
    this.lines.length = 0;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    let text = typeof data === 'string' ? data : JSON.stringify(data);
    for (const v of values) text = text.replace('%s', String(v));
    this.lines.push(text);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }
}
