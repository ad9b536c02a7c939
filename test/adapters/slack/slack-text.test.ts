import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { escapeSlack, slackToPlain } from "../../../adapters/slack/slack-text.ts";

describe("escapeSlack", () => {
  test("turns the three control characters into entities, and nothing else", () => {
    expect(escapeSlack("R&D <!channel> <@U1> «ça» > 2")).toBe("R&amp;D &lt;!channel&gt; &lt;@U1&gt; «ça» &gt; 2");
  });

  test("no text, however crafted, keeps a raw < or > or a bare &", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("<", ">", "&", "!", "@", "a", "#", "|", ";", "l", "t", "g") }), (s) => {
        const out = escapeSlack(s);
        expect(out).not.toMatch(/[<>]/);
        expect(out.replace(/&(amp|lt|gt);/g, "")).not.toContain("&");
      }),
    );
  });
});

describe("slackToPlain", () => {
  test("removes the coach's own mention and reads other markup as a person saw it", () => {
    expect(slackToPlain("<@UBOT> ask <@U2|ana> in <#C1|general> about <https://ex.com|our site> &amp; <!here>", "UBOT")).toBe(
      "ask @ana in #general about our site & @here",
    );
  });

  test("decodes the entities Slack uses for characters the person typed", () => {
    expect(slackToPlain("&lt;!channel&gt; 3 &gt; 2 &amp; co")).toBe("<!channel> 3 > 2 & co");
  });

  test("a broadcast mention becomes harmless text", () => {
    expect(slackToPlain("<!channel> <!everyone>")).toBe("@channel @everyone");
  });

  test("plain text survives a round trip through escaping", () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const spaced = s.replace(/[ \t]{2,}/g, " ").trim();
      expect(slackToPlain(escapeSlack(spaced))).toBe(spaced);
    }));
  });
});
