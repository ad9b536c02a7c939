/**
 * Which Slack deliveries can arrive twice, and under which id. Events can be retried by Slack
 * (same `event_id`); a signed slash command or button click can be replayed by anyone who saw the
 * request, within the five minutes its signature stays valid (same `trigger_id`, which Slack makes
 * for each command and click). Both are remembered (SeenDeliveries) and answered once.
 */

/**
 * The id under which a delivery is remembered: the `event_id` of an event, `trigger:<trigger_id>`
 * of a command or a click; undefined when it has neither.
 * @example deliveryIdOf({ event_id: "Ev1" }) // "Ev1"
 */
export function deliveryIdOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  if ("event_id" in body && typeof body.event_id === "string") return body.event_id;
  if ("trigger_id" in body && typeof body.trigger_id === "string" && body.trigger_id !== "") return `trigger:${body.trigger_id}`;
  return undefined;
}

/**
 * Acknowledges a replayed command or click that is not handled again, so that Slack (or whoever
 * replayed it) gets its 200 at once rather than a timeout; events are acknowledged by Bolt itself.
 */
export async function acknowledgeReplay(args: object): Promise<void> {
  if ("ack" in args && typeof args.ack === "function") await (args.ack as () => Promise<void>)();
}
