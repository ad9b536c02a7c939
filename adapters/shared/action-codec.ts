/**
 * The one place where a button's typed action (src/vocabulary/actions.ts) becomes a string and back:
 * Slack's button value, the tail of Discord's custom_id, the terminal's `#choice:ID`.
 *
 *   pick:goal:sales   confirm:time:yes   cmd:back   topic:fad   lang:en   change:goal   change:*
 *   book:3   book:0   review:start   review:later   review:stop
 *
 * Ids written by earlier versions ("goal:sales", "ask:fad", "cmd:back", "lang:en") still decode, so
 * that buttons left in a chat history keep working (or are answered as stale by the engine).
 */
import { Action, COMMANDS, type Command } from "../../src/vocabulary/actions.ts";

/** The longest encoded action: step and choice ids are at most 60 characters each. */
export const MAX_ENCODED_ACTION = 130;

/**
 * @example encodeAction({ kind: "pick", step: "goal", choice: "sales" }) // "pick:goal:sales"
 */
export function encodeAction(a: Action): string {
  switch (a.kind) {
    case "pick":
      return `pick:${a.step}:${a.choice}`;
    case "confirm":
      return `confirm:${a.about}:${a.yes ? "yes" : "no"}`;
    case "command":
      return `cmd:${a.command}`;
    case "topic":
      return `topic:${a.rule}`;
    case "lang":
      return `lang:${a.lang}`;
    case "change":
      return `change:${a.step ?? "*"}`;
    case "book":
      return `book:${a.months}`;
    case "review":
      return `review:${a.what}`;
  }
}

/** The action a string stands for, or null for one no version of the coach makes. */
export function decodeAction(id: string): Action | null {
  const [kind = "", ...rest] = id.trim().split(":");
  const tail = rest.join(":");
  let a: unknown = null;
  switch (kind) {
    case "pick": {
      const [step, choice] = [rest[0], rest.slice(1).join(":")];
      a = { kind: "pick", step, choice };
      break;
    }
    case "confirm": {
      const yes = rest.at(-1);
      // "confirm:yes" (version 1) has no subject: stale unless the engine finds it
      a = { kind: "confirm", about: rest.length > 1 ? rest.slice(0, -1).join(":") : "?", yes: yes === "yes" };
      break;
    }
    case "cmd":
      a = (COMMANDS as readonly string[]).includes(tail) ? { kind: "command", command: tail as Command } : null;
      break;
    case "topic":
    case "ask": // version 1
      a = { kind: "topic", rule: tail };
      break;
    case "lang":
      a = { kind: "lang", lang: tail };
      break;
    case "change":
      a = { kind: "change", step: tail === "*" ? null : tail };
      break;
    case "book":
      a = /^\d{1,2}$/.test(tail) ? { kind: "book", months: Number(tail) } : null;
      break;
    case "review":
      a = { kind: "review", what: tail };
      break;
    default:
      // version 1: "goal:sales" picked a choice of the goal question
      if (kind !== "" && tail !== "") a = { kind: "pick", step: kind, choice: tail };
  }
  const parsed = Action.safeParse(a);
  return parsed.success ? parsed.data : null;
}
