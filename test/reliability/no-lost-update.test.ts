import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import type { ChoiceStep } from "../../src/content/schema.ts";
import { SessionState } from "../../src/engine/state.ts";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { getDocument, type Revisioned, type SessionStore, type StoredSession } from "../../src/store/session-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { seen } from "../helpers/transcript.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SESSIONS = 1000;
const choices = (id: string) => (content().steps.find((s) => s.id === id) as ChoiceStep).choices;

describe.each([
  ["MemoryStore", (): SessionStore => new MemoryStore()],
  [
    "LowdbStore",
    (): SessionStore => {
      const dir = mkdtempSync(join(tmpdir(), "coach-race-"));
      dirs.push(dir);
      return new LowdbStore({ dir });
    },
  ],
])("1,000 sessions driven at once on the %s", (_name, make) => {
  it("stores every answer of every session, in order, with all of a session's messages in flight at once", async () => {
    const store = make();
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    const key = (i: number) => `test:race:${i}`;
    // answers differ per session, so a mix-up between sessions or a lost or reordered write would show
    const answersOf = (i: number) => [String((i % 10) + 1), `${(i % 50) + 1} h`, `${i} $`, String((i % 4) + 1), String((i % 5) + 1)];
    const outcomes = new Map<number, { step: string | null }[]>();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < SESSIONS; i++) inFlight.push(c.handle(key(i), { kind: "open" }).then(() => undefined));
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < SESSIONS; i++) {
        inFlight.push(
          c.handle(key(i), { kind: "text", text: answersOf(i)[round]! }).then((o) => {
            const list = outcomes.get(i) ?? [];
            list.push({ step: o.step });
            outcomes.set(i, list);
          }),
        );
      }
    }
    await Promise.all(inFlight);
    for (let i = 0; i < SESSIONS; i++) {
      const state = SessionState.parse(((await getDocument(store, key(i))) as { state: unknown }).state);
      expect(state.answers, `session ${i}`).toEqual({
        goal: { type: "choice", id: choices("goal")[i % 10]!.id },
        time: { type: "hours", hoursPerMonth: (i % 50) + 1, given: { amount: (i % 50) + 1, per: "month" } },
        budget: { type: "money", amountPerMonth: i, currency: "$" },
        skills: { type: "choice", id: choices("skills")[i % 4]!.id },
        owner: { type: "choice", id: choices("owner")[i % 5]!.id },
      });
      expect(state.mode).toEqual({ is: "done" });
      expect(state.turns).toBe(6);
      // the replies came back in the order the messages were sent
      expect(outcomes.get(i)!.map((o) => o.step)).toEqual(["time", "budget", "skills", "owner", null]);
    }
  }, 120_000);
});

/**
 * A store where, once armed, the writes wait until `readers` reads have been made: two turns of
 * one session then both read the same revision before either writes, every time.
 */
function bothReadFirst(store: LowdbStore): SessionStore & { arm(readers: number): void } {
  let needed = 0;
  let reads = 0;
  let waiting: (() => void)[] = [];
  return Object.assign(Object.create(store) as LowdbStore, {
    arm: (readers: number) => {
      needed = readers;
      reads = 0;
    },
    read: async (key: string): Promise<Revisioned> => {
      const r = await store.read(key);
      if (++reads >= needed) {
        for (const go of waiting) go();
        waiting = [];
      }
      return r;
    },
    writeIf: async (key: string, value: StoredSession, revision: string | null, ttl?: number, at?: Date) => {
      if (reads < needed) await new Promise<void>((resolve) => waiting.push(resolve));
      return store.writeIf(key, value, revision, ttl, at);
    },
  });
}

describe("two coordinators writing one lowdb session at the same moment", () => {
  it("lose no answer: the revision check makes the second one read again and redo its turn", async () => {
    const dir = mkdtempSync(join(tmpdir(), "coach-race-"));
    dirs.push(dir);
    const store = bothReadFirst(new LowdbStore({ dir }));
    const one = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    const other = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    await one.handle("u", { type: "open" });
    // both read the session at the goal question before either writes
    store.arm(2);
    const [answer, help] = await Promise.all([one.handle("u", { type: "text", text: "je veux plus de clients" }), other.handle("u", { type: "text", text: "aide" })]);
    expect(seen(answer)).toContain("Votre objectif : Développer les ventes");
    expect(seen(help)).toContain("Je vous pose cinq questions");
    // the goal answered is still there: the next answer goes to the time question
    const next = await one.handle("u", { type: "text", text: "10 heures par mois" });
    expect(seen(next)).toContain("C'est noté : 10 h par mois");
    expect(next.step).toBe("budget");
  });
});
