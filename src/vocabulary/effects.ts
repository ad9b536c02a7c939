import type { Command } from "./actions.ts";

/**
 * What a turn asks its caller to do, and what it did, as data: the engine runs no side effect
 * itself (src/engine/step.ts); the coordinator and the adapters carry these out.
 */

export type Effect =
  /** forget everything about this person (the coordinator deletes the session) */
  | { kind: "forget-user" }
  /** the message asked for a plan: the interview opens (a Slack mention moves it to a DM) */
  | { kind: "open-interview" };

/** What one turn did, for logs and counts (no user text in them). */
export type TurnEvent =
  /** a doubt answered: by the keyword rules (with the words found), the learned fallback, or a button */
  | { kind: "doubt"; rule: string; by: "rules" | "learned" | "button"; confidence: number; terms: string[] }
  /** an answer saved: at once (sure), after a yes (confirmed), from a button, or a change to an earlier one */
  | { kind: "saved"; step: string; how: "sure" | "confirmed" | "button" | "changed" }
  /** a reading the coach is unsure of, waiting for a yes */
  | { kind: "confirming"; step: string; doubts: string[] }
  /** the question asked again, and why */
  | { kind: "reasked"; step: string; why: "unreadable" | "negated" | "hypothetical" | "refused" | "unsure" | "declined" | "question" }
  /** a command given (typed or pressed); restart and forget me then wait for a yes */
  | { kind: "command"; command: Command }
  /** after the plan, a message the coach did not understand (the list of topics was shown) */
  | { kind: "not-understood" }
  | { kind: "plan-finished" }
  /** the pilot review booked in so many months (0: no reminder) */
  | { kind: "review-booked"; months: number }
  /** the coach wrote first (or offered on opening) for a review that came due */
  | { kind: "review-reminded" }
  | { kind: "review-started" }
  | { kind: "review-finished"; verdict: string };
