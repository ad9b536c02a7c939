/**
 * Disk errors are not damaged sessions. A session file that cannot be read or written because the
 * disk refuses (too many open files, permission, I/O error, full disk, a name too long) fails that
 * turn with "I can't reach my memory right now", leaves the file as it was (nothing set aside),
 * and the person goes on once it clears. Only a file that is not a session is set aside, and the
 * person is told what really happened.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { STATE_VERSION } from "../../src/engine/state.ts";
import { createLogger } from "../../src/log.ts";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { nodeFileOps, SessionFile, type FileOps } from "../../src/store/session-file.ts";
import { putDocument } from "../../src/store/session-store.ts";
import { runCoach } from "../helpers/cli-process.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { hermeticEnv } from "../helpers/hermetic-env.ts";
import { aboutBusiness, open, say } from "../helpers/inputs.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";
import { seen } from "../helpers/transcript.ts";

const tempDir = tempDirs("coach-disk-");
const ROOT = join(import.meta.dirname, "..", "..");
const UNAVAILABLE_FR = "Je n'arrive pas à joindre ma mémoire pour l'instant";

function systemError(code: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`${code}: simulated by the test`);
  err.code = code;
  return err;
}

/** Node's file operations, with reads or writes failing with `code` while the test says so. */
function faultyDisk(): { io: FileOps; failReads: string | null; failWrites: string | null } {
  const disk = {
    failReads: null as string | null,
    failWrites: null as string | null,
    io: {
      ...nodeFileOps,
      readFile: async (path: string, encoding: "utf8") => {
        if (disk.failReads) throw systemError(disk.failReads);
        return nodeFileOps.readFile(path, encoding);
      },
      open: async (path: string, flags: string) => {
        if (disk.failWrites) throw systemError(disk.failWrites);
        return nodeFileOps.open(path, flags);
      },
    },
  };
  return disk;
}

describe("a disk that refuses", () => {
  for (const [code, when] of [["EMFILE", "read"], ["EACCES", "read"], ["EIO", "read"], ["ENAMETOOLONG", "read"], ["ENOSPC", "write"], ["EIO", "write"]] as const) {
    it(`(${code} on ${when}) fails the turn with a clear message, keeps the file untouched, and the user goes on once it clears`, async () => {
      const dir = tempDir();
      const disk = faultyDisk();
      const logs: string[] = [];
      const store = new LowdbStore({ dir, io: disk.io });
      const c = new Coordinator({ content: content(), store, log: createLogger((l) => logs.push(l)), now: () => new Date(FIXED_NOW) });
      await c.handle("u", open());
      for (const input of aboutBusiness()) await c.handle("u", input);
      await c.handle("u", say("je veux plus de clients"));
      const before = readFileSync(store.pathOf("u"), "utf8");

      if (when === "read") disk.failReads = code;
      else disk.failWrites = code;
      const refused = await c.handle("u", say("10 heures par mois"));
      expect(seen(refused)).toContain(UNAVAILABLE_FR);
      expect(seen(refused)).toContain("Réessayez dans une minute");
      expect(seen(refused)).not.toMatch(/\bat \S+ \(|Error:/); // no stack trace, no error text
      expect(readFileSync(store.pathOf("u"), "utf8")).toBe(before);
      expect(existsSync(store.asideDirOf("u"))).toBe(false);
      expect(logs.join("\n")).toContain(code);

      disk.failReads = null;
      disk.failWrites = null;
      const after = await c.handle("u", say("10 heures par mois"));
      expect(seen(after)).toContain("C'est noté : 10 h par mois");
      expect(after.step).toBe("budget");
      expect((await c.handle("u", say("200 $"))).step).toBe("skills");
    });
  }

  it("with too few file descriptors (a real EMFILE, ulimit -n), sets no healthy session aside", async () => {
    const dir = tempDir();
    const script = join(ROOT, "test", "reliability", "fd-exhaustion-child.ts");
    const tsx = join(ROOT, "node_modules", "tsx", "dist", "loader.mjs");
    const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | null }>((resolve) => {
      const child = spawn("sh", ["-c", `ulimit -n 256 && exec "${process.execPath}" --import "${tsx}" "${script}" "${dir}"`], { cwd: ROOT, env: hermeticEnv(), timeout: 60_000, killSignal: "SIGKILL" });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      child.on("exit", (c) => resolve({ stdout: out, stderr: err, code: c }));
    });
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as { users: number; refusedWhileExhausted: number; stepsWhileExhausted: string[]; stepsAfter: (string | null)[]; asideCopies: number };
    // every turn run without a descriptor to spare was refused with the message, none set aside
    expect(report.refusedWhileExhausted).toBe(report.users);
    expect(report.asideCopies).toBe(0);
    // once descriptors are back, every user goes on from where they were
    expect(report.stepsAfter).toEqual(Array.from({ length: report.users }, () => "budget"));
    expect(readdirSync(join(dir, "sessions")).filter((f) => f.endsWith(".json"))).toHaveLength(report.users);
  }, 90_000);
});

