/**
 * Fixture builders for engine inputs, the way a person gives them: typed text, a button pressed (by
 * its encoded action, as a platform sends it back), the conversation opened.
 */
import { decodeAction } from "../../adapters/shared/action-codec.ts";
import type { Coordinator } from "../../src/coordinator.ts";
import type { Lang } from "../../src/vocabulary/lang.ts";
import type { Input } from "../../src/vocabulary/inputs.ts";
import type { Plan } from "../../src/vocabulary/plan-shape.ts";

export const open = (locale?: Lang): Input => ({ kind: "open", locale });
export const say = (text: string, locale?: Lang): Input => ({ kind: "text", text, locale });

/**
 * A button press: `press("pick:goal:sales")`, `press("confirm:forget:yes")`, `press("cmd:back")`.
 * @throws when the id is not one the coach makes
 */
export function press(id: string, locale?: Lang): Input {
  const action = decodeAction(id);
  if (!action) throw new Error(`not a button id: ${id}`);
  return { kind: "action", action, locale };
}

/** The person's plan as it stands (Markdown and data), or null when they have no session or no answer. */
export async function planOf(c: Coordinator, key: string): Promise<{ plan: Plan; markdown: string; done: boolean } | null> {
  const outcome = await c.handle(key, { kind: "export" });
  const reply = outcome.replies.find((r) => r.kind === "plan");
  return outcome.known && reply ? { plan: reply.plan, markdown: reply.text, done: outcome.done } : null;
}

/**
 * The questions about the business that open the interview (trade, customers, age), answered by
 * their buttons: what a test about the core questions (goal, time, budget, skills, owner) goes
 * through first. Age is skipped by the coach when the customers are businesses.
 */
export function aboutBusiness(
  { trade = "food", customers = "local", age = "all" }: { trade?: string; customers?: string; age?: string } = {},
  locale?: Lang,
): Input[] {
  const inputs = [press(`pick:trade:${trade}`, locale), press(`pick:customers:${customers}`, locale)];
  if (customers !== "businesses") inputs.push(press(`pick:age:${age}`, locale));
  return inputs;
}

/** "Nowhere yet" at the question on where the business already is: after the owner question, it brings the plan. */
export const noPage = (locale?: Lang): Input => press("pick:presence:none", locale);
