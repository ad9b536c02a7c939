/**
 * The pilot review, as a conversation (dialogs/review.yaml, article 002): booking it once the plan
 * is written, the coach writing first at the date (the `remind` input, sent by src/followup/), the
 * review's questions, the verdict kept with the plan, and the commands that change the booking at
 * any time ("remind me", "change my review date", "no reminders", "start the review").
 */
import type { Step } from "../content/schema.ts";
import { buildPlan } from "../plan/build-plan.ts";
import { addMonths, formatDate, renderReview, verdictOf } from "../plan/review.ts";
import { fill } from "../text/template.ts";
import { normalize } from "../text/normalize.ts";
import type { Answer } from "../vocabulary/answers.ts";
import type { Choice } from "../vocabulary/replies.ts";
import type { Reading } from "../understand/read-message.ts";
import type { Rule } from "./policy.ts";
import { baseOf, type FollowUp, type ReviewRecord } from "./state.ts";
import type { Turn } from "./turn.ts";

const DAY_MS = 24 * 3600 * 1000;

// ------------------------------------------------------------------ the questions

/** The numbers to watch the review asks about: the plan's, as it stands. */
function kpisOf(t: Turn): { id: string; label: string; target: string }[] {
  return buildPlan(t.c, t.s.answers, t.lang, t.s.mentioned).kpis.slice(0, 3);
}

/** The review's questions for this owner: time, money, one per number watched, what an hour is worth. */
export function reviewStepsFor(t: Turn): readonly Step[] {
  const n = kpisOf(t).length;
  return t.c.reviewSteps.filter((s) => {
    const m = /^review-kpi-(\d+)$/.exec(s.id);
    return !m || Number(m[1]) <= n;
  });
}

/** What a review question's prompt says of the plan: the hours it had, the number watched and its target. */
export function reviewPromptVars(t: Turn, stepId: string): Record<string, string> {
  const time = t.s.answers["time"];
  const planned = time ? t.describe("time", time) : "-";
  const m = /^review-kpi-(\d+)$/.exec(stepId);
  const kpi = m ? kpisOf(t)[Number(m[1]) - 1] : undefined;
  return { planned, label: kpi?.label ?? "", target: kpi?.target ?? "" };
}

export const isReviewStep = (t: Turn, id: string): boolean => t.c.reviewSteps.some((s) => s.id === id);

// ------------------------------------------------------------------ booking

const unasked: FollowUp = { status: "unasked", months: null, dueAt: null, remindedAt: null, waiting: false };

function bookingChoices(t: Turn): Choice[] {
  const b = t.c.review.booking;
  return [
    ...b.months.map((months) => ({
      action: { kind: "book" as const, months },
      label: fill((months === b.recommended ? b.recommendedOption : b.option)[t.lang], { months }, t.lang),
    })),
    { action: { kind: "book", months: 0 }, label: b.decline[t.lang] },
  ];
}

/** "Shall I come back for the pilot review?" (after the plan, or when asked to change the date). */
export function offerBooking(t: Turn, leadIn?: string): void {
  t.to({ is: "booking", base: baseOf(t.mode) });
  t.say(leadIn ?? t.c.review.booking.ask[t.lang], bookingChoices(t));
}

/** Books the review in `months` (0: no reminder), says so, and goes back where the conversation was. */
export function book(t: Turn, months: number): void {
  const b = t.c.review.booking;
  t.to(baseOf(t.mode));
  if (months <= 0) {
    t.set({ followUp: { ...unasked, status: "declined" } });
    t.events.push({ kind: "review-booked", months: 0 });
    t.say(b.declined[t.lang]);
  } else {
    const dueAt = addMonths(new Date(t.now), months).toISOString();
    t.set({ followUp: { status: "booked", months, dueAt, remindedAt: null, waiting: false } });
    t.events.push({ kind: "review-booked", months });
    t.say(fill(b.booked[t.lang], { date: formatDate(dueAt, t.lang) }, t.lang));
  }
  if (t.base.is === "done") t.afterPlan();
  else t.ask();
}

/** Months typed at the booking question ("dans 2 mois", "3"), yes (the recommended months) or no. */
function typedBooking(t: Turn, r: Reading): number | null {
  const b = t.c.review.booking;
  // a command ("no, back"), an answer to one of the plan's questions ("finalement c'est 3 heures par
  // semaine"), a correction or a wish to change an answer: not an answer about the review, whatever
  // number or "no" it holds
  if (r.command !== null || r.other !== null || r.change !== null || r.correction) return null;
  const words = normalize(r.text).split(" ");
  const number = words.length <= t.c.review.booking.maxWords ? /\b(\d{1,2})\b/.exec(r.text)?.[1] : undefined;
  if (number !== undefined && b.months.includes(Number(number))) return Number(number);
  if (r.number !== null && r.number >= 1 && r.number <= b.months.length + 1) return b.months[r.number - 1] ?? 0;
  if (t.c.reviewPhrases.no.within(words) || r.no) return 0;
  if (t.c.reviewPhrases.yes.within(words) || r.yes) return b.recommended;
  return null;
}

