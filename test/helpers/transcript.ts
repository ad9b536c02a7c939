/**
 * Transcript tests: a whole conversation written as a readable script, sent turn by turn through
 * the real coordinator (and, when given, the lowdb store), each coach line asserted against what
 * the user would read.
 *
 *   > je veux plus de clients        the user types this (">>> #choice:goal:sales" presses a button)
 *   ~ Votre objectif                 the coach's replies for that turn contain this text
 *   ! Combien                        ...and do NOT contain this text
 *   @ time                           the pending question is now "time" (@ done: the interview is over)
 *   = objection fad                  this turn answered the objection "fad" (= objection none)
 *   -- restart process               drop the coordinator and build a new one on the same store
 */
import { expect } from "vitest";
import { Coordinator, type TurnOutcome } from "../../src/coordinator.ts";
import { lineToInput } from "../../adapters/terminal/chat.ts";
import { renderReply } from "../../adapters/terminal/render.ts";
import type { SessionStore } from "../../src/store/session-store.ts";
import { content, FIXED_NOW } from "./content.ts";

export interface TranscriptRun {
  outcomes: TurnOutcome[];
  last: TurnOutcome;
}

/** The text a terminal user would see for one turn. */
export function seen(outcome: TurnOutcome): string {
  return outcome.replies.map(renderReply).join("\n\n");
}

export async function runTranscript(script: string, store: SessionStore, key = "terminal:local:tester"): Promise<TranscriptRun> {
  let coordinator = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
  const outcomes: TurnOutcome[] = [];
  let last = await coordinator.handle(key, { kind: "open" });
  outcomes.push(last);
  let lineNo = 0;
  for (const rawLine of script.split("\n")) {
    lineNo++;
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [tag, ...restParts] = line.split(" ");
    const rest = restParts.join(" ");
    const where = `transcript line ${lineNo}: ${line}\n--- the coach said ---\n${seen(last)}`;
    switch (tag) {
      case ">":
        last = await coordinator.handle(key, lineToInput(rest));
        outcomes.push(last);
        break;
      case "~":
        expect(seen(last), where).toContain(rest);
        break;
      case "!":
        expect(seen(last), where).not.toContain(rest);
        break;
      case "@":
        expect(rest === "done" ? last.done : last.step, where).toBe(rest === "done" ? true : rest);
        break;
      case "=": {
        const [, id] = rest.split(" ");
        expect(last.objection?.id ?? "none", where).toBe(id);
        break;
      }
      case "--":
        if (rest !== "restart process") throw new Error(`unknown directive ${line}`);
        coordinator = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
        last = await coordinator.handle(key, { kind: "open" });
        outcomes.push(last);
        break;
      default:
        throw new Error(`transcript line ${lineNo}: unknown tag "${tag}"`);
    }
  }
  return { outcomes, last };
}
