/**
 * A plan for this business: twelve owners (test/plan/owner-profiles.ts) and what their plans say:
 * the network, the cadence, the themes, the numbers to watch, which recommendations appear. Then
 * the rules every plan keeps: cadence grows with the hours; 0 h and no money never produce a line
 * that needs time or money; labels are never pasted into sentences; every figure is cited.
 */
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build-plan.ts";
import { renderPlanMarkdown } from "../../src/plan/render-markdown.ts";
import type { Answer } from "../../src/vocabulary/answers.ts";
import { content } from "../helpers/content.ts";
import { PROFILES, type OwnerProfile } from "./owner-profiles.ts";

const planOf = (p: OwnerProfile) => buildPlan(content(), p.answers, p.lang);
const markdownOf = (p: OwnerProfile) => renderPlanMarkdown(content(), planOf(p), p.answers);
const byName = (name: string) => PROFILES.find((p) => p.name === name)!;

describe("twelve owners, twelve plans", () => {
  it.each([
    // name, network, how (open / revive / continue), posts a week, numbers to watch, recommendations
    ["Quebec bakery", "facebook", "revive", 2, ["sales", "messages", "mentions"], ["train-the-team", "security-policy", "pilot-and-review"]],
    ["accounting firm", "linkedin", "open", 3, ["contacts", "followers"], ["security-policy", "pilot-and-review"]],
    ["plumber with no time", "facebook", "open", 0, [], ["one-platform-first"]],
    ["yoga studio", "instagram", "continue", 3, ["messages", "reviews", "followers"], ["security-policy", "pilot-and-review"]],
    ["restaurant", "facebook", "continue", 5, ["reach", "messages", "sales"], ["security-policy", "pilot-and-review"]],
    ["ceramics shop online", "instagram", "open", 0.92, ["sales", "messages", "mentions"], ["train-the-team", "launch-budget", "security-policy", "pilot-and-review"]],
    ["hair salon", "instagram", "revive", 1, ["messages", "reviews", "followers"], ["train-the-team", "intern-needs-guidelines", "security-policy", "pilot-and-review"]],
    ["bike shop", "instagram", "open", 2, ["link-clicks", "site-visits"], ["intern-needs-guidelines", "security-policy", "pilot-and-review"]],
    ["garage", "facebook", "open", 0.69, ["messages", "reviews", "followers"], ["train-the-team", "launch-budget", "security-policy", "pilot-and-review"]],
    ["law firm hiring", "linkedin", "open", 3, ["applications", "reach"], ["in-house-voice", "choose-help-carefully", "train-the-team", "security-policy", "pilot-and-review"]],
    ["dental clinic", "facebook", "open", 0, ["followers", "reach", "mentions"], ["train-the-team", "launch-budget", "security-policy", "pilot-and-review"]],
    ["stained-glass studio", "linkedin", "continue", 3, ["reach", "messages", "mentions"], ["define-objective", "in-house-voice", "choose-help-carefully", "security-policy", "pilot-and-review"]],
  ] as const)("%s: %s (%s), %s posts a week, watches %j", (name, network, how, posts, kpis, recs) => {
    const plan = planOf(byName(name));
    expect(plan.network?.id).toBe(network);
    expect(plan.network?.presence).toBe(how);
    expect(plan.postsPerWeek).toBe(posts);
    expect(plan.kpis.map((k) => k.id)).toEqual(kpis);
    expect(plan.recommendations.map((r) => r.id)).toEqual(recs);
  });

  it("gives each owner with hours three to five themes of their own trade, and a four-week calendar that places them", () => {
    const ideas = (trade: string, lang: "fr" | "en") => (content().themes.trades[trade] ?? []).map((t) => t.text[lang]);
    for (const p of PROFILES.filter((x) => (planOf(x).hoursPerMonth ?? 0) > 0)) {
      const plan = planOf(p);
      const trade = p.answers["trade"]!.type === "choice" ? (p.answers["trade"] as { id: string }).id : "custom";
      expect(plan.themes.length, p.name).toBeGreaterThanOrEqual(3);
      expect(plan.themes.length, p.name).toBeLessThanOrEqual(5);
      expect(ideas(trade, p.lang), p.name).toContain(plan.themes[0]);
      expect(plan.calendar.map((w) => w.week), p.name).toEqual([1, 2, 3, 4]);
      const posted = plan.calendar.slice(1).flatMap((w) => w.days.map((d) => d.task)).filter((t) => /^(Post|Publier) ?:/.test(t));
      expect(posted.length, p.name).toBe((plan.postsPerWeek ?? 0) >= 1 ? 3 * plan.postsPerWeek! : Math.min(3, Math.round((plan.postsPerWeek ?? 0) * 52 / 12)));
    }
  });

  it("keeps the bakery's plan different from the accounting firm's", () => {
    const bakery = planOf(byName("Quebec bakery"));
    const firm = planOf(byName("accounting firm"));
    expect(bakery.network?.id).not.toBe(firm.network?.id);
    expect(bakery.themes.filter((t) => firm.themes.includes(t))).toHaveLength(0 + (bakery.lang === firm.lang ? 1 : 0));
    expect(bakery.kpis.map((k) => k.id)).not.toEqual(firm.kpis.map((k) => k.id));
  });
});

