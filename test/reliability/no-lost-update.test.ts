import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import type { ChoiceStep } from "../../src/content/schema.ts";
import { SessionState } from "../../src/engine/state.ts";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { getDocument, type SessionStore } from "../../src/store/session-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";

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
