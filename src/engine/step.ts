/**
 * The dialog engine: one pure transition per user input.
 *
 * `step(state, input, content, now)` returns the next state, the replies and the effects to run.
 * No I/O, no clock (the caller passes `now`), no randomness, no platform type: the coordinator
 * loads and saves, the adapters render.
 */
import type { Content } from "../content/compile.ts";
import type { ChoiceStep, Command, Lang, Step } from "../content/schema.ts";
import { buildPlan, describeAnswer } from "../plan/build-plan.ts";
import { renderPlanMarkdown } from "../plan/render-markdown.ts";
import { answerObjection, topicChoices } from "../rules/answer-objection.ts";
import { matchObjection, type ObjectionMatch } from "../rules/match-objection.ts";
import { detectLanguage } from "../text/detect-language.ts";
import { hasWordCharacters, normalize } from "../text/normalize.ts";
import { fill } from "../text/template.ts";
import { parseBudget, parseHours } from "./parse-quantity.ts";
import type { ChoiceOption, Effect, Input, Reply } from "./replies.ts";
import type { Answer, SessionState } from "./state.ts";

export interface StepResult {
  /** the state to keep; ignored when `effects` asks to forget the user */
  state: SessionState;
  replies: Reply[];
  /** the objection answered during this turn, if any */
  objection: { id: string; confidence: number } | null;
  effects: Effect[];
}

/** The parsers that `parse:` in dialogs/interview.yaml can name. */
export const PARSERS = {
  hours: (text: string, c: Content): Answer | null => parseHours(text, c.quantityWords),
  budget: (text: string, c: Content): Answer | null => parseBudget(text, c.quantityWords),
} as const;

/** A new session: nothing answered, waiting for the first question. */
export function freshState(content: Content, now: string, locale?: Lang): SessionState {
  return {
    lang: locale ?? content.messages.defaultLang,
    langSource: locale ? "hint" : "default",
    pending: content.steps[0]!.id,
    answers: {},
    confirm: null,
    offer: null,
    createdAt: now,
    updatedAt: now,
    turns: 0,
  };
}

/** Builds the replies of one turn; the state it holds is replaced, never mutated. */
class Turn {
  replies: Reply[] = [];
  objection: { id: string; confidence: number } | null = null;
  effects: Effect[] = [];
  constructor(
    public s: SessionState,
    readonly c: Content,
  ) {}

  get lang(): Lang {
    return this.s.lang;
  }
  set(patch: Partial<SessionState>): void {
    this.s = { ...this.s, ...patch };
  }
  say(text: string, choices: ChoiceOption[] = []): void {
    this.replies.push({ kind: "text", text, choices });
  }
  msg(key: keyof Content["messages"]["text"], vars: Record<string, string | number> = {}): string {
    return fill(this.c.messages.text[key][this.lang], vars, this.lang);
  }
  result(): StepResult {
    return { state: this.s, replies: this.replies, objection: this.objection, effects: this.effects };
  }
}

/**
 * One turn of the conversation.
 *
 * @param state the session so far, or undefined for a new user
 * @param now an ISO timestamp, recorded in the state
 * @example
 * const { state, replies } = step(undefined, { type: "open" }, content, new Date().toISOString());
 */
export function step(state: SessionState | undefined, input: Input, content: Content, now: string): StepResult {
  const isNew = state === undefined;
  let s = state ?? freshState(content, now, input.locale);
  if (input.locale && s.langSource !== "chosen" && s.langSource !== "hint") s = { ...s, lang: input.locale, langSource: "hint" };
  s = { ...s, updatedAt: now, turns: s.turns + 1 };
  const t = new Turn(s, content);
  switch (input.type) {
    case "open":
      if (isNew) welcome(t);
      else if (t.s.pending) {
        const n = stepNumber(t);
        t.say(t.msg("resumed", { number: n, total: content.steps.length }));
        ask(t);
      } else t.say(t.msg("afterPlan"));
      break;
    case "command":
      command(t, input.command);
      break;
    case "choice":
      choice(t, input.id);
      break;
    case "text":
      if (input.step !== undefined && input.step !== t.s.pending) stale(t);
      else text(t, input.text, isNew);
      break;
  }
  return t.result();
}

