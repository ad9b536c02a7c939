/**
 * Sections 5 (RSS) and 6 (start-up): how long from spawning the coach to its first prompt on
 * stdout, and the resident memory once it is there, for `npm start` as it is (tsx) and for
 * compiled JavaScript.
 *
 * The compiled variant is built the way a build step would: `tsc -p bench/tsconfig.build.json`
 * (emitting .js with rewritten import extensions), into a temporary directory rather than the
 * shared checkout's dist/. dialogs/ does not resolve from there (src/content/load.ts reads
 * `import.meta.dirname/../../dialogs`, which is dist/dialogs once compiled), so the build step also
 * copies dialogs/ into it; node_modules is linked next to it and a package.json says "type": "module"
 * and `"start": "node dist/adapters/main.js"`, so that `npm start` there is what `npm start` would
 * be with a build step.
 *
 * Every start gets an empty data directory (COACH_DATA_DIR) and an environment without platform
 * settings, so it opens the terminal chat: welcome, first question, then it waits on stdin, which
 * is kept open. Each process tree is started in its own process group and ended through it.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Runs } from "./stats.ts";

/** The repository root (bench/..). */
const ROOT = resolve(import.meta.dirname, "..");

/** One way of starting the coach. */
interface Variant {
  id: StartVariant;
  command: string;
  args: string[];
  cwd: string;
  /** the script the coach's own node process runs (found in its command line) */
  entry: string;
}

/** The ways of starting the coach that are measured. */
export type StartVariant = "npm-start-tsx" | "tsx-direct" | "npm-start-compiled" | "node-compiled" | "node-compiled-terminal";

/** Figures: `${variant}.ms` (spawn to first prompt), `${variant}.appRss` and `${variant}.treeRss` (bytes). */
export type StartFigure = `${StartVariant}.${"ms" | "appRss" | "treeRss"}` | "ratio.npm-start-tsx/npm-start-compiled" | "ratio.tsx-direct/node-compiled";

/** What building to JavaScript found. */
export interface BuildReport {
  ok: boolean;
  compileMs: number;
  /** tsc's exit status and the first lines of its output when it complained */
  tscStatus: number | null;
  tscOutput: string;
  /** whether dialogs/ was found from the compiled load.js before the build step copied it */
  dialogsResolvedWithoutCopy: boolean;
}

/** The environment of a started coach: no platform, Redis or test settings; its own data directory. */
function cleanEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(SLACK_|DISCORD_|REDIS_|COACH_|NODE_ENV$|npm_)/.test(k)) continue;
    env[k] = v;
  }
  env.COACH_DATA_DIR = dataDir;
  return env;
}

/** Compiles src/ and adapters/ into `<dir>/dist` and lays the directory out as described above. */
export function buildCompiled(dir: string): BuildReport {
  const t0 = performance.now();
  const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "bench/tsconfig.build.json"), "--outDir", join(dir, "dist")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const compileMs = performance.now() - t0;
  const main = join(dir, "dist/adapters/main.js");
  const dialogsResolvedWithoutCopy = existsSync(join(dir, "dist/dialogs/interview.yaml"));
  if (existsSync(main)) {
    if (!dialogsResolvedWithoutCopy) cpSync(join(ROOT, "dialogs"), join(dir, "dist/dialogs"), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: "module", scripts: { start: "node dist/adapters/main.js" } }, null, 2));
  }
  return {
    ok: existsSync(main),
    compileMs,
    tscStatus: tsc.status,
    tscOutput: `${tsc.stdout ?? ""}${tsc.stderr ?? ""}`.split("\n").filter((l) => l.trim() !== "" && !l.includes("nodedir")).slice(0, 8).join("\n"),
    dialogsResolvedWithoutCopy,
  };
}

/** The pids of `pid`'s descendants with their depth below it (1: a child), from /proc. */
function descendants(pid: number): { pid: number; depth: number }[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // the command name is in parentheses and may hold spaces: the fields after it are fixed
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while the list was read
    }
  }
  const out: { pid: number; depth: number }[] = [];
  const walk = (p: number, depth: number) => {
    for (const c of children.get(p) ?? []) {
      out.push({ pid: c, depth });
      walk(c, depth + 1);
    }
  };
  walk(pid, 1);
  return out;
}

