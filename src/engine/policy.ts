/**
 * The policy: what the coach does with a reading, decided in one place for every platform. Each mode
 * has a table of named guards and actions; the first guard that holds acts. A reader sees every case
 * of a mode in its table, and a test can walk them (`POLICY`).
 *
 *   asking / editing     a question is waiting: an answer is saved (sure) or confirmed (unsure)...
 *   confirming           yes saves the reading, no drops it, anything else is read as a new message
 *   confirmingCommand    yes does it, no cancels, anything else cancels and is read as a new message
 *   choosingTopic        a number picks a topic, anything else is read as a new message
 *   choosingStep         a number picks the answer to change, anything else is read as a new message
 *   done                 corrections, doubts, questions, the list of topics when nothing fits
 */
import type { Command } from "../vocabulary/actions.ts";
import type { Answer } from "../vocabulary/answers.ts";
import type { Choice } from "../vocabulary/replies.ts";
import type { Reading, ValueReading } from "../understand/read-message.ts";
import { topicChoices } from "../rules/answer-objection.ts";
import { fill } from "../text/template.ts";
import { baseOf, stepOf, type Base, type Mode } from "./state.ts";
import { AFTER_PLAN, Turn } from "./turn.ts";
import { activeSteps } from "../plan/build-plan.ts";
import { sameAnswer } from "../vocabulary/answers.ts";
import { applyReview, isReviewStep, offerBooking, reviewStepsFor, reviewTables } from "./review-flow.ts";

type Guard = (t: Turn, r: Reading) => boolean;
type Act = (t: Turn, r: Reading) => void;
/** One row: a name (for tests and logs), when it applies, what it does. */
export type Rule = readonly [name: string, when: Guard, then: Act];

// ------------------------------------------------------------------ guards

const L = (t: Turn) => t.c.listening.limits;

/** Named conditions on a reading (and where the conversation stands). */
export const guards = {
  tooLong: (_t, r) => r.tooLong,
  wantsLanguage: (_t, r) => r.switchTo !== null && !(r.value?.sure && r.value.alone),
  givesCommand: (_t, r) => r.command !== null && !(r.value?.alone && r.value.sure),
  /** a new value for a question already answered (not the one being asked) */
  correctsAnother: (t, r) => r.other !== null && t.s.answers[r.other.step] !== undefined && !(r.value?.sure),
  /** "je sais pas", "what do you mean?", unless a choice says so ("je sais pas" = not decided yet) */
  isUnsure: (_t, r) => r.unsure && !(r.value?.alone),
  /** names a choice only to object to it: "notre site web suffit" at the goal question */
  objectsToChoice: (t, r) => objectsToChoice(t, r),
  /** a value for the question being asked (not the owner's own words, which wait for everything else) */
  answers: (_t, r) => r.value !== null && r.value.answer.type !== "text",
  /** an answer to a question not asked yet ("on a 5 h par semaine" while the goal is asked) */
  answersAhead: (t, r) => r.other !== null && t.s.answers[r.other.step] === undefined,
  reopens: (_t, r) => r.change !== null,
  negatesFigure: (_t, r) => r.negated,
  supposes: (_t, r) => r.hypothetical,
  refuses: (_t, r) => r.refusal,
  /**
   * a doubt, recognised by a strong word when the message is a question (a weak word in a question is
   * only a question); a question rule, during the interview, only when the message is asked as a
   * question ("more Google reviews" at the goal question is a goal, "how do I get more Google reviews?" a question)
   */
  voicesDoubt: (t, r) => r.doubt.kind === "match" && (r.doubt.strong || !r.question) && (r.question || !asksDuringInterview(t, r.doubt.id)),
  /**
   * opens with a question the rule base answers, and gives no sure answer: "which network is best for a
   * plumber?" at the trade question is answered, then the question comes back (the trade is not guessed from it)
   */
  asksRuleQuestion: (t, r) => r.questionOpens && r.doubt.kind === "match" && r.doubt.strong && t.c.rules.get(r.doubt.id)?.kind === "question" && !(r.value?.sure),
  /** opens as a question to the coach, voices no doubt, and gives no sure answer ("c'est quoi la différence entre perso pis pro?") */
  opensQuestion: (_t, r) => r.questionOpens && r.doubt.kind === "none" && !(r.value?.sure),
  hesitatesBetweenDoubts: (_t, r) => r.doubt.kind === "ambiguous",
  asksQuestion: (_t, r) => r.question,
  smallTalk: (_t, r) => r.smallTalk !== null,
  /** says what the business is, with no answer of a choice in it */
  describesBusiness: (_t, r) => r.aboutBusiness && (r.value === null || r.value.answer.type === "text"),
  /** a goal in the owner's own words: what is left when nothing else explains the message */
  ownWords: (_t, r) => r.value?.answer.type === "text",
  saysYes: (_t, r) => (r.yes || r.number === 1) && r.value === null && r.other === null,
  saysNo: (_t, r) => (r.no || r.number === 2) && r.value === null && r.other === null,
  picksNumber: (_t, r) => r.number !== null,
  always: () => true,
} satisfies Record<string, Guard>;

