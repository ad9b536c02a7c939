/**
 * `npm run bench`: every benchmark of issue 7, one after the other, then the table, printed and
 * written to bench/RESULTS.md with the machine and the date.
 *
 *   npm run bench                 the full run (about 5 minutes on 2 cores)
 *   npm run bench -- --quick      fewer and shorter runs, printed only (RESULTS.md is left alone)
 *   npm run bench -- redis        only the named sections, printed only (RESULTS.md is left alone);
 *                                 sections: engine, lowdb, redis, ask, heap, startup, first, fsync
 *                                 (with --quick too)
 *
 * Every figure is the median over repeated runs with its min–max; every ratio is computed run by
 * run from figures measured in this same process run, and its median and min–max are given.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadContent } from "../src/content/load.ts";
import { benchAsk } from "./ask-bench.ts";
import { benchDurable, FORGET_SAMPLES } from "./durable-bench.ts";
import { benchEngines } from "./engine-bench.ts";
import { benchFirstMessage } from "./first-message-bench.ts";
import { benchFsync } from "./fsync-bench.ts";
import { loadBetween, loadSnapshot, machineInfo, type LoadBetween } from "./machine.ts";
import { benchRedis } from "./redis-bench.ts";
import { benchStartup, type StartVariant } from "./startup-bench.ts";
import { formatBytes, formatCount, formatDuration, formatSpread, sig, spread, type Spread } from "./stats.ts";

const ROOT = resolve(import.meta.dirname, "..");
const quick = process.argv.includes("--quick");

/** The sections that can be run alone: `npm run bench -- redis lowdb`. */
const SECTIONS = ["engine", "lowdb", "redis", "ask", "heap", "startup", "first", "fsync"] as const;
type Section = (typeof SECTIONS)[number];
const named = process.argv.slice(2).filter((a) => !a.startsWith("--"));
for (const a of named) {
  if (!(SECTIONS as readonly string[]).includes(a)) {
    process.stderr.write(`unknown section "${a}"; sections: ${SECTIONS.join(", ")}\n`);
    process.exit(2);
  }
}
/** Only some sections: the figures are printed, RESULTS.md is left alone. */
const partial = named.length > 0;
const runs = (name: Section) => !partial || named.includes(name);

/** The sizes of every section, full or quick. */
const PLAN = quick
  ? {
      engine: { runs: 3, stepInterviews: 500, coordinatorInterviews: 300, botbuilderInterviews: 40 },
      durable: { sizes: [1_000, 10_000, 100_000], runs: 2, interviews: 60, storedTurns: 60 },
      redis: { sizes: [1_000, 10_000, 100_000], runs: 2, interviews: 60, storedTurns: 60 },
      ask: { runs: 3, passes: 3 },
      heap: { sessions: 5_000, botbuilderSessions: 500, runs: 2 },
      startup: { runs: 2 },
      first: { sizes: [0, 100_000], runs: 1 },
      fsync: { sizes: [1_000], runs: 2, interviews: 60, storedTurns: 60 },
    }
  : {
      engine: { runs: 5, stepInterviews: 3_000, coordinatorInterviews: 1_500, botbuilderInterviews: 200 },
      durable: { sizes: [1_000, 10_000, 100_000], runs: 5, interviews: 300, storedTurns: 300 },
      redis: { sizes: [1_000, 10_000, 100_000], runs: 5, interviews: 300, storedTurns: 300 },
      ask: { runs: 5, passes: 10 },
      heap: { sessions: 20_000, botbuilderSessions: 2_000, runs: 5 },
      startup: { runs: 7 },
      first: { sizes: [0, 10_000, 100_000], runs: 3 },
      fsync: { sizes: [1_000], runs: 5, interviews: 200, storedTurns: 200 },
    };

