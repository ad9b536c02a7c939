/**
 * One turn being built: the state it moves to (replaced, never mutated), the replies, the effects and
 * the events. The policy (policy.ts) drives it; these are the coach's ways of speaking.
 */
import type { Content } from "../content/compile.ts";
import type { ChoiceStep, Lang, Step } from "../content/schema.ts";
import { activeSteps, buildPlan, describeAnswer } from "../plan/build-plan.ts";
import { renderPlanMarkdown } from "../plan/render-markdown.ts";
import { answerObjection, topicChoice } from "../rules/answer-objection.ts";
import { fill } from "../text/template.ts";
import type { Action } from "../vocabulary/actions.ts";
import type { Answer } from "../vocabulary/answers.ts";
import type { Effect, TurnEvent } from "../vocabulary/effects.ts";
import type { Choice, Reply } from "../vocabulary/replies.ts";
import { typedField } from "../content/typed-field.ts";
import { baseOf, stepOf, type Base, type Mode, type SessionState } from "./state.ts";
import { reviewPromptVars, reviewStepsFor } from "./review-flow.ts";

export type MessageKey = Exclude<keyof Content["messages"]["text"], "smallTalk">;

export class Turn {
  replies: Reply[] = [];
  effects: Effect[] = [];
  events: TurnEvent[] = [];
  /** false: nothing of this turn is kept (a question asked outside the interview, an export) */
  save = true;
  /** the networks this turn's message names ("our old Facebook page") */
  heard: readonly string[] = [];
  /** when this turn happens (ISO): the engine has no clock of its own */
  now = "";

  constructor(
    public s: SessionState,
    readonly c: Content,
  ) {}

  get lang(): Lang {
    return this.s.lang;
  }
  get mode(): Mode {
    return this.s.mode;
  }
  get base(): Base {
    return baseOf(this.s.mode);
  }
  /** the questions this owner is asked, given their answers so far ("age" only when customers are people) */
  get steps(): readonly Step[] {
    return activeSteps(this.c, this.s.answers);
  }
  set(patch: Partial<SessionState>): void {
    this.s = { ...this.s, ...patch };
  }
  to(mode: Mode): void {
    this.set({ mode });
  }
  say(text: string, choices: Choice[] = []): void {
    this.replies.push({ kind: "text", text, choices });
  }
  msg(key: MessageKey, vars: Record<string, string | number> = {}): string {
    return fill(this.c.messages.text[key][this.lang], vars, this.lang);
  }
  label(key: keyof Content["messages"]["commandLabels"]): string {
    return this.c.messages.commandLabels[key][this.lang];
  }
  step(id: string | null): Step | undefined {
    return id === null ? undefined : (this.c.steps.find((x) => x.id === id) ?? this.c.reviewSteps.find((x) => x.id === id));
  }
  /** How an answer reads back: a label, the owner's words, a figure. */
  describe(stepId: string, answer: Answer): string {
    return describeAnswer(this.c, stepId, answer, this.lang);
  }
  /** How the coach names a question in a sentence: "votre temps", "your time". */
  nameOf(stepId: string): string {
    return this.step(stepId)?.name[this.lang] ?? stepId;
  }

  // ---------------------------------------------------------------- questions

  /** Asks the question of the current base mode again (or says the plan is ready), after an optional lead-in. */
  ask(leadIn?: string, override?: string): void {
    const step = this.step(stepOf(this.base));
    if (!step) {
      this.afterPlan(leadIn);
      return;
    }
    const reviewing = this.base.is === "reviewing";
    const steps = reviewing ? reviewStepsFor(this) : this.steps;
    const number = Math.max(1, steps.indexOf(step) + 1);
    const progress = this.msg("progress", { number, total: steps.length });
    const prompt = reviewing ? fill(step.prompt[this.lang], reviewPromptVars(this, step.id), this.lang) : step.prompt[this.lang];
    const body = override ?? `${progress} ${prompt}`;
    this.replies.push({
      kind: "question",
      step: step.id,
      text: leadIn ? `${leadIn}\n${body}` : body,
      choices: step.kind === "choice" ? choicesOf(step, this.lang) : [],
      typed: typedField(step, this.lang),
      controls: number > 1 ? [{ action: { kind: "command", command: "back" }, label: this.label("back") }] : [],
    });
  }

  reprompt(): void {
    const step = this.step(stepOf(this.base));
    if (step) this.ask(undefined, step.reprompt[this.lang]);
    else this.afterPlan();
  }

  /** What the owner can do once the plan is written: see it, change an answer, start over. */
  afterPlan(leadIn?: string): void {
    const text = leadIn ? `${leadIn}\n${this.msg("afterPlan")}` : this.msg("afterPlan");
    this.say(text, this.afterPlanChoices());
  }

  afterPlanChoices(): Choice[] {
    return AFTER_PLAN.map((a) => ({ action: a, label: this.label(a.kind === "command" ? a.command : "change") }));
  }

  showPlan(): void {
    const plan = buildPlan(this.c, this.s.answers, this.lang, this.s.mentioned);
    this.replies.push({ kind: "plan", text: renderPlanMarkdown(this.c, plan, this.s.answers, this.s.reviews), plan, answers: this.s.answers, ...(this.s.reviews.length > 0 ? { reviews: this.s.reviews } : {}) });
  }

  yesNo(about: string, yes: keyof Content["messages"]["commandLabels"] = "yes", no: keyof Content["messages"]["commandLabels"] = "no"): Choice[] {
    return [
      { action: { kind: "confirm", about, yes: true }, label: this.label(yes) },
      { action: { kind: "confirm", about, yes: false }, label: this.label(no) },
    ];
  }

  // ---------------------------------------------------------------- doubts

  /**
   * Answers a doubt. During the interview the question comes back after it (`resume`); after the
   * plan, or when asked outside the interview, the related topics are offered.
   */
  answerDoubt(id: string, event: Omit<Extract<TurnEvent, { kind: "doubt" }>, "kind" | "rule">, resume: boolean): void {
    this.events.push({ kind: "doubt", rule: id, ...event });
    // during the interview the question comes back (now, or after what the turn says next): no related topics then
    const pending = stepOf(this.base) !== null;
    const reply = answerObjection(this.c, id, this.lang, this.s.answers, !pending);
    this.replies.push(reply);
    if (pending && resume) this.ask(this.c.objections.text.backToQuestion[this.lang]);
    else if (reply.choices.length > 0) this.to({ is: "choosingTopic", rules: reply.choices.flatMap((c) => (c.action.kind === "topic" ? [c.action.rule] : [])), base: this.base });
  }

  /** Two rules are about as likely: ask which one was meant. */
  offerRules(ids: string[]): void {
    this.to({ is: "choosingTopic", rules: ids, base: this.base });
    this.say(this.c.objections.text.whichOne[this.lang], ids.map((id) => topicChoice(this.c, id, this.lang)));
  }
}

/** The actions offered once the plan is written, in this order (a typed number picks one). */
export const AFTER_PLAN: readonly Action[] = [
  { kind: "command", command: "plan" },
  { kind: "change", step: null },
  { kind: "command", command: "restart" },
];

/** A choice step's choices as buttons. */
export function choicesOf(step: ChoiceStep, lang: Lang): Choice[] {
  return step.choices.map((ch) => ({ action: { kind: "pick", step: step.id, choice: ch.id }, label: ch.label[lang] }));
}