// ------------------------------------------------------------------ the reminder

/** True when a booked review has come due at `now`. */
export function isDue(f: FollowUp, now: string): boolean {
  return f.status === "booked" && f.dueAt !== null && Date.parse(f.dueAt) <= Date.parse(now);
}

/**
 * The coach writes first (the `remind` input): only once per booking, whichever instance asks, and
 * only when the review is due and the plan written. Nothing is said or kept otherwise.
 */
export function remind(t: Turn): void {
  const f = t.s.followUp;
  if (!isDue(f, t.now) || f.remindedAt !== null || t.mode.is !== "done") {
    t.save = false;
    return;
  }
  t.set({ followUp: { ...f, remindedAt: t.now, waiting: false } });
  t.events.push({ kind: "review-reminded" });
  offerReview(t);
}

/** The reminder did not reach the person: it waits for the next time they open the coach. */
export function undelivered(t: Turn): void {
  const f = t.s.followUp;
  if (f.remindedAt === null) {
    t.save = false;
    return;
  }
  t.set({ followUp: { ...f, waiting: true } });
}

/** On opening the coach: a review that came due (and was not offered, or did not reach them) is offered now. */
export function offerDueOnOpen(t: Turn): boolean {
  const f = t.s.followUp;
  if (!isDue(f, t.now) || (f.remindedAt !== null && !f.waiting) || baseOf(t.mode).is !== "done") return false;
  t.set({ followUp: { ...f, remindedAt: t.now, waiting: false } });
  t.events.push({ kind: "review-reminded" });
  offerReview(t);
  return true;
}

/** The review's offer: what the coach says when it writes first (start now, in a week, no more reminders). */
export function offerReview(t: Turn): void {
  const r = t.c.review.reminder;
  const plan = buildPlan(t.c, t.s.answers, t.lang, t.s.mentioned);
  const posts = fill(r.posts[t.lang], { n: Math.max(0, Math.round(plan.postsPerWeek ?? 0)) }, t.lang);
  t.to({ is: "offeringReview", base: baseOf(t.mode) });
  t.say(fill(r.text[t.lang], { months: t.s.followUp.months ?? 0, network: plan.network?.name ?? "", postsPerWeek: posts }, t.lang), [
    { action: { kind: "review", what: "start" }, label: r.start[t.lang] },
    { action: { kind: "review", what: "later" }, label: r.later[t.lang] },
    { action: { kind: "review", what: "stop" }, label: r.stop[t.lang] },
  ]);
}

/** At the reminder: start now, in a week, or no more reminders. */
export function answerOffer(t: Turn, what: "start" | "later" | "stop"): void {
  const r = t.c.review.reminder;
  t.to(baseOf(t.mode));
  if (what === "start") return startReview(t);
  if (what === "later") {
    const dueAt = new Date(Date.parse(t.now) + r.laterDays * DAY_MS).toISOString();
    t.set({ followUp: { ...t.s.followUp, status: "booked", dueAt, remindedAt: null, waiting: false } });
    t.say(fill(r.postponed[t.lang], { date: formatDate(dueAt, t.lang) }, t.lang));
  } else {
    t.set({ followUp: { ...unasked, status: "declined" } });
    t.say(r.stopped[t.lang]);
  }
  t.afterPlan();
}

// ------------------------------------------------------------------ the review

export function startReview(t: Turn): void {
  if (baseOf(t.mode).is !== "done") {
    t.say(t.c.review.reminder.notYet[t.lang]);
    return t.ask();
  }
  const first = reviewStepsFor(t)[0]!;
  t.set({ reviewAnswers: {} });
  t.events.push({ kind: "review-started" });
  t.to({ is: "reviewing", step: first.id });
  t.ask();
}

/** Keeps a review answer and asks the next question, or closes the review. */
export function applyReview(t: Turn, stepId: string, answer: Answer): void {
  const step = t.step(stepId)!;
  t.set({ reviewAnswers: { ...t.s.reviewAnswers, [stepId]: answer } });
  t.events.push({ kind: "saved", step: stepId, how: "sure" });
  t.say(fill(step.ack[t.lang], { answer: t.describe(stepId, answer) }, t.lang));
  const next = reviewStepsFor(t).find((s) => t.s.reviewAnswers[s.id] === undefined);
  if (next) {
    t.to({ is: "reviewing", step: next.id });
    return t.ask();
  }
  finishReview(t);
}

