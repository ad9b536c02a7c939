/**
 * The listening sets (test/fixtures/listening-*.yaml): owner messages written blind, each at a
 * question of the interview (or after the plan), with what must be saved, or that nothing may be,
 * the doubt it voices, the language it asks for or the command it gives. This file reads a set and
 * scores what the coach did with each message; the probe that runs the coach is given by the caller.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { DEFAULT_INBOX_DIR, LISTENING_STEPS, TAUGHT_LISTENING } from "../../adapters/insights/inbox-files.ts";

/** The questions an item may be said at: the five core ones, and the business questions (items taught from the insights page). */
const STEPS = LISTENING_STEPS;
export type StepId = (typeof STEPS)[number];
const Range = z.union([z.number(), z.tuple([z.number(), z.number()])]);

/**
 * What must be saved: one answer (choice id, "own-words", hours a month, money a month), or several
 * when the owner answers two questions in one message ("c'est 10 h par mois et 100 € de budget").
 */
const Save = z.union([
  z.literal("none"),
  z
    .strictObject({ goal: z.string(), skills: z.string(), owner: z.string(), time: Range, budget: Range, trade: z.string(), customers: z.string(), age: z.string(), presence: z.string(), where: z.string() })
    .partial()
    .refine((o) => Object.keys(o).length > 0, "names at least one answer"),
]);

export const ListeningItem = z.strictObject({
  at: z.enum([...STEPS, "done"]),
  lang: z.enum(["fr", "en"]),
  say: z.string(),
  save: Save,
  doubt: z.string().optional(),
  doubt_ok: z.string().optional(),
  switch: z.enum(["fr", "en"]).optional(),
  command: z.enum(["back", "restart", "plan", "forget", "help"]).optional(),
  why: z.string().optional(),
});
export type ListeningItem = z.infer<typeof ListeningItem>;
export const ListeningSet = z.strictObject({ items: z.array(ListeningItem).min(1) });

/** The answers an owner gave before the pending question (and all of them after the plan). */
export const BASELINE = { goal: "sales", time: 7, budget: 75, skills: "personal", owner: "self" } as const;

/** A saved answer as the evaluation compares it. */
export type Saved =
  | { step: "goal" | "skills" | "owner" | "trade" | "customers" | "age" | "presence" | "where"; choice: string }
  | { step: "time"; hours: number }
  | { step: "budget"; amount: number };

/** What the coach did with one message, as a probe observed it. */
export interface Observation {
  /** answers that changed in this turn */
  saved: Saved[];
  /** a reading waiting for the owner's yes (nothing saved yet) */
  confirming: Saved | null;
  /** the doubt answered, if any */
  doubt: string | null;
  /** the language the coach answered in */
  lang: "fr" | "en";
  /** the command the coach carried out or asked to confirm */
  command: "back" | "restart" | "plan" | "forget" | "help" | null;
}

/** A listening set by its name in test/fixtures/ (or an absolute path). */
export function readListeningSet(file: string): ListeningItem[] {
  return ListeningSet.parse(parse(readFileSync(isAbsolute(file) ? file : join(import.meta.dirname, "..", "fixtures", file), "utf8"))).items;
}

/**
 * The review file the insights page writes (dialogs/inbox/taught-listening.yaml, or in
 * COACH_INBOX_DIR): missed messages at the question they were said at, with what a reviewer said
 * should have been kept. Measured as a set of its own; null when nothing was taught.
 */
export function reviewListeningFile(env: Record<string, string | undefined> = process.env): string | null {
  const file = join(env["COACH_INBOX_DIR"] ? resolve(env["COACH_INBOX_DIR"]) : DEFAULT_INBOX_DIR, TAUGHT_LISTENING);
  return existsSync(file) ? file : null;
}

/** The sets, oldest first: each measured as it came, before any tuning on it; the last is the blind figure. */
export const LISTENING_SETS: readonly { file: string; title: string; blind?: boolean }[] = [
  { file: "listening-1.yaml", title: "set 1 (first measured blind on the engine before the listening work: 48.8 % right, 25 wrong saves, 33 doubts not raised; then tuned on)" },
  { file: "listening-2.yaml", title: "set 2 (first measured blind after the listening rework, tuned on set 1 only: 78.2 % right, 5 wrong saves, 14 doubts not raised; then tuned on)" },
  { file: "listening-3.yaml", title: "set 3 (first contact, blind: 82.4 % right, 3 wrong saves, 3 doubts not raised; then tuned on)" },
  { file: "listening-4.yaml", title: "set 4 (first contact, blind: 70.0 % right, 4 wrong saves, 20 confirmations of a wrong reading, 10 doubts not raised; then tuned on)" },
  { file: "listening-5.yaml", title: "set 5 (first contact, blind: 74.3 % right, 1 wrong save, 16 confirmations of a wrong reading, 5 doubts not raised; then tuned on)" },
  { file: "listening-6.yaml", title: "set 6 (blind, untouched: the honest figure; every question of the interview; first contact: 77.2 % right, 2 wrong saves, 16 confirmations of a wrong reading, 17 asked again, 3 doubts not raised)", blind: true },
];

