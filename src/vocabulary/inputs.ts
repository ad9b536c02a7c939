/**
 * The one way in: everything a person does on any platform becomes one of these inputs to the
 * engine. `locale` is what the platform knows of their language, if anything.
 */
import type { Lang } from "./lang.ts";
import type { Action } from "./actions.ts";

export type Input = (
  /** the person opens the conversation (/plan, a first DM, the terminal starting) */
  | { kind: "open" }
  /**
   * A typed message. `step`: the question it was typed for, when the platform knows it (a form
   * opened from that question's button); when it is no longer the question being asked, the text
   * is ignored as stale, like a button of an earlier question.
   */
  | { kind: "text"; text: string; step?: string | undefined }
  /** a button: what it does, as the engine offered it */
  | { kind: "action"; action: Action }
  /**
   * A question asked outside the interview (a mention in a channel, /ask, `coach ask`): answered
   * from the rule base with the person's plan figures; it changes nothing, unless it asks for a
   * plan, which opens the interview.
   */
  | { kind: "ask"; text: string }
  /** a topic button pressed outside the interview (under an answer in a channel): that rule's answer; changes nothing */
  | { kind: "ask"; rule: string }
  /** the plan as it stands, to export (`coach plan --out`, a share button): changes nothing */
  | { kind: "export" }
  /**
   * The coach writes first: the pilot review has come due (src/followup/). Replies only once per
   * booking, whichever instance asks; nothing when the review is not due or was already offered.
   */
  | { kind: "remind" }
  /** the reminder could not reach the person (their DMs are closed): it waits for their next visit */
  | { kind: "undelivered" }
) & { locale?: Lang | undefined };
