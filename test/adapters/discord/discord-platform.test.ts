/** Discord as a platform of `npm start`: off without its variables, on with them, its token kept out of logs. */
import { expect, test } from "vitest";
import { discord } from "../../../adapters/discord/discord-platform.ts";
import { loadContent } from "../../../src/content/load.ts";
import { Coordinator } from "../../../src/coordinator.ts";
import { createLogger, silentLogger } from "../../../src/log.ts";
import { MemoryStore } from "../../../src/store/memory-store.ts";
import { APP_ID, FAKE_TOKEN } from "./fake-discord.ts";

test("npm start leaves Discord off when none of its variables is set", () => {
  expect(discord.settings({ SLACK_BOT_TOKEN: "xoxb-1" })).toBeNull();
});

test("with its variables, the module builds a (not yet connected) adapter, and names its token as a secret the logs scrub", async () => {
  const settings = discord.settings({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APP_ID: APP_ID })!;
  const content = loadContent();
  const store = new MemoryStore();
  const adapter = await discord.create(settings, { coordinator: new Coordinator({ content, store }), content, log: silentLogger, store });
  expect(adapter.name).toBe("discord");
  await adapter.stop();

  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l), discord.secrets(settings));
  log.error("login failed", { detail: `token ${FAKE_TOKEN} refused` });
  expect(lines.join("\n")).not.toContain(FAKE_TOKEN);
});
