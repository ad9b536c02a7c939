/**
 * Measures the objection matcher against the phrasing sets under test/fixtures/: top-1 accuracy
 * per rule and language, the confusions, and every negative that matched. Used by the rule-base test
 * and by `npm run eval:rules`.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { parse } from "yaml";
import { DEFAULT_INBOX_DIR, TAUGHT_PHRASINGS } from "../../adapters/insights/inbox-files.ts";
import { NOT_A_DOUBT, type Content } from "../../src/content/compile.ts";
import { PhrasingSet } from "../../src/content/schema.ts";
import { NaiveBayes, type Example } from "../../src/text/naive-bayes.ts";
import { matchDoubt, matchRules, type DoubtReading } from "../../src/understand/match-doubt.ts";

export { PhrasingSet };

/** A matcher: the keyword rules alone, or the rules with the learned fallback (what the coach uses). */
export type Matcher = (content: Content, text: string) => DoubtReading;
export const MATCHERS: Readonly<Record<"rules" | "coach", Matcher>> = { rules: matchRules, coach: matchDoubt };

/**
 * The phrasing sets, in the order they were written, each blind (by someone who had not seen the
 * rules' words nor the earlier sets). Each was first measured as it came, then the misses taught the
 * rules new words; the last one is the blind figure of how the words generalise.
 */
export const SETS: readonly {
  file: string;
  title: string;
  blind?: boolean;
  /** phrasings per rule and language the set has at least (8 unless said) */
  minPerRule?: number;
  /** a set tuned on only in part: its negatives are held at these counts, not at none */
  negativesHeldAt?: { matched: number; answered: number };
}[] = [
  { file: "dialogs/phrasings/objections-1.yaml", title: "set 1 (seen while the words were first chosen)" },
  { file: "dialogs/phrasings/objections-2.yaml", title: "set 2 (87.5 % when first measured blind, then tuned on)" },
  { file: "dialogs/phrasings/objections-3.yaml", title: "set 3 (71.3 % when first measured blind, then tuned on)" },
  { file: "dialogs/phrasings/objections-4.yaml", title: "set 4 (75.3 % when first measured blind, then tuned on)" },
  { file: "dialogs/phrasings/objections-5.yaml", title: "set 5 (82.0 % when first measured blind; its positives never tuned on, 3 of its negatives matched at first and were fixed)" },
  { file: "dialogs/phrasings/objections-6.yaml", title: "set 6 (first contact: 59.3 % on the rules alone, 71.3 % with the learned fallback, 0 negatives; then tuned on)" },
  { file: "dialogs/phrasings/objections-7.yaml", title: "set 7 (first contact: 50.3 % on the rules alone, 63.0 % with the learned fallback, 8 of 50 negatives matched by the rules; then tuned on)" },
  // kept out of dialogs/phrasings/ so the learned fallback never trains on it
  {
    file: "dialogs/phrasings/objections-8.yaml",
    title: "set 8 (first contact: 60.3 % on the rules alone, 71.3 % with the learned fallback, 26 of 50 negatives matched by the rules; its negatives then tuned on in part: word senses that voice no doubt)",
    negativesHeldAt: { matched: 11, answered: 5 },
  },
  { file: "dialogs/phrasings/objections-10.yaml", title: "set 10 (written blind for tuning the owner questions: 10 phrasings per question topic, 4 per doubt, 100 negatives; first contact: 48.7 % on the rules alone, 11 of 100 negatives matched; then tuned on: 79.7 %)", minPerRule: 4, negativesHeldAt: { matched: 11, answered: 1 } },
  { file: "test/fixtures/objections-9.yaml", title: "set 9 (blind, untouched: the honest figure; all 24 topics, 6 phrasings each per language; first contact: 68.8 % on the rules alone, 74.7 % with the learned fallback, 32 of 80 negatives matched)", blind: true, minPerRule: 6 },
];

/**
 * The phrasing sets of the question rules (`kind: question` in dialogs/objections.yaml) and the two
 * doubts added with them: written with the rules, so a measure of what was taught, not of first
 * contact. Reported apart from the seven objection sets, whose figures stay comparable.
 */
export const QUESTION_SETS: readonly { file: string; title: string }[] = [
  { file: "dialogs/phrasings/questions-1.yaml", title: "questions set 1 (written with the question rules: seen, not a blind measure)" },
];

/** A phrasing set by its path from the top of the repository (or an absolute path). */
export function readSet(file: string): PhrasingSet {
  return PhrasingSet.parse(parse(readFileSync(isAbsolute(file) ? file : join(import.meta.dirname, "..", "..", file), "utf8")));
}

/**
 * The review file the insights page writes (dialogs/inbox/taught-phrasings.yaml, or in
 * COACH_INBOX_DIR): messages the coach missed, with what a reviewer said they were. Measured as a
 * set of its own, never trained on (the coach does not read dialogs/inbox/); null when nothing was taught.
 */
export function reviewSetFile(env: Record<string, string | undefined> = process.env): string | null {
  const file = join(env["COACH_INBOX_DIR"] ? resolve(env["COACH_INBOX_DIR"]) : DEFAULT_INBOX_DIR, TAUGHT_PHRASINGS);
  return existsSync(file) ? file : null;
}