describe("rules every plan keeps", () => {
  it("posts more, never fewer, as the hours grow, on every network", () => {
    const base = byName("restaurant").answers;
    for (const network of ["facebook", "instagram", "linkedin"] as const) {
      const answers: Record<string, Answer> = { ...base, presence: { type: "choice", id: "established" }, where: { type: "choice", id: network } };
      let before = -1;
      for (let h = 0; h <= 120; h += 0.5) {
        const plan = buildPlan(content(), { ...answers, time: { type: "hours", hoursPerMonth: h } }, "en");
        expect(plan.network?.id).toBe(network);
        expect(plan.postsPerWeek!, `${network} at ${h} h`).toBeGreaterThanOrEqual(before);
        before = plan.postsPerWeek!;
      }
      expect(before).toBeGreaterThan(2);
    }
  });

  it("with 0 hours: no post, no theme, no number to watch, no calendar, and no line that asks for time", () => {
    for (const lang of ["fr", "en"] as const) {
      const p = { ...byName("plumber with no time"), lang };
      const plan = planOf(p);
      const md = markdownOf(p).split(/\n## Sources/)[0]!;
      expect(plan.postsPerWeek).toBe(0);
      expect(plan.themes).toEqual([]);
      expect(plan.kpis).toEqual([]);
      expect(plan.calendar).toEqual([]);
      expect(plan.recommendations.map((r) => r.id)).toEqual(["one-platform-first"]);
      // nothing to do this week: no tutorial, no login to set up, no search to run, no trial to measure
      expect(md).not.toMatch(/tutori|two-step|deux étapes|search|cherch|trial|essai|Post:|Publier :/i);
    }
  });

  it("with no money: no budget line and nothing to buy", () => {
    for (const p of PROFILES.filter((x) => x.answers["budget"]!.type === "money" && (x.answers["budget"] as { amountPerMonth: number }).amountPerMonth === 0)) {
      const plan = planOf(p);
      const md = markdownOf(p);
      expect(plan.budgetSplit, p.name).toEqual([]);
      expect(md, p.name).not.toMatch(/Boosted|commanditées|freelancer'?s hours|heures d'un pigiste|formateur|trainer/);
      expect(md, p.name).not.toMatch(/\d+ ?\$|\$\d/);
    }
  });

  it("splits a budget in the owner's currency among what it can buy, and the lines add up to it", () => {
    for (const p of PROFILES.filter((x) => (planOf(x).budgetPerMonth ?? 0) > 0)) {
      const plan = planOf(p);
      expect(plan.budgetSplit.reduce((s, b) => s + b.amount, 0), p.name).toBeCloseTo(plan.budgetPerMonth!, 2);
      const currency = plan.currency ?? "";
      for (const b of plan.budgetSplit) expect(b.text, p.name).toContain(currency);
    }
    const glass = planOf(byName("stained-glass studio"));
    expect(glass.budgetSplit.map((b) => b.text)).toEqual(["1 000 €"]);
    const bakery = planOf(byName("Quebec bakery"));
    expect(bakery.budgetSplit.map((b) => [b.id, b.amount])).toEqual([["training", 40], ["boost", 60]]);
  });

  it("gives a solo owner account security, and the internet-use policy and training only where there are employees", () => {
    const solo = planOf(byName("Quebec bakery")).recommendations.find((r) => r.id === "security-policy")!.text;
    const staffed = planOf(byName("restaurant")).recommendations.find((r) => r.id === "security-policy")!.text;
    expect(solo).toMatch(/deux étapes/);
    expect(solo).not.toMatch(/politique|pare-feu|antivirus/);
    expect(staffed).toMatch(/two-step/);
    expect(staffed).toMatch(/internet-use policy/);
  });

  it("speaks of outside help only when outside help is considered", () => {
    for (const p of PROFILES) {
      const owner = (p.answers["owner"] as { id: string }).id;
      const ids = planOf(p).recommendations.map((r) => r.id);
      expect(ids.includes("choose-help-carefully"), p.name).toBe(owner === "agency" || owner === "undecided");
    }
  });

  it("never pastes a button's label into a sentence", () => {
    const c = content();
    const labels = c.steps.flatMap((s) => (s.kind === "choice" && ["goal", "skills", "owner", "customers"].includes(s.id) ? s.choices.flatMap((ch) => [ch.label.fr, ch.label.en]) : []));
    for (const p of PROFILES) {
      const md = markdownOf(p);
      const body = md.slice(md.indexOf("\n## ", md.indexOf("\n## ") + 1));
      for (const label of labels) expect(body, `${p.name}: ${label}`).not.toContain(`(${label})`);
      expect(body, p.name).not.toMatch(/\((Moi-même|Myself|An employee|Un employé)\)/);
    }
  });

  it("cites every figure it gives with its publisher, year and link, and the seeds by their article", () => {
    for (const p of PROFILES) {
      const plan = planOf(p);
      const md = markdownOf(p);
      expect(plan.network!.facts.length, p.name).toBeGreaterThan(0);
      for (const f of plan.network!.facts) {
        const fact = content().facts.get(f.id)!;
        expect(md, p.name).toContain(fact.publisher);
        expect(md, p.name).toContain(fact.url);
        expect(f.source).toMatch(/\b(19|20)\d\d\b/);
      }
      expect(md, p.name).toMatch(/## Sources[\s\S]*«/);
    }
  });
});
