/**
 * Remembers which platform deliveries were already handled, for a while, so that a delivery sent
 * again (Slack retries an event when it thinks we missed it) is not answered twice.
 *
 * The contract is the session store's `claim` (src/store/session-store.ts), so any SessionStore
 * can serve as a SeenDeliveries shared by several processes; this file's in-memory one is the
 * default for a single process.
 */

import { InMemoryClaims } from "../../src/store/in-memory-claims.ts";

/** Tells whether a delivery id is seen for the first time. */
export interface SeenDeliveries {
  /**
   * Records `id` for `ttlSeconds` and returns true the first time; false when it was already
   * recorded and has not expired. Recording and answering are one step: two concurrent calls with
   * the same id never both get true.
   */
  claim(id: string, ttlSeconds: number): Promise<boolean>;
}

/**
 * Ids in memory, for one process; they do not survive a restart. (The same class serves the
 * in-process session stores' `claim`.)
 *
 * @example
 * const seen = new MemorySeenDeliveries();
 * await seen.claim("Ev123", 3600); // true
 * await seen.claim("Ev123", 3600); // false
 */
export class MemorySeenDeliveries extends InMemoryClaims implements SeenDeliveries {}

export type { InMemoryClaimsOptions as MemorySeenDeliveriesOptions } from "../../src/store/in-memory-claims.ts";
