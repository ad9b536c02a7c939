/**
 * Section 2b (issue 8): the durable turn on RedisStore, through the real Coordinator, with 1k, 10k
 * and 100k stored sessions, measured like section 2 (bench/durable-bench.ts) measures LowdbStore.
 *
 * One throw-away redis-server per size (so that one size's data set, and its snapshots, never weigh
 * on another's), each on a free port of 127.0.0.1, in its own temporary directory, with the
 * persistence a deployment gets when it does not change it: RDB snapshots at the default save
 * points ("3600 1 300 100 60 10000": after an hour if 1 key changed, 5 minutes if 100, a minute if
 * 10,000) and no append-only file. The settings are passed explicitly and read back with CONFIG GET,
 * and the bench reports what the servers really ran with, and how many snapshots (forks) happened
 * while it measured. Every server is stopped and its directory removed at the end, whatever happens.
 *
 * Stored sessions are written the way the store writes them: the store writes one, and the others
 * are copies of its hash (doc, rev) and TTL under keys found by replacing the session key inside the
 * Redis key the store used, pipelined. When redis-server is missing or does not start, the section
 * is skipped and says why.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import type { Content } from "../src/content/compile.ts";
import { Coordinator } from "../src/coordinator.ts";
import { STATE_VERSION } from "../src/engine/state.ts";
import { RedisStore } from "../src/store/redis-store.ts";
import type { StoredSession } from "../src/store/session-store.ts";
import { addTurnFigures, midInterviewState, runSize, seeded, storedKey, timeStore, type DurableBenchOptions, type TurnFigureName, type TurnSetup } from "./durable-bench.ts";
import { INTERVIEW, MID_INTERVIEW_TURNS } from "./interview-script.ts";
import { formatBytes, percentile, Runs } from "./stats.ts";

const REDIS_BINARY = "redis-server";

/** The persistence of a redis-server left at its defaults (and of Debian's /etc/redis/redis.conf). */
const PERSISTENCE = { save: "3600 1 300 100 60 10000", appendonly: "no" };

/** Figures per size (`${size}.p99`...), durations in ms; ratios are largest size ÷ smallest. */
export type RedisFigure = `${number}.${"p50" | "p99" | "turnsPerSec" | "storedP99" | "readP99" | "writeP99" | "engineP99" | "forgetP50" | "rawP50" | "rawP99"}` | "ratio.p50" | "ratio.p99" | "ratio.rawP99";

export type RedisBenchResult =
  | { skipped: string }
  | {
      skipped: null;
      runs: Runs<RedisFigure>;
      populateMs: Map<number, number>;
      /** `redis-server --version`, first words */
      version: string;
      /** what CONFIG GET returned on the servers (they all run with the same) */
      config: { save: string; appendonly: string; appendfsync: string };
      /** per size: snapshots (forks) during the measured runs, and the server's memory at the end */
      forks: Map<number, number>;
      usedMemory: Map<number, string>;
    };

type Client = ReturnType<typeof createClient>;

