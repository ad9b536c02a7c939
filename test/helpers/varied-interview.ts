/**
 * A whole interview typed as numbers and figures that differ from one session to the next (session
 * `i`), for tests that drive many sessions at once: a mix-up between sessions, or a lost or
 * reordered write, shows in the answers stored. Customers who are businesses are not asked their
 * age; a page brings the question of its network.
 */
import type { ChoiceStep } from "../../src/content/schema.ts";
import type { Answer } from "../../src/vocabulary/answers.ts";
import { content } from "./content.ts";

const choices = (id: string) => (content().steps.find((s) => s.id === id) as ChoiceStep).choices;

/** What session `i` types, question by question, in the order they are asked, the plan last. */
export function variedInterview(i: number, currency: "$" | "€" = "$"): { step: string; text: string }[] {
  const customers = (i % 4) + 1; // 3: other businesses
  const presence = (i % 4) + 1; // 1: nowhere yet
  return [
    { step: "trade", text: String((i % 6) + 1) },
    { step: "customers", text: String(customers) },
    ...(customers === 3 ? [] : [{ step: "age", text: String((i % 4) + 1) }]),
    { step: "goal", text: String((i % 10) + 1) },
    { step: "time", text: `${(i % 50) + 1} h` },
    { step: "budget", text: `${i} ${currency}` },
    { step: "skills", text: String((i % 4) + 1) },
    { step: "owner", text: String((i % 5) + 1) },
    { step: "presence", text: String(presence) },
    ...(presence === 1 ? [] : [{ step: "where", text: String((i % 7) + 1) }]),
  ];
}

/** The answers session `i` must have stored once it typed `variedInterview(i)`. */
export function variedAnswers(i: number, currency: "$" | "€" = "$"): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const { step, text } of variedInterview(i, currency)) {
    answers[step] =
      step === "time" ? { type: "hours", hoursPerMonth: (i % 50) + 1, given: { amount: (i % 50) + 1, per: "month" } }
      : step === "budget" ? { type: "money", amountPerMonth: i, currency }
      : { type: "choice", id: choices(step)[Number(text) - 1]!.id };
  }
  return answers;
}
