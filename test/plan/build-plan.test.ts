/**
 * The written plan: which recommendations the answers call for (only those that apply), the owner's
 * own figures in their texts, their sources, the summary lines, and the parts fitted to the business
 * (where to start, how often, the first month, the budget), in both languages. Last, the interview
 * that leads to it: the questions a business is asked, and the plan it gets.
 */
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build-plan.ts";
import { renderPlanMarkdown } from "../../src/plan/render-markdown.ts";
import type { StepResult } from "../../src/engine/step.ts";
import type { Answer } from "../../src/engine/state.ts";
import type { Lang } from "../../src/content/schema.ts";
import type { Plan } from "../../src/vocabulary/plan-shape.ts";
import { content } from "../helpers/content.ts";
import { aboutBusiness, noPage, open, press, say } from "../helpers/inputs.ts";
import { runSteps } from "../helpers/run-steps.ts";

type Answers = Record<string, Answer>;
const choice = (id: string): Answer => ({ type: "choice", id });
const hours = (hoursPerMonth: number): Answer => ({ type: "hours", hoursPerMonth });
const money = (amountPerMonth: number, currency: string | null = "$"): Answer => ({ type: "money", amountPerMonth, currency });

/** The five core answers alone, as a session carried over from the five-question interview holds them. */
function core(over: Answers = {}): Answers {
  return { goal: choice("sales"), time: hours(40), budget: money(200), skills: choice("some"), owner: choice("self"), ...over };
}
/** A complete set of answers (a food business, local customers of all ages, no page yet); `over` replaces some. */
function answers(over: Answers = {}): Answers {
  return { trade: choice("food"), customers: choice("local"), age: choice("all"), ...core(), presence: choice("none"), ...over };
}
const ids = (a: Answers, lang: Lang = "en") => buildPlan(content(), a, lang).recommendations.map((r) => r.id);
const text = (a: Answers, id: string, lang: Lang = "en") => buildPlan(content(), a, lang).recommendations.find((r) => r.id === id)?.text ?? "";
const markdown = (a: Answers, lang: Lang = "en") => renderPlanMarkdown(content(), buildPlan(content(), a, lang), a);

