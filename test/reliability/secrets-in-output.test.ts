import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { hermeticEnv, scratchDir } from "../helpers/hermetic-env.ts";

const ROOT = join(import.meta.dirname, "..", "..");
// tsx's loader by path: the folder the coach runs in has no node_modules
const TSX = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;

/**
 * Runs `npm start`'s entry point with the given environment, in a folder of its own (so that no
 * .env of the developer's is read); returns everything it printed.
 */
function start(env: Record<string, string>): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", TSX, join(ROOT, "adapters", "main.ts")], {
      cwd: scratchDir(),
      env: { ...hermeticEnv(), ...env },
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
  }, 30_000);

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
  }, 30_000);
});
