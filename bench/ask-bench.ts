/**
 * Section 4: ask-mode matching. Every phrasing of the sets (dialogs/phrasings/ and the blind set:
 * positives of every rule and negatives, French and English) goes through `matchDoubt` (the rules,
 * then the learned fallback), and through the coordinator's whole `ask` input (reading, match, answer).
 */
import type { Content } from "../src/content/compile.ts";
import { Coordinator } from "../src/coordinator.ts";
import { matchDoubt } from "../src/understand/match-doubt.ts";
import { MemoryStore } from "../src/store/memory-store.ts";
import { readSet, SETS, type PhrasingSet } from "../test/eval/evaluate-rules.ts";
import { percentile, Runs } from "./stats.ts";

/** Figures in milliseconds per message. */
export type AskFigure = "match.mean" | "match.p99" | "ask.mean" | "ask.p99";

/** Every message of a phrasing set, positives and negatives, both languages. */
function messagesOf(set: PhrasingSet): string[] {
  const out: string[] = [];
  for (const langs of Object.values(set.positives)) out.push(...langs.fr, ...langs.en);
  out.push(...set.negatives.fr, ...set.negatives.en);
  return out;
}

/** The messages of every phrasing set. */
export function askMessages(): string[] {
  return SETS.flatMap((s) => messagesOf(readSet(s.file)));
}

/** Times `fn` on every message, `passes` times over; returns the mean and every call's duration. */
async function timeMessages(messages: readonly string[], passes: number, fn: (text: string) => unknown): Promise<{ mean: number; samples: number[] }> {
  const samples: number[] = [];
  const start = performance.now();
  for (let p = 0; p < passes; p++) {
    for (const text of messages) {
      const t0 = performance.now();
      const result = fn(text);
      if (result instanceof Promise) await result; // a synchronous matcher is not charged a microtask
      samples.push(performance.now() - t0);
    }
  }
  return { mean: (performance.now() - start) / samples.length, samples };
}

/**
 * Runs both measures `runs` times after a warm-up pass and returns them with their spread, with
 * how many messages the sets hold.
 */
export async function benchAsk(content: Content, runs: number, passes: number): Promise<{ runs: Runs<AskFigure>; messages: number }> {
  const messages = askMessages();
  const coordinator = new Coordinator({ content, store: new MemoryStore() });
  const match = (text: string) => matchDoubt(content, text);
  const ask = (text: string) => coordinator.handle("bench", { kind: "ask", text });
  await timeMessages(messages, 1, match);
  await timeMessages(messages, 1, ask);
  const out = new Runs<AskFigure>();
  for (let r = 0; r < runs; r++) {
    const m = await timeMessages(messages, passes, match);
    out.add("match.mean", m.mean);
    out.add("match.p99", percentile(m.samples, 0.99));
    const a = await timeMessages(messages, passes, ask);
    out.add("ask.mean", a.mean);
    out.add("ask.p99", percentile(a.samples, 0.99));
  }
  return { runs: out, messages: messages.length };
}
