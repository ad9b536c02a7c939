/**
 * Remembers which platform deliveries were already handled, for a while, so that a delivery sent
 * again (Slack retries an event when it thinks we missed it) is not answered twice. The interface
 * is small on purpose: a shared store (Redis, the session store) can implement it later.
 */

/** Tells whether a delivery id is seen for the first time. */
export interface SeenDeliveries {
  /**
   * Records `id` and returns true the first time it is seen within the time-to-live; false for a
   * repeat. Implementations must record and answer in one step, so two concurrent calls with the
   * same id never both get true.
   */
  firstSighting(id: string): Promise<boolean>;
}

export interface MemorySeenDeliveriesOptions {
  /** how long an id is remembered, in milliseconds (Slack retries for about an hour) */
  ttlMs?: number;
  /** at most this many ids are kept; the oldest go first */
  maxEntries?: number;
  /** the clock, in milliseconds; tests pass their own */
  now?: () => number;
}

/**
 * Ids in a Map, in insertion order, forgotten after `ttlMs`. Enough for one process; ids do not
 * survive a restart.
 *
 * @example
 * const seen = new MemorySeenDeliveries({ ttlMs: 60 * 60 * 1000 });
 * await seen.firstSighting("Ev123"); // true
 * await seen.firstSighting("Ev123"); // false
 */
export class MemorySeenDeliveries implements SeenDeliveries {
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: MemorySeenDeliveriesOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  async firstSighting(id: string): Promise<boolean> {
    const now = this.now();
    this.prune(now);
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(id);
    this.seen.set(id, now);
    if (this.seen.size > this.maxEntries) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    return true;
  }

  /** how many ids are remembered now */
  get size(): number {
    return this.seen.size;
  }

  private prune(now: number): void {
    // entries are in insertion order, so the expired ones are at the front
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}
