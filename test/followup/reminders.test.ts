/**
 * The coach writes first when a pilot review comes due (src/followup/reminders.ts): once, even with
 * two instances on Redis looking at the same time; after a restart, for a review that came due while
 * the bot was down; never at night for the person; never to someone who said "no reminders"; and a
 * reminder that cannot be posted waits for the person's next visit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReminderDelivery } from "../../src/adapter.ts";
import { Coordinator } from "../../src/coordinator.ts";
import { Reminders } from "../../src/followup/reminders.ts";
import { silentLogger } from "../../src/log.ts";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { RedisStore } from "../../src/store/redis-store.ts";
import type { SessionStore } from "../../src/store/session-store.ts";
import type { Reply } from "../../src/vocabulary/replies.ts";
import { content } from "../helpers/content.ts";
import { aboutBusiness, noPage, open, press, say } from "../helpers/inputs.ts";
import { redisUnavailable, startRedis, type RunningRedis } from "../helpers/redis-server.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";

const tempDir = tempDirs("coach-reminders-");
const BOOKED_AT = Date.parse("2026-11-30T15:00:00Z");
const DUE = Date.parse("2027-03-01T15:00:00Z");

/** A delivery that records what it posts (and can refuse, or find it is night). */
function recorder(o: { night?: () => boolean; closed?: boolean } = {}) {
  const sent: { key: string; text: string }[] = [];
  const delivery: ReminderDelivery = {
    handles: (key) => key.startsWith("slack:"),
    fineTimeFor: async () => !(o.night?.() ?? false),
    deliver: async (key, replies: readonly Reply[]) => {
      if (o.closed) throw new Error("cannot send messages to this user");
      sent.push({ key, text: replies.map((r) => r.text).join("\n") });
    },
  };
  return { sent, delivery };
}

async function planAndBook(c: Coordinator, key: string, months: number): Promise<void> {
  for (const i of [open("fr"), ...aboutBusiness({}, "fr"), say("vendre plus"), say("10 h par mois"), say("100 $ par mois"), press("pick:skills:personal"), press("pick:owner:self"), noPage("fr"), press(`book:${months}`)]) {
    await c.handle(key, i);
  }
}

const at = (t: number) => () => new Date(t);

describe("reminders of the pilot review", () => {
  it("are posted once a review is due, once, and only for the sessions of the platform that can post them", async () => {
    const store = new MemoryStore();
    let now = BOOKED_AT;
    const c = new Coordinator({ content: content(), store, now: () => new Date(now) });
    await planAndBook(c, "slack:T1:UANA", 3);
    await planAndBook(c, "slack:T1:UBOB", 6);
    await planAndBook(c, "discord:G1:UCAL", 3);
    const { sent, delivery } = recorder();
    const reminders = new Reminders({ coordinator: c, store, log: silentLogger, deliveries: [delivery], everyMs: 60_000, now: () => new Date(now) });
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
    now = DUE;
    expect(await reminders.pass()).toEqual({ sent: 1, deferred: 0, undelivered: 0 });
    expect(sent.map((s) => s.key)).toEqual(["slack:T1:UANA"]);
    expect(sent[0]!.text).toContain("C'est le moment du bilan de l'essai");
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
  });

  it("wait for daytime where the person is, then go", async () => {
    const store = new MemoryStore();
    let now = BOOKED_AT;
    const c = new Coordinator({ content: content(), store, now: () => new Date(now) });
    await planAndBook(c, "slack:T1:UANA", 3);
    let night = true;
    const { sent, delivery } = recorder({ night: () => night });
    const reminders = new Reminders({ coordinator: c, store, log: silentLogger, deliveries: [delivery], everyMs: 60_000, now: () => new Date(now) });
    now = DUE;
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 1, undelivered: 0 });
    expect(await c.reviewDue("slack:T1:UANA")).toBe(true);
    night = false;
    expect(await reminders.pass()).toEqual({ sent: 1, deferred: 0, undelivered: 0 });
    expect(sent).toHaveLength(1);
  });

  it("are never sent to someone who said 'no reminders'", async () => {
    const store = new MemoryStore();
    let now = BOOKED_AT;
    const c = new Coordinator({ content: content(), store, now: () => new Date(now) });
    await planAndBook(c, "slack:T1:UANA", 1);
    await c.handle("slack:T1:UANA", say("no reminders"));
    const { sent, delivery } = recorder();
    now = Date.parse("2027-01-01T15:00:00Z");
    const reminders = new Reminders({ coordinator: c, store, log: silentLogger, deliveries: [delivery], everyMs: 60_000, now: () => new Date(now) });
    await reminders.pass();
    expect(sent).toEqual([]);
  });

  it("that cannot be posted wait for the person's next visit, where the review is offered", async () => {
    const store = new MemoryStore();
    let now = BOOKED_AT;
    const c = new Coordinator({ content: content(), store, now: () => new Date(now) });
    await planAndBook(c, "slack:T1:UANA", 3);
    const { delivery } = recorder({ closed: true });
    now = DUE;
    const reminders = new Reminders({ coordinator: c, store, log: silentLogger, deliveries: [delivery], everyMs: 60_000, now: () => new Date(now) });
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 1 });
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
    expect((await c.handle("slack:T1:UANA", open("fr"))).mode).toBe("offeringReview / done");
  });

  it("come after a restart for a review that came due while the coach was down, once (lowdb on disk)", async () => {
    const dir = tempDir();
    const before = new LowdbStore({ dir });
    await planAndBook(new Coordinator({ content: content(), store: before, now: at(BOOKED_AT) }), "slack:T1:UANA", 3);
    await before.close();
    // ten days after the review came due, the coach starts again
    const later = DUE + 10 * 24 * 3600 * 1000;
    const after = new LowdbStore({ dir });
    const c = new Coordinator({ content: content(), store: after, now: at(later) });
    const { sent, delivery } = recorder();
    const reminders = new Reminders({ coordinator: c, store: after, log: silentLogger, deliveries: [delivery], everyMs: 60_000, now: at(later) });
    reminders.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await reminders.stop();
    expect(sent).toHaveLength(1);
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
    await after.close();
  });
});

const noRedis = redisUnavailable();
describe.skipIf(noRedis !== null)("reminders with two instances on Redis", () => {
  let redis: RunningRedis;
  const stores: SessionStore[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await redis?.stop();
  });

  it("post each due review once, though both instances look at the same moment", async () => {
    const connect = async () => {
      const s = await RedisStore.connect({ url: redis.url, prefix: "reminders" });
      stores.push(s);
      return s;
    };
    const [a, b] = [await connect(), await connect()];
    const ca = new Coordinator({ content: content(), store: a, now: at(BOOKED_AT) });
    for (let u = 0; u < 20; u++) await planAndBook(ca, `slack:T1:U${u}`, 3);
    const one = recorder();
    const two = recorder();
    const ra = new Reminders({ coordinator: new Coordinator({ content: content(), store: a, now: at(DUE) }), store: a, log: silentLogger, deliveries: [one.delivery], everyMs: 60_000, now: at(DUE) });
    const rb = new Reminders({ coordinator: new Coordinator({ content: content(), store: b, now: at(DUE) }), store: b, log: silentLogger, deliveries: [two.delivery], everyMs: 60_000, now: at(DUE) });
    await Promise.all([ra.pass(), rb.pass()]);
    const keys = [...one.sent, ...two.sent].map((s) => s.key).sort();
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
  }, 60_000);
});
