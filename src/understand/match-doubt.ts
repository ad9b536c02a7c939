/**
 * Recognises the doubt a message voices: the keyword rules of dialogs/objections.yaml first, then the
 * naive Bayes classifier trained on dialogs/phrasings/, which answers only above its threshold and
 * settles the rules' ties. The reading keeps why: the rule words found, or "learned" and its score.
 */
import { NOT_A_DOUBT, type Content } from "../content/compile.ts";
import { normalize } from "../text/normalize.ts";
import { PhraseList } from "../text/phrases.ts";

export type DoubtReading =
  | { kind: "none"; confidence: number }
  /** `strong`: recognised by at least one strong word of the rule (or by the learned fallback) */
  | { kind: "match"; id: string; confidence: number; by: "rules" | "learned"; terms: string[]; strong: boolean }
  /** two or more rules are about as likely: the coach asks which one was meant */
  | { kind: "ambiguous"; ids: string[]; confidence: number; terms: string[] };

const confidenceOf = (score: number) => Math.round((score / (score + 1)) * 1000) / 1000;

const sensesOf = new WeakMap<Content, string[]>();
const unlessOf = new WeakMap<Content, Map<string, PhraseList>>();

/** The rules whose `unless` phrases are in the message ("my boss is all for it": not management-buy-in). */
function contradicted(content: Content, words: readonly string[]): Set<string> {
  let byRule = unlessOf.get(content);
  if (!byRule) {
    byRule = new Map();
    for (const r of content.objections.rules) {
      const list = [...r.match.unless.fr, ...r.match.unless.en];
      if (list.length > 0) byRule.set(r.id, new PhraseList(list));
    }
    unlessOf.set(content, byRule);
  }
  const out = new Set<string>();
  for (const [id, list] of byRule) if (list.within(words)) out.add(id);
  return out;
}

/**
 * The message without the word senses that voice no doubt (`notDoubtSenses`): "mon neveu est gardien
 * de sécurité" keeps no word for the security rule.
 */
export function withoutSenses(content: Content, text: string): string {
  let senses = sensesOf.get(content);
  if (!senses) {
    const s = content.objections.notDoubtSenses;
    senses = [...s.fr, ...s.en].map((p) => ` ${normalize(p)} `).filter((p) => p.trim() !== "");
    sensesOf.set(content, senses);
  }
  let t = ` ${normalize(text)} `;
  for (const p of senses) while (t.includes(p)) t = t.replace(p, " ");
  return t.trim();
}

/** The keyword rules alone. */
export function matchRules(content: Content, message: string): DoubtReading {
  const o = content.objections;
  const text = withoutSenses(content, message);
  const off = contradicted(content, text.split(" "));
  const hits = content.objectionIndex.match(text).filter((h) => !off.has(h.key));
  const best = hits[0];
  if (!best) return { kind: "none", confidence: 0 };
  const confidence = confidenceOf(best.score);
  if (confidence < o.threshold) return { kind: "none", confidence };
  const close = hits.filter((h) => confidenceOf(h.score) >= o.threshold && confidence - confidenceOf(h.score) < o.ambiguityMargin);
  if (close.length > 1) return { kind: "ambiguous", ids: close.slice(0, 3).map((h) => h.key), confidence, terms: close.slice(0, 3).flatMap((h) => h.terms) };
  return { kind: "match", id: best.key, confidence, by: "rules", terms: best.terms, strong: best.strongest >= 1 };
}

/**
 * The doubt a message voices, if any.
 *
 * @example matchDoubt(content, "c'est juste une mode") // { kind: "match", id: "fad", by: "rules", terms: ["mode"], ... }
 */
export function matchDoubt(content: Content, message: string): DoubtReading {
  const rules = matchRules(content, message);
  const text = withoutSenses(content, message);
  const learned = content.learnedDoubts;
  const l = content.objections.learned;
  if (!learned || rules.kind === "match") return rules;
  const top = learned.classify(text)[0];
  if (!top || top.label === NOT_A_DOUBT || contradicted(content, text.split(" ")).has(top.label)) return rules;
  const p = Math.round(top.p * 1000) / 1000;
  if (rules.kind === "ambiguous") {
    return rules.ids.includes(top.label) && p >= l.tieThreshold ? { kind: "match", id: top.label, confidence: p, by: "learned", terms: rules.terms, strong: true } : rules;
  }
  return p >= l.threshold ? { kind: "match", id: top.label, confidence: p, by: "learned", terms: [], strong: true } : rules;
}
