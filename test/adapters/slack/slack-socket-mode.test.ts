/**
 * Socket Mode, the default: the adapter opens a websocket (apps.connections.open with the app
 * token), acknowledges each envelope with its id, and answers through the Web API.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { SlackAdapter } from "../../../adapters/slack/slack-adapter.ts";
import { Coordinator } from "../../../src/coordinator.ts";
import { createLogger } from "../../../src/log.ts";
import { MemoryStore } from "../../../src/store/memory-store.ts";
import { FakeSlackApi } from "./fake-slack-api.ts";
import { slackEvent } from "./fixtures.ts";
import { postsOf, sharedContent } from "./slack-harness.ts";

const APP_TOKEN = "xapp-1-A1-socket-test";
const BOT_TOKEN = "xoxb-1-2-socket-test";
let api: FakeSlackApi;
let adapter: SlackAdapter;
const logs: string[] = [];

beforeAll(async () => {
  api = await FakeSlackApi.start();
  const log = createLogger((line) => logs.push(line), [APP_TOKEN, BOT_TOKEN]);
  adapter = new SlackAdapter({
    settings: { mode: "socket", botToken: BOT_TOKEN, appToken: APP_TOKEN, planIn: "dm" },
    coordinator: new Coordinator({ content: sharedContent(), store: new MemoryStore(), log }),
    content: sharedContent(),
    log,
    clientOptions: { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } },
  });
  await adapter.start(); // resolves once the fake's "hello" arrived
});

afterAll(async () => {
  await adapter.stop();
  await api.close();
});

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test("connects with the app token, acks an events_api envelope by its id, and the reply reaches the Web API", async () => {
  const open = api.callsTo("apps.connections.open");
  expect(open).toHaveLength(1);
  expect(open[0]?.auth).toBe(`Bearer ${APP_TOKEN}`);

  const { payload } = slackEvent({ type: "message", channelType: "im", user: "USOCK", text: "bonjour" });
  api.pushToSockets({ type: "events_api", envelope_id: "env-42", payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: "" });

  await until(() => api.socketFrames.some((f) => f["envelope_id"] === "env-42"), "the envelope's ack");
  expect(api.socketFrames.find((f) => f["envelope_id"] === "env-42")).toMatchObject({ envelope_id: "env-42" });
  await until(() => api.callsTo("chat.postMessage").length > 0, "the reply");
  await adapter.settled();

  const [post] = postsOf(api.calls);
  expect(post).toMatchObject({ channel: "DUSOCK" });
  expect(post?.text).toContain("Bonjour ! Je suis votre coach médias sociaux.");
  expect(api.callsTo("chat.postMessage")[0]?.auth).toBe(`Bearer ${BOT_TOKEN}`);

  // Socket Mode redelivers with the same event id: still one answer
  api.pushToSockets({ type: "events_api", envelope_id: "env-43", payload, accepts_response_payload: false, retry_attempt: 1, retry_reason: "timeout" });
  await until(() => api.socketFrames.some((f) => f["envelope_id"] === "env-43"), "the second ack");
  await adapter.settled();
  expect(api.callsTo("chat.postMessage")).toHaveLength(1);
});

test("no error was logged and no token appears in the logs", () => {
  expect(logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  expect(logs.join("\n")).not.toMatch(/xoxb-|xapp-/);
});
