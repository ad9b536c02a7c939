/**
 * The conversation every benchmark plays: the full interview as typed in the terminal, in French
 * (the default language): open, trade 1 (food), customers 1 (local people), age 4 (all ages), goal 2
 * (sales), "10 h", "200 $", skills 1 (none), owner 3 (intern), presence 2 (a page no longer kept up),
 * where 1 (Facebook), after which the coach gives the plan. The answers are chosen so that every
 * question of dialogs/interview.yaml is asked (the customers are people: their age is asked; there
 * is a page: its network is asked), so that the Bot Framework waterfall, which asks every step in
 * order, plays the same conversation.
 */
import type { Input } from "../src/vocabulary/inputs.ts";

/** The messages typed, the first one opening the conversation (welcome and question 1). */
export const INTERVIEW_TEXTS: readonly string[] = ["bonjour", "1", "1", "4", "2", "10 h", "200 $", "1", "3", "2", "1"];

/** Our engine's inputs for one full interview: 11 turns, the last one answers with the plan. */
export const INTERVIEW: readonly Input[] = [{ kind: "open" }, ...INTERVIEW_TEXTS.slice(1).map((text): Input => ({ kind: "text", text }))];

/** How many of INTERVIEW's turns leave a session mid-interview (open, trade, customers, age, goal, time: budget pending). */
export const MID_INTERVIEW_TURNS = 6;
