import { describe, expect, it } from "vitest";
import { answerObjection, ask } from "../../src/rules/answer-objection.ts";
import { content } from "../helpers/content.ts";

describe("ask mode", () => {
  it("answers a short English message in English when only its keywords tell the language", () => {
    for (const [text, objection] of [["its mostly garbage", "noise"], ["hackers", "security"], ["securty risks, viruses", "security"]] as const) {
      const r = ask(content(), text);
      expect(r.lang, text).toBe("en");
      expect(r.objection, text).toBe(objection);
      expect(r.text, text).toContain("Source:");
    }
  });

  it("keeps French for French messages and the default when nothing tells the language", () => {
    expect(ask(content(), "les hackers").lang).toBe("fr");
    expect(ask(content(), "c'est juste une mode").lang).toBe("fr");
    expect(ask(content(), "virus").lang).toBe(content().messages.defaultLang);
  });

  it("ends an answer with a question that reads whole without the related topics under it", () => {
    const r = ask(content(), "isn't it just a fad?");
    expect(r.choices.length).toBeGreaterThan(0);
    expect(r.text.endsWith("Would you like to hear about a related topic?")).toBe(true);
    for (const lang of ["fr", "en"] as const) {
      for (const id of content().rules.keys()) {
        const reply = answerObjection(content(), id, lang);
        const lastLine = reply.text.trimEnd().split("\n").at(-1)!;
        expect(lastLine, `${id} ${lang}`).not.toMatch(/:\s*$/);
        // without topics to offer, the text ends with its source
        expect(answerObjection(content(), id, lang, {}, false).text.split("\n").at(-1), `${id} ${lang}`).toMatch(/^Source ?:/);
      }
    }
  });
});