/** A question rule (not a doubt), while a question of the interview is waiting for its answer. */
function asksDuringInterview(t: Turn, rule: string): boolean {
  return t.c.rules.get(rule)?.kind === "question" && stepOf(t.base) !== null;
}

/**
 * A doubt beside an answer is answered only when it is really voiced, not by the answer's own words;
 * a question rule only when the message asks it as a question.
 */
function voicedBeside(t: Turn, r: Reading, v: ValueReading): boolean {
  if (r.doubt.kind !== "match" || v.alone || r.words.length < L(t).minWordsForDoubtBesideAnswer) return false;
  if (t.c.rules.get(r.doubt.id)?.kind === "question" && !r.question) return false;
  // the learned fallback never speaks beside an answer: it was taught doubts, not answers with a word of one
  if (r.doubt.by !== "rules" || r.doubt.confidence < L(t).doubtBesideAnswerConfidence) return false;
  return [...r.doubtWords].some((w) => !v.words.has(w));
}

/**
 * The rule of dialogs/objections.yaml (`objectionOverAnswer`): the doubt is recognised with
 * confidence (by its keyword rules), by the very words that named the choice, and its words make up
 * more of the message than the choice's words do. A number, a label or a choice's word
 * typed alone is always an answer.
 */
function objectsToChoice(t: Turn, r: Reading): boolean {
  const v = r.value;
  if (!v || v.alone || v.answer.type !== "choice" || r.doubt.kind === "none") return false;
  // a question to the coach does not object to a choice: "facebook or instagram?" at the network question is not an objection
  if (r.doubt.kind === "match" && t.c.rules.get(r.doubt.id)?.kind === "question") return false;
  if (r.doubt.confidence < t.c.objections.objectionOverAnswer.minConfidence) return false;
  if (![...v.words].some((w) => r.doubtWords.has(w))) return false;
  // the keyword rules' own reading, not the learned fallback's (it settles ties, it does not overrule an answer)
  // as much of the message as the choice's, when the doubt is found with high confidence: "my business partner will never go for that"
  const more = r.doubtShare > v.share || (r.doubtShare === v.share && r.doubt.confidence >= 0.75);
  return (r.doubt.kind === "ambiguous" || r.doubt.by === "rules") && more;
}

// ------------------------------------------------------------------ actions

