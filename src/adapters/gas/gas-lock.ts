/** The document lock, so two people never run a writing command on one workbook at once. */
import type { LockPort } from '../../port/workbook';

type GLockService = GoogleAppsScript.Lock.LockService;
type GLock = GoogleAppsScript.Lock.Lock;

export class GasLock implements LockPort {
  private lock: GLock | null = null;

  constructor(private readonly lockService?: GLockService) {}

  tryLock(timeoutMs: number): boolean {
    const service = this.lockService ?? LockService;
    // getDocumentLock is null outside a container-bound context (e.g. a standalone test deployment).
    const lock = (service.getDocumentLock() as GLock | null) ?? service.getScriptLock();
    const taken = lock.tryLock(timeoutMs);
    this.lock = taken ? lock : null;
    return taken;
  }

  release(): void {
    this.lock?.releaseLock();
    this.lock = null;
  }
}
