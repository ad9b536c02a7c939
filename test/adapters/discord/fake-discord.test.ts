/**
 * The fake's own rule for follow-ups after a deferred reply, checked with plain HTTP calls (no bot):
 * per Discord's "Create Followup Message", a follow-up sent directly after
 * DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE edits the loading message and keeps its flags; once that
 * message was edited, or after a DEFERRED_UPDATE_MESSAGE, a follow-up is a new message.
 */
import { InteractionResponseType, Locale, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { APP_ID, FakeDiscord } from "./fake-discord.ts";
import { buttonPress, discordUser, GUILD_ID, slashCommand } from "./interaction-fixtures.ts";

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

const where = { user: discordUser("444444444444444441", "sam"), guildId: GUILD_ID, locale: Locale.EnglishUS };

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}

describe("follow-ups after a deferred reply", () => {
  test("the first one, while the ephemeral defer is loading, edits it and stays ephemeral; the next ones are new messages", async () => {
    const i = slashCommand({ ...where, name: "plan" });
    fake.dispatch(i);
    await call("POST", `/interactions/${i.id}/${i.token}/callback`, { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    const first = await call("POST", `/webhooks/${APP_ID}/${i.token}?wait=true`, { content: "public?" });
    const second = await call("POST", `/webhooks/${APP_ID}/${i.token}?wait=true`, { content: "public" });
    expect([first.status, second.status]).toEqual([200, 200]);
    const seen = fake.messagesOf(i);
    expect(seen.map((m) => [m.content, m.flags])).toEqual([
      ["public?", MessageFlags.Ephemeral],
      ["public", 0],
    ]);
    expect((first.json as { id: string }).id).toBe(seen[0]!.id);
  });

  test("after the deferred reply was edited, a follow-up is a new message with its own flags", async () => {
    const i = slashCommand({ ...where, name: "plan" });
    fake.dispatch(i);
    await call("POST", `/interactions/${i.id}/${i.token}/callback`, { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    await call("PATCH", `/webhooks/${APP_ID}/${i.token}/messages/@original`, { content: "edited" });
    await call("POST", `/webhooks/${APP_ID}/${i.token}?wait=true`, { content: "new" });
    expect(fake.messagesOf(i).map((m) => [m.content, m.flags])).toEqual([
      ["edited", MessageFlags.Ephemeral],
      ["new", 0],
    ]);
  });

  test("after a deferred update of a button's message, the first follow-up is a new message and the button's message is untouched", async () => {
    const origin = slashCommand({ ...where, name: "plan" });
    fake.dispatch(origin);
    await call("POST", `/interactions/${origin.id}/${origin.token}/callback`, {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: "question", flags: MessageFlags.Ephemeral },
    });
    const message = fake.messagesOf(origin)[0]!;
    const press = buttonPress({ ...where, customId: "x", message: fake.apiMessage(message) });
    fake.dispatch(press);
    await call("POST", `/interactions/${press.id}/${press.token}/callback`, { type: InteractionResponseType.DeferredMessageUpdate });
    await call("POST", `/webhooks/${APP_ID}/${press.token}?wait=true`, { content: "for everyone" });
    expect(fake.messagesOf(press).map((m) => [m.content, m.flags])).toEqual([["for everyone", 0]]);
    expect(message.content).toBe("question");
  });
});
