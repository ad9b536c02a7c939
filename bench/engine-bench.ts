/**
 * Sections 1 and 3: the full interview in memory, through the pure `step`, through the coordinator
 * on MemoryStore, and through the same interview written with botbuilder-dialogs, interleaved run by
 * run so that the ratios compare runs made under the same conditions.
 */
import type { Content } from "../src/content/compile.ts";
import type { Lang } from "../src/content/schema.ts";
import { Coordinator } from "../src/coordinator.ts";
import type { SessionState } from "../src/engine/state.ts";
import { step } from "../src/engine/step.ts";
import { MemoryStore } from "../src/store/memory-store.ts";
import { createBotbuilderInterview, type Recognizers } from "./botbuilder-interview.ts";
import { INTERVIEW, INTERVIEW_TEXTS } from "./interview-script.ts";
import { Runs } from "./stats.ts";
import { timeAsyncTurns, timeSyncTurns, type TurnRun } from "./turn-timer.ts";

/** The figures of sections 1 and 3, each over the runs. */
export type EngineFigure =
  | "step.turnsPerSec" | "step.p50" | "step.p99"
  | "coordinator.turnsPerSec" | "coordinator.p50" | "coordinator.p99"
  | "botbuilder.turnsPerSec" | "botbuilder.p50" | "botbuilder.p99"
  | "botbuilderEn.turnsPerSec" | "botbuilderEn.p50" | "botbuilderEn.p99"
  | "botbuilderCoach.turnsPerSec" | "botbuilderCoach.p50" | "botbuilderCoach.p99"
  | "ratio.coordinator/botbuilder" | "ratio.step/botbuilder" | "ratio.coordinator/botbuilderEn" | "ratio.coordinator/botbuilderCoach";

/** How many interviews each engine plays per run (each interview is 11 turns). */
export interface EngineBenchOptions {
  runs: number;
  stepInterviews: number;
  coordinatorInterviews: number;
  botbuilderInterviews: number;
}

const NOW = "2026-11-22T10:00:00.000Z";

/** One run of the pure step: every interview starts from no state and threads the state through. */
export function runStep(content: Content, interviews: number): TurnRun {
  let state: SessionState | undefined;
  let checked = 0;
  const run = timeSyncTurns(interviews, INTERVIEW.length, (_c, t) => {
    const result = step(t === 0 ? undefined : state, INTERVIEW[t]!, content, NOW);
    state = result.state;
    if (t === INTERVIEW.length - 1 && result.state.mode.is === "done") checked++;
  });
  if (checked !== interviews) throw new Error(`pure step: ${interviews - checked} interview(s) did not reach the plan`);
  return run;
}

/** One run of the coordinator on a fresh MemoryStore, one new session key per interview. */
export async function runCoordinator(content: Content, interviews: number, prefix: string): Promise<TurnRun> {
  const coordinator = new Coordinator({ content, store: new MemoryStore() });
  let done = 0;
  const run = await timeAsyncTurns(interviews, INTERVIEW.length, async (c, t) => {
    const outcome = await coordinator.handle(`bench:${prefix}:${c}`, INTERVIEW[t]!);
    if (t === INTERVIEW.length - 1 && outcome.done) done++;
  });
  if (done !== interviews) throw new Error(`coordinator: ${interviews - done} interview(s) did not reach the plan`);
  return run;
}

/**
 * One run of the botbuilder-dialogs interview, one new conversation per interview. `lang` picks the
 * prompts' words and the recognizers' culture (fr-fr or en-us); the user's messages are the same.
 * `recognizers`: Microsoft's (ChoicePrompt, NumberPrompt) or the coach's own in TextPrompts.
 */
