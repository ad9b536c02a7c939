import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { truncate } from "../../../adapters/shared/truncate-text.ts";

describe("truncate", () => {
  test("keeps short texts and cuts long ones at a word, with an ellipsis", () => {
    expect(truncate("court", 10)).toBe("court");
    expect(truncate("Faire connaître l'entreprise (notoriété)", 20)).toBe("Faire connaître…");
    fc.assert(fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 2, max: 100 }), (s, max) => {
      expect(truncate(s, max).length).toBeLessThanOrEqual(max);
    }));
  });
});