// ------------------------------------------------------------------ questions

function currentStep(t: Turn): Step | undefined {
  return t.c.steps.find((x) => x.id === t.s.pending);
}

function stepNumber(t: Turn): number {
  return t.c.steps.findIndex((x) => x.id === t.s.pending) + 1;
}

function stepChoices(t: Turn, step: Step): ChoiceOption[] {
  return step.kind === "choice" ? step.choices.map((ch) => ({ id: `${step.id}:${ch.id}`, label: ch.label[t.lang] })) : [];
}

/** Asks the pending question again, optionally after a lead-in ("Back to our question:"). */
function ask(t: Turn, leadIn?: string, override?: string): void {
  const step = currentStep(t);
  if (!step) {
    t.say(t.msg("afterPlan"));
    return;
  }
  const progress = t.msg("progress", { number: stepNumber(t), total: t.c.steps.length });
  const body = override ?? `${progress} ${step.prompt[t.lang]}`;
  t.replies.push({
    kind: "question",
    step: step.id,
    text: leadIn ? `${leadIn}\n${body}` : body,
    choices: stepChoices(t, step),
    typed: typedField(step, t.lang),
  });
}

/**
 * The label and example of a question's typed-answer field (a modal's text input), or null when
 * only its choices answer it. Adapters that open the field later (a button press) ask it again here.
 */
export function typedField(step: Step, lang: Lang): { label: string; placeholder: string } | null {
  if (step.kind === "quantity") return { label: step.field.label[lang], placeholder: step.field.placeholder[lang] };
  if (step.freeText !== "keep") return null;
  return step.field ? { label: step.field.label[lang], placeholder: step.field.placeholder[lang] } : { label: step.prompt[lang], placeholder: "" };
}

function reprompt(t: Turn): void {
  const step = currentStep(t);
  if (step) ask(t, undefined, step.reprompt[t.lang]);
}

function welcome(t: Turn): void {
  t.say(`${t.msg("welcome")}\n${t.msg("otherLanguage")}`);
  ask(t);
}

/** Records an answer, says it back, and moves to the next unanswered question or the plan. */
function record(t: Turn, step: Step, answer: Answer, ack: string): void {
  t.set({ answers: { ...t.s.answers, [step.id]: answer } });
  t.say(ack);
}

function advance(t: Turn, from: Step): void {
  const steps = t.c.steps;
  const i = steps.findIndex((x) => x.id === from.id);
  const order = [...steps.slice(i + 1), ...steps.slice(0, i + 1)];
  const next = order.find((x) => t.s.answers[x.id] === undefined);
  t.set({ pending: next?.id ?? null });
  if (next) ask(t);
  else finish(t);
}

function finish(t: Turn): void {
  t.say(t.msg("planReady"));
  showPlan(t);
  t.say(t.msg("afterPlan"));
}

function showPlan(t: Turn): void {
  const plan = buildPlan(t.c, t.s.answers, t.lang);
  t.replies.push({ kind: "plan", text: renderPlanMarkdown(t.c, plan, t.s.answers), plan });
}

// ------------------------------------------------------------------ inputs

function text(t: Turn, raw: string, isNew: boolean): void {
  const max = t.c.messages.limits.maxMessageLength;
  if (raw.length > max) {
    t.say(t.msg("tooLong", { max }));
    if (t.s.pending) ask(t);
    return;
  }
  const norm = normalize(raw);
  const switchTo = t.c.languageWords.get(norm);
  if (switchTo) {
    t.set({ lang: switchTo, langSource: "chosen" });
    t.say(t.msg("languageSwitched"));
    if (isNew) welcome(t);
    else ask(t);
    return;
  }
  if (t.s.langSource === "default") {
    const detected = detectLanguage(raw, t.c.languageHints);
    if (detected) t.set({ lang: detected, langSource: "detected" });
  }
  const word = t.c.commandWords.get(norm);
  if (t.s.confirm) {
    const n = /^\d+$/.test(norm) ? Number(norm) : NaN;
    if (word === "yes" || n === 1) return confirm(t, true);
    if (word === "no" || n === 2) return confirm(t, false);
    confirm(t, false, true);
  }
  if (t.s.offer) {
    const offer = t.s.offer;
    t.set({ offer: null });
    const n = /^\d+$/.test(norm) ? Number(norm) : NaN;
    const picked = offer[n - 1];
    if (picked) return answerAndResume(t, picked, 1);
  }
  if (word && word !== "yes" && word !== "no") return command(t, word);
  if (isNew) {
    // a first message is never taken as an answer: nothing has been asked yet
    const m = hasWordCharacters(raw) ? matchObjection(t.c, raw) : none;
    if (m.kind === "match") answerRule(t, m.id, m.confidence, false);
    welcome(t);
    return;
  }
  const step = currentStep(t);
  if (!step) return afterPlanText(t, raw);
  if (!hasWordCharacters(raw)) return reprompt(t);
  // "je sais pas", "what do you mean?": a way to decide, and the same question; nothing is saved
  // (unless a choice is worded so: "je ne sais pas" is "not decided yet" for who will run it)
  if (isUnsure(t, norm) && !namedChoice(step, norm)) return ask(t, step.unsure[t.lang]);
  answerStep(t, step, raw);
}

