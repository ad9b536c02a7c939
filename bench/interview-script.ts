/**
 * The conversation every benchmark plays: the full interview as typed in the terminal, in French
 * (the default language): open, goal 2 (sales), "10 h", "200 $", skills 1 (none), owner 3 (intern),
 * after which the coach gives the plan.
 */
import type { Input } from "../src/vocabulary/inputs.ts";

/** Our engine's inputs for one full interview: 6 turns, the last one answers with the plan. */
export const INTERVIEW: readonly Input[] = [
  { kind: "open" },
  { kind: "text", text: "2" },
  { kind: "text", text: "10 h" },
  { kind: "text", text: "200 $" },
  { kind: "text", text: "1" },
  { kind: "text", text: "3" },
];

/** The same interview as Bot Framework messages: a first message opens it (welcome and question 1). */
export const INTERVIEW_TEXTS: readonly string[] = ["bonjour", "2", "10 h", "200 $", "1", "3"];

/** How many of INTERVIEW's turns leave a session mid-interview (open, goal, time: budget pending). */
export const MID_INTERVIEW_TURNS = 3;
