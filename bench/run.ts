/**
 * `npm run bench`: every benchmark of issue 7, one after the other, then the table, printed and
 * written to bench/RESULTS.md with the machine and the date.
 *
 *   npm run bench                 the full run (about 5 minutes on 2 cores)
 *   npm run bench -- --quick      fewer and shorter runs, printed only (RESULTS.md is left alone)
 *
 * Every figure is the median over repeated runs with its min–max; every ratio is computed run by
 * run from figures measured in this same process run, and its median and min–max are given.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadContent } from "../src/content/load.ts";
import { benchAsk } from "./ask-bench.ts";
import { benchDurable } from "./durable-bench.ts";
import { benchEngines } from "./engine-bench.ts";
import { loadBetween, loadSnapshot, machineInfo, type LoadBetween } from "./machine.ts";
import { benchStartup, type StartVariant } from "./startup-bench.ts";
import { formatBytes, formatCount, formatDuration, formatSpread, sig, spread, type Spread } from "./stats.ts";

const ROOT = resolve(import.meta.dirname, "..");
const quick = process.argv.includes("--quick");

/** The sizes of every section, full or quick. */
const PLAN = quick
  ? {
      engine: { runs: 3, stepInterviews: 500, coordinatorInterviews: 300, botbuilderInterviews: 40 },
      durable: { sizes: [1_000, 10_000, 100_000], runs: 2, interviews: 60, storedTurns: 60 },
      ask: { runs: 3, passes: 3 },
      heap: { sessions: 5_000, botbuilderSessions: 500, runs: 2 },
      startup: { runs: 2 },
    }
  : {
      engine: { runs: 5, stepInterviews: 3_000, coordinatorInterviews: 1_500, botbuilderInterviews: 200 },
      durable: { sizes: [1_000, 10_000, 100_000], runs: 5, interviews: 300, storedTurns: 300 },
      ask: { runs: 5, passes: 10 },
      heap: { sessions: 20_000, botbuilderSessions: 2_000, runs: 5 },
      startup: { runs: 7 },
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
  log(`Benchmarks${quick ? " (quick)" : ""}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, commit ${machine.commit}`);

  const engines = await section("1 + 3. Engine in memory, and botbuilder-dialogs side by side", async () => ({ runs: await benchEngines(content, PLAN.engine, log) }));
  const durable = await section("2. Durable turn on LowdbStore", () => benchDurable(content, PLAN.durable, log));
  const ask = await section("4. Ask-mode matching", () => benchAsk(content, PLAN.ask.runs, PLAN.ask.passes));
  const heap = await section("5. Heap per active session (child process with --expose-gc)", async () => ({ heap: await heapInChild(PLAN.heap) }));
  const startup = await section("5 + 6. Start-up and RSS", () => benchStartup(firstPrompt, PLAN.startup.runs, log));
  const finished = new Date();

  // ------------------------------------------------------------------ the table
  const e = engines.runs;
  const d = durable.runs;
  const sizes = PLAN.durable.sizes;
  const big = Math.max(...sizes);
  const small = Math.min(...sizes);
  const ratioP99 = d.get("ratio.p99");
  const p99Big = d.get(`${big}.p99`);
  const bbRatio = e.get("ratio.coordinator/botbuilder");
  const matchMean = ask.runs.get("match.mean");
  const s = startup.runs;
  const has = (v: StartVariant) => startup.variants.includes(v);
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const md: string[] = [];
  md.push(`# Benchmarks (issue 7)`, ``);
  md.push(`Generated by \`npm run bench\`${quick ? " --quick (NOT the reference figures)" : ""}. Do not edit by hand; bench/README.md says how to read it.`, ``);
  md.push(`- Date: ${started.toISOString()} to ${finished.toISOString()}`);
  md.push(`- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} RAM, ${machine.os}`);
  md.push(`- Node ${machine.node}; commit ${machine.commit}${machine.uncommitted.length ? `, plus uncommitted changes to ${machine.uncommitted.join(", ")}` : ""}`);
  md.push(`- Each figure: median over the runs, with (min–max) over the runs. Ratios: computed in each run from that run's figures, median (min–max).`);
  md.push(`- The machine is shared with other work: each section gives how busy it was meanwhile.`, ``);

  md.push(`## Goals`, ``);
  md.push(row(["goal", "measured", "verdict"]), row(["---", "---", "---"]));
  md.push(row([`durable p99 @${big.toLocaleString("en-US")} / p99 @${small.toLocaleString("en-US")} ≤ 1.5`, times(ratioP99), verdict(ratioP99.median <= 1.5)]));
  md.push(row([`durable p99 @${big.toLocaleString("en-US")} sessions < 5 ms`, ms(p99Big), verdict(p99Big.median < 5)]));
  md.push(row(["ours ≥ 10× botbuilder-dialogs (turns/s, Coordinator + MemoryStore vs WaterfallDialog + MemoryStorage)", times(bbRatio), verdict(bbRatio.median >= 10)]));
  md.push(row(["ask-mode matching < 200 µs per message", ms(matchMean), verdict(matchMean.median < 0.2)]));
  md.push(``);

  md.push(`## 1. Engine in memory: full interview (open, 5 answers, the last turn gives the plan)`, ``);
  md.push(`${PLAN.engine.runs} runs; per run ${PLAN.engine.stepInterviews.toLocaleString("en-US")} interviews through the pure step, ${PLAN.engine.coordinatorInterviews.toLocaleString("en-US")} through the Coordinator (a new session each). ${describeLoad(engines.load)}.`, ``);
  md.push(row(["engine", "turns/s", "p50 per turn", "p99 per turn"]), row(["---", "---:", "---:", "---:"]));
  md.push(row(["pure `step` (state threaded in memory)", perSec(e.get("step.turnsPerSec")), ms(e.get("step.p50")), ms(e.get("step.p99"))]));
  md.push(row(["Coordinator on MemoryStore (read, validate, step, write)", perSec(e.get("coordinator.turnsPerSec")), ms(e.get("coordinator.p50")), ms(e.get("coordinator.p99"))]));
  md.push(``);

  md.push(`## 2. Durable turn on LowdbStore (one file per session)`, ``);
  md.push(
    `${PLAN.durable.runs} runs; per run and size ${PLAN.durable.interviews} full interviews of new users (${PLAN.durable.interviews * 6} turns) interleaved with ${PLAN.durable.storedTurns} turns of stored sessions picked at random, through the Coordinator. ` +
      `Stored sessions are mid-interview, written straight in the store's format (populating took ${sizes.map((n) => `${(durable.populateMs.get(n)! / 1000).toFixed(1)} s for ${n.toLocaleString("en-US")}`).join(", ")}). ` +
      `"Bare I/O" is the same file work with nothing else: read a stored session's file, parse, write a temp file, rename. ${describeLoad(durable.load)}.`,
    ``,
  );
  md.push(row(["stored sessions", "turns/s", "p50", "p99", "p99, stored-session turns", "p99 of the read", "p99 of the write", "p99 outside the store", "bare I/O p50", "bare I/O p99"]));
  md.push(row(["---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
  for (const n of sizes) {
    md.push(row([n.toLocaleString("en-US"), perSec(d.get(`${n}.turnsPerSec`)), ms(d.get(`${n}.p50`)), ms(d.get(`${n}.p99`)), ms(d.get(`${n}.storedP99`)), ms(d.get(`${n}.readP99`)), ms(d.get(`${n}.writeP99`)), ms(d.get(`${n}.engineP99`)), ms(d.get(`${n}.rawP50`)), ms(d.get(`${n}.rawP99`))]));
  }
  md.push(``, `Where the bare I/O goes, per operation:`, ``);
  md.push(row(["stored sessions", "read + parse p50", "p99", "write temp file p50", "p99", "rename over the old file p50", "p99"]), row(["---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
  for (const n of sizes) {
    md.push(row([n.toLocaleString("en-US"), ...(["Read", "Write", "Rename"] as const).flatMap((part) => [ms(d.get(`${n}.raw${part}P50`)), ms(d.get(`${n}.raw${part}P99`))])]));
  }
  md.push(``, `- p99 @${big.toLocaleString("en-US")} / p99 @${small.toLocaleString("en-US")}: ${times(ratioP99)} (goal ≤ 1.5: ${verdict(ratioP99.median <= 1.5)}); the same ratio for bare I/O: ${times(d.get("ratio.rawP99"))}.`);
  md.push(`- p99 @${big.toLocaleString("en-US")}: ${ms(p99Big)} (goal < 5 ms: ${verdict(p99Big.median < 5)}); bare I/O alone at that size: p99 ${ms(d.get(`${big}.rawP99`))}.`, ``);

  md.push(`## 3. Side by side with botbuilder-dialogs 4.23.3 (same run, interleaved)`, ``);
  md.push(
    `The same 5 questions with the same words, acknowledgements and final plan (bench/botbuilder-interview.ts): WaterfallDialog, ChoicePrompt / NumberPrompt, ConversationState on MemoryStorage, TestAdapter; ${PLAN.engine.botbuilderInterviews} interviews per run. Culture fr-fr like ours; en-us shown too.`,
    ``,
  );
  md.push(row(["engine", "turns/s", "p50 per turn", "p99 per turn", "ours (Coordinator) ÷ this"]), row(["---", "---:", "---:", "---:", "---:"]));
  md.push(row(["ours: Coordinator on MemoryStore", perSec(e.get("coordinator.turnsPerSec")), ms(e.get("coordinator.p50")), ms(e.get("coordinator.p99")), "1×"]));
  md.push(row(["ours: pure `step`", perSec(e.get("step.turnsPerSec")), ms(e.get("step.p50")), ms(e.get("step.p99")), ""]));
  md.push(row(["botbuilder-dialogs, fr-fr", perSec(e.get("botbuilder.turnsPerSec")), ms(e.get("botbuilder.p50")), ms(e.get("botbuilder.p99")), times(bbRatio)]));
  md.push(row(["botbuilder-dialogs, en-us", perSec(e.get("botbuilderEn.turnsPerSec")), ms(e.get("botbuilderEn.p50")), ms(e.get("botbuilderEn.p99")), times(e.get("ratio.coordinator/botbuilderEn"))]));
  md.push(``, `- Ours ≥ 10× theirs: ${times(bbRatio)}, ${verdict(bbRatio.median >= 10)} (pure step ÷ botbuilder: ${times(e.get("ratio.step/botbuilder"))}).`, ``);

  md.push(`## 4. Ask-mode matching`, ``);
  md.push(`All ${ask.messages} phrasings of test/fixtures/objection-phrasings.yaml and objection-heldout.yaml (positives and negatives, fr and en), ${PLAN.ask.passes} passes per run, ${PLAN.ask.runs} runs. ${describeLoad(ask.load)}.`, ``);
  md.push(row(["what", "mean per message", "p99 per message"]), row(["---", "---:", "---:"]));
  md.push(row(["`matchObjection`", ms(ask.runs.get("match.mean")), ms(ask.runs.get("match.p99"))]));
  md.push(row(["`Coordinator.ask` (language, match, answer text)", ms(ask.runs.get("ask.mean")), ms(ask.runs.get("ask.p99"))]));
  md.push(``, `- < 200 µs per message: ${verdict(matchMean.median < 0.2)}.`, ``);

  md.push(`## 5. Memory`, ``);
  const h = heap.heap;
  md.push(
    `Heap per active session: sessions brought mid-interview (open, goal, time; the budget question pending), heap read after full GCs at 1/5 and at all of the sessions, difference ÷ sessions in between; ${h.sessions.toLocaleString("en-US")} sessions for ours, ${h.botbuilderSessions.toLocaleString("en-US")} conversations for botbuilder, ${h.ours.length} runs. ` +
      `RSS: VmRSS read from /proc once the first prompt is on stdout, nothing configured, stdin open (${PLAN.startup.runs} runs); "app" is the node process running the coach, "tree" adds its launchers (npm, sh, tsx's launcher).`,
    ``,
  );
  md.push(row(["what", "median (min–max)"]), row(["---", "---:"]));
  md.push(row([`heap per active session, ours (Coordinator + MemoryStore; the session's JSON is ${h.jsonBytes} bytes)`, bytes(spread(h.ours))]));
  md.push(row(["heap per active conversation, botbuilder-dialogs (ConversationState + MemoryStorage)", bytes(spread(h.botbuilder))]));
  md.push(row(["RSS of `npm start` idle: the app process", bytes(s.get("npm-start-tsx.appRss"))]));
  md.push(row(["RSS of `npm start` idle: whole tree (npm + sh + tsx + app)", bytes(s.get("npm-start-tsx.treeRss"))]));
  if (has("node-compiled")) md.push(row(["RSS of `node dist/adapters/main.js` idle (compiled)", bytes(s.get("node-compiled.appRss"))]));
  md.push(``);

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

  const text = md.join("\n");
  log("\n" + text);
  if (quick) log("\n(--quick: bench/RESULTS.md left as it was)");
  else {
    writeFileSync(join(ROOT, "bench/RESULTS.md"), text);
    log("\nWritten to bench/RESULTS.md");
  }
}

await main();
