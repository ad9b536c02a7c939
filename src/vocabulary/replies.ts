/**
 * What the engine says, as platform-neutral data. Adapters render it: numbered lines in the
 * terminal, Block Kit on Slack, components on Discord. A choice carries the action its button does.
 */
import type { ReviewRecord } from "../engine/state.ts";
import type { Action } from "./actions.ts";
import type { Answer } from "./answers.ts";
import type { Plan } from "./plan-shape.ts";

/** A button: its label, and what pressing it does. */
export interface Choice {
  action: Action;
  label: string;
}

/** The field of a typed answer (a Discord form, say): its label and an example. */
export interface TypedField {
  label: string;
  placeholder: string;
}

export type Reply =
  /** a sentence, with buttons when it offers a choice (yes/no, topics, what to do next) */
  | { kind: "text"; text: string; choices: Choice[] }
  /**
   * A question of the interview: its choices (numbered in the terminal: a typed number picks one),
   * the typed answer's field when typing answers it, and navigation (back) apart from the choices.
   */
  | { kind: "question"; step: string; text: string; choices: Choice[]; typed: TypedField | null; controls: Choice[] }
  /** a doubt answered from the rule base */
  | { kind: "answer"; rule: string; text: string; source: string; choices: Choice[] }
  /**
   * the plan: its Markdown (the pilot reviews under it), its data, the answers it was built from and
   * the reviews as data (what the one-page PDF is drawn from)
   */
  | { kind: "plan"; text: string; plan: Plan; answers: Readonly<Record<string, Answer>>; reviews?: readonly ReviewRecord[] };
