/**
 * The pilot review, computed: the facts a verdict looks at (hours spent against the plan's, the
 * numbers watched that moved up), the verdict of dialogs/review.yaml whose condition holds first,
 * the cost comparison of article 002 (the owner's hours at what an hour is worth, a part-time hire,
 * outside help, each figure from facts.yaml), and the review as Markdown under the plan. Pure.
 */
import type { Content } from "../content/compile.ts";
import type { Lang } from "../content/schema.ts";
import type { ReviewCondition } from "../content/review-schema.ts";
import type { ReviewRecord } from "../engine/state.ts";
import { fill, formatNumber } from "../text/template.ts";
import type { Answer } from "../vocabulary/answers.ts";
import { citeFact } from "./fit.ts";
import { cite as citeArticle } from "./cite.ts";
import { formatMoney } from "./money.ts";
import { describeAnswer } from "./build-plan.ts";

/** What a verdict's condition looks at. */
export interface ReviewFacts {
  hoursSpent: number;
  /** hours spent ÷ hours the plan had (Infinity when the plan had none) */
  hoursRatio: number;
  /** share of the numbers watched, among those known, that reached their target or moved up */
  progress: number;
  down: number;
  known: number;
  alternative: boolean;
}

const trendOf = (a: Answer | undefined) => (a?.type === "choice" ? a.id : "unknown");

export function reviewFacts(r: ReviewRecord): ReviewFacts {
  const hours = r.answers["review-hours"];
  const hoursSpent = hours?.type === "hours" ? hours.hoursPerMonth : 0;
  const planned = r.plan.hoursPerMonth ?? 0;
  const trends = r.kpis.map((_, i) => trendOf(r.answers[`review-kpi-${i + 1}`]));
  const known = trends.filter((t) => t !== "unknown").length;
  const up = trends.filter((t) => t === "reached" || t === "progress").length;
  return {
    hoursSpent,
    hoursRatio: planned > 0 ? hoursSpent / planned : hoursSpent > 0 ? Infinity : 1,
    progress: known === 0 ? 0 : up / known,
    down: trends.filter((t) => t === "down").length,
    known,
    alternative: r.plan.alternative !== null,
  };
}

const inRange = (v: number, r: { below?: number | undefined; atLeast?: number | undefined }) => (r.below === undefined || v < r.below) && (r.atLeast === undefined || v >= r.atLeast);

export function holdsReview(c: ReviewCondition | undefined, f: ReviewFacts): boolean {
  if (c === undefined) return true;
  if ("hoursSpent" in c) return inRange(f.hoursSpent, c.hoursSpent);
  if ("hoursRatio" in c) return inRange(f.hoursRatio, c.hoursRatio);
  if ("progress" in c) return inRange(f.progress, c.progress);
  if ("down" in c) return inRange(f.down, c.down);
  if ("known" in c) return inRange(f.known, c.known);
  if ("alternative" in c) return f.alternative === c.alternative;
  if ("any" in c) return c.any.some((x) => holdsReview(x, f));
  if ("all" in c) return c.all.every((x) => holdsReview(x, f));
  return !holdsReview(c.not, f);
}

/** The first verdict whose condition holds (the last one has none, so there always is one). */
export function verdictOf(content: Content, r: ReviewRecord): Content["review"]["verdicts"][number] {
  const f = reviewFacts(r);
  return content.review.verdicts.find((v) => holdsReview(v.when, f)) ?? content.review.verdicts.at(-1)!;
}

/** The typical figures for the owner's currency and language (dollars when the currency is not known). */
function costPlace(content: Content, currency: string | null, lang: Lang) {
  const by = content.review.costs.byCurrency;
  const place = (currency !== null ? by[currency] : undefined) ?? by["$"] ?? Object.values(by)[0]!;
  return { ...place[lang], symbol: currency !== null && by[currency] ? currency : by["$"] ? "$" : Object.keys(by)[0]! };
}

