/**
 * The expiry sweep as it is scheduled (src/store/expiry-schedule.ts), not called by hand: shortly
 * after start-up, then every day. It removes sessions untouched for longer than the expiry (by the
 * time of their last write, so a hand-edited `updatedAt` in the future does not keep one forever)
 * and the copies set aside from them; it leaves a stray file alone with one log line; and it runs
 * in the background: a person is answered while it works through thousands of sessions.
 */
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { createLogger } from "../../src/log.ts";
import { scheduleExpirySweeps } from "../../src/store/expiry-schedule.ts";
import { fileNameOf, LowdbStore } from "../../src/store/lowdb-store.ts";
import { content } from "../helpers/content.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";
import { seen } from "../helpers/transcript.ts";

const tempDir = tempDirs("coach-sweep-");
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-06-01T09:00:00Z");
const LONG_AGO = new Date("2026-01-01T09:00:00Z");

afterEach(() => {
  vi.useRealTimers();
});

/** A session file as the store writes it, last written at `at`. */
function sessionFile(dir: string, key: string, at: Date, state: Record<string, unknown> = {}): string {
  const path = join(dir, "sessions", fileNameOf(key));
  writeFileSync(path, JSON.stringify({ key, version: 1, revision: 3, state: { lang: "fr", pending: "time", answers: {}, updatedAt: at.toISOString(), ...state } }));
  utimesSync(path, at, at);
  return path;
}

describe("the scheduled expiry sweep", () => {
  it("runs shortly after start-up and then every day, removing what expired and nothing else", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "Date"] });
    vi.setSystemTime(NOW);
    const dir = tempDir();
    mkdirSync(join(dir, "sessions", "aside", fileNameOf("old-damaged")), { recursive: true });
    const logs: string[] = [];
    const log = createLogger((l) => logs.push(l));
    const store = new LowdbStore({ dir, log });
    const c = new Coordinator({ content: content(), store, log, now: () => new Date(Date.now()), expireAfterDays: 30 });

    sessionFile(dir, "slack:T1:OLD", LONG_AGO);
    sessionFile(dir, "slack:T1:RECENT", new Date(NOW.getTime() - 2 * DAY));
    // hand-edited to look fresh forever: its file says when it was really last written
    sessionFile(dir, "slack:T1:FUTURE", LONG_AGO, { updatedAt: "2099-01-01T00:00:00.000Z" });
    const copy = join(dir, "sessions", "aside", fileNameOf("old-damaged"), "damaged-2026-01-01T09-00-00-000Z.json");
    writeFileSync(copy, "{ not json");
    utimesSync(copy, LONG_AGO, LONG_AGO);
    for (const stray of ["notes-50%off.json", "notes.json"]) {
      writeFileSync(join(dir, "sessions", stray), "my own notes, not a session");
      utimesSync(join(dir, "sessions", stray), LONG_AGO, LONG_AGO);
    }

    const sweeps = scheduleExpirySweeps(() => c.sweepExpired(), { log, firstAfterMs: 2000, everyMs: DAY });
    try {
      await vi.advanceTimersByTimeAsync(1000);
      await sweeps.idle();
      expect(readdirSync(join(dir, "sessions")).filter((f) => f.endsWith(".json")).sort()).toHaveLength(5); // not yet

      await vi.advanceTimersByTimeAsync(1500);
      await sweeps.idle();
      const left = readdirSync(join(dir, "sessions")).filter((f) => f.endsWith(".json")).sort();
      expect(left).toEqual(["notes-50%off.json", "notes.json", fileNameOf("slack:T1:RECENT")].sort());
      expect(readdirSync(join(dir, "sessions", "aside"))).toEqual([]);
      expect(logs.filter((l) => l.includes("notes-50%off.json"))).toHaveLength(1);
      expect(logs.filter((l) => l.includes("notes.json"))).toHaveLength(1);
      expect(logs.join("\n")).toContain('"removed":2');

      // a day later: what has expired since goes too, the stray file is not mentioned again
      sessionFile(dir, "slack:T1:LATER", LONG_AGO);
      await vi.advanceTimersByTimeAsync(DAY);
      await sweeps.idle();
      expect(readdirSync(join(dir, "sessions")).filter((f) => f.endsWith(".json")).sort()).toEqual(["notes-50%off.json", "notes.json", fileNameOf("slack:T1:RECENT")].sort());
      expect(logs.filter((l) => l.includes("notes-50%off.json"))).toHaveLength(1);
    } finally {
      sweeps.stop();
    }
  });

  it("works in the background: a person is answered while it goes through 1,000 expired sessions", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "sessions"), { recursive: true });
    for (let i = 0; i < 1000; i++) sessionFile(dir, `slack:T1:GONE${i}`, LONG_AGO);
    const store = new LowdbStore({ dir });
    const c = new Coordinator({ content: content(), store, now: () => NOW, expireAfterDays: 30 });
    let sweepDone = false;
    const sweep = c.sweepExpired().then((n) => {
      sweepDone = true;
      return n;
    });
    await new Promise((resolve) => setTimeout(resolve, 20)); // the sweep is under way
    const answer = await c.handle("slack:T1:NEWCOMER", { kind: "open", locale: "fr" });
    expect(seen(answer)).toContain("(1/9)");
    expect(sweepDone).toBe(false);
    expect(await sweep).toBe(1000);
  }, 90_000);
});
