/**
 * The plan as a one-page PDF: what a person reading it finds (read back with pdftotext), in both
 * languages, and that it stays on one page however long the plan.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/content/schema.ts";
import { buildPlan } from "../../src/plan/build-plan.ts";
import { firstSentence, hoursUsedPerMonth, keepTogether, renderPlanPdf, runsOf, winAnsi } from "../../src/plan/render-pdf.ts";
import type { Answer } from "../../src/vocabulary/answers.ts";
import { content } from "../helpers/content.ts";
import { readPdf, squash } from "../helpers/pdf-reader.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";

const tempDir = tempDirs("coach-pdf-");

type Answers = Record<string, Answer>;
const choice = (id: string): Answer => ({ type: "choice", id });
const own = (text: string): Answer => ({ type: "text", text });
const hours = (hoursPerMonth: number): Answer => ({ type: "hours", hoursPerMonth });
const money = (amountPerMonth: number, currency: string | null = "$"): Answer => ({ type: "money", amountPerMonth, currency });

/** The bakery of the French sample: local people over 55, a dormant Facebook page, 10 h and 100 $ a month. */
const bakery = (over: Answers = {}): Answers => ({
  trade: choice("food"), customers: choice("local"), age: choice("older"), goal: choice("sales"), time: hours(10), budget: money(100),
  skills: choice("personal"), owner: choice("self"), presence: choice("dormant"), where: choice("facebook"), ...over,
});
/** The accounting firm of the English sample: businesses, nowhere yet, about 5 h a week and 300 a month. */
const firm = (over: Answers = {}): Answers => ({
  trade: choice("professional"), customers: choice("businesses"), goal: choice("sales"), time: hours(21.7), budget: money(300, null),
  skills: choice("some"), owner: choice("employee"), presence: choice("none"), ...over,
});
const LONG = "un atelier de réparation de vélos anciens, de trottinettes électriques et de machines à coudre, avec un petit café à l'arrière-boutique où l'on vend aussi des livres d'occasion et des plantes ".repeat(3).trim();
/** Everything at its longest: the owner's own words, every recommendation an agency and no skills call for, the most hours and budget lines. */
const longest = (over: Answers = {}): Answers => ({
  trade: own(LONG.slice(0, 500)), customers: choice("mixed"), age: choice("all"), goal: own(LONG.slice(0, 480)), time: hours(160), budget: money(4999),
  skills: choice("none"), owner: choice("agency"), presence: choice("established"), where: choice("instagram"), ...over,
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function render(answers: Answers, lang: Lang) {
  const plan = buildPlan(content(), answers, lang);
  const pdf = await renderPlanPdf(content(), plan, answers);
  return { plan, pdf, read: readPdf(pdf, tempDir()) };
}

describe("the plan as a one-page PDF", () => {
  it.each([
    ["fr", bakery(), "595.28 x 841.89"],
    ["en", firm(), "612 x 792"],
  ] as const)("%s: one page, with the network, a theme, a number to watch, the calendar's header and the sources", async (lang, answers, pageSize) => {
    const { plan, pdf, read } = await render(answers, lang);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(read.pages).toBe(1);
    expect(read.pageSize).toBe(pageSize);
    const c = content();
    const cal = c.plan.fit.calendar;
    expect(read.text).toContain(c.plan.title[lang]);
    expect(read.text).toContain(plan.network!.name);
    expect(read.text).toContain(squash(plan.network!.why));
    for (const theme of plan.themes) expect(read.text).toContain(squash(theme));
    for (const k of plan.kpis) expect(read.text).toContain(k.label);
    // a real table: its header on one row ("Jour  Semaine 1  ...  Semaine 4"), a day a row
    const weeks = [1, 2, 3, 4].map((week) => cal.week[lang].replace("{week}", String(week)));
    expect(read.layout).toMatch(new RegExp(`^\\s*${[cal.header.day[lang], ...weeks].join("\\s+")}\\s*$`, "m"));
    const monday = plan.calendar[0]!.days.find((d) => d.day === 1)!.task;
    expect(read.layout).toMatch(new RegExp(`^\\s*${cal.dayNames[lang][0]!.replace(/^./, (x) => x.toUpperCase())}\\s+${escape(monday.split(" ").slice(0, 3).join(" "))}`, "m"));
    // the fact shown carries its number, and that number leads to its source at the bottom
    const fact = c.facts.get(plan.network!.facts[0]!.id)!;
    // the plan quotes the fact's short form (its whole claim stays in facts.yaml)
    const quoted = squash((fact.short ?? fact.text)[lang]);
    expect(read.text).toContain(quoted);
    const n = /\[(\d+)\]/.exec(read.text.slice(read.text.indexOf(quoted)))![1];
    expect(read.text).toMatch(new RegExp(`${c.plan.labels.sources[lang]} .*${n}\\. ${escape(`${fact.publisher}, «${fact.title}»`)}`));
    // the hours: the owner's, the plan's and a network's at full pace
    expect(read.text).toContain(c.plan.pdf.chart.title[lang]);
    expect(read.text).toContain(`${c.plan.hoursPerNetwork} h`);
    for (const r of plan.recommendations) expect(read.text).toContain(squash(firstSentence(r.text)).slice(0, 60));
  });

  it("says the owner's figures as their language writes them, spaces included (no U+202F left for Helvetica to garble)", async () => {
    const { read } = await render(bakery({ budget: money(1500) }), "fr");
    expect(read.text).toContain("1 500 $");
    expect(read.text).not.toMatch(/[\u202f\u2009]/);
    const en = await render(firm({ budget: money(1500, "$") }), "en");
    expect(en.read.text).toContain("$1,500");
  });

  it("stays on one page for the longest plans, in both languages, and still says where to start and its sources", async () => {
    for (const lang of ["fr", "en"] as const) {
      for (const answers of [longest(), longest({ owner: choice("family"), skills: choice("personal"), presence: choice("none") }), longest({ goal: choice("talent"), budget: money(0) })]) {
        const { plan, read } = await render(answers, lang);
        expect(read.pages, `${lang} ${JSON.stringify(answers).slice(0, 80)}`).toBe(1);
        expect(read.text).toContain(plan.network!.name);
        expect(read.text).toContain(content().plan.labels.sources[lang]);
        expect(read.text).toContain(content().plan.fit.calendar.header.day[lang]);
      }
    }
  }, 60_000);

  it("writes a partial plan too, with the questions still to answer", async () => {
    for (const lang of ["fr", "en"] as const) {
      for (const answers of [{}, { goal: choice("notoriety") }, { trade: choice("retail"), customers: choice("regional"), goal: choice("traffic") }] as Answers[]) {
        const { plan, read } = await render(answers, lang);
        expect(read.pages).toBe(1);
        expect(read.text).toContain(content().plan.title[lang]);
        const label = (content().plan.labels as unknown as Record<string, Record<Lang, string>>)[plan.missing[0]!]![lang].replace(/\s*:\s*$/, "");
        expect(read.text).toContain(label);
      }
    }
  });

  it("says less rather than run onto a second page: recommendations to their first sentence, then fewer of them", async () => {
    const c = content();
    // the same content with every recommendation three times as long, then with five times as many
    const longer = { ...c, plan: { ...c.plan, recommendations: c.plan.recommendations.map((r) => ({ ...r, variants: r.variants.map((v) => ({ ...v, text: { fr: `${v.text.fr} ${v.text.fr} ${v.text.fr}`, en: `${v.text.en} ${v.text.en} ${v.text.en}` } })) })) } };
    const more = { ...longer, plan: { ...longer.plan, recommendations: [1, 2, 3, 4, 5].flatMap((n) => longer.plan.recommendations.map((r) => ({ ...r, id: `${r.id}-${n}` }))) } };
    for (const lang of ["fr", "en"] as const) {
      const answers = longest();
      const plan = buildPlan(longer, answers, lang);
      const read = readPdf(await renderPlanPdf(longer, plan, answers), tempDir());
      expect(read.pages).toBe(1);
      for (const r of plan.recommendations) {
        expect(read.text).toContain(squash(firstSentence(r.text)));
        expect(read.text).not.toContain(squash(r.text));
      }
      const many = buildPlan(more, answers, lang);
      const crowded = readPdf(await renderPlanPdf(more, many, answers), tempDir());
      expect(crowded.pages).toBe(1);
      expect(crowded.text).toContain(squash(firstSentence(many.recommendations[0]!.text)).slice(0, 60));
      expect(crowded.text).toContain(content().plan.labels.sources[lang]);
    }
  }, 60_000);

  it("stays on one page whatever the answers (generated plans)", async () => {
    const c = content();
    const choices = (step: string) => {
      const s = c.steps.find((x) => x.id === step)!;
      return s.kind === "choice" ? s.choices.map((x) => x.id) : [];
    };
    const words = fc.string({ minLength: 1, maxLength: 500 }).filter((s) => s.trim() !== "");
    const pick = (step: string) => fc.constantFrom(...choices(step)).map(choice);
    const arbitraryAnswers = fc.record(
      {
        trade: fc.oneof(pick("trade"), words.map(own)),
        customers: pick("customers"),
        age: pick("age"),
        goal: fc.oneof(pick("goal"), words.map(own)),
        time: fc.double({ min: 0, max: 400, noNaN: true }).map(hours),
        budget: fc.integer({ min: 0, max: 100_000 }).map((n) => money(n)),
        skills: pick("skills"),
        owner: pick("owner"),
        presence: pick("presence"),
        where: pick("where"),
      },
      { requiredKeys: ["trade", "customers", "goal"] },
    );
    await fc.assert(
      fc.asyncProperty(arbitraryAnswers, fc.constantFrom("fr" as const, "en" as const), async (answers, lang) => {
        const { read } = await render(answers as Answers, lang);
        expect(read.pages).toBe(1);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe("the PDF's text helpers", () => {
  it("maps text to what Helvetica prints: narrow spaces to no-break spaces, letters outside WinAnsi to their plain form, emoji dropped", () => {
    expect(winAnsi("1\u202f500\u2009$")).toBe("1\u00a0500\u00a0$");
    expect(winAnsi("œuvre « déjà » — 5 € … Œ")).toBe("œuvre « déjà » — 5 € … Œ");
    expect(winAnsi("Hőgyes Ștefan ăź")).toBe("Hogyes Stefan az");
    expect(winAnsi("Łódź")).toBe("ódz");
    expect(winAnsi("pain 🥖 chaud")).toBe("pain  chaud");
  });

  it("keeps a colon with its word, a currency with its number, and the punctuation after a bold label in the label", () => {
    expect(keepTogether("Budget : 100 $ « oui »")).toBe("Budget\u00a0: 100\u00a0$ «\u00a0oui\u00a0»");
    expect(runsOf("**Ventes** : un code promo")).toEqual([{ text: "Ventes :", bold: true }, { text: " un code promo", bold: false }]);
    expect(runsOf("**300 $**: Boosted posts")).toEqual([{ text: "300 $:", bold: true }, { text: " Boosted posts", bold: false }]);
  });

  it("shortens a recommendation to its first sentence", () => {
    expect(firstSentence("Make it a trial: one resource. Then compare.")).toBe("Make it a trial: one resource.");
    expect(firstSentence("Une seule phrase, avec (des parenthèses).")).toBe("Une seule phrase, avec (des parenthèses).");
  });

  it("counts the hours the plan uses: listening, plus the posts at the network's time per post", () => {
    const plan = buildPlan(content(), firm(), "en");
    expect(plan.network!.name).toBe("LinkedIn");
    // 3 posts a week at 1 h and 1.5 h of listening, 52/12 weeks a month
    expect(plan.postsPerWeek).toBe(3);
    expect(plan.listeningHoursPerWeek).toBe(1.5);
    expect(hoursUsedPerMonth(content(), plan)).toBe(19.5);
    expect(hoursUsedPerMonth(content(), buildPlan(content(), { goal: choice("sales") }, "en"))).toBeNull();
  });
});
