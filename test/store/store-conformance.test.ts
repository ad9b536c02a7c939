import { STATE_VERSION } from "../../src/engine/state.ts";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { RedisStore } from "../../src/store/redis-store.ts";
import { getDocument, putDocument, sessionKey, type SessionStore } from "../../src/store/session-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { redisUnavailable, startRedis, type RunningRedis } from "../helpers/redis-server.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "coach-store-"));
  dirs.push(d);
  return d;
};
const skipRedis = redisUnavailable();
let redis: RunningRedis | undefined;
let redisDb = 0;
const opened: SessionStore[] = [];
beforeAll(async () => {
  if (!skipRedis) redis = await startRedis();
});
afterAll(async () => {
  for (const s of opened) await s.close();
  await redis?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
if (skipRedis) console.warn(`Redis store tests skipped: ${skipRedis}`);

const stores: [string, () => Promise<SessionStore>][] = [
  ["MemoryStore", async () => new MemoryStore()],
  ["LowdbStore", async () => new LowdbStore({ dir: tempDir() })],
  [
    "RedisStore",
    async () => {
      // each test gets its own key prefix on the shared server
      const s = await RedisStore.connect({ url: redis!.url, prefix: `t${redisDb++}` });
      opened.push(s);
      return s;
    },
  ],
];

describe.each(stores)("%s conformance", (name, make) => {
  const maybe = name === "RedisStore" && skipRedis ? it.skip : it;

  maybe("gets what was set, as a copy", async () => {
    const s = await make();
    const value = { version: 1, state: { a: [1, 2], b: "é€🙂" } };
    await putDocument(s, "k", value);
    expect(await getDocument(s, "k")).toEqual(value);
    // where the conversation takes place, kept with the session (a Slack thread, say)
    const placed = { version: 1, state: { a: 1 }, place: "slack:thread:C1/1700000000.000100" };
    await putDocument(s, "p", placed);
    expect(await getDocument(s, "p")).toEqual(placed);
    expect(await getDocument(s, "k")).not.toBe(value);
    expect(await getDocument(s, "missing")).toBeUndefined();
  });

  maybe("writes only at the revision it read: a concurrent writer loses and must read again", async () => {
    const s = await make();
    expect(await s.writeIf("k", { version: 1, state: "first" }, null)).toBe(true);
    expect(await s.writeIf("k", { version: 1, state: "again" }, null)).toBe(false);
    const seen = await s.read("k");
    expect(await s.writeIf("k", { version: 1, state: "A" }, seen.revision)).toBe(true);
    expect(await s.writeIf("k", { version: 1, state: "B" }, seen.revision)).toBe(false);
    expect(await getDocument(s, "k")).toEqual({ version: 1, state: "A" });
    // three writers that read the same revision: exactly one wins
    const { revision } = await s.read("k");
    const results = await Promise.all(["x", "y", "z"].map((v) => s.writeIf("k", { version: 1, state: v }, revision)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(["x", "y", "z"]).toContain(((await getDocument(s, "k")) as { state: string }).state);
  });

  maybe("keeps keys apart, even with colons and odd characters", async () => {
    const s = await make();
    const a = sessionKey("slack", "T1:x", "U1");
    const b = sessionKey("slack", "T1", "x:U1");
    expect(a).not.toBe(b);
    await putDocument(s, a, { version: 1, state: "a" });
    await putDocument(s, b, { version: 1, state: "b" });
    await putDocument(s, "discord:guild/../../etc:u*", { version: 1, state: "c" });
    expect(await getDocument(s, a)).toMatchObject({ state: "a" });
    expect(await getDocument(s, b)).toMatchObject({ state: "b" });
    expect((await s.keys()).sort()).toEqual([a, b, "discord:guild/../../etc:u*"].sort());
  });

  maybe("deletes a key and nothing else", async () => {
    const s = await make();
    await putDocument(s, "a", { version: 1, state: 1 });
    await putDocument(s, "b", { version: 1, state: 2 });
    await s.delete("a");
    await s.delete("never-set");
    expect(await getDocument(s, "a")).toBeUndefined();
    expect(await s.keys()).toEqual(["b"]);
    expect(await s.writeIf("a", { version: 1, state: "again" }, null)).toBe(true);
  });

  maybe("forgets the copies of a key set aside too, and only those", async () => {
    const s = await make();
    const key = sessionKey("slack", "T1", "U-FORGET-ME");
    const other = sessionKey("slack", "T1", "U-FORGET-ME-NOT");
    for (const k of [key, other]) {
      await putDocument(s, k, { version: 99, state: `secret of ${k}` });
      expect(await s.setAside(k, "version-99")).not.toBeNull();
      await putDocument(s, k, { version: 1, state: `now of ${k}` });
    }
    await s.delete(key);
    const left = await everythingStored(s);
    expect(left).not.toContain("secret of slack:T1:U-FORGET-ME\"");
    expect(left).not.toContain("now of slack:T1:U-FORGET-ME\"");
    expect(left).toContain("secret of slack:T1:U-FORGET-ME-NOT");
    expect(left).toContain("now of slack:T1:U-FORGET-ME-NOT");
  });

  maybe("claims a delivery id once", async () => {
    const s = await make();
    expect(await s.claim("Ev123", 60)).toBe(true);
    expect(await s.claim("Ev123", 60)).toBe(false);
    expect(await s.claim("Ev124", 60)).toBe(true);
  });

  maybe("keeps every answer when one session's messages arrive at once", async () => {
    const s = await make();
    const c = new Coordinator({ content: content(), store: s, now: () => new Date(FIXED_NOW) });
    await c.handle("u", { kind: "open" });
    // trade, customers, age, goal, time, budget, skills, owner, presence
    const outcomes = await Promise.all(["1", "1", "4", "2", "10 h", "100 $", "1", "1", "1"].map((text) => c.handle("u", { kind: "text", text })));
    expect(outcomes.map((o) => o.step)).toEqual(["customers", "age", "goal", "time", "budget", "skills", "owner", "presence", null]);
    expect(outcomes[8]!.plan).toMatchObject({ goal: "sales", hoursPerMonth: 10, budgetPerMonth: 100, skills: "none", owner: "self", missing: [] });
    expect(outcomes[8]!.answers).toMatchObject({ trade: { type: "choice", id: "food" }, customers: { type: "choice", id: "local" }, age: { type: "choice", id: "all" }, presence: { type: "choice", id: "none" } });
  });

  maybe("lists stored sessions for expiry, and the sweep removes the old ones (Redis: their TTL does)", async () => {
    const s = await make();
    let now = new Date("2026-01-01T00:00:00Z");
    const c = new Coordinator({ content: content(), store: s, now: () => now, expireAfterDays: 30 });
    await c.handle("old", { kind: "open" });
    now = new Date("2026-03-01T00:00:00Z");
    await c.handle("new", { kind: "open" });
    if (name === "RedisStore") {
      // Redis forgets a session on its own, 30 days of real time after its last write: nothing to sweep
      expect(await c.sweepExpired()).toBe(0);
      expect((await s.keys()).sort()).toEqual(["new", "old"]);
      return;
    }
    expect(await c.sweepExpired()).toBe(1);
    expect(await s.keys()).toEqual(["new"]);
  });
});

/** Every document a store holds, sessions and copies set aside, as one string (JSON texts). */
async function everythingStored(s: SessionStore): Promise<string> {
  if (s instanceof MemoryStore) return [...(await Promise.all((await s.keys()).map((k) => getDocument(s, k)))).map((d) => JSON.stringify(d)), ...s.aside.values()].join("\n");
  if (s instanceof LowdbStore) {
    const dir = join(s.pathOf("x"), "..");
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    return files.map((f) => readFileSync(join(f.parentPath, f.name), "utf8")).join("\n");
  }
  const { createClient } = await import("redis");
  const probe = createClient({ url: redis!.url });
  await probe.connect();
  const out: string[] = [];
  for (const k of await probe.sendCommand<string[]>(["KEYS", "*"])) {
    const type = await probe.sendCommand<string>(["TYPE", k]);
    if (type === "hash") out.push(...(await probe.sendCommand<string[]>(["HVALS", k])));
  }
  await probe.close();
  return out.join("\n");
}

describe("RedisStore specifics", () => {
  const maybe = skipRedis ? it.skip : it;
  maybe("sets an unreadable document aside, tells the user, and starts again without crashing", async () => {
    const s = await RedisStore.connect({ url: redis!.url, prefix: "damaged" });
    opened.push(s);
    const c = new Coordinator({ content: content(), store: s, now: () => new Date(FIXED_NOW) });
    await c.handle("u", { kind: "open" });
    const { createClient } = await import("redis");
    const probe = createClient({ url: redis!.url });
    await probe.connect();
    await probe.sendCommand(["HSET", "damaged:session:u", "doc", '{"version": 1, "state": {"lang": "fr", "pend']);
    const out = await c.handle("u", { kind: "text", text: "bonjour" });
    expect(out.replies[0]!.text).toContain("on repart du début");
    const aside = await probe.sendCommand<string[]>(["HGETALL", "damaged:aside:u"]);
    await probe.close();
    expect(aside).toHaveLength(2); // one field, one value
    expect(aside[0]).toMatch(/^damaged:/);
    expect(aside[1]).toBe('{"version": 1, "state": {"lang": "fr", "pend');
    expect((await c.handle("u", { kind: "text", text: "1" })).step).toBe("customers");
  });

  maybe("gives each written session a TTL equal to the expiry", async () => {
    const s = await RedisStore.connect({ url: redis!.url, prefix: "ttl" });
    opened.push(s);
    const c = new Coordinator({ content: content(), store: s, expireAfterDays: 30 });
    await c.handle("u", { kind: "open" });
    const { createClient } = await import("redis");
    const probe = createClient({ url: redis!.url });
    await probe.connect();
    const ttl = await probe.sendCommand<number>(["TTL", "ttl:session:u"]);
    await probe.close();
    expect(ttl).toBeGreaterThan(30 * 86400 - 60);
    expect(ttl).toBeLessThanOrEqual(30 * 86400);
  });
});

describe("LowdbStore on disk", () => {
  it("writes one small JSON file per session, which a new process reads back exactly", async () => {
    const dir = tempDir();
    const first = new Coordinator({ content: content(), store: new LowdbStore({ dir }), now: () => new Date(FIXED_NOW) });
    await first.handle("terminal:local:ana", { kind: "open" });
    for (const text of ["boulangerie", "des gens du coin", "tous les âges", "attirer des talents"]) await first.handle("terminal:local:ana", { kind: "text", text });
    await first.handle("terminal:local:bob", { kind: "open" });
    const files = readdirSync(join(dir, "sessions")).sort();
    expect(files).toEqual(["terminal%3Alocal%3Aana.json", "terminal%3Alocal%3Abob.json"]);
    const onDisk = JSON.parse(readFileSync(join(dir, "sessions", files[0]!), "utf8"));
    expect(onDisk).toMatchObject({
      key: "terminal:local:ana", version: STATE_VERSION, revision: 5,
      state: { mode: { is: "asking", step: "time" }, answers: { trade: { type: "choice", id: "food" }, customers: { type: "choice", id: "local" }, age: { type: "choice", id: "all" }, goal: { type: "choice", id: "talent" } } },
    });

    const second = new Coordinator({ content: content(), store: new LowdbStore({ dir }), now: () => new Date(FIXED_NOW) });
    const memory = new MemoryStore();
    await putDocument(memory, "terminal:local:ana", { version: 2, state: onDisk.state });
    const third = new Coordinator({ content: content(), store: memory, now: () => new Date(FIXED_NOW) });
    const fromDisk = await second.handle("terminal:local:ana", { kind: "text", text: "12 h" });
    const fromMemory = await third.handle("terminal:local:ana", { kind: "text", text: "12 h" });
    expect(fromDisk).toEqual(fromMemory);
    expect(fromDisk.step).toBe("budget");
  });

  it("sets a damaged file aside, tells the user, and starts again without crashing", async () => {
    const dir = tempDir();
    const messages: string[] = [];
    const store = new LowdbStore({ dir, onDamaged: (m) => messages.push(m), now: () => new Date(FIXED_NOW) });
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    await c.handle("u", { kind: "open" });
    writeFileSync(store.pathOf("u"), '{"version": 2, "state": {"lang": "fr", "mo');
    const out = await c.handle("u", { kind: "text", text: "bonjour" });
    expect(out.replies[0]!.text).toContain("on repart du début");
    expect(messages[0]).toContain("kept aside as");
    expect(readdirSync(store.asideDirOf("u"))).toEqual(["damaged-2026-11-21T10-00-00-000Z.json"]);
    expect((await c.handle("u", { kind: "text", text: "1" })).step).toBe("customers");
  });

  it("restarts a session whose answers no longer fit the content, with a message", async () => {
    const store = new MemoryStore();
    await putDocument(store, "u", {
      version: 1,
      state: {
        lang: "en", langSource: "chosen", pending: "skills", answers: { goal: { type: "choice", id: "world-domination" } },
        confirm: null, offer: null, createdAt: FIXED_NOW, updatedAt: FIXED_NOW, turns: 3,
      },
    });
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    const out = await c.handle("u", { kind: "open" });
    expect(out.replies[0]!.text).toContain("on repart du début");
    expect(out.step).toBe("trade");
    expect(out.answers).toEqual({});
  });
});

describe("a session written by an older coach", () => {
  it("of version 1 (pending, confirm and offer fields) is carried over: answers kept, the same question, a pending confirmation too", async () => {
    const store = new MemoryStore();
    const v1 = (extra: object) => ({
      version: 1,
      state: {
        lang: "en", langSource: "chosen", pending: "budget", answers: { goal: { type: "choice", id: "sales" }, time: { type: "hours", hoursPerMonth: 10 } },
        confirm: null, offer: null, createdAt: FIXED_NOW, updatedAt: FIXED_NOW, turns: 3, ...extra,
      },
    });
    await putDocument(store, "u", v1({}));
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    const out = await c.handle("u", { kind: "open" });
    // the budget is the sixth of the nine questions a business with people as customers is asked
    expect(out.replies.map((r) => r.text).join("\n")).toContain("Welcome back! Let's pick up where we left off, at question 6 of 9.");
    expect(out.step).toBe("budget");
    expect(out.answers).toEqual({ goal: { type: "choice", id: "sales" }, time: { type: "hours", hoursPerMonth: 10 } });
    expect(((await getDocument(store, "u")) as { version: number }).version).toBe(STATE_VERSION);
    // the questions the older coach never asked come after the others, then the plan
    const steps: (string | null)[] = [];
    for (const text of ["none", "2", "1", "1", "1", "1", "4"]) steps.push((await c.handle("u", { kind: "text", text })).step);
    expect(steps).toEqual(["skills", "owner", "presence", "trade", "customers", "age", null]);
    const done = await c.handle("u", { kind: "export" });
    expect(done.done).toBe(true);
    expect(done.plan).toMatchObject({ goal: "sales", hoursPerMonth: 10, missing: [], network: { id: "facebook", presence: "open" } });
    // a restart waiting for its yes is still waiting
    await putDocument(store, "w", v1({ confirm: "restart" }));
    const yes = await c.handle("w", { kind: "text", text: "yes" });
    expect(yes.replies.map((r) => r.text).join("\n")).toContain("Starting again from the beginning.");
    expect(yes.answers).toEqual({});
  });

  it("of a shape that cannot be carried over is started again with a note, and overwritten", async () => {
    const store = new MemoryStore();
    await putDocument(store, "u", { version: 0, state: { pending: "budget", answers: {} } });
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    const out = await c.handle("u", { kind: "open" });
    expect(out.replies[0]!.text).toContain("on repart du début");
    expect(out.step).toBe("trade");
    expect(((await getDocument(store, "u")) as { version: number }).version).toBe(STATE_VERSION);
    expect(store.aside.size).toBe(0);
  });
});

describe("a session written by a newer coach", () => {
  it("is kept aside, never overwritten, and the user starts again with a note", async () => {
    const dir = tempDir();
    const store = new LowdbStore({ dir, now: () => new Date(FIXED_NOW) });
    await putDocument(store, "u", { version: 99, state: { from: "the future" } });
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    const out = await c.handle("u", { kind: "open" });
    expect(out.replies[0]!.text).toContain("on repart du début");
    expect(readdirSync(store.asideDirOf("u"))).toEqual(["version-99-2026-11-21T10-00-00-000Z.json"]);
    expect(JSON.parse(readFileSync(join(store.asideDirOf("u"), "version-99-2026-11-21T10-00-00-000Z.json"), "utf8"))).toMatchObject({ version: 99, state: { from: "the future" } });
    expect(((await getDocument(store, "u")) as { version: number }).version).toBe(STATE_VERSION);
  });
});
