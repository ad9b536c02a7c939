/**
 * `npm run fault:kill [-- --kills 200 --seed 1]`: drives the real terminal test mode, kills it with
 * SIGKILL at random moments, restarts it, and checks after every kill that the session file parses,
 * that no answered question is lost, and that the session resumes where it was. Prints the figures.
 */
import { existsSync, readFileSync, readdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SessionState } from "../../src/engine/state.ts";
import { fileNameOf } from "../../src/store/lowdb-store.ts";
import { sessionKey } from "../../src/store/session-store.ts";
import { startCoach } from "../helpers/cli-process.ts";

const STEPS = ["goal", "time", "budget", "skills", "owner"];
const ANSWERS = ["2", "10 h", "200 $", "1", "3"];
const EXPECTED = [
  { type: "choice", id: "sales" },
  { type: "hours", hoursPerMonth: 10, given: { amount: 10, per: "month" } },
  { type: "money", amountPerMonth: 200, currency: "$" },
  { type: "choice", id: "none" },
  { type: "choice", id: "intern" },
];

/** A small seeded generator, so that a failing run can be replayed with the same --seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export interface FaultReport {
  kills: number;
  restarts: number;
  interviewsCompleted: number;
  unparsableStores: number;
  lostAnswers: number;
  wrongResumes: number;
  damagedCopies: number;
  seconds: number;
}

export async function faultKill(kills: number, seed: number): Promise<FaultReport> {
  const random = rng(seed);
  const dir = mkdtempSync(join(tmpdir(), "coach-fault-"));
  const report: FaultReport = { kills: 0, restarts: 0, interviewsCompleted: 0, unparsableStores: 0, lostAnswers: 0, wrongResumes: 0, damagedCopies: 0, seconds: 0 };
  const started = Date.now();
  let user = 0;
  let acked = 0; // answers of the current user whose reply came back: they must be stored
  try {
    while (report.kills < kills) {
      const coach = startCoach(["--json", "--db", dir, "--user", `u${user}`]);
      report.restarts++;
      const opening = (await coach.next()) as { step: string | null; replies: { text: string }[] };
      const file = join(dir, "sessions", fileNameOf(sessionKey("terminal", "local", `u${user}`)));
      if (acked > 0) {
        // the store parses, keeps every acknowledged answer, and the coach resumes at the first unanswered question
        let state: SessionState | null = null;
        try {
          state = SessionState.parse((JSON.parse(readFileSync(file, "utf8")) as { state: unknown }).state);
        } catch {
          report.unparsableStores++;
        }
        if (state) {
          for (let k = 0; k < acked; k++) if (JSON.stringify(state.answers[STEPS[k]!]) !== JSON.stringify(EXPECTED[k])) report.lostAnswers++;
          const firstUnanswered = STEPS.find((s) => state!.answers[s] === undefined) ?? null;
          const resumedText = opening.replies.some((r) => /On reprend là où on s'était arrêtés|Votre plan est prêt/.test(r.text));
          if (opening.step !== firstUnanswered || !resumedText) report.wrongResumes++;
        }
      }
      let index = opening.step === null ? STEPS.length : STEPS.indexOf(opening.step);
      if (index === STEPS.length) {
        report.interviewsCompleted++;
        user++;
        acked = 0;
        coach.child.kill("SIGKILL");
        await coach.exited;
        continue;
      }
      acked = index;
      // answer on, and kill at a random moment: sometimes mid-turn, sometimes between turns
      const killAfterMs = random() * 12;
      const timer = setTimeout(() => coach.child.kill("SIGKILL"), killAfterMs);
      try {
        while (index < STEPS.length) {
          coach.send(ANSWERS[index]!);
          const line = (await coach.next()) as { step: string | null };
          index = line.step === null ? STEPS.length : STEPS.indexOf(line.step);
          acked = index;
        }
      } catch {
        // the process was killed before it answered: expected
      }
      clearTimeout(timer);
      coach.child.kill("SIGKILL");
      await coach.exited;
      report.kills++;
      if (acked === STEPS.length) {
        report.interviewsCompleted++;
        user++;
        acked = 0;
      }
    }
    const aside = join(dir, "sessions", "aside");
    report.damagedCopies = existsSync(aside) ? readdirSync(aside, { recursive: true }).filter((f) => String(f).includes("damaged-")).length : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { kills: { type: "string", default: "200" }, seed: { type: "string", default: "1" } } });
  const r = await faultKill(Number(values.kills), Number(values.seed));
  console.log(JSON.stringify(r, null, 2));
  process.exit(r.unparsableStores + r.lostAnswers + r.wrongResumes + r.damagedCopies === 0 ? 0 : 1);
}
