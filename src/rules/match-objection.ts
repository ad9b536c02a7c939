/**
 * Recognises an objection in what the owner wrote, using the words and the threshold of
 * dialogs/objections.yaml.
 */
import type { Content } from "../content/compile.ts";

export type ObjectionMatch =
  | { kind: "none"; confidence: number }
  | { kind: "match"; id: string; confidence: number }
  /** two or more rules are about as likely: the coach asks which one was meant */
  | { kind: "ambiguous"; ids: string[]; confidence: number };

const confidenceOf = (score: number) => Math.round((score / (score + 1)) * 1000) / 1000;

/**
 * @example matchObjection(content, "c'est juste une mode") // { kind: "match", id: "fad", confidence: 0.5 }
 */
export function matchObjection(content: Content, text: string): ObjectionMatch {
  const o = content.objections;
  const hits = content.objectionIndex.match(text);
  const best = hits[0];
  if (!best) return { kind: "none", confidence: 0 };
  const confidence = confidenceOf(best.score);
  if (confidence < o.threshold) return { kind: "none", confidence };
  const close = hits.filter((h) => confidenceOf(h.score) >= o.threshold && confidence - confidenceOf(h.score) < o.ambiguityMargin);
  if (close.length > 1) return { kind: "ambiguous", ids: close.slice(0, 3).map((h) => h.key), confidence };
  return { kind: "match", id: best.key, confidence };
}
