/**
 * Renders engine replies for the terminal: plain text, choices as numbered lines, and the JSON
 * lines of the test mode.
 */
import type { TurnOutcome } from "../../src/coordinator.ts";
import type { Reply } from "../../src/engine/replies.ts";
import type { Plan } from "../../src/plan/build-plan.ts";
import type { AskResult } from "../../src/rules/answer-objection.ts";

/** One reply as terminal text; choices are numbered from 1, the way the engine reads typed numbers. */
export function renderReply(reply: Reply): string {
  const lines = [reply.text.trimEnd()];
  if (reply.kind !== "plan") reply.choices.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
  return lines.join("\n");
}

/** A one-shot answer (`ask`) as terminal text: the answer, or the topics it offers, numbered. */
export function renderAsk(result: AskResult): string {
  return renderReply({ kind: "text", text: result.text, choices: result.choices });
}

/**
 * One line of `npm run coach -- ask --json`. `choices` are the topics the text offers: the related
 * topics of a matched rule, the close rules of an ambiguous question, or every topic when nothing
 * matched; their ids are `ask:RULE`.
 */
export function askJson(result: AskResult) {
  return {
    input: result.input,
    lang: result.lang,
    objection: result.objection,
    confidence: result.confidence,
    text: result.text,
    source: result.source,
    choices: result.choices.map((c) => ({ id: c.id, label: c.label })),
  };
}

/** The plan as the test mode's JSON shows it. */
export function planJson(plan: Plan) {
  return {
    goal: plan.goal,
    goalText: plan.goalText,
    hoursPerMonth: plan.hoursPerMonth,
    budgetPerMonth: plan.budgetPerMonth,
    currency: plan.currency,
    skills: plan.skills,
    owner: plan.owner,
    networks: plan.networks,
    recommendations: plan.recommendations.map((r) => ({ id: r.id, text: r.text, source: r.source })),
  };
}

/** One line of `npm run coach -- --json`: what was sent and everything the coach answered. */
export function turnJson(input: string | null, outcome: TurnOutcome) {
  return {
    input,
    lang: outcome.lang,
    step: outcome.step,
    replies: outcome.replies.map((r) => ({ text: r.text, choices: r.kind === "plan" ? [] : r.choices.map((c) => ({ id: c.id, label: c.label })) })),
    done: outcome.done,
    plan: outcome.plan ? planJson(outcome.plan) : null,
    objection: outcome.objection?.id ?? null,
  };
}