/** The verdict and the cost comparison, kept with the plan; then the next review is offered. */
function finishReview(t: Turn): void {
  const plan = buildPlan(t.c, t.s.answers, t.lang, t.s.mentioned);
  const draft: ReviewRecord = {
    at: t.now,
    answers: t.s.reviewAnswers,
    kpis: plan.kpis.slice(0, 3).map((k) => k.id),
    verdict: "",
    plan: { network: plan.network?.name ?? null, alternative: plan.network?.alternative?.name ?? null, postsPerWeek: plan.postsPerWeek, hoursPerMonth: plan.hoursPerMonth, currency: plan.currency },
  };
  const record: ReviewRecord = { ...draft, verdict: verdictOf(t.c, draft).id };
  t.set({ reviews: [...t.s.reviews, record].slice(-12), reviewAnswers: {}, followUp: { ...unasked } });
  t.events.push({ kind: "review-finished", verdict: record.verdict });
  t.to({ is: "done" });
  const numbered: { id: string; source: string }[] = [];
  const cite = (id: string, source: string) => {
    let n = numbered.findIndex((s) => s.id === id);
    if (n < 0) n = numbered.push({ id, source }) - 1;
    return `[${n + 1}]`;
  };
  const lines = renderReview(t.c, record, t.lang, cite);
  const text = [...lines, ...numbered.map((s, i) => `${i + 1}. ${s.source}`)].join("\n").trim();
  t.say(`${t.c.review.record.done[t.lang]}\n\n${text}`);
  offerBooking(t, t.c.review.record.next[t.lang]);
}

// ------------------------------------------------------------------ commands said at any moment

export type ReviewCommand = "remind" | "change" | "stop" | "start";

/** "rappelle-moi", "change my review date", "no reminders", "start the review": in a short message. */
export function reviewCommandIn(t: Turn, r: Reading): ReviewCommand | null {
  if (r.words.length > t.c.listening.limits.maxWordsForCommand) return null;
  const p = t.c.reviewPhrases;
  // the longer phrases first: "changer la date du bilan" holds "le bilan"
  for (const c of ["change", "stop", "remind", "start"] as const) if (p[c].within(r.words)) return c;
  return null;
}

export function runReviewCommand(t: Turn, c: ReviewCommand): void {
  const f = t.s.followUp;
  const done = baseOf(t.mode).is === "done";
  t.to(baseOf(t.mode));
  switch (c) {
    case "stop":
      t.set({ followUp: { ...unasked, status: "declined" } });
      t.say(t.c.review.booking.declined[t.lang]);
      return done ? t.afterPlan() : t.ask();
    case "start":
      return startReview(t);
    case "remind":
    case "change":
      if (!done) {
        t.say(t.c.review.reminder.notYet[t.lang]);
        return t.ask();
      }
      if (f.status === "booked" && f.dueAt !== null) return offerBooking(t, fill(t.c.review.booking.already[t.lang], { date: formatDate(f.dueAt, t.lang) }, t.lang));
      return offerBooking(t);
  }
}

// ------------------------------------------------------------------ the modes' tables

type Helpers = {
  guards: Record<"tooLong" | "wantsLanguage" | "givesCommand" | "isUnsure" | "voicesDoubt" | "always", (t: Turn, r: Reading) => boolean>;
  runCommand: (t: Turn, r: Reading) => void;
  sayTooLong: (t: Turn) => void;
  switchLanguage: (t: Turn, r: Reading) => void;
  answerDoubt: (t: Turn, r: Reading) => void;
  readAsNew: (t: Turn, r: Reading) => void;
  confirm: (t: Turn, stepId: string, answer: Answer) => void;
};

/** The tables of the review's modes, in the policy's format (policy.ts passes what they share). */
export function reviewTables(h: Helpers): Record<"booking" | "offeringReview" | "reviewing", readonly Rule[]> {
  const step = (t: Turn) => (t.base.is === "reviewing" ? t.base.step : "");
  return {
    booking: [
      ["picks months or no", (t, r) => typedBooking(t, r) !== null, (t, r) => book(t, typedBooking(t, r)!)],
      ["says something else", h.guards.always, h.readAsNew],
    ],
    offeringReview: [
      ["says yes: the review now", (_t, r) => r.yes || r.number === 1, (t) => answerOffer(t, "start")],
      ["says later", (_t, r) => r.no || r.number === 2, (t) => answerOffer(t, "later")],
      ["no more reminders", (t, r) => r.number === 3 || reviewCommandIn(t, r) === "stop", (t) => answerOffer(t, "stop")],
      ["says something else", h.guards.always, h.readAsNew],
    ],
    reviewing: [
      ["too long", h.guards.tooLong, h.sayTooLong],
      ["wants another language", h.guards.wantsLanguage, h.switchLanguage],
      ["gives a command", h.guards.givesCommand, h.runCommand],
      ["does not know", h.guards.isUnsure, (t) => t.ask(t.step(step(t))?.unsure[t.lang])],
      ["answers, sure", (t, r) => r.value !== null && r.value.step === step(t) && r.value.sure, (t, r) => applyReview(t, r.value!.step, r.value!.answer)],
      ["answers, unsure", (t, r) => r.value !== null && r.value.step === step(t), (t, r) => h.confirm(t, r.value!.step, r.value!.answer)],
      ["voices a doubt", h.guards.voicesDoubt, h.answerDoubt],
      ["anything else", h.guards.always, (t) => {
        t.events.push({ kind: "reasked", step: step(t), why: "unreadable" });
        t.reprompt();
      }],
    ],
  };
}
