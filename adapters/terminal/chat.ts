/**
 * The local chat and the test mode: lines in, replies out, through the real coordinator. Used by
 * `npm start` / `npm run coach` and, in-process, by the transcript tests.
 */
import type { Coordinator } from "../../src/coordinator.ts";
import type { Lang } from "../../src/content/schema.ts";
import type { Input } from "../../src/engine/replies.ts";
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

/** A line of the terminal as an engine input: `#choice:ID` presses the button with that id. */
export function lineToInput(line: string, lang?: Lang): Input {
  const m = /^#choice:(\S+)\s*$/.exec(line.trim());
  return m ? { type: "choice", id: m[1]!, locale: lang } : { type: "text", text: line, locale: lang };
}

/** Runs the chat until the lines end. */
export async function runChat(o: ChatOptions): Promise<void> {
  const show = (input: string | null, outcome: Awaited<ReturnType<Coordinator["handle"]>>) => {
    if (o.json) o.write(JSON.stringify(turnJson(input, outcome)) + "\n");
    else o.write(outcome.replies.map(renderReply).join("\n\n") + "\n\n");
  };
  show(null, await o.coordinator.handle(o.key, { type: "open", locale: o.lang }));
  o.prompt?.();
  for await (const line of o.lines) {
    show(line, await o.coordinator.handle(o.key, lineToInput(line, o.lang)));
    o.prompt?.();
  }
}
