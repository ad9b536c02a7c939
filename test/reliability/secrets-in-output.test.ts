import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hermeticEnv, scratchDir } from "../helpers/hermetic-env.ts";
import { redisUnavailable, startRedis, type RunningRedis } from "../helpers/redis-server.ts";

const ROOT = join(import.meta.dirname, "..", "..");
// tsx's loader by path: the folder the coach runs in has no node_modules
const TSX = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

/**
 * Runs `npm start`'s entry point with the given environment, in a folder of its own (so that no
 * .env of the developer's is read); returns everything it printed.
 */
function start(env: Record<string, string>, entry = join(ROOT, "adapters", "main.ts"), args: string[] = []): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", TSX, entry, ...args], {
      cwd: scratchDir(),
      env: { ...hermeticEnv(), ...env },
      // never left running by a failed test
      timeout: 60_000,
      killSignal: "SIGKILL",
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ output, code }));
    child.stdin.end();
  });
}

describe("secrets", () => {
  it("are never printed: malformed settings are named, their values are not", async () => {
    const secrets = {
      SLACK_BOT_TOKEN: "xoxp-WRONG-KIND-4242424242-ZQXV",
      SLACK_SIGNING_SECRET: "signing+secret+with+symbols!ZQXV",
      DISCORD_TOKEN: "not-a-token-ZQXV",
      DISCORD_APP_ID: "app-id-ZQXV",
      REDIS_URL: "http://admin:hunter2ZQXV@db.internal:6379",
    };
    const { output, code } = await start(secrets);
    expect(code).toBe(2);
    for (const name of Object.keys(secrets)) expect(output).toContain(name);
    for (const value of Object.values(secrets)) expect(output).not.toContain(value);
    expect(output).not.toContain("ZQXV");
    expect(output).not.toContain("hunter2");
  }, 90_000);

  it("are never printed when well-formed tokens are refused before anything connects", async () => {
    const secrets = {
      SLACK_BOT_TOKEN: "xoxb-1111-2222-wellformedSECRET",
      SLACK_APP_TOKEN: "xapp-1-A111-2222-wellformedSECRET",
      DISCORD_TOKEN: "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.wellformedSECRETwellformedSECRET00",
      DISCORD_APP_ID: "not-digits",
    };
    const { output, code } = await start(secrets);
    expect(code).toBe(2);
    expect(output).toContain("DISCORD_APP_ID");
    expect(output).not.toContain("wellformedSECRET");
  }, 90_000);
});

/** A password that must never be printed, on any start-up path. */
const PASSWORD = "pw-ZQXV-5e6f7a8b";

describe("the credentials of every URL setting", () => {
  const skipRedis = redisUnavailable();
  let guarded: RunningRedis | undefined;
  beforeAll(async () => {
    if (!skipRedis) guarded = await startRedis({ password: "the-right-one-0000" });
  });
  afterAll(async () => {
    await guarded?.stop();
  });

  it("are never printed, whichever way the coach is started and whatever goes wrong", async () => {
    const slack = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "abcdef0123456789abcdef", SLACK_PORT: "0" };
    const discord = { DISCORD_TOKEN: "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.abcdefabcdefabcdefabcdefabcdef00", DISCORD_APP_ID: "123456789012345678" };
    const cli = join(ROOT, "adapters", "terminal", "cli.ts");
    const shards = join(ROOT, "adapters", "discord", "shards.ts");
    const paths: [string, () => Promise<{ output: string; code: number | null }>, RegExp][] = [
      // no platform: the terminal chat; a URL no client can use
      ["npm start, a malformed REDIS_URL", () => start({ REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:99999` }), /REDIS_URL: is not a valid URL/],
      ["npm start, Redis unreachable", () => start({ REDIS_URL: `redis://coach:${PASSWORD}@127.0.0.1:1` }), /Cannot reach Redis at 127\.0\.0\.1:1/],
      ["npm run coach, Redis unreachable", () => start({ REDIS_URL: `redis://coach:${PASSWORD}@127.0.0.1:1` }, cli, ["--json"]), /Cannot reach Redis at 127\.0\.0\.1:1/],
      ["npm start with Slack, Redis unreachable", () => start({ ...slack, REDIS_URL: `redis://coach:${PASSWORD}@127.0.0.1:1` }), /Cannot reach Redis/],
      ["npm start, Slack's API URL with a password", () => start({ ...slack, SLACK_API_URL: `http://slackuser:${PASSWORD}@127.0.0.1:1/api/` }), /SLACK_API_URL: must not hold a user name or password/],
      ["npm start, Discord's API URL with a password, unreachable", () => start({ ...discord, DISCORD_API_URL: `http://discorduser:${PASSWORD}@127.0.0.1:1/api` }), /discord/],
      ["npm run discord:shards, Discord's API URL with a password", () => start({ ...discord, DISCORD_API_URL: `http://discorduser:${PASSWORD}@127.0.0.1:1/api`, REDIS_URL: `redis://:${PASSWORD}@127.0.0.1:1` }, shards), /./],
    ];
    if (guarded) {
      const wrong = guarded.url.replace("redis://", `redis://:${PASSWORD}@`);
      paths.push(["npm start, Redis refuses the password", () => start({ REDIS_URL: wrong }), /Cannot reach Redis at 127\.0\.0\.1:\d+ \(WRONGPASS/]);
      paths.push(["npm start with Slack, Redis refuses the password", () => start({ ...slack, REDIS_URL: wrong }), /WRONGPASS/]);
    }
    // three at a time: each is a whole coach process starting
    const results = new Map<string, { output: string; code: number | null }>();
    const queue = [...paths];
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) results.set(next[0], await next[1]());
      }),
    );
    for (const [what, , says] of paths) {
      const { output, code } = results.get(what)!;
      expect(code, `${what}:\n${output}`).not.toBe(0);
      expect(output, what).toMatch(says);
      expect(output, what).not.toContain(PASSWORD);
      expect(output, what).not.toContain("ZQXV");
      expect(output, what).not.toMatch(/\n\s+at /); // a clear line, not a stack trace
    }
  }, 180_000);
});
