/**
 * Renders engine replies for the terminal: plain text, choices as numbered lines (a typed number
 * picks one), navigation as a bracketed line, and the JSON lines of the test mode.
 */
import type { TurnOutcome } from "../../src/coordinator.ts";
import type { Plan } from "../../src/vocabulary/plan-shape.ts";
import type { Reply } from "../../src/vocabulary/replies.ts";
import { encodeAction } from "../shared/action-codec.ts";

/** One reply as terminal text; choices are numbered from 1, the way the engine reads typed numbers. */
export function renderReply(reply: Reply): string {
  const lines = [reply.text.trimEnd()];
  if (reply.kind !== "plan") reply.choices.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
  if (reply.kind === "question" && reply.controls.length > 0) lines.push(`  ${reply.controls.map((c) => `[${c.label}]`).join(" ")}`);
  return lines.join("\n");
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

/**
 * One line of `npm run coach -- --json`: what was sent, everything the coach answered (each choice
 * with the id `#choice:` presses), the answers saved so far, and where the conversation stands.
 */
export function turnJson(input: string | null, outcome: TurnOutcome) {
  return {
    input,
    lang: outcome.lang,
    step: outcome.step,
    mode: outcome.mode,
    replies: outcome.replies.map((r) => ({
      text: r.text,
      choices: r.kind === "plan" ? [] : [...r.choices, ...(r.kind === "question" ? r.controls : [])].map((c) => ({ id: encodeAction(c.action), label: c.label })),
    })),
    answers: outcome.answers,
    done: outcome.done,
    plan: outcome.plan ? planJson(outcome.plan) : null,
    objection: outcome.objection?.id ?? null,
  };
}

/**
 * One line of `npm run coach -- ask --json`. `choices` are the topics the text offers: the related
 * topics of a matched rule, the close rules of an ambiguous question, or every topic when nothing
 * matched; their ids are `topic:RULE`.
 */
export function askJson(input: string, outcome: TurnOutcome) {
  const reply = outcome.replies.find((r) => r.kind !== "plan") ?? { text: "", choices: [] };
  const answer = outcome.replies.find((r) => r.kind === "answer");
  return {
    input,
    lang: outcome.lang,
    objection: outcome.objection?.id ?? null,
    confidence: outcome.objection?.confidence ?? null,
    text: reply.text,
    source: answer?.kind === "answer" ? answer.source : null,
    choices: ("choices" in reply ? reply.choices : []).map((c) => ({ id: encodeAction(c.action), label: c.label })),
  };
}