/** True when the message is exactly a choice's label or one of its words. */
function namedChoice(step: Step, norm: string): boolean {
  return step.kind === "choice" && step.choices.some((ch) => [ch.label.fr, ch.label.en, ...ch.match.fr, ...ch.match.en].some((w) => normalize(w) === norm));
}

/** True when the whole message, hesitation words aside, says "I don't know" or "I didn't understand". */
function isUnsure(t: Turn, norm: string): boolean {
  const words = norm.split(" ").filter((w) => w !== "" && !t.c.fillerWords.has(w));
  return words.length > 0 && t.c.unsureWords.has(words.join(" "));
}

const none: ObjectionMatch = { kind: "none", confidence: 0 };

function answerStep(t: Turn, step: Step, raw: string): void {
  const objection = () => matchObjection(t.c, raw);
  if (step.kind === "quantity") {
    const answer = PARSERS[step.parse](raw, t.c);
    if (answer) return accept(t, step, answer, fill(step.ack[t.lang], { answer: describeAnswer(t.c, step.id, answer, t.lang) }, t.lang), objection());
  } else {
    const typed = resolveChoice(t, step, raw);
    if (typed) {
      const long = normalize(raw).split(" ").length >= t.c.objections.concernMinWords;
      // a number, a label or a choice's word typed alone is only an answer: no objection to look for
      const m = typed.alone && !long ? none : objection();
      // "notre site web suffit" names the website only to object to it: the objection, not an answer
      const instead = objectionToChoice(t, raw, typed, m);
      if (instead) return instead.kind === "match" ? answerAndResume(t, instead.id, instead.confidence) : offerRules(t, instead.ids);
      // a short typed choice is only an answer ("le patron" is who runs it, not a concern about the
      // boss); a sentence can carry a concern too ("nobody here knows how to do this")
      const answer: Answer = { type: "choice", id: typed.id };
      const concern = long ? m : none;
      return accept(t, step, answer, fill(step.ack[t.lang], { answer: describeAnswer(t.c, step.id, answer, t.lang) }, t.lang), concern);
    }
  }
  const m = objection();
  if (m.kind === "match") return answerAndResume(t, m.id, m.confidence);
  if (m.kind === "ambiguous") return offerRules(t, m.ids);
  if (step.kind === "choice" && step.freeText === "keep" && isOwnWords(t, raw)) {
    // kept as written, less control and invisible formatting characters
    const answer: Answer = { type: "text", text: raw.replace(/[\p{Cc}\p{Cf}]/gu, " ").trim().replace(/\s+/g, " ") };
    return accept(t, step, answer, t.msg("customGoal", { answer: describeAnswer(t.c, step.id, answer, t.lang) }), none);
  }
  reprompt(t);
}

/**
 * The objection a message that names a choice is about, when it names the choice only to object to
 * it ("notre site web suffit" at the goal question); null when it is an answer. The rule, and its
 * threshold in dialogs/objections.yaml (`objectionOverAnswer`): the objection is recognised with
 * confidence, by the very words that named the choice, and its words make up more of the message
 * than the choice's words do. A number, a label or a choice's word typed alone is always an answer.
 */
