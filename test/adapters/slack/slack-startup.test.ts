/**
 * Starting up: a token Slack refuses, or Slack out of reach, stops the adapter at once with a
 * message naming the variable to check, never its value.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { SlackAdapter } from "../../../adapters/slack/slack-adapter.ts";
import type { SlackSettings } from "../../../adapters/slack/slack-settings.ts";
import { Coordinator } from "../../../src/coordinator.ts";
import { createLogger } from "../../../src/log.ts";
import { MemoryStore } from "../../../src/store/memory-store.ts";
import { FakeSlackApi } from "./fake-slack-api.ts";
import { sharedContent } from "./slack-harness.ts";

const BOT_TOKEN = "xoxb-9-9-startup";
const APP_TOKEN = "xapp-9-A9-startup";
let api: FakeSlackApi;
beforeAll(async () => {
  api = await FakeSlackApi.start();
});
afterAll(async () => {
  await api.close();
});

function adapter(settings: SlackSettings, slackApiUrl: string, logs: string[]): SlackAdapter {
  const log = createLogger((l) => logs.push(l), [BOT_TOKEN, APP_TOKEN]);
  return new SlackAdapter({
    settings,
    coordinator: new Coordinator({ content: sharedContent(), store: new MemoryStore(), log }),
    content: sharedContent(),
    log,
    host: "127.0.0.1",
    clientOptions: { slackApiUrl, retryConfig: { retries: 0 } },
  });
}

test("a bot token Slack refuses: the error names SLACK_BOT_TOKEN and Slack's reason", async () => {
  api.failing.set("auth.test", "invalid_auth");
  const logs: string[] = [];
  const a = adapter({ mode: "socket", botToken: BOT_TOKEN, appToken: APP_TOKEN, planIn: "dm" }, api.apiUrl, logs);
  await expect(a.start()).rejects.toThrow("slack: Slack refused SLACK_BOT_TOKEN (invalid_auth); check it against the app's settings page");
  expect(api.callsTo("apps.connections.open")).toEqual([]);
  expect(logs.join("\n")).not.toContain(BOT_TOKEN);
  api.failing.delete("auth.test");
});

test("an app token Slack refuses: the error names SLACK_APP_TOKEN", async () => {
  api.failing.set("apps.connections.open", "invalid_auth");
  const logs: string[] = [];
  const a = adapter({ mode: "socket", botToken: BOT_TOKEN, appToken: APP_TOKEN, planIn: "dm" }, api.apiUrl, logs);
  await expect(a.start()).rejects.toThrow("slack: Slack refused SLACK_APP_TOKEN (invalid_auth); check it against the app's settings page");
  expect(logs.join("\n")).not.toMatch(/xoxb-|xapp-/);
  api.failing.delete("apps.connections.open");
});

// the test's own time-out is the guard: the client's default retries would take minutes
test("Slack out of reach: a quick, clear failure instead of minutes of retries", { timeout: 15_000 }, async () => {
  const a = adapter({ mode: "http", botToken: BOT_TOKEN, signingSecret: "0123456789abcdef0123", port: 0, planIn: "dm" }, "http://127.0.0.1:9/api/", []);
  await expect(a.start()).rejects.toThrow(/^slack: could not reach Slack \(.*\); check the network$/);
});
