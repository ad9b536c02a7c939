/**
 * Section 7: how long after `npm start` the first message is answered, with 0, 10,000 and 100,000
 * stored sessions. Each start runs the real composition root (bench/first-message-child.ts: the
 * lowdb store, the coordinator, the expiry sweep scheduled as npm start schedules it) in a process
 * of its own, and the figure is that process's own clock when the first reply comes back (tsx's
 * loading included, as a user sees it). Beside it: how long one full expiry sweep of each size
 * takes, which is what the first message used to wait for (the sweep ran before the platforms
 * started); it now runs in the background, a batch at a time.
 *
 * Stored sessions are fresh (none expires): the sweep still lists every file and reads its date.
 * Page cache: "warm" right after the files were written or read; "cold" after Linux's caches were
 * dropped (`echo 3 > /proc/sys/vm/drop_caches`), which needs root; without it the cold figures
 * are left out and the section says why.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Content } from "../src/content/compile.ts";
import { Coordinator } from "../src/coordinator.ts";
import { LowdbStore } from "../src/store/lowdb-store.ts";
import { populate } from "./durable-bench.ts";
import { Runs } from "./stats.ts";

const ROOT = resolve(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "loader.mjs");

export type FirstMessageFigure = `${number}.${"warm" | "cold"}.${"firstMs" | "sweepMs"}`;

export interface FirstMessageOptions {
  sizes: number[];
  runs: number;
}

/** Drops Linux's page cache (needs root); the reason when it cannot. */
export function dropCaches(): string | null {
  try {
    writeFileSync("/proc/sys/vm/drop_caches", "3\n");
    return null;
  } catch (err) {
    return `could not drop the page cache (${(err as NodeJS.ErrnoException).code ?? String(err)}: it needs root)`;
  }
}

/** Starts the composition root on `dir`; resolves with its own clock when the first reply came. */
function startOnce(dir: string): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, join(ROOT, "bench", "first-message-child.ts")], {
      cwd: dir,
      env: { PATH: process.env["PATH"] ?? "", HOME: dir, COACH_DATA_DIR: join(dir, "data"), NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").find((l) => l.startsWith("{"));
      if (!line) return reject(new Error(`first-message child exited ${code} without answering: ${err.slice(0, 800)}`));
      const r = JSON.parse(line) as { answeredMs: number; step: string | null };
      if (r.step !== "trade") return reject(new Error(`first-message child answered at step ${r.step}`));
      resolvePromise(r.answeredMs);
    });
  });
}

/** One full expiry sweep of the store on `dir`, in this process; ms. */
async function sweepOnce(dir: string, content: Content): Promise<number> {
  const store = new LowdbStore({ dir: join(dir, "data") });
  const c = new Coordinator({ content, store });
  const t0 = performance.now();
  await c.sweepExpired();
  return performance.now() - t0;
}

export async function benchFirstMessage(content: Content, o: FirstMessageOptions, progress: (line: string) => void): Promise<{ runs: Runs<FirstMessageFigure>; coldSkipped: string | null }> {
  const root = await mkdtemp(join(tmpdir(), "coach-bench-first-"));
  const runs = new Runs<FirstMessageFigure>();
  let coldSkipped: string | null = null;
  try {
    const dirs = new Map<number, string>();
    for (const size of o.sizes) {
      const dir = join(root, String(size));
      await mkdir(join(dir, "data"), { recursive: true });
      if (size > 0) await populate(join(dir, "data"), size, content);
      dirs.set(size, dir);
    }
    await startOnce(dirs.get(o.sizes[0]!)!); // warm-up: tsx's transform cache
    for (let r = 0; r < o.runs; r++) {
      const order = o.sizes.map((_, i) => o.sizes[(i + r) % o.sizes.length]!);
      const line: string[] = [];
      for (const size of order) {
        const dir = dirs.get(size)!;
        for (const cache of ["warm", "cold"] as const) {
          if (cache === "cold") {
            coldSkipped = dropCaches();
            if (coldSkipped) continue;
          } else await sweepOnce(dir, content); // reads every file's date once: the cache is warm
          const first = await startOnce(dir);
          if (cache === "cold") dropCaches();
          const sweep = await sweepOnce(dir, content);
          runs.add(`${size}.${cache}.firstMs`, first);
          runs.add(`${size}.${cache}.sweepMs`, sweep);
          line.push(`${size.toLocaleString("en-US")} ${cache}: first reply ${Math.round(first)} ms, a full sweep ${Math.round(sweep)} ms`);
        }
      }
      progress(`  run ${r + 1}/${o.runs}: ${line.join("; ")}`);
    }
    return { runs, coldSkipped };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
