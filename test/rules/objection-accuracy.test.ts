import { describe, expect, it } from "vitest";
import { evaluate, merge, QUESTION_SETS, readSet, SETS } from "../eval/evaluate-rules.ts";
import { content } from "../helpers/content.ts";

describe("the objection rule base on the phrasing sets", () => {
  // the blind set is a measure of first contact, reported by eval:rules; the others are what the rules were tuned on
  const sets = SETS.map((s) => readSet(s.file));
  const all = SETS.filter((s) => !s.blind).map((s) => readSet(s.file)).reduce(merge);

  // the rules added with the questions owners ask have their own phrasing sets (test/rules/questions.test.ts)
  const later = new Set(QUESTION_SETS.flatMap((q) => Object.keys(readSet(q.file).positives)));

  it("has at least 8 phrasings per rule per language in each set (6 in set 9), and 40 negatives", () => {
    for (const [i, set] of sets.entries()) {
      const min = SETS[i]?.minPerRule ?? 8;
      for (const id of [...content().rules.keys()].filter((r) => !later.has(r))) {
        expect(set.positives[id]?.fr.length ?? 0, id).toBeGreaterThanOrEqual(min);
        expect(set.positives[id]?.en.length ?? 0, id).toBeGreaterThanOrEqual(min);
      }
    }
    for (const set of sets) expect(set.negatives.fr.length + set.negatives.en.length).toBeGreaterThanOrEqual(40);
  });

  it("finds the right rule first for at least 90 % of all phrasings", () => {
    const e = evaluate(content(), all);
    expect(e.accuracy, e.misses.map((m) => `${m.expected} → ${m.got}: ${m.text}`).join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  // the blind set is a measure, not a gate: `npm run eval:rules` prints how many of its negatives
  // match (26 of 50 on first contact), and nobody tunes the rules on it
  it("matches none of the negatives (greetings, interview answers, gibberish, emoji) of the sets it was tuned on", () => {
    const e = evaluate(content(), sets.filter((_, i) => !SETS[i]?.blind && !SETS[i]?.negativesHeldAt).reduce(merge));
    expect(e.negativesMatched).toEqual([]);
  });

  // set 8's negatives share the doubts' words on purpose ("mon neveu est gardien de sécurité"); the
  // word senses of dialogs/objections.yaml (notDoubtSenses) and the rules' `unless` phrases took 24
  // matched down to 11: never more
  it("matches no more of a partly tuned set's negatives than when it was tuned", () => {
    for (const [i, s] of SETS.entries()) {
      if (!s.negativesHeldAt) continue;
      const e = evaluate(content(), sets[i]!);
      expect(e.negativesMatched.length, e.negativesMatched.map((n) => `${n.text} → ${n.got}`).join("\n")).toBeLessThanOrEqual(s.negativesHeldAt.matched);
      expect(e.negativesAnswered.length).toBeLessThanOrEqual(s.negativesHeldAt.answered);
    }
  });
});
