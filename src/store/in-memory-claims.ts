/**
 * Delivery ids remembered in memory for a while (the `claim` of the session stores that live in
 * one process). Ids are kept in the order they were recorded and forgotten once expired, or when
 * there are more than `maxEntries`.
 *
 * @example
 * const claims = new InMemoryClaims();
 * await claims.claim("Ev123", 3600); // true
 * await claims.claim("Ev123", 3600); // false
 */
export interface InMemoryClaimsOptions {
  /** at most this many ids are kept; the oldest go first */
  maxEntries?: number;
  /** the clock, in milliseconds; tests pass their own */
  now?: () => number;
}

export class InMemoryClaims {
  private readonly until = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: InMemoryClaimsOptions = {}) {
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  /** Records `id` for `ttlSeconds`: true the first time, false while it is remembered. */
  async claim(id: string, ttlSeconds: number): Promise<boolean> {
    const now = this.now();
    this.prune(now);
    const until = this.until.get(id);
    if (until !== undefined && until > now) return false;
    this.until.delete(id);
    this.until.set(id, now + ttlSeconds * 1000);
    if (this.until.size > this.maxEntries) {
      const oldest = this.until.keys().next();
      if (!oldest.done) this.until.delete(oldest.value);
    }
    return true;
  }

  /** how many ids are remembered now */
  get size(): number {
    return this.until.size;
  }

  private prune(now: number): void {
    // records are in the order they were made: with one time-to-live for all, the oldest expire
    // first, so stop at the first live one
    for (const [id, until] of this.until) {
      if (until > now) break;
      this.until.delete(id);
    }
  }
}