/** The command line of a process, "" when it is gone. */
function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** VmRSS of a process in bytes, 0 when it is gone. */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Starts one variant, waits for `prompt` on stdout, reads the RSS of the process tree, then ends
 * the tree. The app's RSS is that of the deepest process whose command line names the entry script
 * (the node that runs the coach: npm, sh and tsx's launcher are its ancestors; a helper it starts,
 * such as esbuild's service, does not name the script).
 */
function startOnce(v: Variant, prompt: string, timeoutMs: number): Promise<{ ms: number; appRss: number; treeRss: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), "coach-bench-start-"));
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(v.command, v.args, { cwd: v.cwd, env: cleanEnv(dataDir), stdio: ["pipe", "pipe", "pipe"], detached: true });
    let out = "";
    let err = "";
    let finished = false;
    const end = (result: { ms: number; appRss: number; treeRss: number } | Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const group = child.pid;
      const cleanup = () => {
        rmSync(dataDir, { recursive: true, force: true });
        if (result instanceof Error) reject(result);
        else resolvePromise(result);
      };
      if (group === undefined || child.exitCode !== null || child.signalCode !== null) return cleanup();
      const force = setTimeout(() => {
        try {
          process.kill(-group, "SIGKILL");
        } catch {
          // already gone
        }
      }, 3000);
      child.once("exit", () => {
        clearTimeout(force);
        // let the grandchildren of the group finish exiting too
        setTimeout(cleanup, 50);
      });
      try {
        process.kill(-group, "SIGTERM");
      } catch {
        clearTimeout(force);
        cleanup();
      }
    };
    const timer = setTimeout(() => end(new Error(`${v.id}: no prompt after ${timeoutMs} ms; stdout: ${out.slice(0, 300)} stderr: ${err.slice(0, 500)}`)), timeoutMs);
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => (err += d));
    child.stdout.on("data", (d: string) => {
      out += d;
      if (finished || !out.includes(prompt)) return;
      const ms = performance.now() - t0;
      const tree = child.pid === undefined ? [] : [{ pid: child.pid, depth: 0 }, ...descendants(child.pid)].map((p) => ({ ...p, rss: rssOf(p.pid) }));
      const app = tree.filter((p) => cmdlineOf(p.pid).includes(v.entry)).reduce((best, p) => (p.depth > best.depth ? p : best), { pid: 0, depth: -1, rss: 0 });
      end({ ms, appRss: app.rss, treeRss: tree.reduce((a, p) => a + p.rss, 0) });
    });
    child.on("exit", (code, signal) => {
      if (!finished) end(new Error(`${v.id}: exited (${code ?? signal}) before the prompt; stdout: ${out.slice(0, 300)} stderr: ${err.slice(0, 800)}`));
    });
  });
}

/**
 * Builds the compiled variant, then starts every variant once to warm the caches (tsx's transform
 * cache, the page cache), then `runs` times each, interleaved. `prompt` is the text of the first
 * question, whose arrival on stdout ends the timing.
 */
export async function benchStartup(prompt: string, runs: number, progress: (line: string) => void): Promise<{ runs: Runs<StartFigure>; build: BuildReport; variants: StartVariant[] }> {
  const dir = mkdtempSync(join(tmpdir(), "coach-bench-dist-"));
  try {
    const build = buildCompiled(dir);
    progress(`  compiled in ${(build.compileMs / 1000).toFixed(1)} s (tsc status ${build.tscStatus}); dialogs/ found from dist without a copy: ${build.dialogsResolvedWithoutCopy ? "yes" : "no"}`);
    const variants: Variant[] = [
      { id: "npm-start-tsx", command: "npm", args: ["start"], cwd: ROOT, entry: "adapters/main.ts" },
      { id: "tsx-direct", command: join(ROOT, "node_modules/.bin/tsx"), args: ["adapters/main.ts"], cwd: ROOT, entry: "adapters/main.ts" },
    ];
    if (build.ok) {
      variants.push(
        { id: "npm-start-compiled", command: "npm", args: ["start"], cwd: dir, entry: "dist/adapters/main.js" },
        { id: "node-compiled", command: process.execPath, args: ["dist/adapters/main.js"], cwd: dir, entry: "dist/adapters/main.js" },
        { id: "node-compiled-terminal", command: process.execPath, args: ["dist/adapters/terminal/cli.js"], cwd: dir, entry: "dist/adapters/terminal/cli.js" },
      );
    }
    for (const v of variants) await startOnce(v, prompt, 60_000);
    const out = new Runs<StartFigure>();
    for (let r = 0; r < runs; r++) {
      const ms = new Map<StartVariant, number>();
      const order = variants.map((_, i) => variants[(i + r) % variants.length]!);
      for (const v of order) {
        const x = await startOnce(v, prompt, 60_000);
        out.add(`${v.id}.ms`, x.ms);
        out.add(`${v.id}.appRss`, x.appRss);
        out.add(`${v.id}.treeRss`, x.treeRss);
        ms.set(v.id, x.ms);
      }
      if (build.ok) {
        out.add("ratio.npm-start-tsx/npm-start-compiled", ms.get("npm-start-tsx")! / ms.get("npm-start-compiled")!);
        out.add("ratio.tsx-direct/node-compiled", ms.get("tsx-direct")! / ms.get("node-compiled")!);
      }
      progress(`  run ${r + 1}/${runs}: ${variants.map((v) => `${v.id} ${Math.round(ms.get(v.id)!)} ms`).join(", ")}`);
    }
    return { runs: out, build, variants: variants.map((v) => v.id) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
