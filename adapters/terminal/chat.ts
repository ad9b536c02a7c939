/**
 * The local chat and the test mode: lines in, replies out, through the real coordinator. Used by
 * `npm start` / `npm run coach` and, in-process, by the transcript tests.
 */
import type { Coordinator } from "../../src/coordinator.ts";
import type { Lang } from "../../src/content/schema.ts";
import type { Input } from "../../src/vocabulary/inputs.ts";
import { decodeAction } from "../shared/action-codec.ts";
import { renderReply, turnJson } from "./render.ts";

export interface ChatOptions {
  coordinator: Coordinator;
  key: string;
  /** --lang: fixes the language instead of following the user's first message */
  lang?: Lang | undefined;
  lines: AsyncIterable<string>;
  write: (text: string) => void;
  json: boolean;
  /** called before each line is read (the interactive prompt) */
  prompt?: () => void;
}

/**
 * A line of the terminal as an engine input: `#choice:ID` presses the button whose action encodes
 * to ID (adapters/shared/action-codec.ts: `#choice:pick:goal:sales`, `#choice:confirm:time:yes`,
 * `#choice:cmd:back`); anything else is typed text.
 */
export function lineToInput(line: string, lang?: Lang): Input {
  const m = /^#choice:(\S+)\s*$/.exec(line.trim());
  const action = m ? decodeAction(m[1]!) : null;
  return action ? { kind: "action", action, locale: lang } : { kind: "text", text: line, locale: lang };
}

/** Runs the chat until the lines end. */
export async function runChat(o: ChatOptions): Promise<void> {
  const show = (input: string | null, outcome: Awaited<ReturnType<Coordinator["handle"]>>) => {
    if (o.json) o.write(JSON.stringify(turnJson(input, outcome)) + "\n");
    else o.write(outcome.replies.map(renderReply).join("\n\n") + "\n\n");
  };
  show(null, await o.coordinator.handle(o.key, { kind: "open", locale: o.lang }));
  o.prompt?.();
  for await (const line of o.lines) {
    show(line, await o.coordinator.handle(o.key, lineToInput(line, o.lang)));
    o.prompt?.();
  }
}
