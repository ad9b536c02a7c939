import { describe, expect, it } from "vitest";
import { evaluate, merge, readSet, SETS } from "../eval/evaluate-rules.ts";
import { content } from "../helpers/content.ts";

describe("the objection rule base on the phrasing sets", () => {
  const tuning = readSet(SETS.tuning);
  const heldOut = readSet(SETS.heldOut);

  it("has at least 8 phrasings per rule per language in each set, and 40 negatives", () => {
    for (const set of [tuning, heldOut]) {
      for (const id of content().rules.keys()) {
        expect(set.positives[id]?.fr.length ?? 0, id).toBeGreaterThanOrEqual(8);
        expect(set.positives[id]?.en.length ?? 0, id).toBeGreaterThanOrEqual(8);
      }
    }
    expect(tuning.negatives.fr.length + tuning.negatives.en.length).toBeGreaterThanOrEqual(40);
  });

  it("finds the right rule first for at least 90 % of all phrasings", () => {
    const e = evaluate(content(), merge(tuning, heldOut));
    expect(e.accuracy, e.misses.map((m) => `${m.expected} → ${m.got}: ${m.text}`).join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("matches none of the negatives (greetings, interview answers, gibberish, emoji)", () => {
    const e = evaluate(content(), merge(tuning, heldOut));
    expect(e.negativesMatched).toEqual([]);
  });
});
