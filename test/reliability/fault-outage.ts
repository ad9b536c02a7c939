/**
 * `npm run fault:outage [-- --seconds 120]`: a Redis outage of any length under the coordinator.
 * A throw-away redis-server (append-only file, so that its data survives the stop) gets 20 users'
 * first answers (the business and the goal); it is stopped for `--seconds`, during which a turn is sent every 5 s (each must
 * be answered "I can't reach my memory right now"); it is started again on the same port and
 * folder, and the script measures how long until a turn works again, then checks every user goes
 * on where they were with every acknowledged answer kept. Prints the figures; exits 1 if anything
 * was lost or a turn during the outage was not told.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Coordinator } from "../../src/coordinator.ts";
import { createLogger } from "../../src/log.ts";
import { RedisStore } from "../../src/store/redis-store.ts";
import { content } from "../helpers/content.ts";
import { aboutBusiness, open, say } from "../helpers/inputs.ts";
import { startRedis } from "../helpers/redis-server.ts";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "120" }, users: { type: "string", default: "20" } } });
const seconds = Number(values.seconds);
const users = Number(values.users);
const dir = mkdtempSync(join(tmpdir(), "coach-fault-outage-"));
const logs: string[] = [];
let redis = await startRedis({ dir });
const store = await RedisStore.connect({ url: redis.url, prefix: "fault", log: createLogger((l) => logs.push(l)) });
const c = new Coordinator({ content: content(), store });
const said = (o: { replies: { text: string }[] }) => o.replies.map((r) => r.text).join("\n");
const UNAVAILABLE = "Je n'arrive pas à joindre ma mémoire";
const key = (u: number) => `slack:T1:U${u}`;

for (let u = 0; u < users; u++) {
  await c.handle(key(u), open("fr"));
  for (const input of aboutBusiness({}, "fr")) await c.handle(key(u), input);
  await c.handle(key(u), say("je veux plus de clients"));
}

await redis.stop();
const stopped = Date.now();
let refused = 0;
let notTold = 0;
while (Date.now() - stopped < seconds * 1000) {
  const out = await c.handle(key(0), say("10 heures par mois"));
  if (said(out).includes(UNAVAILABLE)) refused++;
  else notTold++;
  await new Promise((resolve) => setTimeout(resolve, Math.min(5000, Math.max(0, stopped + seconds * 1000 - Date.now()))));
}
const outageSeconds = (Date.now() - stopped) / 1000;
redis = await startRedis({ port: redis.port, dir });
const restarted = Date.now();
let backAfterMs = -1;
for (;;) {
  const out = await c.handle(key(0), say("10 heures par mois"));
  if (!said(out).includes(UNAVAILABLE)) {
    backAfterMs = Date.now() - restarted;
    break;
  }
  if (Date.now() - restarted > 60_000) break;
  await new Promise((resolve) => setTimeout(resolve, 100));
}
let lost = 0;
for (let u = 1; u < users; u++) {
  const out = await c.handle(key(u), say("10 heures par mois"));
  // the goal was kept: the time answer is taken and the budget question comes next
  if (out.step !== "budget") lost++;
}
await store.close();
await redis.stop();
rmSync(dir, { recursive: true, force: true });
const report = {
  outageSeconds: Math.round(outageSeconds * 10) / 10,
  turnsDuringTheOutage: refused + notTold,
  toldTheMemoryIsAway: refused,
  notTold,
  firstTurnWorkedAfterRestartMs: backAfterMs,
  usersWithAnAnswerLost: lost,
  logLinesLostConnection: logs.filter((l) => l.includes("lost the connection to Redis")).length,
  logLinesBack: logs.filter((l) => l.includes("connection to Redis is back")).length,
};
console.log(JSON.stringify(report, null, 2));
process.exit(notTold === 0 && lost === 0 && backAfterMs >= 0 ? 0 : 1);
