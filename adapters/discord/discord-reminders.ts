/**
 * Writing first on Discord, for the pilot review: a direct message saying the review is due, and
 * that /plan starts it. Buttons pressed in a DM would not reach a conversation held in a server,
 * so the review itself waits for the person's next /plan, where it is offered with its buttons.
 * A person whose DMs are closed is not written to; the review waits for /plan all the same.
 */
import type { Client } from "discord.js";
import type { ReminderDelivery } from "../../src/adapter.ts";
import type { Coordinator } from "../../src/coordinator.ts";
import { partsOfSessionKey } from "../../src/store/session-store.ts";
import type { DiscordDialogs } from "./discord-dialogs.ts";

export function discordReminders(o: { client: Client; coordinator: Coordinator; dialogs: DiscordDialogs }): ReminderDelivery {
  return {
    handles: (key) => partsOfSessionKey(key)?.platform === "discord",
    async deliver(key, replies, lang) {
      const parts = partsOfSessionKey(key)!;
      const user = await o.client.users.fetch(parts.user);
      const said = replies.map((r) => r.text).filter((t) => t.trim() !== "").join("\n\n");
      const how = (parts.workspace === "dm" ? o.dialogs.text.reviewByPlanHere : o.dialogs.text.reviewByPlanServer)[lang];
      try {
        await user.send({ content: `${said}\n\n${how}`.slice(0, 2000), allowedMentions: { parse: [] } });
      } finally {
        // whether the DM went or not, the review is offered on the next /plan, in its own conversation
        await o.coordinator.handle(key, { kind: "undelivered" });
      }
    },
  };
}