function objectionToChoice(t: Turn, raw: string, typed: TypedChoice, m: ObjectionMatch): Exclude<ObjectionMatch, { kind: "none" }> | null {
  if (m.kind === "none" || typed.alone || m.confidence < t.c.objections.objectionOverAnswer.minConfidence) return null;
  const index = t.c.objectionIndex;
  const objectionWords = new Set((m.kind === "match" ? [m.id] : m.ids).flatMap((id) => [...index.wordsOf(raw, id)]));
  if (![...typed.words].some((w) => objectionWords.has(w))) return null;
  return index.share(raw, objectionWords) > index.share(raw, typed.words) ? m : null;
}

/** Takes an answer; a concern voiced in the same message is answered with it. */
function accept(t: Turn, step: Step, answer: Answer, ack: string, m: ObjectionMatch): void {
  record(t, step, answer, ack);
  if (m.kind === "match") {
    t.say(t.c.objections.text.alsoNoted[t.lang]);
    answerRule(t, m.id, m.confidence, false);
  }
  advance(t, step);
}

/** A choice read from typed text. */
interface TypedChoice {
  id: string;
  /** typed as its number, its label or one of its words alone: nothing else to read */
  alone: boolean;
  /** the words of the message that named the choice, with those that answer the question itself */
  words: ReadonlySet<string>;
}

/** A choice typed as its number, its label or words that point to it; null when unclear. */
function resolveChoice(t: Turn, step: ChoiceStep, raw: string): TypedChoice | null {
  const norm = normalize(raw);
  if (/^\d+$/.test(norm)) {
    const id = step.choices[Number(norm) - 1]?.id;
    return id ? { id, alone: true, words: new Set() } : null;
  }
  // a label or a match word typed alone, even one the matchers skip as a stopword ("me")
  const exact = step.choices.filter((ch) => [ch.label.fr, ch.label.en, ...ch.match.fr, ...ch.match.en].some((w) => normalize(w) === norm));
  if (exact.length === 1) return { id: exact[0]!.id, alone: true, words: new Set(norm.split(" ")) };
  const index = t.c.choiceIndex.get(step.id);
  const [first, second] = index?.match(raw) ?? [];
  if (!index || !first || (second && second.score >= first.score)) return null;
  const words = new Set([...index.wordsOf(raw, first.key), ...(t.c.answerWordIndex.get(step.id)?.wordsOf(raw) ?? [])]);
  return { id: first.key, alone: false, words };
}

/** Enough real words to be a goal in the owner's own words (not "ok", "hello", "?"). */
function isOwnWords(t: Turn, raw: string): boolean {
  const stop = t.c.messages.stopwords;
  const stopwords = new Set([...stop.fr, ...stop.en].map(normalize));
  const words = normalize(raw).split(" ").filter((w) => w.length >= 3 && !/^\d+$/.test(w) && !stopwords.has(w));
  return words.length >= 2;
}

function afterPlanText(t: Turn, raw: string): void {
  const m = hasWordCharacters(raw) ? matchObjection(t.c, raw) : none;
  if (m.kind === "match") return answerRule(t, m.id, m.confidence);
  if (m.kind === "ambiguous") return offerRules(t, m.ids);
  const topics = topicChoices(t.c, t.lang);
  t.set({ offer: topics.map((x) => x.id.slice("ask:".length)) });
  t.say(`${t.c.objections.text.noMatch[t.lang]}`, topics);
}

function choice(t: Turn, id: string): void {
  const [kind, value = ""] = splitId(id);
  if (kind === "cmd" && isCommand(value)) return command(t, value);
  if (kind === "confirm" && t.s.confirm && (value === "yes" || value === "no")) return confirm(t, value === "yes");
  if (kind === "lang" && (value === "fr" || value === "en")) {
    t.set({ lang: value, langSource: "chosen", offer: null });
    t.say(t.msg("languageSwitched"));
    return ask(t);
  }
  if (kind === "ask" && t.c.rules.has(value)) {
    t.set({ offer: null });
    return answerAndResume(t, value, 1);
  }
  const step = currentStep(t);
  if (step?.kind === "choice" && kind === step.id && step.choices.some((c) => c.id === value)) {
    const answer: Answer = { type: "choice", id: value };
    return accept(t, step, answer, fill(step.ack[t.lang], { answer: describeAnswer(t.c, step.id, answer, t.lang) }, t.lang), none);
  }
  // a button of an earlier question, of a finished confirmation, or that never existed
  stale(t);
}

