/**
 * `npm run fault:order [-- --runs 1000 --gap-ms 1]`: two coach instances, each a process of its
 * own with its own Redis connection, share a throw-away redis-server. For each run a new person
 * answers the questions about the business and the goal, then "10 h" reaches instance A and, `--gap-ms` later, "200 $" reaches instance
 * B; the person finishes the interview, and the run counts as in order when the plan says 10 h a
 * month and a budget of 200 $. Each instance notes when a message reached it: a run where "200 $"
 * reached B before "10 h" reached A (the processes were scheduled so) arrived in the other order,
 * and is counted apart. Prints how many runs kept the order they arrived in. `--no-line` turns the
 * line of turns off in both instances (the revision check alone), to show what it prevents.
 */
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Coordinator } from "../../src/coordinator.ts";
import { RedisStore } from "../../src/store/redis-store.ts";
import { content } from "../helpers/content.ts";
import { open, say } from "../helpers/inputs.ts";
import { startRedis } from "../helpers/redis-server.ts";

interface Ask {
  id: number;
  key: string;
  text: string | null;
}

// ------------------------------------------------------------------ an instance (child process)
if (process.env["FAULT_ORDER_INSTANCE"]) {
  const store = await RedisStore.connect({ url: process.env["FAULT_ORDER_REDIS"]!, prefix: "fault-order" });
  if (process.env["FAULT_ORDER_NO_LINE"]) (store as { enterTurn?: unknown }).enterTurn = undefined;
  const coordinator = new Coordinator({ content: content(), store });
  process.on("message", (m: Ask | "stop") => {
    if (m === "stop") {
      void store.close().then(() => process.exit(0));
      return;
    }
    const input = m.text === null ? open("fr") : say(m.text);
    const arrivedAt = performance.timeOrigin + performance.now();
    void coordinator.handle(m.key, input).then((o) => process.send!({ id: m.id, arrivedAt, hours: o.plan?.hoursPerMonth ?? null, budget: o.plan?.budgetPerMonth ?? null }));
  });
  process.send!("ready");
} else {
  // ------------------------------------------------------------------ the driver
  const { values } = parseArgs({ options: { runs: { type: "string", default: "1000" }, "gap-ms": { type: "string", default: "1" }, "no-line": { type: "boolean", default: false } } });
  const runs = Number(values.runs);
  const gap = Number(values["gap-ms"]);
  const redis = await startRedis();
  const spawnInstance = (): Promise<ChildProcess> =>
    new Promise((resolve) => {
      const child = fork(join(import.meta.dirname, "fault-order.ts"), [], {
        execArgv: ["--import", "tsx"],
        env: { ...process.env, FAULT_ORDER_INSTANCE: "1", FAULT_ORDER_REDIS: redis.url, ...(values["no-line"] ? { FAULT_ORDER_NO_LINE: "1" } : {}) },
      });
      child.once("message", () => resolve(child));
    });
  const [a, b] = await Promise.all([spawnInstance(), spawnInstance()]);
  let next = 0;
  type Answer = { arrivedAt: number; hours: number | null; budget: number | null };
  const waiting = new Map<number, (r: Answer) => void>();
  for (const child of [a, b]) child.on("message", (m: Answer & { id: number }) => waiting.get(m.id)?.(m));
  const ask = (to: ChildProcess, key: string, text: string | null) =>
    new Promise<Answer>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      to.send({ id, key, text } satisfies Ask);
    });
  const started = Date.now();
  let inOrder = 0;
  let arrivedReversed = 0;
  const wrong: string[] = [];
  for (let run = 0; run < runs; run++) {
    const key = `slack:T1:U${run}`;
    await ask(a, key, null);
    // the business (a bakery, local people of all ages), then the goal
    for (const text of ["1", "1", "4", "je veux plus de clients"]) await ask(a, key, text);
    const first = ask(a, key, "10 h");
    await new Promise((resolve) => setTimeout(resolve, gap));
    const second = ask(b, key, "200 $");
    const [tenHours, budget] = await Promise.all([first, second]);
    await ask(b, key, "1"); // skills
    await ask(a, key, "1"); // who runs it
    const last = await ask(b, key, "1"); // no page yet: the plan
    if (budget.arrivedAt < tenHours.arrivedAt) arrivedReversed++;
    else if (last.hours === 10 && last.budget === 200) inOrder++;
    else if (wrong.length < 5) wrong.push(`run ${run}: ${last.hours} h a month, budget ${last.budget}; "200 $" reached B ${(budget.arrivedAt - tenHours.arrivedAt).toFixed(2)} ms after "10 h" reached A`);
  }
  for (const child of [a, b]) child.send("stop");
  await redis.stop();
  const report = {
    runs,
    gapMs: gap,
    line: !values["no-line"],
    /** "200 $" reached its instance first: handled first, as it should be */
    arrivedReversed,
    inOrder,
    outOfOrder: runs - arrivedReversed - inOrder,
    examples: wrong,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.outOfOrder === 0 || values["no-line"] ? 0 : 1);
}
