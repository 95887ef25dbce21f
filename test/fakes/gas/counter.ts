/**
 * Counts every service call by "Class.method", the number the benchmark and the batching tests assert
 * on. Fake objects are wrapped in a Proxy that counts the methods of their API list only, so the fake's
 * own inspection helpers and internal calls between fake objects are free.
 */
export class CallCounter {
  readonly calls = new Map<string, number>();
  total = 0;

  hit(name: string): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    this.total++;
  }

  count(name: string): number {
    return this.calls.get(name) ?? 0;
  }

  reset(): void {
    this.calls.clear();
    this.total = 0;
  }

  /** Calls by name, sorted, for snapshots and readable failure messages. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Runs fn and returns the calls it made (the counter keeps counting across). */
  measure(fn: () => void): { total: number; calls: Record<string, number> } {
    const before = new Map(this.calls);
    const start = this.total;
    fn();
    const calls: Record<string, number> = {};
    for (const [name, n] of this.calls) {
      const delta = n - (before.get(name) ?? 0);
      if (delta > 0) calls[name] = delta;
    }
    return { total: this.total - start, calls };
  }
}

type Method = (...args: unknown[]) => unknown;

/** Wraps fake objects so that calls through the API are counted. */
export class Wrapper {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(readonly counter: CallCounter) {}

  wrap<T extends object>(target: T, label: string, api: readonly string[]): T {
    const existing = this.proxies.get(target);
    if (existing) return existing as T;
    const methods = new Set(api);
    const counter = this.counter;
    const proxy: T = new Proxy(target, {
      get(obj, prop) {
        const value: unknown = Reflect.get(obj, prop, obj);
        if (typeof prop !== 'string' || !methods.has(prop) || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          counter.hit(`${label}.${prop}`);
          const result = (value as Method).apply(obj, args);
          // Chained setters return `this`: hand back the proxy so the chain stays counted.
          return result === obj ? proxy : result;
        };
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }

  /** The fake behind a proxy (or the object itself). */
  unwrap<T extends object>(value: T): T {
    return (this.targets.get(value) as T | undefined) ?? value;
  }
}