export async function runBotbuilder(content: Content, interviews: number, prefix: string, lang: Lang = "fr", recognizers: Recognizers = "microsoft"): Promise<TurnRun> {
  const bot = createBotbuilderInterview(content, lang, recognizers);
  let planned = 0;
  const run = await timeAsyncTurns(interviews, INTERVIEW_TEXTS.length, async (c, t) => {
    const sent = await bot.turn(`${prefix}-${c}`, INTERVIEW_TEXTS[t]!);
    // the last answer gets its acknowledgement, "plan ready", the plan and "ask me anything"
    if (t === INTERVIEW_TEXTS.length - 1 && sent === 4) planned++;
  });
  if (planned !== interviews) throw new Error(`botbuilder: ${interviews - planned} interview(s) did not reach the plan`);
  return run;
}

const ENGINES = ["step", "coordinator", "botbuilderCoach", "botbuilder", "botbuilderEn"] as const;

/**
 * Runs the engines `runs` times, interleaved (the order rotates each run), after a warm-up of
 * each, and returns every figure with its spread. "botbuilderCoach" is the Bot Framework interview
 * reading answers with the coach's own parsers (TextPrompts): the like-for-like comparison.
 * "botbuilder" uses Microsoft's recognizers (fr-fr), "botbuilderEn" the same with en-us, to show
 * that the ratio is not only French number recognition.
 */
export async function benchEngines(content: Content, o: EngineBenchOptions, progress: (line: string) => void): Promise<Runs<EngineFigure>> {
  // warm-up: JIT, the recognizers' models, the content's lazily built tables
  runStep(content, Math.ceil(o.stepInterviews / 4));
  await runCoordinator(content, Math.ceil(o.coordinatorInterviews / 4), "warm");
  await runBotbuilder(content, Math.ceil(o.botbuilderInterviews / 4), "warm");
  await runBotbuilder(content, Math.ceil(o.botbuilderInterviews / 4), "warm", "en");
  await runBotbuilder(content, Math.ceil(o.botbuilderInterviews / 4), "warm", "fr", "coach");
  const runs = new Runs<EngineFigure>();
  for (let r = 0; r < o.runs; r++) {
    const results: Partial<Record<(typeof ENGINES)[number], TurnRun>> = {};
    const order = ENGINES.map((_, i) => ENGINES[(i + r) % ENGINES.length]!);
    for (const which of order) {
      if (which === "step") results.step = runStep(content, o.stepInterviews);
      else if (which === "coordinator") results.coordinator = await runCoordinator(content, o.coordinatorInterviews, `r${r}`);
      else if (which === "botbuilder") results.botbuilder = await runBotbuilder(content, o.botbuilderInterviews, `r${r}`);
      else if (which === "botbuilderCoach") results.botbuilderCoach = await runBotbuilder(content, o.botbuilderInterviews, `r${r}`, "fr", "coach");
      else results.botbuilderEn = await runBotbuilder(content, o.botbuilderInterviews, `r${r}`, "en");
    }
    for (const which of ENGINES) {
      const x = results[which]!;
      runs.add(`${which}.turnsPerSec`, x.turnsPerSec);
      runs.add(`${which}.p50`, x.p50);
      runs.add(`${which}.p99`, x.p99);
    }
    runs.add("ratio.coordinator/botbuilder", results.coordinator!.turnsPerSec / results.botbuilder!.turnsPerSec);
    runs.add("ratio.step/botbuilder", results.step!.turnsPerSec / results.botbuilder!.turnsPerSec);
    runs.add("ratio.coordinator/botbuilderEn", results.coordinator!.turnsPerSec / results.botbuilderEn!.turnsPerSec);
    runs.add("ratio.coordinator/botbuilderCoach", results.coordinator!.turnsPerSec / results.botbuilderCoach!.turnsPerSec);
    progress(
      `  run ${r + 1}/${o.runs}: step ${Math.round(results.step!.turnsPerSec)}/s, coordinator ${Math.round(results.coordinator!.turnsPerSec)}/s, botbuilder with the coach's parsers ${Math.round(results.botbuilderCoach!.turnsPerSec)}/s, with Microsoft's recognizers ${Math.round(results.botbuilder!.turnsPerSec)}/s (en-us ${Math.round(results.botbuilderEn!.turnsPerSec)}/s)`,
    );
  }
  return runs;
}
