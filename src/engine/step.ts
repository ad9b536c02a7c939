/**
 * The dialog engine: one pure transition per input.
 *
 * `step(state, input, content, now)` reads a typed message once (src/understand/read-message.ts),
 * lets the policy decide (policy.ts), and returns the next state, the replies, the effects to run
 * and what the turn did. No I/O, no clock (the caller passes `now`), no randomness, no platform
 * type: the coordinator loads and saves, the adapters render.
 */
import type { Content } from "../content/compile.ts";
import type { Lang } from "../content/schema.ts";
import { answerObjection, topicChoice, topicChoices } from "../rules/answer-objection.ts";
import { read, type Reading } from "../understand/read-message.ts";
import type { Action } from "../vocabulary/actions.ts";
import type { Effect, TurnEvent } from "../vocabulary/effects.ts";
import type { Input } from "../vocabulary/inputs.ts";
import type { Reply } from "../vocabulary/replies.ts";
import { apply, chooseStep, confirmCommand, decide, reopen, runCommand, stale } from "./policy.ts";
import { baseOf, stepOf, type SessionState } from "./state.ts";
import { Turn } from "./turn.ts";
import { answerOffer, book, offerDueOnOpen, offerReview, remind, reviewCommandIn, reviewStepsFor, runReviewCommand, undelivered } from "./review-flow.ts";
import { activeSteps } from "../plan/build-plan.ts";
import { normalize } from "../text/normalize.ts";

export interface StepResult {
  /** the state to keep (when `save`); ignored when `effects` asks to forget the user */
  state: SessionState;
  replies: Reply[];
  effects: Effect[];
  /** what this turn did: doubts answered, answers saved or confirmed, questions asked again */
  events: TurnEvent[];
  /** false when nothing of the turn is to be kept (a question asked outside the interview, an export) */
  save: boolean;
  /** the reading of a typed message (for logs and the test mode); null for other inputs */
  reading: Reading | null;
}

/** A new session: nothing answered, waiting for the first question. */
export function freshState(content: Content, now: string, locale?: Lang): SessionState {
  return {
    lang: locale ?? content.messages.defaultLang,
    langSource: locale ? "hint" : "default",
    answers: {},
    mode: { is: "asking", step: content.steps[0]!.id },
    createdAt: now,
    updatedAt: now,
    turns: 0,
    mentioned: [],
    followUp: { status: "unasked", months: null, dueAt: null, remindedAt: null, waiting: false },
    reviewAnswers: {},
    reviews: [],
  };
}

/** The networks a message names (ids of networks.yaml). */
function networksNamed(content: Content, text: string): string[] {
  const words = normalize(text).split(" ");
  return [...content.networkMentions].filter(([, list]) => list.find(words).length > 0).map(([id]) => id);
}

/** The networks named, added to those named before (first mention first). */
function withMentions(s: SessionState, named: readonly string[]): SessionState {
  const fresh = named.filter((id) => !s.mentioned.includes(id));
  return fresh.length === 0 ? s : { ...s, mentioned: [...s.mentioned, ...fresh].slice(0, 12) };
}

/**
 * A plan written before the interview grew (a session from an older coach): the questions it never
 * asked come back, the first one next, and the answers given are kept.
 */
function reopenUnasked(s: SessionState, content: Content): SessionState {
  if (s.mode.is !== "done") return s;
  const next = activeSteps(content, s.answers).find((x) => s.answers[x.id] === undefined);
  return next ? { ...s, mode: { is: "asking", step: next.id } } : s;
}

/**
 * One turn of the conversation.
 *
 * @param state the session so far, or undefined for a new user
 * @param now an ISO timestamp, recorded in the state
 * @example
 * const { state, replies } = step(undefined, { kind: "open" }, content, new Date().toISOString());
 */
