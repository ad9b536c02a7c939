import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import type { ChoiceStep } from "../../src/content/schema.ts";
import { baseOf, SessionState } from "../../src/engine/state.ts";
import { RedisStore } from "../../src/store/redis-store.ts";
import { getDocument } from "../../src/store/session-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { redisUnavailable, startRedis, type RunningRedis } from "../helpers/redis-server.ts";

const skip = redisUnavailable();
if (skip) console.warn(`two-instance Redis test skipped: ${skip}`);
let redis: RunningRedis | undefined;
const stores: RedisStore[] = [];
beforeAll(async () => {
  if (!skip) redis = await startRedis();
}, 20_000);
afterAll(async () => {
  for (const s of stores) await s.close();
  await redis?.stop();
});

const USERS = 200;
const choices = (id: string) => (content().steps.find((s) => s.id === id) as ChoiceStep).choices;

describe("two coach instances sharing one Redis", () => {
  (skip ? it.skip : it)("lose no answer when they handle the same users' messages alternately and at the same moment", async () => {
    const connect = async () => {
      const s = await RedisStore.connect({ url: redis!.url, prefix: "two" });
      stores.push(s);
      return new Coordinator({ content: content(), store: s, now: () => new Date(FIXED_NOW) });
    };
    const a = await connect();
    const b = await connect();
    const key = (u: number) => `slack:T1:U${u}`;
    const answersOf = (u: number) => [String((u % 10) + 1), `${(u % 40) + 1} h`, `${u} €`, String((u % 4) + 1), String((u % 5) + 1)];
    // messages that are right whatever the order: a question to the rule base, or help
    const aside = (r: number) => (r % 2 === 0 ? "et la sécurité de nos données?" : "aide");

    await Promise.all(Array.from({ length: USERS }, (_, u) => a.handle(key(u), { kind: "open" })));
    for (let round = 0; round < 5; round++) {
      // the answer goes to A and B in turn; at the same moment the other instance gets the aside
      const [answering, other] = round % 2 === 0 ? [a, b] : [b, a];
      await Promise.all(
        Array.from({ length: USERS }, (_, u) =>
          Promise.all([
            answering.handle(key(u), { kind: "text", text: answersOf(u)[round]! }),
            other.handle(key(u), { kind: "text", text: aside(round) }),
          ]),
        ),
      );
    }
    for (let u = 0; u < USERS; u++) {
      const state = SessionState.parse(((await getDocument(stores[0]!, key(u))) as { state: unknown }).state);
      expect(state.answers, `user ${u}`).toEqual({
        goal: { type: "choice", id: choices("goal")[u % 10]!.id },
        time: { type: "hours", hoursPerMonth: (u % 40) + 1, given: { amount: (u % 40) + 1, per: "month" } },
        budget: { type: "money", amountPerMonth: u, currency: "€" },
        skills: { type: "choice", id: choices("skills")[u % 4]!.id },
        owner: { type: "choice", id: choices("owner")[u % 5]!.id },
      });
      // every one of the 11 inputs left its mark: none was overwritten by the other instance
      expect(state.turns, `user ${u}`).toBe(11);
      // the plan is written (a doubt answered last may leave its topics offered over it)
      expect(baseOf(state.mode)).toEqual({ is: "done" });
    }
  }, 60_000);
});