describe("which recommendations the answers call for", () => {
  it("only those that apply: an owner with hours, a budget and some skills, running it alone, gets security and the pilot", () => {
    expect(ids(answers())).toEqual(["security-policy", "pilot-and-review"]);
  });

  it.each([
    ["self", "some", "solo"],
    ["family", "personal", "solo"],
    ["agency", "none", "solo"],
    ["employee", "some", "staff"],
    ["intern", "none", "staff"],
    ["self", "team", "staff"],
  ])("security in every plan: owner %s with skills %s gets the %s variant", (owner, skills, variant) => {
    const t = text(answers({ owner: choice(owner), skills: choice(skills) }), "security-policy");
    expect(t).toContain("two-step login");
    if (variant === "staff") expect(t).toContain("internet-use policy");
    else expect(t).toContain("a second trusted admin");
    if (variant === "staff") expect(t).not.toContain("a second trusted admin");
    else expect(t).not.toContain("internet-use policy");
  });

  it("define-objective only for a goal in the owner's words", () => {
    expect(ids(answers())).not.toContain("define-objective");
    expect(ids(answers({ goal: { type: "text", text: "be the bakery everyone knows" } }))).toContain("define-objective");
  });

  it.each([
    [0, true, false, false],
    [0.5, true, false, false],
    [1, false, false, true],
    [40, false, false, true],
    [63, false, false, true],
    [64, false, true, true],
    [80, false, true, true],
  ])("with %d h a month: one-platform-first %s, time-per-network %s, pilot-and-review %s", (h, underOne, twoNetworks, pilot) => {
    const got = ids(answers({ time: hours(h) }));
    expect(got.includes("one-platform-first")).toBe(underOne);
    expect(got.includes("time-per-network")).toBe(twoNetworks);
    expect(got.includes("pilot-and-review")).toBe(pilot);
  });

  it.each([
    ["none", true],
    ["personal", true],
    ["some", false],
    ["team", false],
  ])("skills %s: train-the-team %s, whoever runs it", (skills, low) => {
    for (const owner of ["self", "agency"]) {
      expect(ids(answers({ skills: choice(skills), owner: choice(owner) })).includes("train-the-team")).toBe(low);
    }
  });

  it.each([
    ["self", false, false],
    ["employee", false, false],
    ["intern", false, true],
    ["family", false, true],
    ["agency", true, false],
    ["undecided", true, false],
  ])("owner %s: in-house-voice and choose-help-carefully %s, intern-needs-guidelines %s", (owner, outside, guidelines) => {
    for (const skills of ["none", "team"]) {
      const got = ids(answers({ owner: choice(owner), skills: choice(skills) }));
      expect(got.includes("in-house-voice")).toBe(outside);
      expect(got.includes("choose-help-carefully")).toBe(outside);
      expect(got.includes("intern-needs-guidelines")).toBe(guidelines);
    }
  });

  it("an agency calls for the five checks whatever the skills, and an internal contact; not decided yet, a word on choosing", () => {
    const a = answers({ skills: choice("team"), owner: choice("agency") });
    expect(ids(a)).toContain("choose-help-carefully");
    expect(ids(a)).not.toContain("train-the-team");
    expect(text(a, "choose-help-carefully")).toMatch(/^Before hiring outside help: beware of anyone who claims to "know everything"; don't hand it all to one person; prefer social-media know-how to knowledge of your trade; look at their own presence online; talk to their clients\.$/);
    expect(text(a, "in-house-voice")).toMatch(/one dedicated contact of yours/);
    expect(text(answers({ owner: choice("undecided") }), "in-house-voice")).toMatch(/^When you choose who will run it/);
  });

  it("a family member running it gets the intern's guidelines, said for a family member", () => {
    expect(text(answers({ owner: choice("family") }), "intern-needs-guidelines")).toMatch(/^If a family member runs your accounts/);
    expect(text(answers({ owner: choice("intern") }), "intern-needs-guidelines")).toMatch(/^If an intern runs your accounts/);
  });

  it("launch-budget only with no budget", () => {
    expect(ids(answers({ budget: money(0) }))).toContain("launch-budget");
    expect(ids(answers({ budget: money(200) }))).not.toContain("launch-budget");
    expect(ids(answers({ budget: money(1) }))).not.toContain("launch-budget");
  });

  it.each([
    ["self", 0],
    ["self", 150],
    ["employee", 0],
    ["intern", 0],
    ["agency", 0],
    ["undecided", 0],
  ])("owner %s with %d a month and hours to give: pilot-and-review, the trial of that one resource", (owner, budget) => {
    expect(ids(answers({ owner: choice(owner), budget: money(budget) }))).toContain("pilot-and-review");
    expect(ids(answers({ owner: choice(owner), budget: money(budget), time: hours(0) }))).not.toContain("pilot-and-review");
  });

  it("a plan shown before the end has only what its answers support, and lists what is missing", () => {
    const given = { trade: choice("food"), customers: choice("local"), age: choice("all"), goal: choice("notoriety") };
    const plan = buildPlan(content(), given, "en");
    for (const id of ["time-per-network", "launch-budget", "pilot-and-review", "train-the-team", "in-house-voice"]) expect(plan.recommendations.map((r) => r.id)).not.toContain(id);
    expect(plan.missing).toEqual(["time", "budget", "skills", "owner", "presence"]);
    expect(plan.cadenceText).toBeNull();
    expect(plan.calendar).toEqual([]);
    const md = renderPlanMarkdown(content(), plan, given);
    expect(md).toContain("_Partial plan: still to answer: Time, Budget, Skills, Who runs it, Already on social media._");
    expect(md).not.toContain("## Your first month");
    expect(md).not.toContain("## Your budget");
    // the network question is missing only once the owner says they have a page
    expect(buildPlan(content(), { ...given, presence: choice("dormant") }, "en").missing).toEqual(["time", "budget", "skills", "owner", "where"]);
    // and the age only while the customers are people
    expect(buildPlan(content(), { trade: choice("professional"), customers: choice("businesses") }, "en").missing).toEqual(["goal", "time", "budget", "skills", "owner", "presence"]);
  });

  it("is the same plan every time for the same answers", () => {
    const a = answers({ skills: choice("personal"), owner: choice("intern"), presence: choice("small"), where: choice("instagram") });
    expect(buildPlan(content(), a, "fr")).toEqual(buildPlan(content(), a, "fr"));
  });
});

describe("the owner's figures in the texts", () => {
  it("time-per-network, with 80 h a month: the hours a network takes, the networks they would allow, one first", () => {
    const t = text(answers({ time: hours(80) }), "time-per-network");
    expect(t).toContain("32 hours a month");
    expect(t).toContain("your 80 h a month would allow 2");
    expect(t).toContain("Still start with Facebook alone");
  });

  it.each([
    [40, "en", "the rest of your hours allows 5 posts a week on Facebook"],
    [10, "en", "the rest of your hours allows 2 posts a week on Facebook"],
    [10, "fr", "le reste de vos heures permet 2 publications par semaine sur Facebook"],
    [2, "en", "Your hours allow 1 post a month on Facebook"],
    [0.5, "en", "Your hours cover listening and answering"],
    [0, "en", "Nobody has hours for it yet: no posts planned"],
  ] as const)("the cadence with %d h a month (%s) says: %s", (h, lang, expected) => {
    expect(buildPlan(content(), answers({ time: hours(h) }), lang).cadenceText).toContain(expected);
  });

  it("with no hours at all: no calendar, and the plan says why", () => {
    const a = answers({ time: hours(0) });
    expect(buildPlan(content(), a, "en").calendar).toEqual([]);
    expect(markdown(a)).toContain("No calendar while nobody has hours to give it");
  });

  it("the budget as given, currency and all, in the budget split and the pilot text", () => {
    const euros = buildPlan(content(), answers({ budget: money(250, "€"), skills: choice("personal") }), "fr");
    expect(euros.budgetSplit.map((b) => [b.id, b.text])).toEqual([["training", "100 €"], ["boost", "150 €"]]);
    expect(euros.budgetSplit.reduce((s, b) => s + b.amount, 0)).toBe(250);
    expect(euros.recommendations.find((r) => r.id === "pilot-and-review")?.text).toContain("250 € par mois");
    expect(text(answers({ budget: money(1200, "CAD"), owner: choice("employee") }), "pilot-and-review")).toContain("1,200 CAD a month");
    expect(text(answers({ budget: money(0) }), "launch-budget")).toContain("For now your investment is your time");
    expect(markdown(answers({ budget: money(0) }))).toContain("With no budget, it all runs on your time: nothing to buy to start.");
  });

  it("the goal in the owner's own words, kept as said", () => {
    const own: Answer = { type: "text", text: "be the bakery everyone in Limoilou knows" };
    expect(text(answers({ goal: own }), "define-objective")).toContain("be the bakery everyone in Limoilou knows");
    expect(buildPlan(content(), answers({ goal: own }), "en").goal).toBe("custom");
  });

  it("the skills and the owner as phrases of the plan's language", () => {
    expect(text(answers({ skills: choice("personal") }), "train-the-team", "fr")).toContain("vous les connaissez en usage personnel");
    expect(text(answers({ owner: choice("intern"), budget: money(0) }), "pilot-and-review", "en")).toContain("one resource (an intern)");
  });
});

describe("sources", () => {
  it("every recommendation names the articles it comes from, by title", () => {
    for (const lang of ["fr", "en"] as const) {
      const plan = buildPlan(content(), answers({ skills: choice("none"), owner: choice("undecided"), budget: money(0), time: hours(80) }), lang);
      expect(plan.recommendations.length).toBeGreaterThanOrEqual(5);
      for (const r of plan.recommendations) {
        expect(r.sources.length).toBeGreaterThan(0);
        expect(r.source).toMatch(/«.+»/);
      }
    }
    const time = buildPlan(content(), answers({ time: hours(80) }), "en").recommendations.find((r) => r.id === "time-per-network")!;
    expect(time.sources).toEqual(["001"]);
    expect(time.source).toContain("Lionel Boscher");
  });

  it("every fact and article cited gets a number, listed under Sources at the end", () => {
    const a = answers();
    const plan = buildPlan(content(), a, "en");
    const md = markdown(a);
    const sources = md.split("## Sources\n")[1] ?? "";
    expect(plan.network?.facts.length).toBeGreaterThan(0);
    for (const f of plan.network!.facts) expect(sources).toContain(f.source);
    const numbers = [...md.split("## Sources")[0]!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const listed = sources.split("\n").filter((l) => /^\d+\. /.test(l)).length;
    expect(Math.max(...numbers)).toBe(listed);
  });
});

describe("the summary line on networks, in a plan made before the business questions (a five-question session)", () => {
  const line = (h: number, lang: Lang) => {
    const a = core({ time: hours(h) });
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
  it("once the business is known, where to start says it instead", () => {
    const md = markdown(answers({ time: hours(70) }));
    expect(md).toContain("## Where to start");
    expect(md).not.toContain("Networks your time lets you run well");
  });
});

const run = runSteps;
const questions = (results: StepResult[]) => results.flatMap((r) => r.replies.flatMap((x) => (x.kind === "question" ? [x] : [])));
const planIn = (r: StepResult): Plan | undefined => r.replies.flatMap((x) => (x.kind === "plan" ? [x.plan] : []))[0];
const core5 = (locale?: Lang) => [press("pick:goal:sales", locale), say("10 h", locale), say("0", locale), press("pick:skills:some", locale), press("pick:owner:self", locale)];

describe("a plan for this business, from the interview", () => {
  it("an owner whose customers are businesses is never asked their age, and the counter says /8", () => {
    const { state, results, last } = run([open("en"), ...aboutBusiness({ trade: "professional", customers: "businesses" }, "en"), ...core5("en"), noPage("en")]);
    const asked = questions(results);
    expect(asked.map((q) => q.step)).toEqual(["trade", "customers", "goal", "time", "budget", "skills", "owner", "presence"]);
    expect(asked.some((q) => q.step === "age")).toBe(false);
    // before the customers are known the age still counts; from the goal on, eight questions
    expect(asked.slice(2).map((q) => q.text.slice(0, 5))).toEqual(["(3/8)", "(4/8)", "(5/8)", "(6/8)", "(7/8)", "(8/8)"]);
    expect(state.answers["age"]).toBeUndefined();
    // the plan written, the coach offers to come back for the pilot review
    expect(last.state.mode).toEqual({ is: "booking", base: { is: "done" } });
    // a person, not a business, is asked the age
    const people = questions(run([open("en"), press("pick:trade:professional", "en"), press("pick:customers:mixed", "en")]).results);
    expect(people.map((q) => q.step)).toEqual(["trade", "customers", "age"]);
    expect(people.at(-1)?.text).toMatch(/^\(3\/9\) How old are most of your customers\?/);
  });

  it("an owner with a dormant Facebook page is asked where it is, and gets a plan to revive it, on Facebook", () => {
    const { results, last } = run([open("en"), ...aboutBusiness({}, "en"), ...core5("en"), press("pick:presence:dormant", "en"), press("pick:where:facebook", "en")]);
    const where = questions(results).at(-1);
    expect(where?.step).toBe("where");
    expect(where?.text).toMatch(/^\(10\/10\) Which network is that page on\?/);
    const plan = planIn(last);
    expect(plan?.network).toMatchObject({ id: "facebook", name: "Facebook", presence: "revive" });
    expect(plan?.network?.why).toMatch(/^Wake up your Facebook page before opening anything else/);
    const week1 = plan!.calendar[0]!;
    expect(week1.focus).toBe("Refresh the Facebook page and listen");
    expect(week1.days.map((d) => d.task)).toEqual(expect.arrayContaining(["Get the Facebook page's logins back", "Update the page, answer old messages"]));
    expect(week1.days.map((d) => d.task)).not.toContain("Create the business's Facebook page");
    // weeks 2 to 4 post on that page
    expect(plan!.calendar.slice(1).map((w) => w.focus)).toEqual(Array(3).fill("Posting on Facebook at your pace"));
    const md = last.replies.find((x) => x.kind === "plan")!.text;
    expect(md).toContain("- **Network:** Facebook");
    expect(md).toContain("| Monday | Get the Facebook page's logins back |");
  });

  it("the same, in French", () => {
    const { last } = run([open("fr"), ...aboutBusiness({}, "fr"), ...core5("fr"), press("pick:presence:dormant", "fr"), press("pick:where:facebook", "fr")]);
    const plan = planIn(last)!;
    expect(plan.network?.presence).toBe("revive");
    expect(plan.network?.why).toMatch(/^Réveillez votre page Facebook avant d'ouvrir quoi que ce soit d'autre/);
    expect(plan.calendar[0]!.days.map((d) => d.task)).toContain("Reprendre les accès de la page Facebook");
  });

  it("a business with no page opens one: week 1 creates it", () => {
    const { last } = run([open("en"), ...aboutBusiness({ trade: "professional", customers: "businesses" }, "en"), ...core5("en"), noPage("en")]);
    const plan = planIn(last)!;
    expect(plan.network).toMatchObject({ id: "linkedin", presence: "open" });
    expect(plan.network?.why).toMatch(/^Start on LinkedIn, and only there/);
    expect(plan.calendar[0]!.focus).toBe("Open the LinkedIn page and listen");
    expect(plan.calendar[0]!.days.map((d) => d.task)).toContain("Create the business's LinkedIn page");
    // a food shop with no page opens one too, where its customers are
    const shop = planIn(run([open("en"), ...aboutBusiness({}, "en"), ...core5("en"), noPage("en")]).last)!;
    expect(shop.network).toMatchObject({ id: "facebook", presence: "open" });
  });

  it("says why of the network a reason is about, never Facebook's reasons for another network", () => {
    const facebookClaims = [/the most adults use/, /Facebook is still their everyday network/, /Facebook is what they use/];
    const ids = (id: string) => {
      const x = content().steps.find((q) => q.id === id)!;
      return x.kind === "choice" ? x.choices.map((c) => c.id) : [];
    };
    for (const trade of ids("trade")) for (const customers of ids("customers")) for (const age of ids("age")) for (const where of ids("where")) {
      const a = answers({ trade: choice(trade), customers: choice(customers), age: choice(age), presence: choice("established"), where: choice(where) });
      if (customers === "businesses") delete a["age"];
      const n = buildPlan(content(), a, "en").network!;
      if (n.id !== "facebook") for (const claim of facebookClaims) expect(n.why, `${trade} ${customers} ${age} ${where}`).not.toMatch(claim);
      if (n.alternative && n.alternative.id !== "facebook") for (const claim of facebookClaims) expect(n.alternative.why, `${trade} ${customers} ${age} ${where}`).not.toMatch(claim);
    }
    const b2b = buildPlan(content(), answers({ trade: choice("professional"), customers: choice("businesses"), presence: choice("established"), where: choice("instagram") }), "en").network!;
    expect(b2b).toMatchObject({ id: "instagram", presence: "continue" });
    expect(b2b.why).toBe("Keep going on Instagram, where you already have followers: that is where your time pays most.");
  });

  it("a page that runs is kept: continue where the followers are", () => {
    const plan = buildPlan(content(), answers({ presence: choice("established"), where: choice("instagram") }), "en");
    expect(plan.network).toMatchObject({ id: "instagram", presence: "continue" });
    expect(plan.calendar[0]!.days.map((d) => d.task)).toContain("Check the admins, two-step login");
  });
});
