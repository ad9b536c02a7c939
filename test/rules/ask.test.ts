import { describe, expect, it } from "vitest";
import { answerObjection } from "../../src/rules/answer-objection.ts";
import { buildPlan } from "../../src/plan/build-plan.ts";
import { freshState, step } from "../../src/engine/step.ts";
import type { Answer } from "../../src/vocabulary/answers.ts";
import type { Lang } from "../../src/vocabulary/lang.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";

/**
 * A question asked outside the interview (a mention, /ask, `coach ask`), through the engine: by
 * someone with no session, or whose answers so far are `answers`.
 */
function ask(_c: unknown, text: string, lang?: Lang, answers?: Record<string, Answer>) {
  const state = answers ? { ...freshState(content(), FIXED_NOW), answers } : undefined;
  const r = step(state, { kind: "ask", text, locale: lang }, content(), FIXED_NOW);
  const reply = r.replies[0]!;
  const doubt = r.events.find((e) => e.kind === "doubt");
  expect(r.save, "a question outside the interview keeps nothing").toBe(false);
  return { lang: r.state.lang, objection: doubt?.kind === "doubt" ? doubt.rule : null, text: reply.text, choices: "choices" in reply ? reply.choices : [] };
}

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

describe("an answer points to the owner's plan", () => {
  const finished: Record<string, Answer> = {
    goal: { type: "choice", id: "sales" },
    time: { type: "hours", hoursPerMonth: 20 },
    budget: { type: "money", amountPerMonth: 300, currency: "$" },
    skills: { type: "choice", id: "personal" },
    owner: { type: "choice", id: "intern" },
  };

  it("names the point of the plan that deals with the concern, by its number in that plan", () => {
    for (const lang of ["fr", "en"] as const) {
      const point = buildPlan(content(), finished, lang).recommendations.findIndex((r) => r.id === "security-policy") + 1;
      expect(point).toBeGreaterThan(1);
      const r = ask(content(), lang === "fr" ? "et la sécurité, les virus ?" : "what about security and viruses?", lang, finished);
      expect(r.objection).toBe("security");
      expect(r.text).toContain(lang === "fr" ? `voyez le point ${point} des recommandations` : `see point ${point} of the recommendations`);
    }
  });

  it("says nothing of a plan to someone who has none, or whose plan does not hold that point yet", () => {
    expect(ask(content(), "what about security and viruses?", "en").text).not.toContain("Your plan covers this");
    // pilot-and-review needs the owner and the budget: not in a plan with only a goal
    const early = { goal: finished["goal"]! };
    const r = ask(content(), "a community manager costs too much", "en", early);
    expect(r.objection).toBe("too-expensive");
    expect(r.text).not.toContain("Your plan covers this");
    expect(ask(content(), "a community manager costs too much", "en", finished).text).toContain("Your plan covers this");
  });
});

describe("an answer applied to the owner's figures", () => {
  it("speaks of no budget when the owner has none, and of their amount otherwise", () => {
    const noBudget: Record<string, Answer> = { budget: { type: "money", amountPerMonth: 0, currency: null } };
    const some: Record<string, Answer> = { budget: { type: "money", amountPerMonth: 250, currency: "€" } };
    const none = ask(content(), "un community manager coûte trop cher", "fr", noBudget).text;
    expect(none).toContain("Sans budget pour l'instant, votre premier investissement sera du temps");
    expect(none).not.toContain("budget de 0");
    expect(ask(content(), "un community manager coûte trop cher", "fr", some).text).toContain("Avec votre budget de 250 €");
  });
});
