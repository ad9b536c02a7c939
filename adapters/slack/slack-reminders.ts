/**
 * Writing first on Slack, for the pilot review: in a direct message to the person, with the
 * coach's buttons, and only at a decent hour in their own time zone (Slack's users.info gives its
 * offset); at night the reminder waits for a later pass.
 */
import type { webApi } from "@slack/bolt";
import type { ReminderDelivery } from "../../src/adapter.ts";
import { partsOfSessionKey } from "../../src/store/session-store.ts";
import type { SlackPoster } from "./slack-post.ts";

/** The local hour (0-24) at `now` for a time zone `offsetSeconds` ahead of UTC. */
export function localHour(now: Date, offsetSeconds: number): number {
  const h = now.getUTCHours() + now.getUTCMinutes() / 60 + offsetSeconds / 3600;
  return ((h % 24) + 24) % 24;
}

export function slackReminders(o: { client: webApi.WebClient; poster: SlackPoster; between: readonly [number, number] }): ReminderDelivery {
  const userOf = (key: string) => partsOfSessionKey(key)?.user ?? "";
  return {
    handles: (key) => partsOfSessionKey(key)?.platform === "slack",
    async fineTimeFor(key, now) {
      const info = await o.client.users.info({ user: userOf(key) });
      const offset = info.user?.tz_offset;
      // no time zone known: any time will do
      if (typeof offset !== "number") return true;
      const hour = localHour(now, offset);
      return hour >= o.between[0] && hour < o.between[1];
    },
    async deliver(key, replies, lang) {
      const user = userOf(key);
      const dm = await o.poster.openDm(user);
      await o.poster.deliver(replies, { channel: dm }, { kind: "turn", owner: user }, lang);
    },
  };
}
