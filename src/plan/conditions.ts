import type { Condition } from "../content/schema.ts";
import type { Answer } from "../vocabulary/answers.ts";

/** What a plan condition can look at. A figure not answered yet is undefined. */
export interface Facts {
  answers: Readonly<Record<string, Answer>>;
  hours: number | undefined;
  budget: number | undefined;
  networks: number | undefined;
}

function inRange(v: number | undefined, r: { below?: number | undefined; atLeast?: number | undefined }): boolean {
  if (v === undefined) return false;
  return (r.below === undefined || v < r.below) && (r.atLeast === undefined || v >= r.atLeast);
}

/**
 * Evaluates a condition from dialogs/plan.yaml. A condition about an unanswered question is false.
 *
 * @example holds({ answer: { step: "skills", in: ["none"] } }, facts)
 */
export function holds(c: Condition | undefined, f: Facts): boolean {
  if (c === undefined) return true;
  if ("answer" in c) {
    const a = f.answers[c.answer.step];
    if (!a) return false;
    const id = a.type === "choice" ? a.id : a.type === "text" ? "custom" : undefined;
    return id !== undefined && c.answer.in.includes(id);
  }
  if ("networks" in c) return inRange(f.networks, c.networks);
  if ("hours" in c) return inRange(f.hours, c.hours);
  if ("budget" in c) return inRange(f.budget, c.budget);
  if ("any" in c) return c.any.some((x) => holds(x, f));
  if ("all" in c) return c.all.every((x) => holds(x, f));
  return !holds(c.not, f);
}
