/**
 * A Redis outage longer than the old reconnection limit (about 21 s): a real redis-server (with an
 * append-only file, so its data survives the stop) is stopped for 25 s and started again, under
 * the coordinator and under the real Slack adapter (Bolt, HTTP mode, built as `npm start` builds
 * it). While Redis is away every message gets "I can't reach my memory right now" (never silence,
 * never a stack trace); the loss and the return of the connection are logged once each, not per
 * try; when Redis is back the next message works, with no restart, and no acknowledged answer is
 * lost.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackAdapter } from "../../adapters/slack/slack-adapter.ts";
import { slackPlatform } from "../../adapters/slack/slack-platform.ts";
import { readSlackSettings } from "../../adapters/slack/slack-settings.ts";
import { Coordinator } from "../../src/coordinator.ts";
import { createLogger } from "../../src/log.ts";
import { RedisStore } from "../../src/store/redis-store.ts";
import { FakeSlackApi } from "../adapters/slack/fake-slack-api.ts";
import { signature, slackEvent, slashCommand, type SlackRequest } from "../adapters/slack/fixtures.ts";
import { postsOf, sharedContent } from "../adapters/slack/slack-harness.ts";
import { aboutBusiness, open, say } from "../helpers/inputs.ts";
import { redisUnavailable, startRedis, type RunningRedis } from "../helpers/redis-server.ts";
import { seen } from "../helpers/transcript.ts";

/** Longer than the old client's 20 retries of up to 2 s (about 21 s), after which it gave up for good. */
const OUTAGE_MS = 25_000;
const SECRET = "outage0123456789abcdef0123456789";
const UNAVAILABLE_FR = "Je n'arrive pas à joindre ma mémoire pour l'instant";

const skip = redisUnavailable();
if (skip) console.warn(`Redis outage test skipped: ${skip}`);

let dir: string;
let redis: RunningRedis | undefined;
let api: FakeSlackApi;
let store: RedisStore;
let slack: SlackAdapter;
let coordinator: Coordinator;
const logs: string[] = [];

beforeAll(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), "coach-outage-"));
  redis = await startRedis({ dir });
  api = await FakeSlackApi.start();
  const log = createLogger((l) => logs.push(l));
  store = await RedisStore.connect({ url: redis.url, prefix: "outage", log });
  coordinator = new Coordinator({ content: sharedContent(), store, log });
  const settings = readSlackSettings({ SLACK_BOT_TOKEN: "xoxb-1-2-outage", SLACK_SIGNING_SECRET: SECRET, SLACK_PORT: "0", SLACK_API_URL: api.apiUrl })!;
  slack = (await slackPlatform.create(settings, { coordinator, content: sharedContent(), log, store })) as SlackAdapter;
  await slack.start();
}, 90_000);

afterAll(async () => {
  await slack?.stop();
  await store?.close();
  await api?.close();
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function sendToSlack(request: SlackRequest) {
  const before = api.calls.length;
  const responsesBefore = api.responses.length;
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(`http://127.0.0.1:${slack.port}/slack/events`, {
    method: "POST",
    headers: { "content-type": request.contentType, "x-slack-request-timestamp": String(ts), "x-slack-signature": signature(SECRET, ts, request.body) },
    body: request.body,
  });
  await res.text();
  await slack.settled();
  return {
    status: res.status,
    said: [...postsOf(api.calls.slice(before)).map((p) => p.text), ...api.responses.slice(responsesBefore).map((r) => String(r.body["text"] ?? ""))].join("\n"),
  };
}

const dm = (text: string) => slackEvent({ type: "message", channelType: "im", user: "UOUT", text });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const logged = (pattern: RegExp) => logs.filter((l) => pattern.test(l)).length;

describe("a Redis outage longer than the old reconnection limit", () => {
  (skip ? it.skip : it)(
    "is said to every user while it lasts, logged once, and over as soon as Redis is back, with every acknowledged answer kept",
    async () => {
      // before: answers acknowledged in the terminal-like path and in Slack
      await coordinator.handle("terminal:local:ana", open());
      for (const input of aboutBusiness()) await coordinator.handle("terminal:local:ana", input);
      expect((await coordinator.handle("terminal:local:ana", say("je veux plus de clients"))).step).toBe("time");
      await sendToSlack(dm("bonjour"));
      for (const answer of ["boulangerie", "des gens du coin", "tous les âges"]) await sendToSlack(dm(answer));
      expect((await sendToSlack(dm("je veux attirer des talents"))).said).toContain("(5/9)");

      await redis!.stop();
      const stoppedAt = Date.now();
      // during: asked three times, at the start, the middle and the end of the outage
      for (const at of [1_000, OUTAGE_MS / 2, OUTAGE_MS - 1_500]) {
        await sleep(Math.max(0, stoppedAt + at - Date.now()));
        const turn = await coordinator.handle("terminal:local:ana", say("10 heures par mois"));
        expect(seen(turn)).toContain(UNAVAILABLE_FR);
        const message = await sendToSlack(dm("10 heures par mois"));
        expect(message.status).toBe(200);
        expect(message.said).toContain(UNAVAILABLE_FR);
        expect(message.said).not.toMatch(/Error|\bat \S+ \(/);
      }
      const plan = await sendToSlack(slashCommand({ user: "UOUT", channel: "C1", responseUrl: api.responseUrl("plan-outage") }));
      expect(plan.said).toContain(UNAVAILABLE_FR);
      await sleep(Math.max(0, stoppedAt + OUTAGE_MS - Date.now()));
      expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(OUTAGE_MS);

      // back: same port, same data folder
      redis = await startRedis({ port: redis!.port, dir });
      const backBy = Date.now() + 10_000;
      while (logged(/connection to Redis is back/) === 0 && Date.now() < backBy) await sleep(50);
      const next = await coordinator.handle("terminal:local:ana", say("10 heures par mois"));
      expect(seen(next)).toContain("C'est noté : 10 h par mois");
      expect(next.step).toBe("budget");
      const nextInSlack = await sendToSlack(dm("10 heures par mois"));
      expect(nextInSlack.said).toContain("(6/9)");
      // the answers acknowledged before the outage are all there
      const anaPlan = await coordinator.handle("terminal:local:ana", say("mon plan"));
      expect(seen(anaPlan)).toContain("Développer les ventes");
      expect(seen(anaPlan)).toContain("10 h par mois");

      expect(logged(/lost the connection to Redis/)).toBe(1);
      expect(logged(/connection to Redis is back/)).toBe(1);
      // one line per turn refused, none per reconnection try
      expect(logs.length).toBeLessThan(40);
    },
    OUTAGE_MS + 30_000,
  );
});
