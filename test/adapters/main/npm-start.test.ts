/**
 * `npm start` as a user runs it (adapters/main.ts in its own process, in a fresh folder): nothing
 * configured opens the terminal chat; Slack settings in a .env file start the Slack adapter, which
 * answers through a local fake Slack and keeps the session in ./data; a refused token or an
 * unreachable Redis stop it with a message that names the variable and never prints a secret.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../slack/fake-slack-api.ts";
import { signature, slackEvent } from "../slack/fixtures.ts";
import { postsOf } from "../slack/slack-harness.ts";
import { fileNameOf } from "../../../src/store/lowdb-store.ts";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const MAIN = join(ROOT, "adapters", "main.ts");
// tsx's loader by path: the folder the coach runs in has no node_modules
const TSX = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

const BOT_TOKEN = "xoxb-5150-5150-npmstartSECRET";
const SIGNING_SECRET = "npmstartSECRET0123456789abcdef";

interface Coach {
  pid: number;
  output: () => string;
  /** resolves when the output matches */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  write(text: string): void;
  kill(signal: NodeJS.Signals): void;
}

const dirs: string[] = [];
function freshFolder(env?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "coach-start-"));
  dirs.push(dir);
  if (env !== undefined) writeFileSync(join(dir, ".env"), env);
  return dir;
}

/** Every coach started by this file: those still running when it ends are killed (a failed test leaves none behind). */
const running = new Set<ReturnType<typeof spawn>>();

/** Runs `npm start`'s entry point in `cwd` with only PATH from this environment (a temp HOME). */
function start(cwd: string, env: Record<string, string> = {}): Coach {
  const child = spawn(process.execPath, ["--import", TSX, MAIN], {
    cwd,
    env: { PATH: process.env["PATH"] ?? "", HOME: cwd, NODE_ENV: "production", ...env },
  });
  let out = "";
  const waiters: (() => void)[] = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiters]) w();
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return {
    pid: child.pid ?? -1,
    output: () => out,
    exited,
    write: (text) => child.stdin.write(text),
    kill: (signal) => child.kill(signal),
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (!m) return;
          waiters.splice(waiters.indexOf(check), 1);
          resolve(m);
        };
        waiters.push(check);
        check();
        void exited.then(() => reject(new Error(`the coach exited before printing ${pattern}; it printed:\n${out}`)));
      }),
  };
}

