/**
 * `npm run eval:listening`: runs every message of the listening sets through the real coordinator,
 * at the question it was written for, and prints per question and language: right on first
 * contact, saved, confirmed, asked again, wrong saves, doubts answered that were not raised.
 * `npm run eval:listening -- --misses` also lists every item that was not right.
 */
import { loadContent } from "../../src/content/load.ts";
import { Coordinator } from "../../src/coordinator.ts";
import { baseOf, SessionState, stepOf } from "../../src/engine/state.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import type { Answer } from "../../src/vocabulary/answers.ts";
import type { Input } from "../../src/vocabulary/inputs.ts";
import {
  BASELINE, LISTENING_SETS, readListeningSet, reviewListeningFile, score, showSaved, tally,
  type ListeningItem, type Observation, type Saved, type Scored, type Tally,
} from "./listening-set.ts";

const content = loadContent();
/** Every question in the interview's order: the business questions first, then the five core ones, then where the business already is. */
const ORDER = content.steps.map((s) => s.id);
/** The business the sets' owners run, answered by buttons before the question a message is written for (no page yet: no "where"). */
const BUSINESS: Readonly<Record<string, string>> = { trade: "food", customers: "local", age: "all", presence: "none" };

const baselineInputs = (upTo: string): Input[] => {
  const inputs: Input[] = [];
  for (const step of ORDER) {
    if (step === upTo) break;
    if (step === "where") continue;
    if (step === "time") inputs.push({ kind: "text", text: `${BASELINE.time} h par mois` });
    else if (step === "budget") inputs.push({ kind: "text", text: `${BASELINE.budget} $ par mois` });
    else inputs.push({ kind: "action", action: { kind: "pick", step, choice: BUSINESS[step] ?? String(BASELINE[step as keyof typeof BASELINE]) } });
  }
  return inputs;
};

function toSaved(step: string, a: Answer): Saved | null {
  if (a.type === "choice") return { step: step as "goal", choice: a.id };
  if (a.type === "text") return { step: step as "goal", choice: "own-words" };
  if (a.type === "hours") return { step: "time", hours: a.hoursPerMonth };
  if (a.type === "rate") return null;
  return { step: "budget", amount: a.amountPerMonth };
}

async function probe(item: ListeningItem): Promise<Observation> {
  const store = new MemoryStore();
  const coordinator = new Coordinator({ content, store, now: () => new Date("2026-11-30T10:00:00Z") });
  const key = "eval";
  await coordinator.handle(key, { kind: "open", locale: item.lang });
  for (const input of baselineInputs(item.at)) await coordinator.handle(key, { ...input, locale: item.lang });
  const before = SessionState.parse(((await store.read(key)).value as { state: unknown }).state);
  const outcome = await coordinator.handle(key, { kind: "text", text: item.say, locale: item.lang });
  const raw = (await store.read(key)).value as { state: unknown } | undefined;
  const after = raw ? SessionState.parse(raw.state) : undefined;
  const saved: Saved[] = [];
  for (const [step, a] of Object.entries(after?.answers ?? {})) {
    if (JSON.stringify(before.answers[step]) !== JSON.stringify(a)) {
      const s = toSaved(step, a);
      if (s) saved.push(s);
    }
  }
  const mode = after?.mode;
  const confirming = mode?.is === "confirming" ? toSaved(mode.step, mode.reading) : null;
  const order = ORDER as readonly string[];
  const was = stepOf(baseOf(before.mode));
  const now = mode ? stepOf(baseOf(mode)) : null;
  let command: Observation["command"] = null;
  const given = outcome.events.find((e) => e.kind === "command");
  if (given?.kind === "command") command = given.command;
  else if (mode?.is === "confirmingCommand") command = mode.command;
  else if (outcome.replies.some((r) => r.kind === "plan")) command = "plan";
  else if (now !== null && was !== now && (was === null ? order.length : order.indexOf(was)) > order.indexOf(now) && saved.length === 0) command = "back";
  else if (outcome.replies.some((r) => r.text.startsWith(content.messages.text.help[outcome.lang].slice(0, 30)))) command = "help";
  return { saved, confirming, doubt: outcome.objection?.id ?? null, lang: outcome.lang, command };
}

const pct = (a: number, n: number) => (n === 0 ? "   -  " : `${((a / n) * 100).toFixed(1).padStart(5)} %`);

function line(label: string, t: Tally): string {
  return `  ${label.padEnd(12)} ${String(t.n).padStart(4)}  right ${pct(t.right, t.n)}  saved ${String(t.savedRight).padStart(3)}  confirmed ${String(t.confirmedRight).padStart(3)}/${String(t.confirmedWrong).padEnd(3)} asked-again ${String(t.askedAgain).padStart(3)}  WRONG SAVES ${String(t.wrongSaves).padStart(3)}  doubts not raised ${String(t.doubtsNotRaised).padStart(3)}  missed ${String(t.doubtsMissed).padStart(3)}`;
}

const showMisses = process.argv.includes("--misses");
const only = process.argv.find((a) => a.startsWith("--set="))?.slice("--set=".length);
const all: Scored[] = [];
const review = reviewListeningFile();
// the review file is reported as a set of its own, and kept out of the figure of all sets
const sets: readonly { file: string; title: string; blind?: boolean; review?: boolean }[] = review
  ? [...LISTENING_SETS, { file: review, title: "review set: taught from the insights page, not tuned on", review: true }]
  : LISTENING_SETS;
for (const set of sets) {
  if (only && !set.file.includes(only)) continue;
  const scored: Scored[] = [];
  for (const item of readListeningSet(set.file)) scored.push(score(item, await probe(item)));
  if (!set.review) all.push(...scored);
  console.log(`\n## ${set.title} (${set.file})`);
  console.log(line("all", tally(scored)));
  for (const at of [...ORDER, "done"]) {
    for (const lang of ["fr", "en"] as const) {
      const part = scored.filter((s) => s.item.at === at && s.item.lang === lang);
      if (part.length > 0) console.log(line(`${at}/${lang}`, tally(part)));
    }
  }
  if (showMisses && set.blind) console.log("  (a blind set: its misses are not printed, so that nobody tunes the coach on it)");
  else if (showMisses) {
    for (const s of scored.filter((x) => !x.right)) {
      const want = s.item.save === "none" ? "none" : JSON.stringify(s.item.save);
      const got = s.observed.saved.length ? s.observed.saved.map(showSaved).join(",") : s.observed.confirming ? `confirm ${showSaved(s.observed.confirming)}` : "nothing";
      const extra = [
        s.doubt !== "ok" ? `doubt ${s.doubt} (want ${s.item.doubt ?? "-"}, got ${s.observed.doubt ?? "-"})` : "",
        s.asked !== "ok" ? `asked ${s.item.switch ?? s.item.command} got lang=${s.observed.lang} cmd=${s.observed.command ?? "-"}` : "",
      ].filter(Boolean).join("; ");
      console.log(`    [${s.item.at}/${s.item.lang}] ${s.save.padEnd(15)} want ${want} got ${got} ${extra} :: ${s.item.say}`);
    }
  }
}
if (!only && LISTENING_SETS.length > 1) console.log(`\n## all sets${review ? " (without the review set)" : ""}\n${line("all", tally(all))}`);
