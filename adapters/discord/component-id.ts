/**
 * The custom_id of every button, select menu and modal the coach sends. Each one carries the id of
 * the user whose conversation it belongs to, so that a press by anyone else is refused, and what it
 * stands for (an engine action, encoded by adapters/shared/action-codec.ts; a question's typed
 * answer; sharing the plan).
 *
 * Discord allows 1-100 characters: a user id is at most 20 digits; the coach's step, choice and rule
 * ids are short (a longer one is refused when encoded).
 */
import type { Lang } from "../../src/content/schema.ts";
import type { Action } from "../../src/vocabulary/actions.ts";
import { decodeAction, encodeAction } from "../shared/action-codec.ts";

/** Discord's limit on a custom_id. */
export const MAX_CUSTOM_ID = 100;

/** What a custom_id stands for, and whose conversation it belongs to. */
export type ComponentId =
  /** a button that does an engine action (pick a choice, confirm, a command, a topic...) */
  | { kind: "choice"; owner: string; action: Action }
  /** a select menu of engine choices: each option's value is an encoded action */
  | { kind: "select"; owner: string; index: number }
  /** a button that opens the typed-answer modal of a question, in the conversation's language */
  | { kind: "typed"; owner: string; lang: Lang; step: string }
  /** the modal itself: its text is the answer to `step` */
  | { kind: "modal"; owner: string; step: string }
  /** the button that posts the finished plan in the channel */
  | { kind: "share"; owner: string };

const TAGS = { choice: "c", select: "s", typed: "t", modal: "m", share: "p" } as const;

/**
 * @throws RangeError when the id would be longer than Discord allows (a content id far too long)
 * @example encodeComponentId({ kind: "choice", owner: "80351110224678912", action: { kind: "pick", step: "goal", choice: "sales" } })
 * // "c:80351110224678912:pick:goal:sales"
 */
export function encodeComponentId(id: ComponentId): string {
  const parts: string[] = [TAGS[id.kind], id.owner];
  switch (id.kind) {
    case "choice":
      parts.push(encodeAction(id.action));
      break;
    case "select":
      parts.push(String(id.index));
      break;
    case "typed":
      parts.push(id.lang, id.step);
      break;
    case "modal":
      parts.push(id.step);
      break;
    case "share":
      break;
  }
  const encoded = parts.join(":");
  if (encoded.length > MAX_CUSTOM_ID) throw new RangeError(`custom_id of ${encoded.length} characters (Discord allows ${MAX_CUSTOM_ID})`);
  return encoded;
}

/** The meaning of a custom_id, or null for one this version of the coach never makes. */
export function decodeComponentId(customId: string): ComponentId | null {
  const m = /^([a-z]):(\d{1,20})(?::(.*))?$/s.exec(customId);
  if (!m) return null;
  const [, tag, owner = "", rest] = m;
  switch (tag) {
    case TAGS.choice: {
      const action = rest ? decodeAction(rest) : null;
      return action ? { kind: "choice", owner, action } : null;
    }
    case TAGS.select:
      return rest && /^\d{1,2}$/.test(rest) ? { kind: "select", owner, index: Number(rest) } : null;
    case TAGS.typed: {
      const t = /^(fr|en):(.+)$/s.exec(rest ?? "");
      return t ? { kind: "typed", owner, lang: t[1] === "fr" ? "fr" : "en", step: t[2]! } : null;
    }
    case TAGS.modal:
      return rest ? { kind: "modal", owner, step: rest } : null;
    case TAGS.share:
      return rest === undefined ? { kind: "share", owner } : null;
    default:
      return null;
  }
}