const log = (line: string) => process.stdout.write(line + "\n");
const ms = (s: Spread) => formatSpread(s, formatDuration);
const perSec = (s: Spread) => formatSpread(s, formatCount);
const bytes = (s: Spread) => formatSpread(s, formatBytes);
const times = (s: Spread) => formatSpread(s, (n) => `${sig(n)}×`);
const verdict = (ok: boolean) => (ok ? "**met**" : "**not met**");

/** Runs `work` and returns its result with the machine's load meanwhile. */
async function section<T>(title: string, work: () => Promise<T>): Promise<T & { load: LoadBetween }> {
  log(`\n${title}`);
  const before = loadSnapshot();
  const result = await work();
  const load = loadBetween(before, loadSnapshot());
  log(`  (${load.seconds.toFixed(0)} s; ${describeLoad(load)})`);
  return { ...result, load };
}

function describeLoad(l: LoadBetween): string {
  const pct = (n: number | null) => (n === null ? "n/a" : `${n.toFixed(0)} %`);
  return `CPUs busy ${pct(l.busyPct)} (this process ${pct(l.selfPct)}), CPU pressure ${pct(l.cpuPressurePct)}, I/O pressure ${pct(l.ioPressurePct)}, load average ${l.loadavg.toFixed(1)}`;
}

/** Section 5's heap figure, measured in a child process that can call gc(). */
function heapInChild(o: { sessions: number; botbuilderSessions: number; runs: number }): Promise<{ ours: number[]; botbuilder: number[]; jsonBytes: number; sessions: number; botbuilderSessions: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", join(ROOT, "bench/heap-per-session.ts"), String(o.sessions), String(o.botbuilderSessions), String(o.runs)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !last.startsWith("{")) reject(new Error(`heap-per-session exited ${code}: ${err.slice(0, 1000)}`));
      else resolvePromise(JSON.parse(last) as { ours: number[]; botbuilder: number[]; jsonBytes: number; sessions: number; botbuilderSessions: number });
    });
  });
}

