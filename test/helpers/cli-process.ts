/**
 * Drives the real terminal test mode (`npm run coach -- --json`) as a child process: lines in on
 * stdin, one JSON object per line out.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import { hermeticEnv } from "./hermetic-env.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "adapters", "terminal", "cli.ts");
/**
 * One node process with tsx's loader: the `tsx` command would start a second, inner process, and a
 * SIGKILL sent to the outer one would leave the inner one running.
 */
const NODE_ARGS = ["--import", "tsx", CLI];

export interface CoachProcess {
  child: ChildProcessWithoutNullStreams;
  /** resolves with the next JSON line the coach writes */
  next(): Promise<Record<string, unknown>>;
  send(line: string): void;
  /** every line written so far */
  lines: Record<string, unknown>[];
  exited: Promise<number | null>;
}

/**
 * Starts the terminal test mode with `args`, in an environment of its own (hermetic-env.ts: its own
 * home and data folder, nothing of the developer's), plus `env`.
 */
export function startCoach(args: string[], env: Record<string, string> = {}): CoachProcess {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, env: hermeticEnv(env) });
  const lines: Record<string, unknown>[] = [];
  const waiters: ((v: Record<string, unknown>) => void)[] = [];
  let consumed = 0;
  let buffer = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buffer += chunk;
    let i: number;
    while ((i = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      if (line.trim() === "") continue;
      lines.push(JSON.parse(line) as Record<string, unknown>);
      const w = waiters.shift();
      if (w) w(lines[consumed++]!);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    send: (line) => child.stdin.write(line + "\n"),
    next: () =>
      new Promise((resolve, reject) => {
        if (consumed < lines.length) return resolve(lines[consumed++]!);
        waiters.push(resolve);
        void exited.then(() => reject(new Error("the coach process exited before answering")));
      }),
  };
}

/**
 * Runs the CLI to completion with the given stdin, in an environment of its own (see startCoach);
 * returns stdout, stderr and the exit code.
 */
export function runCoach(args: string[], stdin = "", env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    // never left running by a failed test
    const child = spawn(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, env: hermeticEnv(env), timeout: 60_000, killSignal: "SIGKILL" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(stdin);
  });
}