let api: FakeSlackApi;
beforeAll(async () => {
  api = await FakeSlackApi.start();
});
afterAll(async () => {
  for (const child of running) child.kill("SIGKILL");
  await api.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("npm start", () => {
  it("with nothing configured, opens the coaching chat in the terminal and keeps the session in ./data", async () => {
    const dir = freshFolder();
    const coach = start(dir);
    await coach.waitFor(/\(1\/9\) D'abord, votre entreprise/);
    coach.write("boulangerie\n");
    await coach.waitFor(/\(2\/9\) Qui sont vos clients/);
    coach.kill("SIGTERM");
    await coach.exited;
    expect(readdirSync(join(dir, "data", "sessions"))).toHaveLength(1);
  });

  it("with Slack settings in .env, starts the Slack adapter instead: a DM gets the first question, the session is in ./data", async () => {
    const dir = freshFolder(
      [`SLACK_BOT_TOKEN=${BOT_TOKEN}`, `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`, "SLACK_PORT=0", `SLACK_API_URL=${api.apiUrl}`, ""].join("\n"),
    );
    const coach = start(dir);
    const [, port] = await coach.waitFor(/listening for HTTP requests.*"port":(\d+)/);
    await coach.waitFor(/adapter started/);
    expect(coach.output()).not.toContain("(1/9)"); // no terminal chat

    const request = slackEvent({ type: "message", channelType: "im", user: "UNPM", text: "bonjour" });
    const ts = Math.floor(Date.now() / 1000);
    const before = api.calls.length;
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      headers: { "content-type": request.contentType, "x-slack-request-timestamp": String(ts), "x-slack-signature": signature(SIGNING_SECRET, ts, request.body) },
      body: request.body,
    });
    expect(res.status).toBe(200);
    await waitUntil(() => postsOf(api.calls.slice(before)).length > 0);
    expect(postsOf(api.calls.slice(before))[0]!.text).toContain("(1/9)");

    coach.kill("SIGTERM");
    expect(await coach.exited).toBe(0);
    expect(readdirSync(join(dir, "data", "sessions"))).toEqual(["slack%3AT1%3AUNPM.json"]);
    expect(coach.output()).not.toContain("npmstartSECRET");
  });

  it("stops with a message naming SLACK_BOT_TOKEN when Slack refuses it, and prints no secret", async () => {
    api.failing.set("auth.test", "invalid_auth");
    try {
      const dir = freshFolder([`SLACK_BOT_TOKEN=${BOT_TOKEN}`, `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`, "SLACK_PORT=0", `SLACK_API_URL=${api.apiUrl}`].join("\n"));
      const coach = start(dir);
      expect(await coach.exited).toBe(1);
      expect(coach.output()).toContain("SLACK_BOT_TOKEN");
      expect(coach.output()).not.toContain("npmstartSECRET");
    } finally {
      api.failing.delete("auth.test");
    }
  });

  it("stops with a clear message when Redis cannot be reached, and never prints the password in REDIS_URL", async () => {
    const dir = freshFolder();
    const coach = start(dir, {
      SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_PORT: "0", SLACK_API_URL: api.apiUrl,
      REDIS_URL: "redis://coach:hunter2npmstartSECRET@127.0.0.1:1",
    });
    const code = await coach.exited;
    expect(code).not.toBe(0);
    expect(coach.output()).toMatch(/Cannot reach Redis at 127\.0\.0\.1:1/);
    expect(coach.output()).not.toContain("hunter2");
    expect(coach.output()).not.toContain("npmstartSECRET");
  });
});

describe("npm start, with sessions already stored", () => {
  const slackEnv = () => [`SLACK_BOT_TOKEN=${BOT_TOKEN}`, `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`, "SLACK_PORT=0", `SLACK_API_URL=${api.apiUrl}`, ""].join("\n");

  it("starts the platforms first, then sweeps expired sessions in the background, leaving stray files alone", async () => {
    const dir = freshFolder(slackEnv());
    const sessions = join(dir, "data", "sessions");
    mkdirSync(sessions, { recursive: true });
    const longAgo = new Date(Date.now() - 90 * 24 * 60 * 60 * 1000);
    for (const user of ["UOLD1", "UOLD2"]) {
      const key = `slack:T1:${user}`;
      const path = join(sessions, fileNameOf(key));
      writeFileSync(path, JSON.stringify({ key, version: 1, revision: 1, state: {} }));
      utimesSync(path, longAgo, longAgo);
    }
    writeFileSync(join(sessions, "notes-50%off.json"), "not a session");
    const coach = start(dir);
    await coach.waitFor(/expired sessions removed.*"removed":2/);
    const out = coach.output();
    expect(out.indexOf("adapter started")).toBeGreaterThanOrEqual(0);
    expect(out.indexOf("adapter started")).toBeLessThan(out.indexOf("expired sessions removed"));
    expect(out).toContain("notes-50%off.json");
    expect(readdirSync(sessions).filter((f) => f.endsWith(".json"))).toEqual(["notes-50%off.json"]);
    coach.kill("SIGTERM");
    expect(await coach.exited).toBe(0);
  });

  it("refuses a second coach on the same data folder, naming the folder and the process that holds it", async () => {
    const dir = freshFolder(slackEnv());
    const first = start(dir);
    await first.waitFor(/adapter started/);
    const second = start(dir);
    expect(await second.exited).toBe(1);
    const said = second.output().trim();
    expect(said).toContain(`The data folder ${join(dir, "data")} is in use by another coach process (pid ${first.pid}`);
    expect(said).toContain("REDIS_URL");
    expect(said).not.toMatch(/\n\s+at /); // one line, no stack trace
    first.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    // once the first has stopped, the folder is free again
    expect(existsSync(join(dir, "data", "coach.lock"))).toBe(false);
  });

  // root writes anywhere: a read-only folder can only be shown to another user
  it.skipIf(process.getuid?.() === 0)("says in one line when the data folder is read-only", async () => {
    const dir = freshFolder();
    const data = join(dir, "read-only");
    mkdirSync(data);
    chmodSync(data, 0o555);
    const coach = start(dir, { COACH_DATA_DIR: data });
    expect(await coach.exited).toBe(1);
    expect(coach.output().trim()).toBe(`Cannot use the data folder ${data}: permission denied. Give the coach a folder it can write (COACH_DATA_DIR, or --db in the terminal), or keep sessions in Redis (REDIS_URL).`);
    chmodSync(data, 0o755);
  });

  it("says in one line, without a stack trace, when the data folder cannot be used", async () => {
    const dir = freshFolder();
    writeFileSync(join(dir, "not-a-folder"), "");
    const coach = start(dir, { COACH_DATA_DIR: join(dir, "not-a-folder", "data") });
    expect(await coach.exited).toBe(1);
    const said = coach.output().trim();
    expect(said).toBe(`Cannot use the data folder ${join(dir, "not-a-folder", "data")}: a file of that name is in the way. Give the coach a folder it can write (COACH_DATA_DIR, or --db in the terminal), or keep sessions in Redis (REDIS_URL).`);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}
