/**
 * Scale-out: two real Bolt apps in HTTP mode, on two ports, sharing one Redis, take alternate turns
 * of one interview, and a retried event sent to both is answered once; with SLACK_PLAN_IN=thread, an
 * interview in a channel thread goes on whichever app Slack's reply reaches.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackAdapter } from "../../adapters/slack/slack-adapter.ts";
import { Coordinator } from "../../src/coordinator.ts";
import { silentLogger } from "../../src/log.ts";
import { RedisStore } from "../../src/store/redis-store.ts";
import { getDocument, sessionKey } from "../../src/store/session-store.ts";
import { SessionState } from "../../src/engine/state.ts";
import { FakeSlackApi } from "../adapters/slack/fake-slack-api.ts";
import { nextTs, signature, slackEvent, type SlackRequest } from "../adapters/slack/fixtures.ts";
import { postsOf, sharedContent } from "../adapters/slack/slack-harness.ts";
import { redisUnavailable, startRedis, type RunningRedis } from "../helpers/redis-server.ts";

const SECRET = "0123456789abcdef0123456789abcdef";
const skip = redisUnavailable();
if (skip) console.warn(`two Slack apps on Redis skipped: ${skip}`);

let redis: RunningRedis | undefined;
let api: FakeSlackApi | undefined;
const apps: SlackAdapter[] = [];
const stores: RedisStore[] = [];

beforeAll(async () => {
  if (skip) return;
  redis = await startRedis();
  api = await FakeSlackApi.start();
  // apps 0 and 1 keep plans in DMs, apps 2 and 3 in channel threads (SLACK_PLAN_IN=thread)
  for (let i = 0; i < 4; i++) {
    const store = await RedisStore.connect({ url: redis.url, prefix: "scale" });
    stores.push(store);
    const coordinator = new Coordinator({ content: sharedContent(), store });
    const app = new SlackAdapter({
      settings: { mode: "http", botToken: "xoxb-1-2-scale", signingSecret: SECRET, port: 0, planIn: i < 2 ? "dm" : "thread" },
      coordinator,
      content: sharedContent(),
      log: silentLogger,
      host: "127.0.0.1",
      clientOptions: { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } },
      seen: store,
    });
    await app.start();
    apps.push(app);
  }
}, 90_000);

afterAll(async () => {
  for (const a of apps) await a.stop();
  for (const s of stores) await s.close();
  await api?.close();
  await redis?.stop();
});

/** Posts a signed request to one app, as Slack (behind a load balancer) would; waits for its work. */
async function sendTo(app: SlackAdapter, request: SlackRequest, retryNum?: number) {
  const before = api!.calls.length;
  const ts = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": request.contentType,
    "x-slack-request-timestamp": String(ts),
    "x-slack-signature": signature(SECRET, ts, request.body),
  };
  if (retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(retryNum);
    headers["x-slack-retry-reason"] = "http_error";
  }
  const res = await fetch(`http://127.0.0.1:${app.port}/slack/events`, { method: "POST", headers, body: request.body });
  await res.text();
  await app.settled();
  return { status: res.status, posts: postsOf(api!.calls.slice(before)) };
}

describe("two Slack instances sharing Redis", () => {
  (skip ? it.skip : it)("take alternate turns of one interview, and answer a retried event once", async () => {
    const dm = (text: string) => slackEvent({ type: "message", channelType: "im", user: "UMIX", text });
    const turns = ["bonjour", "boulangerie", "des gens du coin", "tous les âges", "je veux attirer des talents", "6 heures par semaine", "250 $", "3", "2", "nulle part encore"];
    const seen: string[] = [];
    for (const [i, text] of turns.entries()) {
      const { status, posts } = await sendTo(apps[i % 2]!, dm(text));
      expect(status).toBe(200);
      seen.push(posts.map((p) => p.text).join("\n"));
    }
    expect(seen[1]).toContain("Restauration, boulangerie, alimentation");
    expect(seen[4]).toContain("Attirer de nouveaux talents");
    expect(seen[5]).toContain("26 h par mois");
    expect(seen[9]).toContain("Votre plan médias sociaux");
    const state = SessionState.parse(((await getDocument(stores[0]!, sessionKey("slack", "T1", "UMIX"))) as { state: unknown }).state);
    expect(Object.keys(state.answers).sort()).toEqual(["age", "budget", "customers", "goal", "owner", "presence", "skills", "time", "trade"]);

    // Slack retries one event; the load balancer sends the first try to one app and the retry to the other
    const event = slackEvent({ text: "<@UBOT> et la sécurité?" });
    const first = await sendTo(apps[0]!, event);
    const retry = await sendTo(apps[1]!, event, 1);
    expect(first.posts).toHaveLength(1);
    expect(first.posts[0]!.text).toContain("pare-feu");
    expect(retry.status).toBe(200);
    expect(retry.posts).toEqual([]);
  }, 90_000);

  (skip ? it.skip : it)("in thread mode, take turns of an interview in a channel thread, whichever app gets the reply", async () => {
    const root = nextTs();
    const start = await sendTo(apps[2]!, slackEvent({ text: "<@UBOT> plan", user: "UTHR", channel: "C5", ts: root }));
    expect(start.posts).toMatchObject([{ channel: "C5", thread: root }]);
    const inThread = (user: string, text: string) => slackEvent({ type: "message", channelType: "channel", channel: "C5", threadTs: root, user, text });
    const other = await sendTo(apps[3]!, inThread("UELSE", "boulangerie"));
    expect(other.posts).toEqual([]);
    const trade = await sendTo(apps[3]!, inThread("UTHR", "boulangerie"));
    expect(trade.posts).toMatchObject([{ channel: "C5", thread: root }]);
    expect(trade.posts[0]!.text).toContain("(2/9)");
    const customers = await sendTo(apps[2]!, inThread("UTHR", "des gens du coin"));
    expect(customers.posts[0]!.text).toContain("(3/9)");
  });
});
