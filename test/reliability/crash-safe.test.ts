import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileNameOf } from "../../src/store/lowdb-store.ts";
import { hermeticEnv } from "../helpers/hermetic-env.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";
import { faultKill } from "./fault-kill.ts";

const tempDir = tempDirs("coach-crash-");
const ROOT = join(import.meta.dirname, "..", "..");

describe("crash safety", () => {
  it("after SIGKILLs at random moments, the store parses, no answered question is lost, sessions resume where they were", async () => {
    const r = await faultKill(6, 7);
    expect(r).toMatchObject({ kills: 6, unparsableStores: 0, lostAnswers: 0, wrongResumes: 0, damagedCopies: 0 });
    expect(r.restarts).toBeGreaterThanOrEqual(6);
  }, 90_000);
});

describe("a process killed half-way through writing a session", () => {
  it("leaves the file as it was before that write, never half of the new one", async () => {
    const dir = tempDir();
    const tsx = join(ROOT, "node_modules", "tsx", "dist", "loader.mjs");
    const { signal, stdout } = await new Promise<{ signal: NodeJS.Signals | null; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", tsx, join(ROOT, "test", "reliability", "write-crash-child.ts"), dir], { cwd: ROOT, env: hermeticEnv(), timeout: 60_000, killSignal: "SIGKILL" });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.on("exit", (_code, sig) => resolve({ signal: sig, stdout: out }));
    });
    // the child really died in the middle of the write
    expect(stdout).not.toContain("not killed");
    expect(signal).toBe("SIGKILL");
    const file = JSON.parse(readFileSync(join(dir, "sessions", fileNameOf("terminal:local:kim")), "utf8")) as { state: { answer: string } };
    expect(file.state.answer).toBe("version 1");
  }, 90_000);
});