function stale(t: Turn): void {
  t.say(t.msg("staleChoice"));
  ask(t);
}

function splitId(id: string): [string, string] {
  const i = id.indexOf(":");
  return i < 0 ? [id, ""] : [id.slice(0, i), id.slice(i + 1)];
}

function isCommand(v: string): v is Command {
  return v === "back" || v === "restart" || v === "help" || v === "plan" || v === "forget";
}

// ------------------------------------------------------------------ commands

function command(t: Turn, cmd: Command): void {
  t.set({ offer: null, confirm: null });
  switch (cmd) {
    case "back":
      return back(t);
    case "restart":
      if (Object.keys(t.s.answers).length === 0) {
        t.say(t.msg("restarted"));
        return ask(t);
      }
      t.set({ confirm: "restart" });
      return t.say(t.msg("restartConfirm"), yesNo(t));
    case "forget":
      t.set({ confirm: "forget" });
      return t.say(t.msg("forgetConfirm"), yesNo(t));
    case "help":
      t.say(t.msg("help", { topics: topicChoices(t.c, t.lang).map((x) => x.label).join(" · ") }));
      return ask(t);
    case "plan":
      if (Object.keys(t.s.answers).length === 0) {
        t.say(t.msg("planEmpty"));
        return ask(t);
      }
      if (t.s.pending) t.say(t.msg("planSoFar"));
      showPlan(t);
      if (t.s.pending) ask(t);
      return;
  }
}

function yesNo(t: Turn): ChoiceOption[] {
  const labels = t.c.messages.commandLabels;
  return [
    { id: "confirm:yes", label: labels.yes[t.lang] },
    { id: "confirm:no", label: labels.no[t.lang] },
  ];
}

function confirm(t: Turn, yes: boolean, silentlyContinue = false): void {
  const what = t.s.confirm;
  t.set({ confirm: null });
  if (what === "forget" && yes) {
    t.effects.push({ type: "forget-user" });
    t.set({ answers: {}, pending: t.c.steps[0]!.id });
    t.say(t.msg("forgotten"));
    return;
  }
  if (what === "restart" && yes) {
    t.set({ answers: {}, pending: t.c.steps[0]!.id });
    t.say(t.msg("restarted"));
    return ask(t);
  }
  t.say(t.msg(what === "forget" ? "notForgotten" : "notRestarted"));
  if (!silentlyContinue) ask(t);
}

function back(t: Turn): void {
  const steps = t.c.steps;
  const i = t.s.pending === null ? steps.length : steps.findIndex((x) => x.id === t.s.pending);
  if (i <= 0) {
    t.say(t.msg("backAtStart"));
    return ask(t);
  }
  const prev = steps[i - 1]!;
  t.set({ pending: prev.id });
  const a = t.s.answers[prev.id];
  if (a) t.say(t.msg("backTo", { answer: describeAnswer(t.c, prev.id, a, t.lang) }));
  ask(t);
}

// ------------------------------------------------------------------ objections

function answerRule(t: Turn, id: string, confidence: number, withRelated = true): void {
  t.objection = { id, confidence };
  const reply = answerObjection(t.c, id, t.lang, t.s.answers, withRelated);
  if (reply.choices.length > 0) t.set({ offer: reply.choices.map((x) => x.id.slice("ask:".length)) });
  t.replies.push(reply);
}

/** Answers an objection; in the middle of the interview, the pending question comes back after it. */
function answerAndResume(t: Turn, id: string, confidence: number): void {
  answerRule(t, id, confidence, !t.s.pending);
  if (t.s.pending) ask(t, t.c.objections.text.backToQuestion[t.lang]);
}

/** Two rules are about as likely: ask which one was meant. */
function offerRules(t: Turn, ids: string[]): void {
  t.set({ offer: ids });
  t.say(
    t.c.objections.text.whichOne[t.lang],
    ids.map((id) => ({ id: `ask:${id}`, label: t.c.rules.get(id)!.topic[t.lang] })),
  );
}
