import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { baseOf, SessionState } from "../../src/engine/state.ts";
import { RedisStore } from "../../src/store/redis-store.ts";
import { getDocument } from "../../src/store/session-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { redisUnavailable, startRedis, type RunningRedis } from "../helpers/redis-server.ts";
import { variedAnswers, variedInterview } from "../helpers/varied-interview.ts";

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
    // messages that are right whatever the order: a question to the rule base, or help
    const aside = (r: number) => (r % 2 === 0 ? "et la sécurité de nos données?" : "aide");

    await Promise.all(Array.from({ length: USERS }, (_, u) => a.handle(key(u), { kind: "open" })));
    for (let round = 0; round < 10; round++) {
      // the answer goes to A and B in turn; at the same moment the other instance gets the aside
      const [answering, other] = round % 2 === 0 ? [a, b] : [b, a];
      await Promise.all(
        Array.from({ length: USERS }, (_, u) => {
          const typed = variedInterview(u, "€")[round];
          if (!typed) return undefined;
          return Promise.all([answering.handle(key(u), { kind: "text", text: typed.text }), other.handle(key(u), { kind: "text", text: aside(round) })]);
        }),
      );
    }
    for (let u = 0; u < USERS; u++) {
      const state = SessionState.parse(((await getDocument(stores[0]!, key(u))) as { state: unknown }).state);
      expect(state.answers, `user ${u}`).toEqual(variedAnswers(u, "€"));
      // every input (the opening, each answer and each aside) left its mark: none was overwritten by the other instance
      expect(state.turns, `user ${u}`).toBe(1 + 2 * variedInterview(u, "€").length);
      // the plan is written (a doubt answered last may leave its topics offered over it)
      expect(baseOf(state.mode)).toEqual({ is: "done" });
    }
  }, 60_000);
});