const actions = {
  sayTooLong: (t) => {
    t.say(t.msg("tooLong", { max: t.c.messages.limits.maxMessageLength }));
    t.ask();
  },
  switchLanguage: (t, r) => {
    t.set({ lang: r.switchTo!, langSource: "chosen" });
    t.say(t.msg("languageSwitched"));
    resumeAfterAside(t);
  },
  runCommand: (t, r) => runCommand(t, r.command!),
  correct: (t, r) => takeValue(t, r, r.other!, false),
  hint: (t) => {
    const step = t.step(stepOf(t.base));
    t.events.push({ kind: "reasked", step: step?.id ?? "", why: "unsure" });
    t.ask(step?.unsure[t.lang]);
  },
  answerObjectionInstead: (t, r) => {
    if (r.doubt.kind === "match") t.answerDoubt(r.doubt.id, { by: r.doubt.by, confidence: r.doubt.confidence, terms: r.doubt.terms }, true);
    else if (r.doubt.kind === "ambiguous") t.offerRules(r.doubt.ids);
  },
  takeValue: (t, r) => takeValue(t, r, r.value!),
  takeAhead: (t, r) => takeValue(t, r, r.other!, false),
  reopen: (t, r) => reopen(t, r.change!),
  negated: (t, r) => {
    t.events.push({ kind: "reasked", step: stepOf(t.base) ?? "", why: "negated" });
    if (r.doubt.kind === "match") t.answerDoubt(r.doubt.id, { by: r.doubt.by, confidence: r.doubt.confidence, terms: r.doubt.terms }, false);
    t.ask(t.msg("negatedFigure"));
  },
  supposed: (t) => {
    t.events.push({ kind: "reasked", step: stepOf(t.base) ?? "", why: "hypothetical" });
    t.ask(t.msg("hypothetical"));
  },
  refused: (t) => {
    const step = t.step(stepOf(t.base));
    t.events.push({ kind: "reasked", step: step?.id ?? "", why: "refused" });
    t.ask(t.msg("refused"), step?.reprompt[t.lang]);
  },
  answerDoubt: (t, r) => {
    if (r.doubt.kind === "match") t.answerDoubt(r.doubt.id, { by: r.doubt.by, confidence: r.doubt.confidence, terms: r.doubt.terms }, true);
  },
  offerDoubts: (t, r) => {
    if (r.doubt.kind === "ambiguous") t.offerRules(r.doubt.ids);
  },
  questionNoted: (t) => {
    const left = t.steps.filter((s) => t.s.answers[s.id] === undefined).length;
    t.events.push({ kind: "reasked", step: stepOf(t.base) ?? "", why: "question" });
    t.ask(t.msg("questionNoted", { left }));
  },
  smallTalkReply: (t, r) => {
    t.ask(t.c.messages.text.smallTalk[r.smallTalk!][t.lang]);
  },
  confirmOwnWords: (t, r) => takeValue(t, r, r.value!),
  reprompt: (t) => {
    t.events.push({ kind: "reasked", step: stepOf(t.base) ?? "", why: "unreadable" });
    t.reprompt();
  },
  // confirming
  acceptReading: (t) => {
    const m = t.mode;
    if (m.is !== "confirming") return;
    t.to(m.base);
    apply(t, m.step, m.reading, "confirmed");
  },
  declineReading: (t) => {
    const m = t.mode;
    if (m.is !== "confirming") return;
    t.to(m.base);
    t.events.push({ kind: "reasked", step: m.step, why: "declined" });
    if (stepOf(m.base) === m.step) t.ask(t.msg("readingDeclined"));
    else resumeAfterAside(t, t.msg("readingDeclined"));
  },
  // confirmingCommand
  doCommand: (t) => confirmCommand(t, true),
  cancelCommand: (t) => confirmCommand(t, false),
  // choosingTopic / choosingStep / done
  pickTopic: (t, r) => {
    const m = t.mode;
    const rule = m.is === "choosingTopic" ? m.rules[r.number! - 1] : undefined;
    t.to(baseOf(m));
    if (rule) t.answerDoubt(rule, { by: "button", confidence: 1, terms: [] }, true);
    else decide(t, r);
  },
  pickStep: (t, r) => {
    // the number of a button of chooseStep: the answered questions, in order
    const step = t.c.steps.filter((s) => t.s.answers[s.id] !== undefined)[r.number! - 1];
    t.to(baseOf(t.mode));
    if (step) reopen(t, step.id);
    else decide(t, r);
  },
  pickAfterPlan: (t, r) => {
    const a = AFTER_PLAN[r.number! - 1];
    if (!a) return actions.notUnderstood(t);
    if (a.kind === "command") runCommand(t, a.command);
    else if (a.kind === "change") chooseStep(t);
  },
  answerDoubtAfterPlan: (t, r) => {
    if (r.doubt.kind === "match") t.answerDoubt(r.doubt.id, { by: r.doubt.by, confidence: r.doubt.confidence, terms: r.doubt.terms }, false);
  },
  questionAfterPlan: (t) => {
    const topics = topicChoices(t.c, t.lang);
    t.events.push({ kind: "not-understood" });
    t.to({ is: "choosingTopic", rules: topics.flatMap((c) => (c.action.kind === "topic" ? [c.action.rule] : [])), base: t.base });
    t.say(t.msg("questionAfterPlan"), topics);
  },
  smallTalkAfterPlan: (t, r) => t.say(t.c.messages.text.smallTalk[r.smallTalk!][t.lang]),
  notUnderstood: (t) => {
    const topics = topicChoices(t.c, t.lang);
    t.events.push({ kind: "not-understood" });
    t.to({ is: "choosingTopic", rules: topics.flatMap((c) => (c.action.kind === "topic" ? [c.action.rule] : [])), base: t.base });
    t.say(t.c.objections.text.noMatch[t.lang], topics);
  },
  /** drop the overlay and read the message as the base mode would */
  readAsNew: (t, r) => {
    t.to(baseOf(t.mode));
    decide(t, r);
  },
} satisfies Record<string, Act>;

