/**
 * The environment of a coach process started by a test: nothing from the developer's own
 * environment but PATH, a home and a data folder of its own (fresh temp folders, removed when the
 * test process exits), so that no test ever reads or writes the user's ./data, home or settings.
 *
 * @example spawn(process.execPath, args, { cwd: ROOT, env: hermeticEnv({ NODE_ENV: "production" }) })
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];
process.once("exit", () => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh temp folder, removed when the test process exits. */
export function scratchDir(prefix = "coach-env-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * PATH, a temp HOME, a temp COACH_DATA_DIR and NODE_ENV=production, then `extra` (which may
 * override any of them).
 */
export function hermeticEnv(extra: Record<string, string> = {}): Record<string, string> {
  const root = scratchDir();
  return { PATH: process.env["PATH"] ?? "/usr/bin:/bin", HOME: root, COACH_DATA_DIR: join(root, "data"), NODE_ENV: "production", ...extra };
}
