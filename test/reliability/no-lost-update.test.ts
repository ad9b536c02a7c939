import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { SessionState } from "../../src/engine/state.ts";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { getDocument, type Revisioned, type SessionStore, type StoredSession } from "../../src/store/session-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { aboutBusiness, open, say } from "../helpers/inputs.ts";
import { seen } from "../helpers/transcript.ts";
import { variedAnswers, variedInterview } from "../helpers/varied-interview.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SESSIONS = 1000;

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
    const outcomes = new Map<number, { step: string | null }[]>();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < SESSIONS; i++) inFlight.push(c.handle(key(i), { kind: "open" }).then(() => undefined));
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < SESSIONS; i++) {
        const typed = variedInterview(i)[round];
        if (!typed) continue;
        inFlight.push(
          c.handle(key(i), { kind: "text", text: typed.text }).then((o) => {
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
      expect(state.answers, `session ${i}`).toEqual(variedAnswers(i));
      expect(state.mode).toEqual({ is: "done" });
      expect(state.turns).toBe(variedInterview(i).length + 1);
      // the replies came back in the order the messages were sent
      expect(outcomes.get(i)!.map((o) => o.step)).toEqual([...variedInterview(i).slice(1).map((t) => t.step), null]);
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
    await one.handle("u", open());
    for (const input of aboutBusiness()) await one.handle("u", input);
    // both read the session at the goal question before either writes
    store.arm(2);
    const [answer, help] = await Promise.all([one.handle("u", say("je veux plus de clients")), other.handle("u", say("aide"))]);
    expect(seen(answer)).toContain("Votre objectif : Développer les ventes");
    expect(seen(help)).toContain("Je vous pose quelques questions sur votre entreprise");
    // the goal answered is still there: the next answer goes to the time question
    const next = await one.handle("u", say("10 heures par mois"));
    expect(seen(next)).toContain("C'est noté : 10 h par mois");
    expect(next.step).toBe("budget");
  });
});
