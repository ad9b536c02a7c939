/**
 * Section 8: what durability costs. COACH_DURABLE=fsync makes every lowdb write fsync the new file
 * and then its folder before the turn is acknowledged (a power cut or an OS crash then loses
 * nothing acknowledged); Redis's equivalent is its append-only file, `appendonly yes` with
 * `appendfsync everysec` (at most a second of writes lost on a crash of the machine) or `always`.
 * The same turns as section 2 (1,000 stored sessions, full interviews of new users interleaved
 * with turns of stored sessions), through the Coordinator, with and without, interleaved run by
 * run; the ratios are computed in each run.
 */
import { rm } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Content } from "../src/content/compile.ts";
import { Coordinator } from "../src/coordinator.ts";
import { LowdbStore } from "../src/store/lowdb-store.ts";
import { RedisStore } from "../src/store/redis-store.ts";
import { populate, runSize, seeded, timeStore, type DurableBenchOptions, type TurnSetup } from "./durable-bench.ts";
import { MID_INTERVIEW_TURNS } from "./interview-script.ts";
import { connect, populateRedis, probe, startServer, type Server } from "./redis-bench.ts";
import { percentile, Runs } from "./stats.ts";

export type FsyncVariant = "lowdb" | "lowdbFsync" | "redis" | "redisEverysec" | "redisAlways";
export type FsyncFigure = `${FsyncVariant}.${"p50" | "p99" | "turnsPerSec"}` | `ratio.${"lowdbFsync/lowdb" | "redisEverysec/redis" | "redisAlways/redis"}.${"p50" | "p99"}`;

const REDIS_PERSISTENCE: Record<"redis" | "redisEverysec" | "redisAlways", string[]> = {
  redis: ["--save", "3600 1 300 100 60 10000", "--appendonly", "no"],
  redisEverysec: ["--save", "", "--appendonly", "yes", "--appendfsync", "everysec"],
  redisAlways: ["--save", "", "--appendonly", "yes", "--appendfsync", "always"],
};

export async function benchFsync(content: Content, o: DurableBenchOptions, progress: (line: string) => void): Promise<{ runs: Runs<FsyncFigure>; redisSkipped: string | null }> {
  const size = o.sizes[0]!;
  const root = await mkdtemp(join(tmpdir(), "coach-bench-fsync-"));
  const servers: Server[] = [];
  const stores: RedisStore[] = [];
  const clients: Awaited<ReturnType<typeof connect>>[] = [];
  try {
    const setups = new Map<FsyncVariant, TurnSetup>();
    for (const variant of ["lowdb", "lowdbFsync"] as const) {
      const dir = join(root, variant);
      await populate(dir, size, content);
      const store = new LowdbStore({ dir, durable: variant === "lowdbFsync" });
      setups.set(variant, { size, store, clock: timeStore(store), coordinator: new Coordinator({ content, store }), progress: new Uint8Array(size).fill(MID_INTERVIEW_TURNS), remove: (key) => rm(store.pathOf(key), { force: true }) });
    }
    const redisSkipped = probe().why;
    if (!redisSkipped) {
      for (const variant of ["redis", "redisEverysec", "redisAlways"] as const) {
        const server = await startServer(REDIS_PERSISTENCE[variant]);
        servers.push(server);
        const client = await connect(server.url);
        clients.push(client);
        const store = await RedisStore.connect({ url: server.url });
        stores.push(store);
        const { redisKeyOf } = await populateRedis(store, client, size, content, 30 * 24 * 60 * 60);
        setups.set(variant, { size, store, clock: timeStore(store), coordinator: new Coordinator({ content, store }), progress: new Uint8Array(size).fill(MID_INTERVIEW_TURNS), remove: async (key) => void (await client.sendCommand(["DEL", redisKeyOf(key)])) });
      }
    }
    const variants = [...setups.keys()];
    const random = seeded(9);
    for (const s of setups.values()) await runSize(s, { ...o, interviews: Math.ceil(o.interviews / 5), storedTurns: Math.ceil(o.storedTurns / 5) }, -1, random);
    const runs = new Runs<FsyncFigure>();
    for (let r = 0; r < o.runs; r++) {
      const p = new Map<FsyncVariant, { p50: number; p99: number }>();
      for (const v of variants.map((_, i) => variants[(i + r) % variants.length]!)) {
        const x = await runSize(setups.get(v)!, o, r, random);
        const p50 = percentile(x.all, 0.5);
        const p99 = percentile(x.all, 0.99);
        runs.add(`${v}.p50`, p50);
        runs.add(`${v}.p99`, p99);
        runs.add(`${v}.turnsPerSec`, x.turnsPerSec);
        p.set(v, { p50, p99 });
      }
      const pairs: ["lowdbFsync/lowdb" | "redisEverysec/redis" | "redisAlways/redis", FsyncVariant, FsyncVariant][] = [
        ["lowdbFsync/lowdb", "lowdbFsync", "lowdb"],
        ["redisEverysec/redis", "redisEverysec", "redis"],
        ["redisAlways/redis", "redisAlways", "redis"],
      ];
      for (const [name, slow, base] of pairs) {
        if (!p.has(slow)) continue;
        runs.add(`ratio.${name}.p50`, p.get(slow)!.p50 / p.get(base)!.p50);
        runs.add(`ratio.${name}.p99`, p.get(slow)!.p99 / p.get(base)!.p99);
      }
      progress(`  run ${r + 1}/${o.runs}: p50 ${variants.map((v) => `${v} ${p.get(v)!.p50.toFixed(2)} ms`).join(", ")}`);
    }
    return { runs, redisSkipped };
  } finally {
    for (const s of stores) await s.close().catch(() => undefined);
    for (const c of clients) await c.close().catch(() => undefined);
    for (const s of servers) await s.stop();
    await rm(root, { recursive: true, force: true });
  }
}
