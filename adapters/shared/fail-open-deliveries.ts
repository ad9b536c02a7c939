/**
 * A SeenDeliveries that lets a delivery through when the store that remembers deliveries cannot be
 * reached (Redis away). Slack acknowledges an event before the adapter looks at it, so it will
 * never send it again: refusing it would leave the person with no answer at all. Letting it
 * through, the turn runs and tells them the coach's memory is out of reach; the cost is that a
 * retry arriving during the outage may be answered twice.
 */
import type { Logger } from "../../src/log.ts";
import type { SeenDeliveries } from "./seen-deliveries.ts";

/**
 * `seen`, letting deliveries through (with a log line) when it fails.
 * @example new SlackAdapter({ ..., seen: failOpen(store, log) })
 */
export function failOpen(seen: SeenDeliveries, log: Logger): SeenDeliveries {
  return {
    claim: async (id, ttlSeconds) => {
      try {
        return await seen.claim(id, ttlSeconds);
      } catch (err) {
        log.warn("could not check whether a delivery was already handled; handling it", { error: err });
        return true;
      }
    },
  };
}
