/**
 * Renders engine replies for the terminal: plain text, choices as numbered lines, and the JSON
 * lines of the test mode.
 */
import type { TurnOutcome } from "../../src/coordinator.ts";
import type { Reply } from "../../src/engine/replies.ts";
import type { Plan } from "../../src/plan/build-plan.ts";

/** One reply as terminal text; choices are numbered from 1, the way the engine reads typed numbers. */
export function renderReply(reply: Reply): string {
  const lines = [reply.text.trimEnd()];
  if (reply.kind !== "plan") reply.choices.forEach((c, i) => lines.push(`  ${i + 1}. ${c.label}`));
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