export interface Server {
  url: string;
  dir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Why redis-server cannot be used here, or null when it can; and its version. */
export function probe(): { why: string | null; version: string } {
  const p = spawnSync(REDIS_BINARY, ["--version"], { encoding: "utf8" });
  if (p.error || p.status !== 0) return { why: `${REDIS_BINARY} not found on PATH (${p.error?.message ?? `exit status ${p.status}`}; install it: apt-get install redis-server)`, version: "" };
  return { why: null, version: p.stdout.trim().split(" ").slice(0, 3).join(" ") };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * Starts a redis-server in a new temporary directory, with the default persistence unless told
 * otherwise (`["--appendonly", "yes", "--appendfsync", "everysec"]`, say).
 */
export async function startServer(persistence: string[] = ["--save", PERSISTENCE.save, "--appendonly", PERSISTENCE.appendonly]): Promise<Server> {
  const dir = await mkdtemp(join(tmpdir(), "coach-bench-redis-"));
  const port = await freePort();
  const child = spawn(REDIS_BINARY, ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, ...persistence, "--daemonize", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  // keep reading its log (snapshots write lines), keeping only the tail for error messages
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const stop = async () => {
    if (!exited) {
      child.kill("SIGTERM"); // it writes a last snapshot (save points are set), then exits
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s: ${out.slice(-500)}`)), 10_000);
      const check = () => {
        if (out.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on("data", check);
      child.once("error", (err) => (clearTimeout(timer), reject(err)));
      void exit.then(() => (clearTimeout(timer), reject(new Error(`redis-server exited (${child.exitCode}): ${out.slice(-500)}`))));
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `redis://127.0.0.1:${port}`, dir, child, stop };
}

export async function connect(url: string): Promise<Client> {
  const client = createClient({ url });
  client.on("error", () => {
    // reported by the command that fails
  });
  await client.connect();
  return client;
}

const info = async (client: Client, section: string, field: string): Promise<string> => {
  const text = await client.sendCommand<string>(["INFO", section]);
  return text.match(new RegExp(`^${field}:(.*)$`, "m"))?.[1]?.trim() ?? "";
};

/**
 * Writes `count` stored sessions, each mid-interview: the store writes the first one (with the
 * Coordinator's TTL), the others are copies of that hash and TTL under their own keys. Returns how
 * long it took (ms) and how to name a session's Redis key.
 */
export async function populateRedis(store: RedisStore, client: Client, count: number, content: Content, ttlSeconds: number): Promise<{ ms: number; redisKeyOf: (key: string) => string }> {
  const t0 = performance.now();
  const template = storedKey(0);
  const value: StoredSession = { version: STATE_VERSION, state: midInterviewState(content, new Date().toISOString()) };
  if (!(await store.writeIf(template, value, null, ttlSeconds))) throw new Error("populate: the template session could not be written");
  const written = await client.sendCommand<string[]>(["KEYS", "*"]);
  if (written.length !== 1 || !written[0]!.includes(template)) throw new Error(`populate: expected one Redis key holding ${template}, found ${JSON.stringify(written)}`);
  const templateRedisKey = written[0]!;
  const redisKeyOf = (key: string) => templateRedisKey.replace(template, key);
  const hash = await client.sendCommand<string[]>(["HGETALL", templateRedisKey]);
  const ttl = await client.sendCommand<number>(["TTL", templateRedisKey]);
  const batch = 1_000;
  for (let from = 1; from < count; from += batch) {
    const pending: Promise<unknown>[] = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      const k = redisKeyOf(storedKey(i));
      pending.push(client.sendCommand(["HSET", k, ...hash]));
      if (ttl > 0) pending.push(client.sendCommand(["EXPIRE", k, String(ttl)]));
    }
    await Promise.all(pending);
  }
  const size = await client.sendCommand<number>(["DBSIZE"]);
  if (size !== count) throw new Error(`populate: ${size} keys in Redis, expected ${count}`);
  return { ms: performance.now() - t0, redisKeyOf };
}

/**
 * The floor under a Redis turn: the same two round trips with nothing else, on stored sessions
 * picked at random: HMGET of the session's hash, then HSET of its document as it was (no Lua
 * script, no JSON, no validation, no engine).
 */
async function rawRoundTrips(client: Client, redisKeyOf: (key: string) => string, size: number, count: number, random: () => number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const k = redisKeyOf(storedKey(Math.floor(random() * size)));
    const t0 = performance.now();
    const [doc] = await client.sendCommand<(string | null)[]>(["HMGET", k, "doc", "rev"]);
    await client.sendCommand(["HSET", k, "doc", doc ?? ""]);
    out.push(performance.now() - t0);
  }
  return out;
}

interface RedisSetup extends TurnSetup {
  server: Server;
  client: Client;
  redisStore: RedisStore;
  redisKeyOf: (key: string) => string;
}

/** Starts one server per size, runs the benchmark, stops every server. */
export async function benchRedis(content: Content, o: DurableBenchOptions, progress: (line: string) => void): Promise<RedisBenchResult> {
  const probed = probe();
  if (probed.why) return { skipped: probed.why };
  const setups: RedisSetup[] = [];
  const servers: Server[] = [];
  const clients: Client[] = [];
  const stores: RedisStore[] = [];
  // if the process is interrupted, do not leave servers behind
  const killAll = () => servers.forEach((s) => s.child.exitCode === null && s.child.kill("SIGKILL"));
  process.once("exit", killAll);
  try {
    const populateMs = new Map<number, number>();
    const ttlSeconds = 30 * 24 * 60 * 60; // the Coordinator's default expiry, 30 days
    for (const size of o.sizes) {
      let server: Server;
      try {
        server = await startServer();
      } catch (err) {
        return { skipped: `${REDIS_BINARY} did not start: ${(err as Error).message}` };
      }
      servers.push(server);
      const client = await connect(server.url);
      clients.push(client);
      const redisStore = await RedisStore.connect({ url: server.url });
      stores.push(redisStore);
      const { ms, redisKeyOf } = await populateRedis(redisStore, client, size, content, ttlSeconds);
      populateMs.set(size, ms);
      progress(`  ${size.toLocaleString("en-US")} sessions written to ${server.url} in ${(ms / 1000).toFixed(1)} s`);
      const clock = timeStore(redisStore);
      const coordinator = new Coordinator({ content, store: redisStore });
      setups.push({ size, server, client, redisStore, redisKeyOf, store: redisStore, clock, coordinator, progress: new Uint8Array(size).fill(MID_INTERVIEW_TURNS), remove: async (key) => void (await client.sendCommand(["DEL", redisKeyOf(key)])) });
    }
    const first = setups[0]!.client;
    const config = {
      save: (await first.sendCommand<string[]>(["CONFIG", "GET", "save"]))[1] ?? "",
      appendonly: (await first.sendCommand<string[]>(["CONFIG", "GET", "appendonly"]))[1] ?? "",
      appendfsync: (await first.sendCommand<string[]>(["CONFIG", "GET", "appendfsync"]))[1] ?? "",
    };
    const random = seeded(8);
    for (const s of setups) await runSize(s, { ...o, interviews: Math.ceil(o.interviews / 5), storedTurns: Math.ceil(o.storedTurns / 5) }, -1, random);
    const forksBefore = new Map<number, number>();
    for (const s of setups) forksBefore.set(s.size, Number(await info(s.client, "stats", "total_forks")));
    const runs = new Runs<RedisFigure>();
    for (let r = 0; r < o.runs; r++) {
      const p50 = new Map<number, number>();
      const p99 = new Map<number, number>();
      const rawP99 = new Map<number, number>();
      const order = setups.map((_, i) => setups[(i + r) % setups.length]!);
      for (const s of order) {
        const x = await runSize(s, o, r, random);
        const f = (name: TurnFigureName | "rawP50" | "rawP99", v: number) => runs.add(`${s.size}.${name}`, v);
        addTurnFigures(x, f);
        p50.set(s.size, percentile(x.all, 0.5));
        p99.set(s.size, percentile(x.all, 0.99));
        const raw = await rawRoundTrips(s.client, s.redisKeyOf, s.size, o.interviews * INTERVIEW.length + o.storedTurns, random);
        f("rawP50", percentile(raw, 0.5));
        f("rawP99", percentile(raw, 0.99));
        rawP99.set(s.size, percentile(raw, 0.99));
      }
      const smallest = Math.min(...o.sizes);
      const largest = Math.max(...o.sizes);
      runs.add("ratio.p50", p50.get(largest)! / p50.get(smallest)!);
      runs.add("ratio.p99", p99.get(largest)! / p99.get(smallest)!);
      runs.add("ratio.rawP99", rawP99.get(largest)! / rawP99.get(smallest)!);
      progress(`  run ${r + 1}/${o.runs}: p50 / p99 ${o.sizes.map((n) => `${n.toLocaleString("en-US")}: ${p50.get(n)!.toFixed(2)} / ${p99.get(n)!.toFixed(2)} ms (bare ${rawP99.get(n)!.toFixed(2)} ms)`).join(", ")}`);
    }
    const forks = new Map<number, number>();
    const usedMemory = new Map<number, string>();
    for (const s of setups) {
      forks.set(s.size, Number(await info(s.client, "stats", "total_forks")) - forksBefore.get(s.size)!);
      usedMemory.set(s.size, formatBytes(Number(await info(s.client, "memory", "used_memory"))));
    }
    return { skipped: null, runs, populateMs, version: probed.version, config, forks, usedMemory };
  } finally {
    for (const s of stores) await s.close().catch(() => undefined);
    for (const c of clients) await c.close().catch(() => undefined);
    for (const s of servers) await s.stop();
    process.removeListener("exit", killAll);
  }
}