export function step(state: SessionState | undefined, input: Input, content: Content, now: string): StepResult {
  const isNew = state === undefined;
  let s = state ?? freshState(content, now, input.locale);
  if (input.locale && s.langSource !== "chosen" && s.langSource !== "hint") s = { ...s, lang: input.locale, langSource: "hint" };
  s = reopenUnasked({ ...s, updatedAt: now, turns: s.turns + 1 }, content);
  // a message too long to be read is not searched for networks either
  const named = (input.kind === "text" || input.kind === "ask") && "text" in input && input.text.length <= content.messages.limits.maxMessageLength ? networksNamed(content, input.text) : [];
  s = withMentions(s, named);
  const t = new Turn(s, content);
  t.heard = named;
  t.now = now;
  let reading: Reading | null = null;
  switch (input.kind) {
    case "open":
      open(t, isNew);
      break;
    case "text":
      if (input.step !== undefined && input.step !== stepOf(baseOf(t.mode))) stale(t);
      else {
        reading = read(content, input.text, { step: stepOf(baseOf(t.mode)), answers: t.s.answers });
        text(t, reading, isNew);
      }
      break;
    case "action":
      action(t, input.action, isNew);
      break;
    case "ask":
      if ("rule" in input) {
        t.save = false;
        if (!t.c.rules.has(input.rule)) return { state: t.s, replies: [], effects: [], events: [], save: false, reading: null };
        t.events.push({ kind: "doubt", rule: input.rule, by: "button", confidence: 1, terms: [] });
        t.replies.push(answerObjection(t.c, input.rule, t.lang, t.s.answers, true));
        break;
      }
      reading = read(content, input.text, { step: null, answers: t.s.answers });
      ask(t, reading, isNew, input.locale);
      break;
    case "export":
      t.save = false;
      if (!isNew && Object.keys(t.s.answers).length > 0) t.showPlan();
      break;
    case "remind":
      if (isNew) return { state: t.s, replies: [], effects: [], events: [], save: false, reading: null };
      remind(t);
      break;
    case "undelivered":
      if (isNew) return { state: t.s, replies: [], effects: [], events: [], save: false, reading: null };
      undelivered(t);
      break;
  }
  return { state: t.s, replies: t.replies, effects: t.effects, events: t.events, save: t.save, reading };
}

function welcome(t: Turn): void {
  t.say(`${t.msg("welcome")}\n${t.msg("otherLanguage")}`);
  t.ask();
}

function open(t: Turn, isNew: boolean): void {
  if (isNew) return welcome(t);
  const base = baseOf(t.mode);
  // the review's offer left unanswered (the reminder's buttons not pressed, the coach opened instead)
  const offerPending = t.mode.is === "offeringReview";
  t.to(base);
  // a pilot review that came due while the owner was away: offered now
  if (offerDueOnOpen(t)) return;
  // an offer still waiting for its answer is offered again, not dropped (its buttons then still work)
  if (offerPending && base.is === "done") return offerReview(t);
  if (base.is === "done") return t.say(t.msg("resumedDone"), t.afterPlanChoices());
  const steps = base.is === "reviewing" ? reviewStepsFor(t) : t.steps;
  const number = steps.findIndex((x) => x.id === stepOf(base)) + 1;
  t.say(t.msg("resumed", { number, total: steps.length }));
  t.ask();
}

function text(t: Turn, r: Reading, isNew: boolean): void {
  if (t.s.langSource === "default" && r.lang) t.set({ lang: r.lang, langSource: "detected" });
  if (isNew && r.tooLong) {
    t.say(t.msg("tooLong", { max: t.c.messages.limits.maxMessageLength }));
    return t.ask();
  }
  if (isNew) {
    // a first message is never taken as an answer: nothing has been asked yet
    if (r.switchTo) t.set({ lang: r.switchTo, langSource: "chosen" });
    if (r.doubt.kind === "match") t.answerDoubt(r.doubt.id, { by: r.doubt.by, confidence: r.doubt.confidence, terms: r.doubt.terms }, false);
    t.to({ is: "asking", step: t.c.steps[0]!.id });
    return welcome(t);
  }
  // "rappelle-moi", "change my review date", "no reminders", "start the review"
  const reviewCommand = reviewCommandIn(t, r);
  if (reviewCommand && !(r.value?.sure && r.value.alone)) return runReviewCommand(t, reviewCommand);
  decide(t, r);
}