// ------------------------------------------------------------------ the tables

const asking: readonly Rule[] = [
  ["too long", guards.tooLong, actions.sayTooLong],
  ["wants another language", guards.wantsLanguage, actions.switchLanguage],
  ["gives a command", guards.givesCommand, actions.runCommand],
  ["corrects an earlier answer", guards.correctsAnother, actions.correct],
  ["is unsure", guards.isUnsure, actions.hint],
  ["names a choice only to object to it", guards.objectsToChoice, actions.answerObjectionInstead],
  ["opens with a question the coach answers", guards.asksRuleQuestion, actions.answerDoubt],
  ["opens with a question to the coach", guards.opensQuestion, actions.questionNoted],
  ["answers", guards.answers, actions.takeValue],
  ["answers a later question", guards.answersAhead, actions.takeAhead],
  ["reopens an answer", guards.reopens, actions.reopen],
  ["turns a figure down", guards.negatesFigure, actions.negated],
  ["supposes", guards.supposes, actions.supposed],
  ["refuses the choices", guards.refuses, actions.refused],
  ["voices a doubt", guards.voicesDoubt, actions.answerDoubt],
  ["hesitates between doubts", guards.hesitatesBetweenDoubts, actions.offerDoubts],
  ["asks the coach a question", guards.asksQuestion, actions.questionNoted],
  ["makes small talk", guards.smallTalk, actions.smallTalkReply],
  ["says what the business is", guards.describesBusiness, (t) => t.ask(t.msg("aboutBusiness"))],
  ["says it in own words (trade, goal)", guards.ownWords, actions.confirmOwnWords],
  ["anything else", guards.always, actions.reprompt],
];

const done: readonly Rule[] = [
  ["too long", guards.tooLong, (t) => t.say(t.msg("tooLong", { max: t.c.messages.limits.maxMessageLength }))],
  ["wants another language", guards.wantsLanguage, actions.switchLanguage],
  ["gives a command", guards.givesCommand, actions.runCommand],
  ["picks what to do next", guards.picksNumber, actions.pickAfterPlan],
  ["corrects an answer", guards.answersAhead, actions.correct],
  ["corrects an earlier answer", guards.correctsAnother, actions.correct],
  ["reopens an answer", guards.reopens, actions.reopen],
  ["voices a doubt", guards.voicesDoubt, actions.answerDoubtAfterPlan],
  ["hesitates between doubts", guards.hesitatesBetweenDoubts, actions.offerDoubts],
  ["makes small talk", guards.smallTalk, actions.smallTalkAfterPlan],
  ["asks the coach a question", guards.asksQuestion, actions.questionAfterPlan],
  ["anything else", guards.always, actions.notUnderstood],
];

/** Every mode's table. */
export const POLICY: { readonly [M in Mode["is"]]: readonly Rule[] } = {
  asking,
  editing: asking,
  done,
  confirming: [
    ["too long", guards.tooLong, actions.sayTooLong],
    ["wants another language", guards.wantsLanguage, (t, r) => {
      t.set({ lang: r.switchTo!, langSource: "chosen" });
      t.say(t.msg("languageSwitched"));
      sayConfirmation(t);
    }],
    ["gives a command", guards.givesCommand, (t, r) => {
      t.to(baseOf(t.mode));
      runCommand(t, r.command!);
    }],
    ["says yes", guards.saysYes, actions.acceptReading],
    ["says no", guards.saysNo, actions.declineReading],
    ["says something else", guards.always, actions.readAsNew],
  ],
  confirmingCommand: [
    ["too long", guards.tooLong, (t) => {
      const m = t.mode;
      t.say(t.msg("tooLong", { max: t.c.messages.limits.maxMessageLength }));
      if (m.is === "confirmingCommand") t.say(t.msg(m.command === "forget" ? "forgetConfirm" : "restartConfirm"), t.yesNo(m.command));
    }],
    ["says yes", guards.saysYes, actions.doCommand],
    ["says no", guards.saysNo, actions.cancelCommand],
    ["says something else", guards.always, (t, r) => {
      confirmCommand(t, false, true);
      decide(t, r);
    }],
  ],
  choosingTopic: [
    ["picks a topic", guards.picksNumber, actions.pickTopic],
    ["says something else", guards.always, actions.readAsNew],
  ],
  choosingStep: [
    ["picks an answer to change", guards.picksNumber, actions.pickStep],
    ["says something else", guards.always, actions.readAsNew],
  ],
  ...reviewTables({
    guards,
    runCommand: actions.runCommand,
    sayTooLong: actions.sayTooLong,
    switchLanguage: actions.switchLanguage,
    answerDoubt: actions.answerDoubt,
    readAsNew: actions.readAsNew,
    confirm: (t, step, answer) => confirmReading(t, step, answer, ["a review answer read with doubts"]),
  }),
};

