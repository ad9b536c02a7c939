import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { sessionKey, type SessionStore } from "../../src/store/session-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "coach-store-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const stores: [string, () => SessionStore][] = [
  ["MemoryStore", () => new MemoryStore()],
  ["LowdbStore", () => new LowdbStore({ dir: tempDir() })],
];

describe.each(stores)("%s conformance", (_name, make) => {
  it("gets what was set, as a copy", async () => {
    const s = make();
    const value = { version: 1, state: { a: [1, 2], b: "é€🙂" } };
    await s.set("k", value);
    expect(await s.get("k")).toEqual(value);
    expect(await s.get("k")).not.toBe(value);
    expect(await s.get("missing")).toBeUndefined();
  });

  it("keeps keys apart, even with colons and odd characters", async () => {
    const s = make();
    const a = sessionKey("slack", "T1:x", "U1");
    const b = sessionKey("slack", "T1", "x:U1");
    expect(a).not.toBe(b);
    await s.set(a, { version: 1, state: "a" });
    await s.set(b, { version: 1, state: "b" });
    await s.set("discord:guild/../../etc:u", { version: 1, state: "c" });
    expect((await s.get(a)) as { state: string }).toMatchObject({ state: "a" });
    expect((await s.get(b)) as { state: string }).toMatchObject({ state: "b" });
    expect((await s.keys()).sort()).toEqual([a, b, "discord:guild/../../etc:u"].sort());
  });

  it("deletes a key and nothing else", async () => {
    const s = make();
    await s.set("a", { version: 1, state: 1 });
    await s.set("b", { version: 1, state: 2 });
    await s.delete("a");
    await s.delete("never-set");
    expect(await s.get("a")).toBeUndefined();
    expect(await s.keys()).toEqual(["b"]);
  });

  it("keeps every answer when one session's messages arrive at once", async () => {
    const s = make();
    const c = new Coordinator({ content: content(), store: s, now: () => new Date(FIXED_NOW) });
    await c.handle("u", { type: "open" });
    const turns = ["2", "10 h", "100 $", "1", "1"].map((text) => c.handle("u", { type: "text", text }));
    const outcomes = await Promise.all(turns);
    expect(outcomes.map((o) => o.step)).toEqual(["time", "budget", "skills", "owner", null]);
    expect(outcomes[4]!.plan).toMatchObject({ goal: "sales", hoursPerMonth: 10, budgetPerMonth: 100, skills: "none", owner: "self" });
  });
});

describe("LowdbStore on disk", () => {
  it("writes one small JSON file per session, which a new process reads back exactly", async () => {
    const dir = tempDir();
    const first = new Coordinator({ content: content(), store: new LowdbStore({ dir }), now: () => new Date(FIXED_NOW) });
    await first.handle("terminal:local:ana", { type: "open" });
    await first.handle("terminal:local:ana", { type: "text", text: "attirer des talents" });
    await first.handle("terminal:local:bob", { type: "open" });
    const files = readdirSync(join(dir, "sessions")).sort();
    expect(files).toEqual(["terminal%3Alocal%3Aana.json", "terminal%3Alocal%3Abob.json"]);
    const onDisk = JSON.parse(readFileSync(join(dir, "sessions", files[0]!), "utf8"));
    expect(onDisk).toMatchObject({ key: "terminal:local:ana", version: 1, state: { pending: "time", answers: { goal: { type: "choice", id: "talent" } } } });

    const second = new Coordinator({ content: content(), store: new LowdbStore({ dir }), now: () => new Date(FIXED_NOW) });
    const memory = new MemoryStore();
    await memory.set("terminal:local:ana", { version: 1, state: onDisk.state });
    const third = new Coordinator({ content: content(), store: memory, now: () => new Date(FIXED_NOW) });
    const fromDisk = await second.handle("terminal:local:ana", { type: "text", text: "12 h" });
    const fromMemory = await third.handle("terminal:local:ana", { type: "text", text: "12 h" });
    expect(fromDisk).toEqual(fromMemory);
    expect(fromDisk.step).toBe("budget");
  });

  it("sets a damaged file aside, tells the user, and starts again without crashing", async () => {
    const dir = tempDir();
    const messages: string[] = [];
    const store = new LowdbStore({ dir, onDamaged: (m) => messages.push(m), now: () => new Date(FIXED_NOW) });
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    await c.handle("u", { type: "open" });
    const { writeFileSync } = await import("node:fs");
    writeFileSync(store.pathOf("u"), '{"version": 1, "state": {"lang": "fr", "pend');
    const out = await c.handle("u", { type: "text", text: "bonjour" });
    expect(out.replies[0]!.text).toContain("on repart du début");
    expect(messages[0]).toContain("kept aside as");
    expect(readdirSync(join(dir, "sessions")).some((f) => f.includes(".damaged-2026-11-21T10-00-00-000Z"))).toBe(true);
  });

  it("restarts a session whose answers no longer fit the content, with a message", async () => {
    const store = new MemoryStore();
    await store.set("u", {
      version: 1,
      state: {
        lang: "en", langSource: "chosen", pending: "skills", answers: { goal: { type: "choice", id: "world-domination" } },
        confirm: null, offer: null, createdAt: FIXED_NOW, updatedAt: FIXED_NOW, turns: 3,
      },
    });
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    const out = await c.handle("u", { type: "open" });
    expect(out.replies[0]!.text).toContain("on repart du début");
    expect(out.step).toBe("goal");
  });
});