describe("a session file that is not a session", () => {
  it("is set aside and the user is told it was damaged (not that the questions changed)", async () => {
    const dir = tempDir();
    const store = new LowdbStore({ dir, now: () => new Date(FIXED_NOW) });
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    await c.handle("u", open());
    writeFileSync(store.pathOf("u"), '{"version": 1, "state": {"lang": "fr", "pend');
    const out = await c.handle("u", say("bonjour"));
    expect(seen(out)).toContain("Votre conversation enregistrée était endommagée");
    expect(seen(out)).not.toContain("elles ont changé depuis");
    expect(readdirSync(store.asideDirOf("u"))).toEqual(["damaged-2026-11-21T10-00-00-000Z.json"]);
  });

  it("is set aside when it is JSON but not a session, with the same honest message", async () => {
    const dir = tempDir();
    const store = new LowdbStore({ dir, now: () => new Date(FIXED_NOW) });
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    await putDocument(store, "u", { version: STATE_VERSION, state: { lang: "fr", mode: 42 } });
    const out = await c.handle("u", open());
    expect(seen(out)).toContain("Votre conversation enregistrée était endommagée");
    expect(readdirSync(store.asideDirOf("u"))).toEqual(["invalid-2026-11-21T10-00-00-000Z.json"]);
  });

  it("written by a newer coach says so", async () => {
    const dir = tempDir();
    const store = new LowdbStore({ dir, now: () => new Date(FIXED_NOW) });
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    await putDocument(store, "u", { version: 99, state: {} });
    const out = await c.handle("u", open());
    expect(seen(out)).toContain("enregistrée par une version plus récente du coach");
  });
});

describe("writes", () => {
  it("use a temp file of their own: 40 writers of one file at once all succeed and leave one parsable file", async () => {
    const dir = tempDir();
    const path = join(dir, "one.json");
    const writers = Array.from({ length: 40 }, () => new SessionFile<{ n: number; pad: string }>(path));
    await Promise.all(writers.map((w, n) => w.write({ n, pad: "x".repeat(20_000) })));
    const last = JSON.parse(readFileSync(path, "utf8")) as { n: number };
    expect(last.n).toBeGreaterThanOrEqual(0);
    expect(readdirSync(dir)).toEqual(["one.json"]); // no temp file left behind
  });
});

describe("a very long user name (a --user of 300 characters)", () => {
  it("is kept in a file whose name fits the file system, and the interview goes on", async () => {
    const db = tempDir();
    const user = "é".repeat(150) + "x".repeat(150);
    const { stdout, code, stderr } = await runCoach(["--json", "--db", db, "--user", user], "boulangerie\ndes gens du coin\ntous les âges\nje veux plus de clients\n10 h\n");
    expect(code, stderr).toBe(0);
    const steps = stdout.trim().split("\n").map((l) => (JSON.parse(l) as { step: string | null }).step);
    expect(steps).toEqual(["trade", "customers", "age", "goal", "time", "budget"]);
    const [file] = readdirSync(join(db, "sessions")).filter((f) => f.endsWith(".json"));
    expect(Buffer.byteLength(file!)).toBeLessThanOrEqual(200);
    // and it is the same session when the user comes back
    const again = await runCoach(["--json", "--db", db, "--user", user], "");
    expect((JSON.parse(again.stdout.trim()) as { step: string }).step).toBe("budget");
  }, 90_000);
});