/** Decides what to do with a reading, from the table of the current mode. */
export function decide(t: Turn, r: Reading): void {
  const table = POLICY[t.mode.is];
  for (const [, when, then] of table) {
    if (when(t, r)) {
      then(t, r);
      return;
    }
  }
}

/** The name of the row that would act on this reading in this mode (for tests and logs). */
export function ruleFor(t: Turn, r: Reading): string {
  return POLICY[t.mode.is].find(([, when]) => when(t, r))?.[0] ?? "none";
}

// ------------------------------------------------------------------ what the actions share

/**
 * A value read: saved and said back when sure, confirmed first otherwise; a doubt voiced beside an
 * answer to the question asked is answered with it (a correction is only a correction).
 */
function takeValue(t: Turn, r: Reading, v: ValueReading, withDoubt = true): void {
  const beside = withDoubt && voicedBeside(t, r, v) && r.doubt.kind === "match" ? r.doubt : null;
  if (v.sure) {
    apply(t, v.step, v.answer, t.s.answers[v.step] === undefined ? "sure" : "changed", beside ? () => {
      const asked = t.c.rules.get(beside.id)?.kind === "question";
      t.say((asked ? t.c.objections.text.alsoAsked : t.c.objections.text.alsoNoted)[t.lang]);
      t.answerDoubt(beside.id, { by: beside.by, confidence: beside.confidence, terms: beside.terms }, false);
    } : undefined);
    return;
  }
  if (beside) t.answerDoubt(beside.id, { by: beside.by, confidence: beside.confidence, terms: beside.terms }, false);
  confirmReading(t, v.step, v.answer, v.doubts);
}

/** Asks the owner to confirm a reading: "I read 32.6 h a month as your time. Is that right?" */
function confirmReading(t: Turn, step: string, answer: Answer, doubts: string[]): void {
  t.to({ is: "confirming", step, reading: answer, base: t.base });
  t.events.push({ kind: "confirming", step, doubts });
  sayConfirmation(t);
}

function sayConfirmation(t: Turn): void {
  const m = t.mode;
  if (m.is !== "confirming") return;
  const old = t.s.answers[m.step];
  const answer = t.describe(m.step, m.reading);
  const editing = t.base.is === "editing" && t.base.step === m.step;
  const text =
    m.reading.type === "text" ? t.msg("confirmOwnWords", { answer, question: t.nameOf(m.step) })
    : old && !editing ? t.msg("confirmChange", { question: t.nameOf(m.step), old: t.describe(m.step, old), answer })
    : t.msg("confirmReading", { answer, question: t.nameOf(m.step) });
  t.say(text, t.yesNo(m.step, "readingRight", "readingWrong"));
}

/**
 * Saves an answer and says so: the question being asked moves on to the next one (or the plan); a
 * change says what changed, then the conversation goes back where it was.
 */
