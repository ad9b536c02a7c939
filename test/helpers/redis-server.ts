/**
 * Starts a throw-away redis-server on a free port of 127.0.0.1 for a test file. When the binary is
 * missing, tests that need it are skipped with the reason, except under CI=true, where that is a
 * failure (.ci/run installs Debian's redis-server).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export const REDIS_BINARY = "redis-server";

/** Why Redis tests cannot run here, or null when they can. */
export function redisUnavailable(): string | null {
  const probe = spawnSync(REDIS_BINARY, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    const why = `${REDIS_BINARY} not found on PATH (install it: apt-get install redis-server)`;
    if (process.env["CI"] === "true") throw new Error(`Redis tests cannot be skipped in CI: ${why}`);
    return why;
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface RedisOptions {
  /** the port (to start a stopped server again where its clients expect it); a free one by default */
  port?: number;
  /**
   * keep the data in an append-only file in this folder, synced on every write, so that a server
   * stopped and started again on the same folder has every acknowledged write; none by default
   */
  dir?: string;
  /** the password clients must give (requirepass) */
  password?: string;
}

export async function startRedis(o: RedisOptions = {}): Promise<RunningRedis> {
  const port = o.port ?? (await freePort());
  const persistence = o.dir === undefined ? ["--appendonly", "no"] : ["--dir", o.dir, "--appendonly", "yes", "--appendfsync", "always"];
  const auth = o.password === undefined ? [] : ["--requirepass", o.password];
  const child: ChildProcess = spawn(REDIS_BINARY, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", ...persistence, ...auth], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
