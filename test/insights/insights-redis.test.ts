/**
 * Insights on Redis (REDIS_URL): the counts and missed messages of the seeded conversations, one
 * conversation key shared by every instance, forget me (its marks too), and the deletion of what is
 * older than the days kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisInsights } from "../../src/insights/insights-store.ts";
import { HOSTILE, SEED_FUNNEL, seedInsights } from "../helpers/insights-seed.ts";
import { redisUnavailable, startRedis, type RunningRedis } from "../helpers/redis-server.ts";

const missing = redisUnavailable();
let redis: RunningRedis;

describe.skipIf(missing !== null)("insights on Redis", () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("keeps counts and missed messages, shares the conversation key, forgets an owner, and deletes old days", async () => {
    const a = await RedisInsights.connect(redis.url, "t1");
    const b = await RedisInsights.connect(redis.url, "t1");
    expect(await a.secret()).toBe(await b.secret());
    await seedInsights(a, new Date("2026-08-01T10:00:00Z"));
    const { coordinator, recorder } = await seedInsights(b, new Date("2026-11-30T10:00:00Z"));
    const counts = await a.counts("2026-11-01", "2026-11-30");
    expect(Object.keys(counts)).toEqual(["2026-11-30"]);
    expect(counts["2026-11-30"]!["started"]).toBe(SEED_FUNNEL.started);
    expect(counts["2026-11-30"]!["plan"]).toBe(SEED_FUNNEL.plan);
    expect((await a.missed()).length).toBe(8);

    const blorp = (await a.missed()).find((m) => m.text === "blorp zzz" && m.day === "2026-11-30")!;
    expect(await b.markTaught(blorp.id, "off-topic", "2026-11-30T11:00:00Z")).toBe(true);
    expect((await a.missed()).find((m) => m.id === blorp.id)!.taught?.as).toBe("off-topic");

    await coordinator.handle("fr-goal", { kind: "text", text: "oublie-moi", locale: "fr" });
    await coordinator.handle("fr-goal", { kind: "text", text: "oui", locale: "fr" });
    await recorder.idle();
    // both days' messages of that owner: the conversation id is the same, the key being shared
    expect((await a.missed()).some((m) => m.conv === recorder.conversationOf("fr-goal"))).toBe(false);
    expect(await b.markTaught(blorp.id, "off-topic", "2026-11-30T12:00:00Z")).toBe(false);

    await a.prune("2026-09-01");
    expect(Object.keys(await a.counts("2000-01-01", "2100-01-01"))).toEqual(["2026-11-30"]);
    expect((await a.missed()).map((m) => m.text).sort()).toEqual([HOSTILE, "flibber wobble"].sort());
    await a.close();
    await b.close();
  });
});
