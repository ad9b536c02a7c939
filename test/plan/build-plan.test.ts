/**
 * The written plan: which recommendations the answers call for (issue 2's table), the owner's own
 * figures in their texts, their sources, and the summary lines, in both languages.
 */
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build-plan.ts";
import { renderPlanMarkdown } from "../../src/plan/render-markdown.ts";
import type { Answer } from "../../src/engine/state.ts";
import type { Lang } from "../../src/content/schema.ts";
import { content } from "../helpers/content.ts";

type Answers = Record<string, Answer>;
const choice = (id: string): Answer => ({ type: "choice", id });
const hours = (hoursPerMonth: number): Answer => ({ type: "hours", hoursPerMonth });
const money = (amountPerMonth: number, currency: string | null = "$"): Answer => ({ type: "money", amountPerMonth, currency });

/** A complete set of answers; `over` replaces some. */
function answers(over: Answers = {}): Answers {
  return { goal: choice("sales"), time: hours(40), budget: money(200), skills: choice("some"), owner: choice("self"), ...over };
}
const ids = (a: Answers, lang: Lang = "en") => buildPlan(content(), a, lang).recommendations.map((r) => r.id);
const text = (a: Answers, id: string, lang: Lang = "en") => buildPlan(content(), a, lang).recommendations.find((r) => r.id === id)?.text ?? "";

describe("which recommendations the answers call for", () => {
  it("always: the goal, the time per network, one platform first, the in-house voice, the budget, security, listening", () => {
    const always = ["define-objective", "time-per-network", "one-platform-first", "in-house-voice", "launch-budget", "security-policy", "listen-first"];
    for (const over of [{} as Answers, { skills: choice("team"), owner: choice("employee"), budget: money(0) }, { goal: { type: "text", text: "be the bakery everyone knows" } as Answer }]) {
      expect(ids(answers(over))).toEqual(expect.arrayContaining(always));
    }
  });

  it.each([
    ["none", true],
    ["personal", true],
    ["some", false],
    ["team", false],
  ])("skills %s: choose-help-carefully and train-the-team %s", (skills, low) => {
    const got = ids(answers({ skills: choice(skills), owner: choice("self") }));
    expect(got.includes("train-the-team")).toBe(low);
    expect(got.includes("choose-help-carefully")).toBe(low);
  });

  it("an agency calls for the five checks whatever the skills, and an internal contact", () => {
    const a = answers({ skills: choice("team"), owner: choice("agency") });
    expect(ids(a)).toContain("choose-help-carefully");
    expect(ids(a)).not.toContain("train-the-team");
    expect(text(a, "in-house-voice")).toMatch(/one person|contact/i);
  });

  it.each([
    ["intern", true],
    ["self", false],
    ["employee", false],
    ["agency", false],
    ["undecided", false],
  ])("owner %s: intern-needs-guidelines %s", (owner, expected) => {
    expect(ids(answers({ owner: choice(owner) })).includes("intern-needs-guidelines")).toBe(expected);
  });

  it.each([
    ["self", 0, false],
    ["self", 150, true],
    ["employee", 0, true],
    ["intern", 0, true],
    ["agency", 0, true],
    ["undecided", 0, false],
  ])("owner %s with %d a month: pilot-and-review %s", (owner, budget, expected) => {
    expect(ids(answers({ owner: choice(owner), budget: money(budget) })).includes("pilot-and-review")).toBe(expected);
  });

  it("a plan shown before the end has only what its answers support, and lists what is missing", () => {
    const plan = buildPlan(content(), { goal: choice("notoriety") }, "en");
    expect(plan.recommendations.map((r) => r.id)).not.toContain("time-per-network");
    expect(plan.recommendations.map((r) => r.id)).not.toContain("launch-budget");
    expect(plan.missing).toEqual(["time", "budget", "skills", "owner"]);
    expect(renderPlanMarkdown(content(), plan, { goal: choice("notoriety") })).toContain("_Partial plan: still to answer: Time, Budget, Skills, Who runs it._");
  });

  it("is the same plan every time for the same answers", () => {
    const a = answers({ skills: choice("personal"), owner: choice("intern") });
    expect(buildPlan(content(), a, "fr")).toEqual(buildPlan(content(), a, "fr"));
  });
});

describe("the owner's figures in the texts", () => {
  it.each([
    [80, "With your 80 h a month you have time for 2 networks"],
    [40, "Your 40 h a month are enough for one network, not more"],
    [20, "you have 20. Choose a lighter cadence"],
    [0, "nobody on your side has time for it yet"],
  ])("time-per-network with %d h a month says: %s", (h, expected) => {
    const t = text(answers({ time: hours(h) }), "time-per-network");
    expect(t).toContain("32 hours a month");
    expect(t).toContain(expected);
  });

  it("the budget as given, currency and all, in the budget and pilot texts", () => {
    expect(text(answers({ budget: money(250, "€") }), "launch-budget", "fr")).toContain("Répartissez vos 250 €");
    expect(text(answers({ budget: money(1200, "CAD"), owner: choice("employee") }), "pilot-and-review")).toContain("CAD");
    expect(text(answers({ budget: money(0) }), "launch-budget")).toContain("With no budget for now");
  });

  it("the goal in the owner's own words, kept as said", () => {
    const own: Answer = { type: "text", text: "be the bakery everyone in Limoilou knows" };
    expect(text(answers({ goal: own }), "define-objective")).toContain("be the bakery everyone in Limoilou knows");
    expect(buildPlan(content(), answers({ goal: own }), "en").goal).toBe("custom");
  });

  it("the skills and the owner by their labels, in the plan's language", () => {
    expect(text(answers({ skills: choice("personal") }), "train-the-team", "fr")).toContain("Usage personnel seulement");
    expect(text(answers({ owner: choice("intern"), budget: money(0) }), "pilot-and-review", "en")).toMatch(/one resource \(.*intern.*\)/i);
  });
});

describe("sources", () => {
  it("every recommendation names the articles it comes from, by title", () => {
    for (const lang of ["fr", "en"] as const) {
      const plan = buildPlan(content(), answers({ skills: choice("none"), owner: choice("intern") }), lang);
      for (const r of plan.recommendations) {
        expect(r.sources.length).toBeGreaterThan(0);
        expect(r.source).toMatch(/«.+»/);
      }
    }
    const time = buildPlan(content(), answers(), "en").recommendations.find((r) => r.id === "time-per-network")!;
    expect(time.sources).toEqual(["001"]);
    expect(time.source).toContain("Lionel Boscher");
  });
});

describe("the summary line on networks", () => {
  const line = (h: number, lang: Lang) => {
    const a = answers({ time: hours(h) });
    return renderPlanMarkdown(content(), buildPlan(content(), a, lang), a).split("\n").find((l) => l.includes("Networks") || l.includes("Réseaux"));
  };
  it("says how many networks the hours allow", () => {
    expect(line(70, "en")).toBe("- Networks your time lets you run well: 2");
    expect(line(40, "fr")).toBe("- Réseaux que votre temps permet de bien animer : 1");
  });
  it("does not say 0 when the hours fall short of one network: it points to a lighter pace", () => {
    expect(line(20, "en")).toBe("- Networks your time lets you run well: not yet one at the full pace; one at a lighter pace");
    expect(line(20, "fr")).toBe("- Réseaux que votre temps permet de bien animer : pas encore un à plein rythme, un seul à rythme allégé");
  });
});
