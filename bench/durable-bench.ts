/**
 * Section 2: the durable turn on LowdbStore with 1k, 10k and 100k stored sessions.
 *
 * Each directory is filled once, quickly, by writing session files directly in the store's format
 * (`<dir>/sessions/<fileNameOf(key)>`, the document the store itself wrote for one session, with the
 * key changed), every session mid-interview. Each run then plays, on every size (the order rotating from run to
 * run), full interviews of new users and single turns of randomly chosen stored sessions, through
 * the real Coordinator on the real LowdbStore. The files of the new users are removed after each run
 * so that every run sees the same number of sessions.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import type { Content } from "../src/content/compile.ts";
import { Coordinator } from "../src/coordinator.ts";
import { STATE_VERSION, type SessionState } from "../src/engine/state.ts";
import { step } from "../src/engine/step.ts";
import { fileNameOf, LowdbStore } from "../src/store/lowdb-store.ts";
import type { SessionStore, StoredSession } from "../src/store/session-store.ts";
import { dropCaches } from "./first-message-bench.ts";
import { INTERVIEW, MID_INTERVIEW_TURNS } from "./interview-script.ts";
import { percentile, Runs } from "./stats.ts";

/** How big, how many runs, and how much each run plays on each size. */
export interface DurableBenchOptions {
  sizes: number[];
  runs: number;
  /** full interviews of new users per run and size (11 turns each) */
  interviews: number;
  /** single turns of stored sessions chosen at random, per run and size */
  storedTurns: number;
}

/** Figures per size: `${size}.p50` etc.; the ratio is `ratio.p99`. Durations in ms. */
export type DurableFigure = `${number}.${"p50" | "p99" | "turnsPerSec" | "storedP99" | "readP99" | "writeP99" | "engineP99" | "forgetP50" | "coldStoredP50" | "coldStoredP99" | RawFigure}` | "ratio.p99" | "ratio.rawP99";

/** The bare I/O figures: the whole, and each operation, at p50 and p99. */
type RawFigure = `raw${"" | "Read" | "Write" | "Rename"}P${"50" | "99"}`;

/** Time spent in the store during the current turn, in ms. */
export interface StoreClock {
  readMs: number;
  writeMs: number;
}

/**
 * Makes `store` add the time of its reads and conditional writes to the returned clock. Only these
 * two methods are wrapped, on the instance, so the store keeps every other method of the port as
 * it is (the port grows; a hand-written forwarding wrapper would have to follow it).
 */
export function timeStore(store: SessionStore): StoreClock {
  const clock: StoreClock = { readMs: 0, writeMs: 0 };
  const read = store.read.bind(store);
  const writeIf = store.writeIf.bind(store);
  store.read = async (...args: Parameters<SessionStore["read"]>) => {
    const t0 = performance.now();
    try {
      return await read(...args);
    } finally {
      clock.readMs += performance.now() - t0;
    }
  };
  store.writeIf = async (...args: Parameters<SessionStore["writeIf"]>) => {
    const t0 = performance.now();
    try {
      return await writeIf(...args);
    } finally {
      clock.writeMs += performance.now() - t0;
    }
  };
  return clock;
}

/** The key of stored session i, shaped like a real Slack key. */
export const storedKey = (i: number) => `slack:T${String(i % 97).padStart(4, "0")}:U${String(i).padStart(9, "0")}`;

/** A session state after MID_INTERVIEW_TURNS turns of the interview (the budget question pending). */
export function midInterviewState(content: Content, now: string): SessionState {
  let state: SessionState | undefined;
  for (const input of INTERVIEW.slice(0, MID_INTERVIEW_TURNS)) state = step(state, input, content, now).state;
  return state!;
}

/**
 * Writes `count` session files under `<dir>/sessions/`, each mid-interview, and returns how long it
 * took (ms). The store itself writes the first one; the others are that file's text with the key
 * changed, so they are exactly in the store's format (whatever fields it has) without paying for a
 * store write per session.
 */
export async function populate(dir: string, count: number, content: Content): Promise<number> {
  const t0 = performance.now();
  const store = new LowdbStore({ dir });
  const template = storedKey(0);
  const value: StoredSession = { version: STATE_VERSION, state: midInterviewState(content, new Date().toISOString()) };
  if (!(await store.writeIf(template, value, null))) throw new Error("populate: the template session could not be written");
  const text = readFileSync(store.pathOf(template), "utf8");
  const quotedTemplate = JSON.stringify(template);
  if (!text.includes(quotedTemplate)) throw new Error("populate: the session file does not hold its key as expected");
  const sessions = dirname(store.pathOf(template));
  for (let i = 1; i < count; i++) {
    const key = storedKey(i);
    writeFileSync(join(sessions, fileNameOf(key)), text.replace(quotedTemplate, JSON.stringify(key)));
  }
  await store.close();
  return performance.now() - t0;
}

