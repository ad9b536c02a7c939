/**
 * `npm run insights` as an operator starts it: one line on stdout with the link and its token (the
 * only place the token is ever printed), the page refusing a request without it, the data folder
 * left as it was found (the page only reads), and a wrong setting named without its value.
 */
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { hermeticEnv, scratchDir } from "../helpers/hermetic-env.ts";

const execFileAsync = promisify(execFile);
const ROOT = join(import.meta.dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const MAIN = join(ROOT, "adapters", "insights", "main.ts");

describe("npm run insights", () => {
  // the two processes start side by side
  it.concurrent("prints the link with a random token once, refuses without it, and leaves the data folder untouched", async () => {
    const cwd = scratchDir("coach-insights-main-");
    const env = hermeticEnv({ COACH_INSIGHTS_PORT: "0", COACH_INBOX_DIR: join(cwd, "inbox") });
    const child = spawn(TSX, [MAIN], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no link printed: ${err}`)), 60_000);
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes("\n")) {
          clearTimeout(timer);
          resolve(out.split("\n")[0]!);
        }
      });
    });
    try {
      const m = /^Insights page: (http:\/\/127\.0\.0\.1:\d+\/)\?token=([A-Za-z0-9_-]{40,})$/.exec(line);
      expect(m, line).not.toBeNull();
      const [, url, token] = m!;
      expect((await fetch(url!)).status).toBe(401);
      const first = await fetch(`${url}?token=${token}`, { redirect: "manual" });
      expect(first.status).toBe(303);
      const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
      const page = await fetch(url!, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("data-testid=\"funnel-started\"");
      expect(err).not.toContain(token!);
      expect(existsSync(join(env["COACH_DATA_DIR"]!, "insights"))).toBe(false);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    expect(out.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it.concurrent("names a wrong setting, never its value, and stops", async () => {
    const run = await execFileAsync(TSX, [MAIN], { cwd: scratchDir(), env: hermeticEnv({ COACH_INSIGHTS_PORT: "99999", COACH_INSIGHTS_TOKEN: "short-secret-value" }), encoding: "utf8", timeout: 60_000 }).then(
      () => ({ status: 0, stdout: "", stderr: "" }),
      (e: { code: number; stdout: string; stderr: string }) => ({ status: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("COACH_INSIGHTS_PORT");
    expect(run.stderr).toContain("COACH_INSIGHTS_TOKEN");
    expect(run.stderr).not.toContain("short-secret-value");
    expect(run.stdout).toBe("");
  });
});
