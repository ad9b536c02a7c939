/**
 * One person's messages are handled in the order they arrived, even when they reach two coach
 * instances sharing Redis: "10 h" to one instance, then "200 $" to the other 1 ms later, must be
 * stored as 10 h a month and a budget of 200 $, never 200 h a month. The messages are
 * order-dependent on purpose (each answers the question the previous one leads to). A crashed
 * instance holding a person's turn holds them up for its lease only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Coordinator, type TurnOutcome } from "../../src/coordinator.ts";
import { createLogger } from "../../src/log.ts";
import { RedisStore } from "../../src/store/redis-store.ts";
import type { Revisioned, SessionStore, StoredSession } from "../../src/store/session-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { aboutBusiness, open, say } from "../helpers/inputs.ts";
import { redisUnavailable, startRedis, type RunningRedis } from "../helpers/redis-server.ts";

const skip = redisUnavailable();
if (skip) console.warn(`ordering across instances skipped: ${skip}`);
let redis: RunningRedis | undefined;
const opened: RedisStore[] = [];
beforeAll(async () => {
  if (!skip) redis = await startRedis();
}, 20_000);
afterAll(async () => {
  for (const s of opened) await s.close();
  await redis?.stop();
});

async function connect(prefix: string, extra: { turnLeaseMs?: number; log?: ReturnType<typeof createLogger> } = {}): Promise<RedisStore> {
  const s = await RedisStore.connect({ url: redis!.url, prefix, ...extra });
  opened.push(s);
  return s;
}

/** A store whose reads are late (a busy or paused instance): its messages reach Redis later than they arrived. */
function slowReads(store: SessionStore, ms: number): SessionStore {
  return {
    read: async (key: string): Promise<Revisioned> => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return store.read(key);
    },
    writeIf: (key: string, value: StoredSession, revision: string | null, ttl?: number, at?: Date) => store.writeIf(key, value, revision, ttl, at),
    delete: (key) => store.delete(key),
    setAside: (key, why) => store.setAside(key, why),
    keys: () => store.keys(),
    untouchedSince: (before, size) => store.untouchedSince(before, size),
    deleteIfUntouchedSince: (key, before) => store.deleteIfUntouchedSince(key, before),
    pruneAside: (before) => store.pruneAside(before),
    claim: (id, ttl) => store.claim(id, ttl),
    close: () => store.close(),
    ...(store.enterTurn ? { enterTurn: (key: string) => store.enterTurn!(key) } : {}),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const said = (o: TurnOutcome) => o.replies.map((r) => r.text).join("\n");

/**
 * Answers the questions about the business and the goal, sends "10 h" to `first`, "200 $" to
 * `second` 1 ms later, finishes the interview; returns the plan's figures.
 */
async function race(first: Coordinator, second: Coordinator, key: string): Promise<{ hours: number | null; budget: number | null; replies: [string, string] }> {
  await first.handle(key, open("fr"));
  for (const input of aboutBusiness({}, "fr")) await first.handle(key, input);
  await first.handle(key, say("je veux plus de clients"));
  const a = first.handle(key, say("10 h"));
  await sleep(1);
  const b = second.handle(key, say("200 $"));
  const [ra, rb] = await Promise.all([a, b]);
  await second.handle(key, say("1")); // skills
  await first.handle(key, say("1")); // who runs it
  const last = await second.handle(key, say("1")); // no page yet: the plan
  return { hours: last.plan?.hoursPerMonth ?? null, budget: last.plan?.budgetPerMonth ?? null, replies: [said(ra), said(rb)] };
}

describe("two instances sharing Redis", () => {
  const maybe = skip ? it.skip : it;

  maybe("handle one person's messages in the order they arrived, even when the first instance is slower (20 runs)", async () => {
    const slowA = new Coordinator({ content: content(), store: slowReads(await connect("order"), 15), now: () => new Date(FIXED_NOW) });
    const b = new Coordinator({ content: content(), store: await connect("order"), now: () => new Date(FIXED_NOW) });
    for (let run = 0; run < 20; run++) {
      const r = await race(slowA, b, `slack:T1:USLOW${run}`);
      expect(r, `run ${run}`).toMatchObject({ hours: 10, budget: 200 });
      expect(r.replies[0]).toContain("C'est noté : 10 h par mois");
      expect(r.replies[1]).toContain("200 $");
    }
  }, 90_000);

  maybe("keep the order over 100 runs at full speed", async () => {
    const a = new Coordinator({ content: content(), store: await connect("order-fast"), now: () => new Date(FIXED_NOW) });
    const b = new Coordinator({ content: content(), store: await connect("order-fast"), now: () => new Date(FIXED_NOW) });
    let inOrder = 0;
    for (let run = 0; run < 100; run++) {
      const r = await race(a, b, `slack:T1:UFAST${run}`);
      if (r.hours === 10 && r.budget === 200) inOrder++;
    }
    expect(inOrder).toBe(100);
  }, 90_000);

  maybe("are not held up for good by an instance that crashed while it held a person's turn", async () => {
    const logs: string[] = [];
    const crashed = await connect("order-crash", { turnLeaseMs: 1000 });
    await crashed.enterTurn("slack:T1:UCRASH"); // its turn, never handed on: the process dies here
    await crashed.close();
    const alive = new Coordinator({
      content: content(),
      store: await connect("order-crash", { turnLeaseMs: 1000, log: createLogger((l) => logs.push(l)) }),
      now: () => new Date(FIXED_NOW),
    });
    const started = Date.now();
    const out = await alive.handle("slack:T1:UCRASH", open("fr"));
    expect(said(out)).toContain("(1/9)");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(logs.join("\n")).toContain("skipped a turn whose instance did not take it in time");
  }, 90_000);
});