/** One size of one store, ready to play turns on (the Redis bench uses it too). */
export interface TurnSetup {
  size: number;
  /** the store, its read and writeIf timed by `clock` */
  store: SessionStore;
  clock: StoreClock;
  coordinator: Coordinator;
  /** how many interview turns each stored session has had (it starts mid-interview) */
  progress: Uint8Array;
  /**
   * Removes a new user's session after a run, straight in the store's medium. The store's own
   * `delete` ("forget me") is timed apart, on FORGET_SAMPLES users per run.
   */
  remove(key: string): Promise<void>;
}

/** The figures of one run on one size that every durable store reports. */
export type TurnFigureName = "p50" | "p99" | "turnsPerSec" | "storedP99" | "readP99" | "writeP99" | "engineP99" | "forgetP50";

/** Records the figures every durable store reports, from one run of `runSize`. */
export function addTurnFigures(x: Awaited<ReturnType<typeof runSize>>, add: (name: TurnFigureName, v: number) => void): void {
  add("p50", percentile(x.all, 0.5));
  add("p99", percentile(x.all, 0.99));
  add("turnsPerSec", x.turnsPerSec);
  add("storedP99", percentile(x.stored, 0.99));
  add("readP99", percentile(x.read, 0.99));
  add("writeP99", percentile(x.write, 0.99));
  add("engineP99", percentile(x.engine, 0.99));
  add("forgetP50", percentile(x.forget, 0.5));
}

/** How many of each run's new users are removed through the store's `delete`, timed. */
export const FORGET_SAMPLES = 5;

interface SizeSetup extends TurnSetup {
  dir: string;
  lowdb: LowdbStore;
}

/** One run on one size: per-turn durations, and the part of each spent in the store. */
export async function runSize(s: TurnSetup, o: DurableBenchOptions, run: number, random: () => number): Promise<{ all: number[]; stored: number[]; read: number[]; write: number[]; engine: number[]; forget: number[]; turnsPerSec: number }> {
  const all: number[] = [];
  const stored: number[] = [];
  const read: number[] = [];
  const write: number[] = [];
  const engine: number[] = [];
  const newKeys: string[] = [];
  const turn = async (key: string, t: number): Promise<number> => {
    s.clock.readMs = s.clock.writeMs = 0;
    const t0 = performance.now();
    await s.coordinator.handle(key, INTERVIEW[t]!);
    const ms = performance.now() - t0;
    all.push(ms);
    read.push(s.clock.readMs);
    write.push(s.clock.writeMs);
    engine.push(ms - s.clock.readMs - s.clock.writeMs);
    return ms;
  };
  // interleave: after each new user's interview, a few turns of stored sessions
  const storedPerInterview = o.storedTurns / o.interviews;
  let storedDone = 0;
  const start = performance.now();
  for (let i = 0; i < o.interviews; i++) {
    const key = `bench:new:r${run}:u${i}`;
    newKeys.push(key);
    for (let t = 0; t < INTERVIEW.length; t++) await turn(key, t);
    while (storedDone < Math.round((i + 1) * storedPerInterview)) {
      let pick = Math.floor(random() * s.size);
      while (s.progress[pick]! >= INTERVIEW.length) pick = (pick + 1) % s.size;
      stored.push(await turn(storedKey(pick), s.progress[pick]!));
      s.progress[pick]!++;
      storedDone++;
    }
  }
  const elapsed = performance.now() - start;
  const forget: number[] = [];
  for (const [i, key] of newKeys.entries()) {
    if (i < FORGET_SAMPLES) {
      const t0 = performance.now();
      await s.store.delete(key);
      forget.push(performance.now() - t0);
    } else await s.remove(key);
  }
  return { all, stored, read, write, engine, forget, turnsPerSec: all.length / (elapsed / 1000) };
}

/** Durations (ms) of the bare file operations, one entry per operation. */
interface RawIo {
  total: number[];
  /** readFile of the session's file (and JSON.parse) */
  read: number[];
  /** writeFile of a new temp file */
  write: number[];
  /** rename of the temp file over the session's file */
  rename: number[];
}

/**
 * The floor under a durable turn: the same file operations with nothing else, on stored sessions
 * picked at random in the same directory: read the file, parse it, write it back to a temp file and
 * rename it over the original (what steno does), through node:fs/promises as lowdb does.
 */
async function rawIo(s: SizeSetup, count: number, random: () => number): Promise<RawIo> {
  const out: RawIo = { total: [], read: [], write: [], rename: [] };
  for (let i = 0; i < count; i++) {
    const path = s.lowdb.pathOf(storedKey(Math.floor(random() * s.size)));
    const tmp = join(dirname(path), `.${basename(path)}.tmp`);
    const t0 = performance.now();
    const doc: unknown = JSON.parse(await readFile(path, "utf8"));
    const t1 = performance.now();
    await writeFile(tmp, JSON.stringify(doc, null, 2), "utf-8");
    const t2 = performance.now();
    await rename(tmp, path);
    const t3 = performance.now();
    out.total.push(t3 - t0);
    out.read.push(t1 - t0);
    out.write.push(t2 - t1);
    out.rename.push(t3 - t2);
  }
  return out;
}