/** The cost comparison's lines, and the facts they cite. */
export function costLines(content: Content, r: ReviewRecord, lang: Lang): { lines: string[]; facts: { id: string; source: string }[]; cites: (string | null)[] } {
  const t = content.review.costs;
  const hours = r.answers["review-hours"];
  const money = r.answers["review-money"];
  const rate = r.answers["review-wage"];
  const spent = hours?.type === "hours" ? hours.hoursPerMonth : 0;
  const currency = (rate?.type === "rate" ? rate.currency : null) ?? (money?.type === "money" ? money.currency : null) ?? r.plan.currency;
  const place = costPlace(content, currency, lang);
  const sym = place.symbol;
  const own = rate?.type === "rate" && rate.amountPerHour !== null ? rate.amountPerHour : place.wagePerHour;
  const m = (x: number) => formatMoney(Math.round(x), sym, lang);
  const spentMoney = money?.type === "money" ? money.amountPerMonth : 0;
  const lines = [
    fill(t.yours[lang], { hours: formatNumber(spent, lang), wage: formatMoney(own, sym, lang, 2), cost: m(spent * own), money: m(spentMoney) }, lang),
    `${fill(t.hire[lang], { wage: formatMoney(place.wagePerHour, sym, lang, 2), cost: m(spent * place.wagePerHour) }, lang)}${place.wageHoursPerYear ? ` ${fill(t.derived[lang], { hoursPerYear: place.wageHoursPerYear }, lang)}` : ""}`,
    `${fill(t.agency[lang], { cost: m(place.agencyPerMonth) }, lang)}${place.agencyDaysPerMonth ? ` ${fill(t.agencyDerived[lang], { days: formatNumber(place.agencyDaysPerMonth, lang) }, lang)}` : ""}`,
  ];
  // which line each fact stands behind: the wage the first two (the first only when "typical"), outside help the third
  const cites = [rate?.type === "rate" && rate.amountPerHour !== null ? null : place.wageFact, place.wageFact, place.agencyFact];
  const facts = [place.wageFact, place.agencyFact].flatMap((id) => {
    const f = content.facts.get(id);
    return f ? [{ id, source: citeFact(f) }] : [];
  });
  return { lines, facts, cites };
}

/** When the review is due: `months` after `from`, same day of the month (clamped to the month's last day). */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** A date as the owner's language writes it: "1 mars 2027", "March 1, 2027". */
export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-CA" : "en-CA", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso));
}

/**
 * The review as Markdown, to go under the plan: the date, time and money spent against the plan,
 * each number watched and how it moved, the verdict and why, the cost comparison, the sources.
 * `cite` numbers a source in the plan's list.
 */
export function renderReview(content: Content, r: ReviewRecord, lang: Lang, cite: (id: string, source: string) => string): string[] {
  const t = content.review.record;
  const labelOf = (id: string) => content.measures.kpis[id]?.label[lang] ?? id;
  const hours = r.answers["review-hours"];
  const money = r.answers["review-money"];
  const kpiStep = content.reviewSteps.find((s) => s.id === "review-kpi-1");
  const trendLabel = (a: Answer | undefined) => (a && kpiStep ? describeAnswer(content, kpiStep.id, a, lang) : (kpiStep?.kind === "choice" ? kpiStep.choices.find((c) => c.id === "unknown")?.label[lang] : undefined) ?? "");
  const planned = r.plan.hoursPerMonth !== null ? describeAnswer(content, "time", { type: "hours", hoursPerMonth: r.plan.hoursPerMonth }, lang) : "-";
  const verdict = verdictOf(content, r);
  const why = fill(verdict.why[lang], { network: r.plan.network ?? "", alternative: r.plan.alternative ?? "" }, lang);
  const seeds = verdict.sources.flatMap((id) => {
    const s = content.sources.get(id);
    return s ? [cite(`seed-${id}`, citeArticle(s))] : [];
  }).join("");
  const costs = costLines(content, r, lang);
  const refOf = (id: string | null | undefined) => {
    const f = costs.facts.find((x) => x.id === id);
    return f ? ` ${cite(f.id, f.source)}` : "";
  };
  return [
    `## ${fill(t.heading[lang], { date: formatDate(r.at, lang) }, lang)}`,
    "",
    `- ${fill(t.spent[lang], { hours: hours ? describeAnswer(content, "time", hours, lang) : "-", planned, money: money ? describeAnswer(content, "budget", money, lang) : "-" }, lang)}`,
    ...r.kpis.map((id, i) => `- ${fill(t.kpi[lang], { label: labelOf(id), trend: trendLabel(r.answers[`review-kpi-${i + 1}`]) }, lang)}`),
    "",
    `${fill(t.verdict[lang], { verdict: verdict.label[lang], why }, lang)} ${seeds}`.trim(),
    "",
    `### ${content.review.costs.heading[lang]}`,
    "",
    ...costs.lines.map((l, i) => `- ${l}${refOf(costs.cites[i])}`),
  ];
}