export interface Evaluation {
  total: number;
  correct: number;
  accuracy: number;
  /** "rule/lang" → [correct, total] */
  perRule: Map<string, [number, number]>;
  perLang: Map<string, [number, number]>;
  /** what a phrasing of one rule was taken for: "none", "ambiguous:a,b" or another rule id */
  misses: { expected: string; lang: string; text: string; got: string }[];
  /** negatives taken for a doubt (or for a doubt and a question at once): false alarms */
  negativesMatched: { lang: string; text: string; got: string }[];
  /**
   * negatives answered by a question rule alone. The objection sets were written before the question
   * rules, and a few of their negatives are those very questions ("How often should I post?"): now
   * answered, and listed apart so that a reader checks each one is a question, not an interview answer.
   */
  negativesAnswered: { lang: string; text: string; got: string }[];
}

const bump = (m: Map<string, [number, number]>, k: string, ok: boolean) => {
  const v = m.get(k) ?? [0, 0];
  m.set(k, [v[0] + (ok ? 1 : 0), v[1] + 1]);
};

export function evaluate(content: Content, set: PhrasingSet, match: Matcher = matchDoubt): Evaluation {
  const e: Evaluation = { total: 0, correct: 0, accuracy: 0, perRule: new Map(), perLang: new Map(), misses: [], negativesMatched: [], negativesAnswered: [] };
  const isQuestion = (id: string) => content.rules.get(id)?.kind === "question";
  for (const [rule, langs] of Object.entries(set.positives)) {
    for (const lang of ["fr", "en"] as const) {
      for (const text of langs[lang]) {
        const m = match(content, text);
        const ok = m.kind === "match" && m.id === rule;
        e.total++;
        if (ok) e.correct++;
        bump(e.perRule, `${rule}/${lang}`, ok);
        bump(e.perLang, lang, ok);
        if (!ok) e.misses.push({ expected: rule, lang, text, got: m.kind === "match" ? m.id : m.kind === "ambiguous" ? `ambiguous:${m.ids.join(",")}` : "none" });
      }
    }
  }
  for (const lang of ["fr", "en"] as const) {
    for (const text of set.negatives[lang]) {
      const m = match(content, text);
      if (m.kind === "none") continue;
      const got = { lang, text, got: m.kind === "match" ? m.id : `ambiguous:${m.ids.join(",")}` };
      if ((m.kind === "match" ? [m.id] : m.ids).every(isQuestion)) e.negativesAnswered.push(got);
      else e.negativesMatched.push(got);
    }
  }
  e.accuracy = e.total === 0 ? 0 : e.correct / e.total;
  return e;
}

/** Both sets at once. */
export function merge(a: PhrasingSet, b: PhrasingSet): PhrasingSet {
  const positives: PhrasingSet["positives"] = {};
  for (const id of new Set([...Object.keys(a.positives), ...Object.keys(b.positives)])) {
    positives[id] = {
      fr: [...(a.positives[id]?.fr ?? []), ...(b.positives[id]?.fr ?? [])],
      en: [...(a.positives[id]?.en ?? []), ...(b.positives[id]?.en ?? [])],
    };
  }
  return { positives, negatives: { fr: [...a.negatives.fr, ...b.negatives.fr], en: [...a.negatives.en, ...b.negatives.en] } };
}

/** The examples a phrasing set teaches the learned fallback: each positive with its rule, each negative as "no doubt". */
export function examplesOf(set: PhrasingSet): Example[] {
  return [
    ...Object.entries(set.positives).flatMap(([label, t]) => [...t.fr, ...t.en].map((text) => ({ label, text }))),
    ...[...set.negatives.fr, ...set.negatives.en].map((text) => ({ label: NOT_A_DOUBT, text })),
  ];
}

/** What the learned fallback said of one held-out message the rules did not settle. */
export interface HeldOut {
  set: number;
  text: string;
  /** the rule expected, or null for a negative */
  expected: string | null;
  rules: DoubtReading;
  /** the classifier's best rule and its probability (none when it preferred "no doubt") */
  top: { label: string; p: number } | null;
}

/**
 * Leave one phrasing set out at a time: the classifier is trained on the others and asked about the
 * held-out set's messages that the rules leave unmatched or tied. The thresholds are chosen from this.
 */
export function crossValidate(content: Content, sets: readonly PhrasingSet[], alpha: number): HeldOut[] {
  const out: HeldOut[] = [];
  sets.forEach((held, n) => {
    const nb = new NaiveBayes(sets.filter((_, k) => k !== n).flatMap(examplesOf), content.stopwords, alpha);
    for (const e of examplesOf(held)) {
      const rules = matchRules(content, e.text);
      if (rules.kind === "match") continue;
      const best = nb.classify(e.text)[0];
      out.push({ set: n + 1, text: e.text, expected: e.label === NOT_A_DOUBT ? null : e.label, rules, top: best && best.label !== NOT_A_DOUBT ? { label: best.label, p: best.p } : null });
    }
  });
  return out;
}