function action(t: Turn, a: Action, isNew: boolean): void {
  const mode = t.mode;
  switch (a.kind) {
    case "pick": {
      const step = t.step(a.step);
      const asked = stepOf(baseOf(mode)) === a.step || (mode.is === "confirming" && mode.step === a.step);
      if (!asked || step?.kind !== "choice" || !step.choices.some((c) => c.id === a.choice)) return stale(t);
      if (mode.is === "confirming" && mode.step === a.step) t.to(mode.base);
      else t.to(baseOf(mode));
      return apply(t, a.step, { type: "choice", id: a.choice }, "button");
    }
    case "confirm":
      if (mode.is === "confirming" && mode.step === a.about) return decide(t, { ...NO_TEXT, yes: a.yes, no: !a.yes });
      if (mode.is === "confirmingCommand" && mode.command === a.about) return confirmCommand(t, a.yes);
      return stale(t);
    case "command":
      return runCommand(t, a.command);
    case "topic": {
      if (!t.c.rules.has(a.rule)) return stale(t);
      if (isNew) {
        // a topic button pressed outside an interview (under an answer in a channel): answered, nothing kept
        t.save = false;
        t.replies.push(answerObjection(t.c, a.rule, t.lang, {}, true));
        t.events.push({ kind: "doubt", rule: a.rule, by: "button", confidence: 1, terms: [] });
        return;
      }
      t.to(baseOf(mode));
      return t.answerDoubt(a.rule, { by: "button", confidence: 1, terms: [] }, true);
    }
    case "lang":
      t.set({ lang: a.lang, langSource: "chosen" });
      t.say(t.msg("languageSwitched"));
      return baseOf(mode).is === "done" ? t.afterPlan() : t.ask();
    case "change":
      t.to(baseOf(mode));
      if (a.step === null) return chooseStep(t);
      if (!t.s.answers[a.step]) return stale(t);
      return reopen(t, a.step);
    case "book":
      if (mode.is !== "booking") return stale(t);
      return book(t, a.months);
    case "review":
      if (mode.is !== "offeringReview") return stale(t);
      return answerOffer(t, a.what);
  }
}

/**
 * A question asked outside the interview (a mention in a channel, /ask, `coach ask`): the rule's
 * answer with related topics, "which one did you mean?", or the list of topics. Nothing is kept.
 * When the message asks for a plan, the effect says the interview should open: the adapter opens it
 * where interviews go (a DM, a thread), with an `open` input; the replies here show what it would say.
 */
function ask(t: Turn, r: Reading, isNew: boolean, locale: Lang | undefined): void {
  t.save = false;
  if (r.planRequest) {
    t.effects.push({ kind: "open-interview" });
    return open(t, isNew);
  }
  if (!locale && (isNew || t.s.langSource === "default") && r.lang) t.set({ lang: r.lang });
  if (r.doubt.kind === "match") {
    t.events.push({ kind: "doubt", rule: r.doubt.id, by: r.doubt.by, confidence: r.doubt.confidence, terms: r.doubt.terms });
    t.replies.push(answerObjection(t.c, r.doubt.id, t.lang, t.s.answers, true));
  } else if (r.doubt.kind === "ambiguous") {
    t.say(t.c.objections.text.whichOne[t.lang], r.doubt.ids.map((id) => topicChoice(t.c, id, t.lang)));
  } else {
    t.events.push({ kind: "not-understood" });
    t.say(t.c.objections.text.noMatch[t.lang], topicChoices(t.c, t.lang));
  }
}

/** The reading of a button's yes or no: nothing typed. */
const NO_TEXT: Reading = {
  text: "", words: [], empty: false, tooLong: false, lang: null, switchTo: null, command: null, yes: false, no: false, number: null,
  unsure: false, smallTalk: null, question: false, questionOpens: false, refusal: false, aboutBusiness: false, negated: false, hypothetical: false, correction: false,
  doubt: { kind: "none", confidence: 0 }, doubtWords: new Set(), doubtShare: 0, value: null, other: null, change: null, planRequest: false,
};
