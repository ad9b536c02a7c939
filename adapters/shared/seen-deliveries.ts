/**
 * Remembers which platform deliveries were already handled, for a while, so that a delivery sent
 * again (Slack retries an event when it thinks we missed it) is not answered twice.
 *
 * The contract is the session store's `claim` (src/store/session-store.ts), so any SessionStore
 * can serve as a SeenDeliveries shared by several processes; this file's in-memory one is the
 * default for a single process.
 */

/** Tells whether a delivery id is seen for the first time. */
export interface SeenDeliveries {
  /**
   * Records `id` for `ttlSeconds` and returns true the first time; false when it was already
   * recorded and has not expired. Recording and answering are one step: two concurrent calls with
   * the same id never both get true.
   */
  claim(id: string, ttlSeconds: number): Promise<boolean>;
}

export interface MemorySeenDeliveriesOptions {
  /** at most this many ids are kept; the oldest go first */
  maxEntries?: number;
  /** the clock, in milliseconds; tests pass their own */
  now?: () => number;
}

/**
 * Ids in a Map, in the order they were recorded, forgotten once expired. Enough for one process;
 * ids do not survive a restart.
 *
 * @example
 * const seen = new MemorySeenDeliveries();
 * await seen.claim("Ev123", 3600); // true
 * await seen.claim("Ev123", 3600); // false
 */
export class MemorySeenDeliveries implements SeenDeliveries {
  private readonly until = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemorySeenDeliveriesOptions = {}) {
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
  }

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
    // with one time-to-live for all, the oldest records expire first: stop at the first live one
    for (const [id, until] of this.until) {
      if (until > now) break;
      this.until.delete(id);
    }
  }
}