async function main(): Promise<void> {
  const started = new Date();
  const machine = machineInfo(ROOT);
  const content = loadContent();
  const firstPrompt = content.steps[0]!.prompt[content.messages.defaultLang];
  log(`Benchmarks${quick ? " (quick)" : ""}${partial ? ` (only ${named.join(", ")})` : ""}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, commit ${machine.commit}`);

  const engines = runs("engine") ? await section("1 + 3. Engine in memory, and botbuilder-dialogs side by side", async () => ({ runs: await benchEngines(content, PLAN.engine, log) })) : null;
  const durable = runs("lowdb") ? await section("2. Durable turn on LowdbStore", () => benchDurable(content, PLAN.durable, log)) : null;
  const redis = runs("redis") ? await section("2b. Durable turn on RedisStore", () => benchRedis(content, PLAN.redis, log)) : null;
  if (redis && redis.skipped !== null) log(`  Redis figures skipped: ${redis.skipped}`);
  const ask = runs("ask") ? await section("4. Ask-mode matching", () => benchAsk(content, PLAN.ask.runs, PLAN.ask.passes)) : null;
  const heap = runs("heap") ? await section("5. Heap per active session (child process with --expose-gc)", async () => ({ heap: await heapInChild(PLAN.heap) })) : null;
  const startup = runs("startup") ? await section("5 + 6. Start-up and RSS", () => benchStartup(firstPrompt, PLAN.startup.runs, log)) : null;
  const first = runs("first") ? await section("7. The first message after npm start, with 0 to 100,000 stored sessions", () => benchFirstMessage(content, PLAN.first, log)) : null;
  const fsync = runs("fsync") ? await section("8. What durability costs (COACH_DURABLE=fsync, Redis's append-only file)", () => benchFsync(content, PLAN.fsync, log)) : null;
  const finished = new Date();

  // ------------------------------------------------------------------ the table
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const n = (x: number) => x.toLocaleString("en-US");
  const md: string[] = [];
  md.push(`# Benchmarks (issues 7 and 8)`, ``);
  md.push(`Generated by \`npm run bench\`${quick ? " --quick (NOT the reference figures)" : ""}${partial ? ` -- ${named.join(" ")} (only these sections)` : ""}. Do not edit by hand; bench/README.md says how to read it.`, ``);
  md.push(`- Date: ${started.toISOString()} to ${finished.toISOString()}`);
  md.push(`- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM, ${machine.os}`);
  md.push(`- Node ${machine.node}; commit ${machine.commit}${machine.uncommitted.length ? `, plus uncommitted changes to ${machine.uncommitted.join(", ")}` : ""}`);
  if (redis && redis.skipped === null) md.push(`- ${redis.version}, one throw-away server per size on 127.0.0.1 (loopback TCP), sharing the 2 cores with the bench`);
  md.push(`- Each figure: median over the runs, with (min–max) over the runs. Ratios: computed in each run from that run's figures, median (min–max).`);
  md.push(`- The machine is shared with other work: each section gives how busy it was meanwhile.`, ``);

  // goals of issue 7 (the Redis figures of issue 8 come with no goal)
  const goals: string[] = [];
  if (durable) {
    const sizes = PLAN.durable.sizes;
    const big = Math.max(...sizes);
    const ratioP99 = durable.runs.get("ratio.p99");
    const p99Big = durable.runs.get(`${big}.p99`);
    goals.push(row([`durable p99 @${n(big)} / p99 @${n(Math.min(...sizes))} ≤ 1.5`, times(ratioP99), verdict(ratioP99.median <= 1.5)]));
    goals.push(row([`durable p99 @${n(big)} sessions < 5 ms`, ms(p99Big), verdict(p99Big.median < 5)]));
  }
  if (engines) {
    const likeForLike = engines.runs.get("ratio.coordinator/botbuilderCoach");
    const bbRatio = engines.runs.get("ratio.coordinator/botbuilder");
    goals.push(row(["ours ≥ 10× botbuilder-dialogs, like for like (turns/s; both read answers with the coach's parsers: Coordinator + MemoryStore vs WaterfallDialog + TextPrompt + MemoryStorage)", times(likeForLike), verdict(likeForLike.median >= 10)]));
    goals.push(row(["(not like for like) the same, botbuilder with Microsoft's recognizers (ChoicePrompt, NumberPrompt, fr-fr)", times(bbRatio), verdict(bbRatio.median >= 10)]));
  }
  if (ask) {
    const matchMean = ask.runs.get("match.mean");
    goals.push(row(["ask-mode matching < 200 µs per message", ms(matchMean), verdict(matchMean.median < 0.2)]));
  }
  if (goals.length) md.push(`## Goals`, ``, row(["goal", "measured", "verdict"]), row(["---", "---", "---"]), ...goals, ``);

  if (engines) {
    const e = engines.runs;
    md.push(`## 1. Engine in memory: full interview (open, 10 answers, the last turn gives the plan)`, ``);
    md.push(`${PLAN.engine.runs} runs; per run ${n(PLAN.engine.stepInterviews)} interviews through the pure step, ${n(PLAN.engine.coordinatorInterviews)} through the Coordinator (a new session each). ${describeLoad(engines.load)}.`, ``);
    md.push(row(["engine", "turns/s", "p50 per turn", "p99 per turn"]), row(["---", "---:", "---:", "---:"]));
    md.push(row(["pure `step` (state threaded in memory)", perSec(e.get("step.turnsPerSec")), ms(e.get("step.p50")), ms(e.get("step.p99"))]));
    md.push(row(["Coordinator on MemoryStore (read, validate, step, write)", perSec(e.get("coordinator.turnsPerSec")), ms(e.get("coordinator.p50")), ms(e.get("coordinator.p99"))]));
    md.push(``);
  }

  if (durable) {
    const d = durable.runs;
    const sizes = PLAN.durable.sizes;
    const big = Math.max(...sizes);
    const small = Math.min(...sizes);
    const ratioP99 = d.get("ratio.p99");
    const p99Big = d.get(`${big}.p99`);
    md.push(`## 2. Durable turn on LowdbStore (one file per session)`, ``);
    md.push(
      `${PLAN.durable.runs} runs; per run and size ${PLAN.durable.interviews} full interviews of new users (${PLAN.durable.interviews * 6} turns) interleaved with ${PLAN.durable.storedTurns} turns of stored sessions picked at random, through the Coordinator. ` +
        `Stored sessions are mid-interview, written straight in the store's format (populating took ${sizes.map((x) => `${(durable.populateMs.get(x)! / 1000).toFixed(1)} s for ${n(x)}`).join(", ")}). ` +
        `"Bare I/O" is the same file work with nothing else: read a stored session's file, parse, write a temp file, rename. ` +
        `"Forget me" (outside the turns): the store's \`delete\` of a new user (its file and its folder of copies set aside), timed on ${FORGET_SAMPLES} users per run and size (the others' files are removed directly). ${describeLoad(durable.load)}.`,
      ``,
    );
    md.push(row(["stored sessions", "turns/s", "p50", "p99", "p99, stored-session turns", "p99 of the read", "p99 of the write", "p99 outside the store", "bare I/O p50", "bare I/O p99", "forget me p50"]));
    md.push(row(["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
    for (const x of sizes) {
      md.push(row([n(x), perSec(d.get(`${x}.turnsPerSec`)), ms(d.get(`${x}.p50`)), ms(d.get(`${x}.p99`)), ms(d.get(`${x}.storedP99`)), ms(d.get(`${x}.readP99`)), ms(d.get(`${x}.writeP99`)), ms(d.get(`${x}.engineP99`)), ms(d.get(`${x}.rawP50`)), ms(d.get(`${x}.rawP99`)), ms(d.get(`${x}.forgetP50`))]));
    }
    md.push(``, `Where the bare I/O goes, per operation:`, ``);
    md.push(row(["stored sessions", "read + parse p50", "p99", "write temp file p50", "p99", "rename over the old file p50", "p99"]), row(["---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
    for (const x of sizes) {
      md.push(row([n(x), ...(["Read", "Write", "Rename"] as const).flatMap((part) => [ms(d.get(`${x}.raw${part}P50`)), ms(d.get(`${x}.raw${part}P99`))])]));
    }
    md.push(``, `Stored-session turns on a cold page cache (the cache dropped, then ${Math.min(PLAN.durable.storedTurns, 100)} turns of stored sessions picked at random, each file touched once; measured after all the warm runs above, once per run):`, ``);
    if (durable.coldSkipped) md.push(`Not measured: ${durable.coldSkipped}.`, ``);
    else {
      md.push(row(["stored sessions", "p50, cold", "p99, cold", "p99, warm (from the table above)"]), row(["---:", "---:", "---:", "---:"]));
      for (const x of sizes) md.push(row([n(x), ms(d.get(`${x}.coldStoredP50`)), ms(d.get(`${x}.coldStoredP99`)), ms(d.get(`${x}.storedP99`))]));
    }
    md.push(``, `- p99 @${n(big)} / p99 @${n(small)}: ${times(ratioP99)} (goal ≤ 1.5: ${verdict(ratioP99.median <= 1.5)}); the same ratio for bare I/O: ${times(d.get("ratio.rawP99"))}.`);
    md.push(`- p99 @${n(big)}: ${ms(p99Big)} (goal < 5 ms: ${verdict(p99Big.median < 5)}); bare I/O alone at that size: p99 ${ms(d.get(`${big}.rawP99`))}.`, ``);
  }

  if (redis) {
    md.push(`## 2b. Durable turn on RedisStore (issue 8)`, ``);
    if (redis.skipped !== null) md.push(`Skipped: ${redis.skipped}.`, ``);
    else {
      const r = redis.runs;
      const sizes = PLAN.redis.sizes;
      const big = Math.max(...sizes);
      const small = Math.min(...sizes);
      md.push(
        `Measured like section 2, through the Coordinator on the real \`RedisStore\` (node-redis client, a read = HMGET, a write = the store's compare-and-set Lua script with the 30-day TTL): ${PLAN.redis.runs} runs; per run and size ${PLAN.redis.interviews} full interviews of new users (${PLAN.redis.interviews * 6} turns) interleaved with ${PLAN.redis.storedTurns} turns of stored sessions picked at random. ` +
          `One redis-server per size, started by the bench on a free port of 127.0.0.1 and stopped at the end, with the persistence a deployment has when it leaves the defaults (also Debian's redis.conf): CONFIG GET gave save "${redis.config.save}" (RDB snapshots in a forked child) and appendonly ${redis.config.appendonly} (so appendfsync ${redis.config.appendfsync} does not apply). ` +
          `Snapshots during the measured runs: ${sizes.map((x) => `${redis.forks.get(x)} at ${n(x)}`).join(", ")}${[...redis.forks.values()].every((f) => f === 0) ? ` (the earliest save point, 10,000 changes, waits 60 s after the server's start, and each server lived about ${Math.round(redis.load.seconds)} s: these figures include no fork)` : " (populating counts as changes for the save points)"}. ` +
          `Stored sessions are mid-interview, copies of the hash and TTL the store wrote for one session (populating took ${sizes.map((x) => `${(redis.populateMs.get(x)! / 1000).toFixed(1)} s for ${n(x)}`).join(", ")}; Redis memory at the end ${sizes.map((x) => `${redis.usedMemory.get(x)} at ${n(x)}`).join(", ")}). ` +
          `"Bare round trips" is the same two commands with nothing else: HMGET a stored session, HSET its document back (no script, no JSON, no engine). ` +
          `"Forget me" (outside the turns): the store's \`delete\` of a new user (its hash and its hash of copies set aside), timed on ${FORGET_SAMPLES} users per run and size (the others' keys are removed with DEL). ${describeLoad(redis.load)}.`,
        ``,
      );
      md.push(row(["stored sessions", "turns/s", "p50", "p99", "p99, stored-session turns", "p99 of the read", "p99 of the write", "p99 outside the store", "bare round trips p50", "bare round trips p99", "forget me p50"]));
      md.push(row(["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
      for (const x of sizes) {
        md.push(row([n(x), perSec(r.get(`${x}.turnsPerSec`)), ms(r.get(`${x}.p50`)), ms(r.get(`${x}.p99`)), ms(r.get(`${x}.storedP99`)), ms(r.get(`${x}.readP99`)), ms(r.get(`${x}.writeP99`)), ms(r.get(`${x}.engineP99`)), ms(r.get(`${x}.rawP50`)), ms(r.get(`${x}.rawP99`)), ms(r.get(`${x}.forgetP50`))]));
      }
      md.push(``, `- p99 @${n(big)} / p99 @${n(small)}: ${times(r.get("ratio.p99"))} (p50: ${times(r.get("ratio.p50"))}); the same ratio for the bare round trips: ${times(r.get("ratio.rawP99"))}.`);
      md.push(`- p50 / p99 @${n(big)}: ${ms(r.get(`${big}.p50`))} / ${ms(r.get(`${big}.p99`))}.`, ``);
    }
  }

  if (engines) {
    const e = engines.runs;
    const bbRatio = e.get("ratio.coordinator/botbuilder");
    md.push(`## 3. Side by side with botbuilder-dialogs 4.23.3 (same run, interleaved)`, ``);
    const likeForLike = e.get("ratio.coordinator/botbuilderCoach");
    md.push(
      `The same 10 questions with the same words, acknowledgements and final plan (bench/botbuilder-interview.ts): WaterfallDialog, ConversationState on MemoryStorage, TestAdapter; ${PLAN.engine.botbuilderInterviews} interviews per run. ` +
        `**Like for like**: botbuilder reads every answer in a TextPrompt whose validator uses the coach's own parsers (hours, budget, choice matching), so both sides parse the same way and what differs is the dialog machinery. ` +
        `Then, not like for like, the way a Bot Framework developer would write it: ChoicePrompt / NumberPrompt with Microsoft's recognizers, culture fr-fr like ours, en-us shown too (French number recognition is the slower).`,
      ``,
    );
    md.push(row(["engine", "turns/s", "p50 per turn", "p99 per turn", "ours (Coordinator) ÷ this"]), row(["---", "---:", "---:", "---:", "---:"]));
    md.push(row(["ours: Coordinator on MemoryStore", perSec(e.get("coordinator.turnsPerSec")), ms(e.get("coordinator.p50")), ms(e.get("coordinator.p99")), "1×"]));
    md.push(row(["ours: pure `step`", perSec(e.get("step.turnsPerSec")), ms(e.get("step.p50")), ms(e.get("step.p99")), ""]));
    md.push(row(["**botbuilder-dialogs, TextPrompt + the coach's parsers (like for like)**", perSec(e.get("botbuilderCoach.turnsPerSec")), ms(e.get("botbuilderCoach.p50")), ms(e.get("botbuilderCoach.p99")), times(likeForLike)]));
    md.push(row(["botbuilder-dialogs, Microsoft's recognizers, fr-fr", perSec(e.get("botbuilder.turnsPerSec")), ms(e.get("botbuilder.p50")), ms(e.get("botbuilder.p99")), times(bbRatio)]));
    md.push(row(["botbuilder-dialogs, Microsoft's recognizers, en-us", perSec(e.get("botbuilderEn.turnsPerSec")), ms(e.get("botbuilderEn.p50")), ms(e.get("botbuilderEn.p99")), times(e.get("ratio.coordinator/botbuilderEn"))]));
    md.push(``, `- Like for like, ours ÷ theirs: ${times(likeForLike)}, ${verdict(likeForLike.median >= 10)} for the goal of 10×.`);
    md.push(`- Not like for like (Microsoft's recognizers on their side): ${times(bbRatio)} (pure step ÷ botbuilder: ${times(e.get("ratio.step/botbuilder"))}).`, ``);
  }

  if (ask) {
    const matchMean = ask.runs.get("match.mean");
    md.push(`## 4. Ask-mode matching`, ``);
    md.push(`All ${ask.messages} phrasings of test/fixtures/objection-phrasings.yaml and objection-heldout.yaml (positives and negatives, fr and en), ${PLAN.ask.passes} passes per run, ${PLAN.ask.runs} runs. ${describeLoad(ask.load)}.`, ``);
    md.push(row(["what", "mean per message", "p99 per message"]), row(["---", "---:", "---:"]));
    md.push(row(["`matchObjection`", ms(ask.runs.get("match.mean")), ms(ask.runs.get("match.p99"))]));
    md.push(row(["`Coordinator.ask` (language, match, answer text)", ms(ask.runs.get("ask.mean")), ms(ask.runs.get("ask.p99"))]));
    md.push(``, `- < 200 µs per message: ${verdict(matchMean.median < 0.2)}.`, ``);
  }

  const has = (v: StartVariant) => startup !== null && startup.variants.includes(v);
  if (heap || startup) {
    md.push(`## 5. Memory`, ``);
    const text: string[] = [];
    if (heap) {
      const h = heap.heap;
      text.push(
        `Heap per active session: sessions brought mid-interview (open, trade, customers, age, goal, time; the budget question pending), heap read after full GCs at 1/5 and at all of the sessions, difference ÷ sessions in between; ${n(h.sessions)} sessions for ours, ${n(h.botbuilderSessions)} conversations for botbuilder, ${h.ours.length} runs.`,
      );
    }
    if (startup) text.push(`RSS: VmRSS read from /proc once the first prompt is on stdout, nothing configured, stdin open (${PLAN.startup.runs} runs); "app" is the node process running the coach, "tree" adds its launchers (npm, sh, tsx's launcher).`);
    md.push(text.join(" "), ``);
    md.push(row(["what", "median (min–max)"]), row(["---", "---:"]));
    if (heap) {
      const h = heap.heap;
      md.push(row([`heap per active session, ours (Coordinator + MemoryStore; the session's JSON is ${h.jsonBytes} bytes)`, bytes(spread(h.ours))]));
      md.push(row(["heap per active conversation, botbuilder-dialogs (ConversationState + MemoryStorage)", bytes(spread(h.botbuilder))]));
    }
    if (startup) {
      const s = startup.runs;
      md.push(row(["RSS of `npm start` idle: the app process", bytes(s.get("npm-start-tsx.appRss"))]));
      md.push(row(["RSS of `npm start` idle: whole tree (npm + sh + tsx + app)", bytes(s.get("npm-start-tsx.treeRss"))]));
      if (has("node-compiled")) md.push(row(["RSS of `node dist/adapters/main.js` idle (compiled)", bytes(s.get("node-compiled.appRss"))]));
    }
    md.push(``);
  }

  if (startup) {
    const s = startup.runs;
    md.push(`## 6. Start-up: spawn to first prompt on stdout`, ``);
    const b = startup.build;
    md.push(
      `Compiled with \`tsc -p bench/tsconfig.build.json\` into a temporary dist/ (${(b.compileMs / 1000).toFixed(1)} s, tsc exit status ${b.tscStatus}). ` +
        `dialogs/ ${b.dialogsResolvedWithoutCopy ? "resolved" : "did NOT resolve"} from the compiled src/content/load.js without help (it reads import.meta.dirname/../../dialogs, i.e. dist/dialogs), so the build step copied dialogs/ into dist/. ` +
        `${PLAN.startup.runs} runs each after one warm-up (tsx's transform cache warm), interleaved. ${describeLoad(startup.load)}.`,
      ``,
    );
    const labels: Record<StartVariant, string> = {
      "npm-start-tsx": "`npm start` as it is (npm → tsx adapters/main.ts)",
      "tsx-direct": "`tsx adapters/main.ts` (no npm)",
      "npm-start-compiled": "`npm start` running `node dist/adapters/main.js`",
      "node-compiled": "`node dist/adapters/main.js` (no npm)",
      "node-compiled-terminal": "`node dist/adapters/terminal/cli.js` (terminal only: no Slack/Discord/Redis modules loaded)",
    };
    md.push(row(["how", "to first prompt", "app RSS", "tree RSS"]), row(["---", "---:", "---:", "---:"]));
    for (const v of startup.variants) md.push(row([labels[v], ms(s.get(`${v}.ms`)), bytes(s.get(`${v}.appRss`)), bytes(s.get(`${v}.treeRss`))]));
    if (has("npm-start-compiled")) {
      md.push(``, `- \`npm start\` with tsx ÷ with compiled JavaScript: ${times(s.get("ratio.npm-start-tsx/npm-start-compiled"))}; without npm (tsx ÷ node): ${times(s.get("ratio.tsx-direct/node-compiled"))}.`);
    } else {
      md.push(``, `- The compiled variant could not be built: ${b.tscOutput}`);
    }
    md.push(``);
  }

  if (first) {
    const f = first.runs;
    md.push(`## 7. The first message after \`npm start\`, with stored sessions`, ``);
    md.push(
      `The composition root as \`npm start\` runs it (adapters/start-platforms.ts: settings, content, the lowdb store with its folder lock, the coordinator, the expiry sweep scheduled in the background), in a process of its own (bench/first-message-child.ts) around a bench platform that sends one new user's first message as soon as it is started; the figure is that process's own clock when the reply came (loading tsx and the code included). ` +
        `Stored sessions are fresh (none expires), written in the store's format. "A full sweep" is one expiry sweep of the same folder measured apart, in the bench process: what the first message waited for before this version (the sweep ran before the platforms started), and what now runs in the background, a batch at a time. ` +
        `Warm: the files were just read; cold: Linux's page cache dropped just before the start. ${PLAN.first.runs} runs. ${describeLoad(first.load)}.`,
      ``,
    );
    if (first.coldSkipped) md.push(`Cold figures not measured: ${first.coldSkipped}.`, ``);
    md.push(row(["stored sessions", "page cache", "first reply after the start", "a full expiry sweep (now in the background)"]), row(["---:", "---", "---:", "---:"]));
    for (const x of PLAN.first.sizes) {
      for (const cache of ["warm", "cold"] as const) {
        if (cache === "cold" && first.coldSkipped) continue;
        md.push(row([n(x), cache, ms(f.get(`${x}.${cache}.firstMs`)), ms(f.get(`${x}.${cache}.sweepMs`))]));
      }
    }
    md.push(``);
  }

  if (fsync) {
    const f = fsync.runs;
    const size = PLAN.fsync.sizes[0]!;
    md.push(`## 8. What durability costs`, ``);
    md.push(
      `Turns measured like section 2 (${n(size)} stored sessions; per run ${PLAN.fsync.interviews} full interviews of new users interleaved with ${PLAN.fsync.storedTurns} turns of stored sessions, through the Coordinator), ${PLAN.fsync.runs} runs, the variants interleaved. ` +
        `lowdb: the default (temp file + rename, no fsync: safe against a killed process, not against a power cut) and \`COACH_DURABLE=fsync\` (the temp file fsynced before the rename, the folder after it: an acknowledged answer survives a power cut). ` +
        `Redis: the default persistence (RDB snapshots, no append-only file: a crash of Redis or of the machine loses what changed since the last snapshot, up to an hour with few changes), \`appendonly yes\` + \`appendfsync everysec\` (at most about a second lost) and \`appendfsync always\`. ${describeLoad(fsync.load)}.`,
      ``,
    );
    if (fsync.redisSkipped) md.push(`Redis variants skipped: ${fsync.redisSkipped}.`, ``);
    const labels: Record<string, string> = {
      lowdb: "lowdb, default (no fsync)",
      lowdbFsync: "lowdb, COACH_DURABLE=fsync",
      redis: "Redis, default persistence (no append-only file)",
      redisEverysec: "Redis, appendonly yes, appendfsync everysec",
      redisAlways: "Redis, appendonly yes, appendfsync always",
    };
    const ratioOf: Record<string, string> = { lowdbFsync: "lowdbFsync/lowdb", redisEverysec: "redisEverysec/redis", redisAlways: "redisAlways/redis" };
    md.push(row(["store", "turns/s", "p50", "p99", "p50 ÷ the default", "p99 ÷ the default"]), row(["---", "---:", "---:", "---:", "---:", "---:"]));
    for (const v of ["lowdb", "lowdbFsync", "redis", "redisEverysec", "redisAlways"] as const) {
      if (fsync.redisSkipped && v.startsWith("redis")) continue;
      const r = ratioOf[v] as "lowdbFsync/lowdb" | "redisEverysec/redis" | "redisAlways/redis" | undefined;
      md.push(row([labels[v]!, perSec(f.get(`${v}.turnsPerSec`)), ms(f.get(`${v}.p50`)), ms(f.get(`${v}.p99`)), r ? times(f.get(`ratio.${r}.p50`)) : "1×", r ? times(f.get(`ratio.${r}.p99`)) : "1×"]));
    }
    md.push(``);
  }

  const text = md.join("\n");
  log("\n" + text);
  if (quick || partial) log(`\n(${quick ? "--quick" : "only some sections"}: bench/RESULTS.md left as it was)`);
  else {
    writeFileSync(join(ROOT, "bench/RESULTS.md"), text);
    log("\nWritten to bench/RESULTS.md");
  }
}

await main();