export function apply(t: Turn, step: string, answer: Answer, how: "sure" | "confirmed" | "button" | "changed", aside?: () => void): void {
  // a question of the pilot review: kept with the review, not with the plan's answers
  if (isReviewStep(t, step)) return applyReview(t, step, answer);
  const old = t.s.answers[step];
  t.set({ answers: withoutClosed(t, { ...t.s.answers, [step]: answer }, step) });
  t.events.push({ kind: "saved", step, how: old && !sameAnswer(old, answer) ? "changed" : how });
  const base = t.base;
  const s = t.step(step)!;
  if (base.is === "asking" && base.step === step) {
    t.say(answer.type === "text" ? t.msg("customGoal", { answer: t.describe(step, answer) }) : fill(s.ack[t.lang], { answer: t.describe(step, answer) }, t.lang));
    aside?.();
    return advance(t, step);
  }
  if (old && !sameAnswer(old, answer)) t.say(t.msg("changed", { question: t.nameOf(step), old: t.describe(step, old), answer: t.describe(step, answer) }));
  else if (!old && !(base.is === "editing" && base.step === step)) t.say(t.msg("notedAhead", { question: t.nameOf(step), answer: t.describe(step, answer) }));
  else t.say(fill(s.ack[t.lang], { answer: t.describe(step, answer) }, t.lang));
  aside?.();
  if (base.is === "editing" && base.step === step) {
    if (base.resume === null) return backToPlan(t);
    return resumeAt(t, base.resume);
  }
  if (base.is === "done") return backToPlan(t);
  const pending = stepOf(base);
  if (base.is === "asking" && pending !== null) return resumeAt(t, pending);
  // the answer being changed is no longer asked: back where the change was started
  if (base.is === "editing" && !t.steps.some((x) => x.id === base.step)) return base.resume === null ? backToPlan(t) : resumeAt(t, base.resume);
  t.ask();
}

/**
 * The answers without those of questions this owner is no longer asked: the age once the customers
 * are businesses, the network once there is no page. Kept, they would still count in the plan.
 */
function withoutClosed(t: Turn, answers: Record<string, Answer>, saved: string): Record<string, Answer> {
  const asked = new Set(activeSteps(t.c, answers).map((s) => s.id));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => id === saved || asked.has(id)));
}

/** Asks a question again, or, when a change means it is no longer asked, moves on to the next one. */
function resumeAt(t: Turn, step: string): void {
  if (!t.steps.some((x) => x.id === step)) return advance(t, step);
  t.to({ is: "asking", step });
  t.ask();
}

/**
 * After a change once the plan is written: the plan is rebuilt, and what to do next offered; first,
 * a question the change opens (the age once the customers are people, the network once there is a page).
 */
function backToPlan(t: Turn): void {
  const opened = t.steps.find((x) => t.s.answers[x.id] === undefined);
  if (opened) {
    t.to({ is: "editing", step: opened.id, resume: null });
    return t.ask();
  }
  t.to({ is: "done" });
  t.say(t.msg("planUpdated"), t.afterPlanChoices());
}

/** Moves to the next unanswered question, or writes the plan. */
function advance(t: Turn, from: string): void {
  const steps = t.steps;
  const i = steps.findIndex((x) => x.id === from);
  const order = [...steps.slice(i + 1), ...steps.slice(0, i + 1)];
  const next = order.find((x) => t.s.answers[x.id] === undefined);
  // "une vieille page Facebook qu'on anime plus": the network of the page is said already
  const named = next?.id === t.c.networks.presence.where && next.kind === "choice" && t.heard.length === 1 ? next.choices.find((c) => c.id === t.heard[0]) : undefined;
  if (next && named) {
    t.set({ answers: { ...t.s.answers, [next.id]: { type: "choice", id: named.id } } });
    t.events.push({ kind: "saved", step: next.id, how: "sure" });
    t.say(fill(next.ack[t.lang], { answer: named.label[t.lang] }, t.lang));
    return advance(t, next.id);
  }
  if (next) {
    t.to({ is: "asking", step: next.id });
    t.ask();
    return;
  }
  t.to({ is: "done" });
  t.events.push({ kind: "plan-finished" });
  t.say(t.msg("planReady"));
  t.showPlan();
  // the first time the plan is written: shall the coach come back for the pilot review?
  if (t.s.followUp.status === "unasked") return offerBooking(t);
  t.afterPlan();
}

/** Reopens an earlier answer; afterwards the conversation goes back where it was. */
export function reopen(t: Turn, step: string): void {
  const answer = t.s.answers[step];
  const base = t.base;
  const resume = base.is === "done" ? null : base.is === "editing" ? base.resume : base.step;
  if (!answer || resume === step) {
    t.to({ is: "asking", step });
    return t.ask();
  }
  t.to({ is: "editing", step, resume });
  t.ask(t.msg("changeWhat", { question: t.nameOf(step), answer: t.describe(step, answer) }));
}

