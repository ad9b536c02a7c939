/**
 * What the engine says, as platform-neutral data. Adapters render it: numbered lines in the
 * terminal, Block Kit on Slack, components and embeds on Discord.
 */
import type { Plan } from "../plan/build-plan.ts";

/** A button. Ids are stable and short (≤ 60 characters): "goal:sales", "cmd:back", "ask:fad". */
export interface ChoiceOption {
  id: string;
  label: string;
}

export type Reply =
  | { kind: "text"; text: string; choices: ChoiceOption[] }
  /** a question of the interview: choices as buttons, and/or a typed answer */
  | {
      kind: "question";
      step: string;
      text: string;
      choices: ChoiceOption[];
      /** the label and example of a typed answer field; null when only the choices answer it */
      typed: { label: string; placeholder: string } | null;
    }
  /** an objection answered from the rule base */
  | { kind: "answer"; objection: string; text: string; source: string; choices: ChoiceOption[] }
  /** the written plan: `text` is its Markdown */
  | { kind: "plan"; text: string; plan: Plan };

/** What the caller must do after a turn: effects are data, run by the coordinator. */
export type Effect = { type: "forget-user" };

/** One thing the user did. `locale` is what the platform knows of their language, if anything. */
export type Input = (
  | { type: "open" }
  /**
   * `step`: the question this typed answer was given for, when the platform knows it (a modal
   * opened from that question's button). When it is no longer the pending question the answer is
   * ignored as stale, like a button of an earlier question.
   */
  | { type: "text"; text: string; step?: string | undefined }
  | { type: "choice"; id: string }
  | { type: "command"; command: "back" | "restart" | "help" | "plan" | "forget" }
) & { locale?: "fr" | "en" | undefined };