const close = (value: number, expected: z.infer<typeof Range>) => {
  const [lo, hi] = typeof expected === "number" ? [expected, expected] : expected;
  const slack = Math.max(0.5, 0.1 * hi);
  return value >= lo - slack && value <= hi + slack;
};

/** True when `s` is one of the answers expected. */
function matches(s: Saved, expected: Exclude<z.infer<typeof Save>, "none">): boolean {
  const value = expected[s.step];
  if (value === undefined) return false;
  if ("choice" in s) return s.choice === value;
  if ("hours" in s) return close(s.hours, value as z.infer<typeof Range>);
  return close(s.amount, value as z.infer<typeof Range>);
}

/** How one item went. */
export interface Scored {
  item: ListeningItem;
  observed: Observation;
  /** saved-right | confirmed-right | nothing-right | confirmed-wrong | asked-again | wrong-save */
  save: "saved-right" | "confirmed-right" | "nothing-right" | "confirmed-wrong" | "asked-again" | "wrong-save";
  /** ok | missed | not-raised | wrong */
  doubt: "ok" | "missed" | "not-raised" | "wrong";
  /** the language or command asked for was (not) followed */
  asked: "ok" | "missed";
  right: boolean;
}

export function score(item: ListeningItem, o: Observation): Scored {
  const expected = item.save === "none" ? null : item.save;
  let save: Scored["save"];
  // every answer saved must be one expected (an owner who gave two may be asked the second again)
  if (o.saved.length > 0) save = expected && o.saved.every((x) => matches(x, expected)) ? "saved-right" : "wrong-save";
  else if (o.confirming) save = expected && matches(o.confirming, expected) ? "confirmed-right" : "confirmed-wrong";
  else save = expected ? "asked-again" : "nothing-right";
  let doubt: Scored["doubt"] = "ok";
  if (o.doubt && item.doubt) doubt = o.doubt === item.doubt ? "ok" : "wrong";
  else if (o.doubt && o.doubt !== item.doubt_ok) doubt = "not-raised";
  else if (!o.doubt && item.doubt) doubt = "missed";
  let asked: Scored["asked"] = "ok";
  if (item.switch && o.lang !== item.switch) asked = "missed";
  if (item.command && o.command !== item.command) asked = "missed";
  const saveOk = save === "saved-right" || save === "confirmed-right" || save === "nothing-right";
  return { item, observed: o, save, doubt, asked, right: saveOk && doubt === "ok" && asked === "ok" };
}

export interface Tally {
  n: number;
  right: number;
  savedRight: number;
  confirmedRight: number;
  confirmedWrong: number;
  askedAgain: number;
  wrongSaves: number;
  doubtsNotRaised: number;
  doubtsMissed: number;
}

export function tally(scored: readonly Scored[]): Tally {
  const t: Tally = { n: 0, right: 0, savedRight: 0, confirmedRight: 0, confirmedWrong: 0, askedAgain: 0, wrongSaves: 0, doubtsNotRaised: 0, doubtsMissed: 0 };
  for (const s of scored) {
    t.n++;
    if (s.right) t.right++;
    if (s.save === "saved-right") t.savedRight++;
    if (s.save === "confirmed-right") t.confirmedRight++;
    if (s.save === "confirmed-wrong") t.confirmedWrong++;
    if (s.save === "asked-again") t.askedAgain++;
    if (s.save === "wrong-save") t.wrongSaves++;
    if (s.doubt === "not-raised" || s.doubt === "wrong") t.doubtsNotRaised++;
    if (s.doubt === "missed") t.doubtsMissed++;
  }
  return t;
}

/** A saved answer as the report prints it. */
export function showSaved(s: Saved | null): string {
  if (!s) return "-";
  if ("choice" in s) return `${s.step}=${s.choice}`;
  if ("hours" in s) return `time=${s.hours}`;
  return `budget=${s.amount}`;
}