/** A small deterministic generator (mulberry32), so that every run of the bench picks the same sessions. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fills a temporary directory per size, runs the benchmark, and removes everything it wrote.
 * Returns the figures and how long populating each size took.
 */
/**
 * Turns of stored sessions (picked at random, each touched once) right after Linux's page cache
 * was dropped: a session coming back after days, its file no longer in memory. Durations in ms;
 * null (with the reason) when the cache cannot be dropped (it needs root).
 */
async function coldStoredTurns(s: TurnSetup, count: number, random: () => number): Promise<number[] | string> {
  const why = dropCaches();
  if (why) return why;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    let pick = Math.floor(random() * s.size);
    while (s.progress[pick]! >= INTERVIEW.length) pick = (pick + 1) % s.size;
    const t0 = performance.now();
    await s.coordinator.handle(storedKey(pick), INTERVIEW[s.progress[pick]!]!);
    out.push(performance.now() - t0);
    s.progress[pick]!++;
  }
  return out;
}

export async function benchDurable(content: Content, o: DurableBenchOptions, progress: (line: string) => void): Promise<{ runs: Runs<DurableFigure>; populateMs: Map<number, number>; coldSkipped: string | null }> {
  const root = await mkdtemp(join(tmpdir(), "coach-bench-lowdb-"));
  const populateMs = new Map<number, number>();
  let coldSkipped: string | null = null;
  try {
    const setups: SizeSetup[] = [];
    for (const size of o.sizes) {
      const dir = join(root, String(size));
      const ms = await populate(dir, size, content);
      populateMs.set(size, ms);
      progress(`  ${size.toLocaleString("en-US")} sessions written in ${(ms / 1000).toFixed(1)} s`);
      const lowdb = new LowdbStore({ dir });
      const clock = timeStore(lowdb);
      setups.push({ size, dir, lowdb, store: lowdb, clock, coordinator: new Coordinator({ content, store: lowdb }), progress: new Uint8Array(size).fill(MID_INTERVIEW_TURNS), remove: (key) => rm(lowdb.pathOf(key), { force: true }) });
    }
    const random = seeded(7);
    // warm-up on every size: JIT, and the first touches of each directory
    for (const s of setups) await runSize(s, { ...o, interviews: Math.ceil(o.interviews / 5), storedTurns: Math.ceil(o.storedTurns / 5) }, -1, random);
    const runs = new Runs<DurableFigure>();
    for (let r = 0; r < o.runs; r++) {
      const p99 = new Map<number, number>();
      const rawP99 = new Map<number, number>();
      const order = setups.map((_, i) => setups[(i + r) % setups.length]!);
      for (const s of order) {
        const x = await runSize(s, o, r, random);
        const f = (name: TurnFigureName | RawFigure | "coldStoredP50" | "coldStoredP99", v: number) => runs.add(`${s.size}.${name}`, v);
        addTurnFigures(x, f);
        p99.set(s.size, percentile(x.all, 0.99));
        const raw = await rawIo(s, o.interviews * INTERVIEW.length + o.storedTurns, random);
        for (const [part, samples] of [["", raw.total], ["Read", raw.read], ["Write", raw.write], ["Rename", raw.rename]] as const) {
          f(`raw${part}P50`, percentile(samples, 0.5));
          f(`raw${part}P99`, percentile(samples, 0.99));
        }
        rawP99.set(s.size, percentile(raw.total, 0.99));
      }
      const smallest = Math.min(...o.sizes);
      const largest = Math.max(...o.sizes);
      runs.add("ratio.p99", p99.get(largest)! / p99.get(smallest)!);
      runs.add("ratio.rawP99", rawP99.get(largest)! / rawP99.get(smallest)!);
      progress(`  run ${r + 1}/${o.runs}: p99 ${o.sizes.map((n) => `${n.toLocaleString("en-US")}: ${p99.get(n)!.toFixed(2)} ms (bare I/O ${rawP99.get(n)!.toFixed(2)} ms)`).join(", ")}`);
    }
    // cold page cache, after every warm run (dropping the cache would make the next warm run cold)
    for (let r = 0; r < o.runs && coldSkipped === null; r++) {
      for (const s of setups) {
        const cold = await coldStoredTurns(s, Math.min(o.storedTurns, 100), random);
        if (typeof cold === "string") {
          coldSkipped = cold;
          break;
        }
        runs.add(`${s.size}.coldStoredP50`, percentile(cold, 0.5));
        runs.add(`${s.size}.coldStoredP99`, percentile(cold, 0.99));
      }
    }
    return { runs, populateMs, coldSkipped };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