/** "Which answer do you want to change?" with one button per answered question. */
export function chooseStep(t: Turn): void {
  const labels = t.c.plan.labels as unknown as Record<string, { fr: string; en: string } | undefined>;
  const choices: Choice[] = t.c.steps
    .filter((s) => t.s.answers[s.id] !== undefined)
    .map((s) => ({ action: { kind: "change", step: s.id }, label: (labels[s.id]?.[t.lang] ?? s.name[t.lang]).replace(/\s*:\s*$/, "") }));
  t.to({ is: "choosingStep", base: t.base });
  t.say(t.msg("changeWhich"), choices);
}

/** After an aside (a language switch, a declined change): the question again, or what to do with the plan. */
function resumeAfterAside(t: Turn, leadIn?: string): void {
  if (t.base.is === "done") t.afterPlan(leadIn);
  else t.ask(leadIn);
}

// ------------------------------------------------------------------ commands

export function runCommand(t: Turn, cmd: Command): void {
  const base = t.base;
  t.to(base);
  t.events.push({ kind: "command", command: cmd });
  switch (cmd) {
    case "back":
      return back(t);
    case "restart":
      if (Object.keys(t.s.answers).length === 0) {
        t.say(t.msg("restarted"));
        t.to({ is: "asking", step: t.c.steps[0]!.id });
        return t.ask();
      }
      t.to({ is: "confirmingCommand", command: "restart", base });
      return t.say(t.msg("restartConfirm"), t.yesNo("restart"));
    case "forget":
      t.to({ is: "confirmingCommand", command: "forget", base });
      return t.say(t.msg("forgetConfirm"), t.yesNo("forget"));
    case "help":
      t.say(t.msg("help", { topics: topicChoices(t.c, t.lang).map((x) => x.label).join(" · ") }));
      return resumeAfterAside(t);
    case "plan":
      if (Object.keys(t.s.answers).length === 0) {
        t.say(t.msg("planEmpty"));
        return t.ask();
      }
      if (base.is !== "done") t.say(t.msg("planSoFar"));
      t.showPlan();
      return resumeAfterAside(t);
  }
}

/** Yes or no to a destructive command; `quietly`: the owner moved on, say it and read their message. */
export function confirmCommand(t: Turn, yes: boolean, quietly = false): void {
  const m = t.mode;
  if (m.is !== "confirmingCommand") return;
  t.to(m.base);
  if (m.command === "forget" && yes) {
    t.effects.push({ kind: "forget-user" });
    t.set({ answers: {}, mentioned: [], mode: { is: "asking", step: t.c.steps[0]!.id } });
    t.say(t.msg("forgotten"));
    return;
  }
  if (m.command === "restart" && yes) {
    t.set({ answers: {}, mentioned: [], mode: { is: "asking", step: t.c.steps[0]!.id } });
    t.say(t.msg("restarted"));
    return t.ask();
  }
  t.say(t.msg(m.command === "forget" ? "notForgotten" : "notRestarted"));
  if (!quietly) resumeAfterAside(t);
}

function back(t: Turn): void {
  if (t.base.is === "reviewing") return backInReview(t);
  const steps = t.steps;
  const current = stepOf(t.base);
  const i = current === null ? steps.length : steps.findIndex((x) => x.id === current);
  if (i <= 0) {
    t.say(t.msg("backAtStart"));
    return t.ask();
  }
  const prev = steps[i - 1]!;
  t.to({ is: "asking", step: prev.id });
  const a = t.s.answers[prev.id];
  if (a) t.say(t.msg("backTo", { answer: t.describe(prev.id, a) }));
  t.ask();
}

/** The base a stale or foreign button leaves the conversation in: said, and the question again. */
export function stale(t: Turn): void {
  t.to(baseOf(t.mode) as Base);
  t.say(t.msg("staleChoice"));
  resumeAfterAside(t);
}

/** "back" during the review: the previous review question (its answer is asked again). */
function backInReview(t: Turn): void {
  const steps = reviewStepsFor(t);
  const i = steps.findIndex((x) => x.id === stepOf(t.base));
  if (i <= 0) {
    t.say(t.msg("backAtStart"));
    return t.ask();
  }
  const prev = steps[i - 1]!;
  const { [prev.id]: _dropped, ...kept } = t.s.reviewAnswers;
  t.set({ reviewAnswers: kept });
  t.to({ is: "reviewing", step: prev.id });
  t.ask();
}
