/**
 * What the insights page shows, computed from the store's counts (pure: no I/O, no clock): the
 * funnel from first message to plan in the interview's order, the doubts by rule, language and day,
 * the ranges of hours and budgets given, and what the coach had to ask again or confirm per
 * question; and the inbox of missed messages, filtered.
 */
import { rangeOf } from "./recorder.ts";
import type { MissedMessage } from "./insights-store.ts";

/** Counts per day, as the store returns them: day → counter → number. */
export type DailyCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** One bar of the funnel: how many conversations got this far. */
export interface FunnelStage {
  /** "started", a step id of the interview, or "plan" */
  key: string;
  n: number;
  /** the step is asked only to some owners (`askWhen` in dialogs/interview.yaml): a drop there is not a stop */
  conditional: boolean;
}

export interface Summary {
  /** every day of the period, oldest first */
  days: string[];
  totals: Record<string, number>;
  funnel: FunnelStage[];
  /** doubt or question rule → per language */
  doubtsByRule: { rule: string; fr: number; en: number }[];
  doubtsByLang: { fr: number; en: number };
  /** per day of `days`, per language */
  doubtsByDay: { fr: number[]; en: number[] };
  /** "0-4" → n, in the ranges' order */
  hours: { range: string; n: number }[];
  budget: { range: string; n: number }[];
  /** per step: asked again (could not read the answer), confirmations asked ("did you mean…?") */
  listening: { step: string; reask: number; confirm: number }[];
  notUnderstood: number;
  reviewsBooked: number;
  reviews: number;
}

/** The interview as the summary needs it: its steps in order, and which are asked only to some. */
export interface InterviewShape {
  steps: readonly { id: string; conditional: boolean }[];
}

const DAY_MS = 24 * 3600 * 1000;

/** Every day from `from` to `to` (YYYY-MM-DD, both included). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The first day of a period of `days` days ending on `to`. */
export function periodStart(to: string, days: number): string {
  return new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

/** Sorts range labels ("0", "1-4", "40+") by their lower bound. */
const byLowerBound = (a: { range: string }, b: { range: string }) => parseFloat(a.range) - parseFloat(b.range);

/** The ranges a counter prefix uses, with zeros for those nobody gave, then any other seen. */
function distribution(totals: Record<string, number>, prefix: string, bounds: readonly number[]): { range: string; n: number }[] {
  const expected = [...bounds.map((b) => rangeOf(b, bounds)), rangeOf(Math.max(...bounds) + 1, bounds)];
  const seen = Object.keys(totals).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  return [...new Set([...expected, ...seen])].map((range) => ({ range, n: totals[prefix + range] ?? 0 })).sort(byLowerBound);
}

/**
 * The summary of the counts of `days` (the period's days, oldest first) for an interview.
 *
 * @example summarize({ "2026-11-30": { started: 2, "answered:trade": 1 } }, ["2026-11-30"], shape, bounds).funnel[0] // { key: "started", n: 2, ... }
 */
export function summarize(
  counts: DailyCounts,
  days: readonly string[],
  interview: InterviewShape,
  bounds: { hours: readonly number[]; budget: readonly number[] },
): Summary {
  const totals: Record<string, number> = {};
  for (const day of days) for (const [k, v] of Object.entries(counts[day] ?? {})) totals[k] = (totals[k] ?? 0) + v;
  const funnel: FunnelStage[] = [
    { key: "started", n: totals["started"] ?? 0, conditional: false },
    ...interview.steps.map((s) => ({ key: s.id, n: totals[`answered:${s.id}`] ?? 0, conditional: s.conditional })),
    { key: "plan", n: totals["plan"] ?? 0, conditional: false },
  ];
  const rules = new Map<string, { rule: string; fr: number; en: number }>();
  const doubtsByLang = { fr: 0, en: 0 };
  for (const [k, v] of Object.entries(totals)) {
    const m = /^doubt:(.+):(fr|en)$/.exec(k);
    if (!m) continue;
    const lang = m[2] as "fr" | "en";
    const row = rules.get(m[1]!) ?? { rule: m[1]!, fr: 0, en: 0 };
    row[lang] += v;
    rules.set(m[1]!, row);
    doubtsByLang[lang] += v;
  }
  const doubtsByDay = { fr: [] as number[], en: [] as number[] };
  for (const day of days) {
    const c = counts[day] ?? {};
    for (const lang of ["fr", "en"] as const) {
      doubtsByDay[lang].push(Object.entries(c).filter(([k]) => k.startsWith("doubt:") && k.endsWith(`:${lang}`)).reduce((a, [, v]) => a + v, 0));
    }
  }
  const listening = interview.steps
    .map((s) => ({ step: s.id, reask: totals[`reask:${s.id}`] ?? 0, confirm: totals[`confirm:${s.id}`] ?? 0 }))
    .filter((r) => r.reask > 0 || r.confirm > 0);
  return {
    days: [...days],
    totals,
    funnel,
    doubtsByRule: [...rules.values()].sort((a, b) => b.fr + b.en - (a.fr + a.en) || a.rule.localeCompare(b.rule)),
    doubtsByLang,
    doubtsByDay,
    hours: distribution(totals, "hours:", bounds.hours),
    budget: distribution(totals, "budget:", bounds.budget),
    listening,
    notUnderstood: totals["not-understood"] ?? 0,
    reviewsBooked: totals["review-booked"] ?? 0,
    reviews: totals["review"] ?? 0,
  };
}

/** The inbox's filters; an absent one lets everything through. */
export interface MissedFilter {
  step?: string;
  lang?: "fr" | "en";
  why?: MissedMessage["why"];
  conv?: string;
  /** "open": not taught yet; "taught"; absent: both */
  status?: "open" | "taught";
}

/** The missed messages that pass the filter, in the order given (newest first from the store). */
export function filterMissed(list: readonly MissedMessage[], f: MissedFilter): MissedMessage[] {
  return list.filter(
    (m) =>
      (f.step === undefined || m.step === f.step) &&
      (f.lang === undefined || m.lang === f.lang) &&
      (f.why === undefined || m.why === f.why) &&
      (f.conv === undefined || m.conv === f.conv) &&
      (f.status === undefined || (f.status === "taught") === (m.taught !== undefined)),
  );
}

/**
 * The counts as CSV: a header, then one row per day and counter, days in order.
 *
 * @example countsCsv({ "2026-11-30": { started: 2 } }) // "day,counter,count\r\n2026-11-30,started,2\r\n"
 */
export function countsCsv(counts: DailyCounts): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = ["day,counter,count"];
  for (const day of Object.keys(counts).sort()) {
    for (const k of Object.keys(counts[day]!).sort()) rows.push(`${cell(day)},${cell(k)},${counts[day]![k]}`);
  }
  return rows.join("\r\n") + "\r\n";
}
