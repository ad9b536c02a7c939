/**
 * Builds the written plan from the answers: deterministic, every recommendation with a stable id,
 * a text that uses the owner's figures, and the articles it comes from.
 */
import type { Content } from "../content/compile.ts";
import type { Lang, Step, StepId } from "../content/schema.ts";
import type { Answer } from "../vocabulary/answers.ts";
import type { Plan, PlanRecommendation } from "../vocabulary/plan-shape.ts";
import { fill, type TemplateVars } from "../text/template.ts";
import { citeAll } from "./cite.ts";
import { holds, type Facts } from "./conditions.ts";
import { formatMoney } from "./money.ts";
import { cadence, cadenceText, chooseNetwork, firstMonth, pickKpis, pickThemes, splitBudget } from "./fit.ts";

export type { Plan, PlanRecommendation } from "../vocabulary/plan-shape.ts";

const WEEKS_PER_MONTH = 52 / 12;

/** The figures of the answers, as plan conditions see them. */
export function facts(content: Content, answers: Readonly<Record<string, Answer>>): Facts {
  const time = answers["time"];
  const budget = answers["budget"];
  const hours = time?.type === "hours" ? time.hoursPerMonth : undefined;
  return {
    answers,
    hours,
    budget: budget?.type === "money" ? budget.amountPerMonth : undefined,
    networks: hours === undefined ? undefined : Math.floor(hours / content.plan.hoursPerNetwork),
  };
}

/** The interview's questions for these answers: those whose `askWhen` holds, in order. */
export function activeSteps(content: Content, answers: Readonly<Record<string, Answer>>): readonly Step[] {
  if (!content.steps.some((s) => s.askWhen)) return content.steps;
  const f = facts(content, answers);
  return content.steps.filter((s) => !s.askWhen || holds(s.askWhen, f));
}

/** How an answer reads back to the owner: a label, their own words, or a figure. */
export function describeAnswer(content: Content, stepId: string, answer: Answer, lang: Lang): string {
  switch (answer.type) {
    case "choice": {
      const step = content.steps.find((s) => s.id === stepId) ?? content.reviewSteps.find((s) => s.id === stepId);
      const choice = step?.kind === "choice" ? step.choices.find((c) => c.id === answer.id) : undefined;
      return choice ? choice.label[lang] : answer.id;
    }
    case "text":
      return `«${answer.text}»`;
    case "hours": {
      const h = answer.hoursPerMonth;
      return fill(content.plan.formats.hours[lang], { hours: h, hoursPerWeek: Math.round((h / WEEKS_PER_MONTH) * 10) / 10 }, lang);
    }
    case "money":
      if (answer.amountPerMonth === 0) return content.plan.formats.noMoney[lang];
      return fill(content.plan.formats.money[lang], { budget: formatMoney(answer.amountPerMonth, answer.currency, lang) }, lang);
    case "rate":
      if (answer.amountPerHour === null) return content.plan.formats.typicalRate[lang];
      return fill(content.plan.formats.rate[lang], { amount: formatMoney(answer.amountPerHour, answer.currency, lang, 2) }, lang);
  }
}

/** The values templates in plan.yaml and objections.yaml may use, from what is answered so far. */
export function planVars(content: Content, answers: Readonly<Record<string, Answer>>, lang: Lang): TemplateVars {
  const f = facts(content, answers);
  const goal = answers["goal"];
  const goalStep = content.steps.find((s) => s.id === "goal");
  const goalChoice = goal?.type === "choice" && goalStep?.kind === "choice" ? goalStep.choices.find((c) => c.id === goal.id) : undefined;
  const budget = answers["budget"];
  // inside a sentence an answer reads as a phrase ("vous faire connaître"), not as its button's label
  const phrase = (id: string) => {
    const a = answers[id];
    if (!a) return undefined;
    if (a.type === "choice") return content.plan.fit.phrases[id]?.[a.id]?.[lang] ?? describeAnswer(content, id, a, lang);
    return describeAnswer(content, id, a, lang);
  };
  const network = chooseNetwork(content, f, lang);
  const net = network ? content.networks.networks.find((n) => n.id === network.id) : undefined;
  const pace = net && f.hours !== undefined ? cadence(content, net, f.hours) : undefined;
  const themes = goal && answers["trade"] ? pickThemes(content, answers, pace?.postsPerWeek ?? 1, lang) : [];
  const kpis = pickKpis(content, answers, net, lang);
  // a list inside a sentence: its items may hold commas ("Online reviews received, and your rating")
  const list = (items: string[]) => (items.length > 0 ? items.join(content.plan.formats.listSeparator[lang]) : undefined);
  return {
    goal: phrase("goal"),
    measure: goal ? (goalChoice?.measure?.[lang] ?? content.plan.labels.customGoalMeasure[lang]) : undefined,
    hours: f.hours,
    hoursPerWeek: f.hours === undefined ? undefined : Math.round((f.hours / WEEKS_PER_MONTH) * 10) / 10,
    networks: f.networks,
    hoursPerNetwork: content.plan.hoursPerNetwork,
    budget: budget?.type === "money" ? formatMoney(budget.amountPerMonth, budget.currency, lang) : undefined,
    skills: phrase("skills"),
    owner: phrase("owner"),
    network: network?.name,
    postsPerWeek: pace?.postsPerWeek,
    cadence: net && pace ? cadenceText(content, net, pace, lang) : undefined,
    themes: list(themes.map((t) => t.short)),
    kpis: list(kpis.map((k) => k.label)),
  };
}

/**
 * The plan for the answers given so far. Recommendations whose answers are missing are left out
 * and the missing questions are listed.
 */
export function buildPlan(content: Content, answers: Readonly<Record<string, Answer>>, lang: Lang, mentioned: readonly string[] = []): Plan {
  const f = facts(content, answers);
  const vars = planVars(content, answers, lang);
  const recommendations: PlanRecommendation[] = [];
  for (const rec of content.plan.recommendations) {
    if (!rec.needs.every((n) => answers[n] !== undefined)) continue;
    if (!holds(rec.when, f)) continue;
    const variant = rec.variants.find((v) => holds(v.when, f));
    if (!variant) continue;
    recommendations.push({
      id: rec.id,
      text: fill(variant.text[lang], vars, lang),
      sources: rec.sources,
      source: citeAll(rec.sources, content.sources),
    });
  }
  const goal = answers["goal"];
  const budget = answers["budget"];
  const currency = budget?.type === "money" ? budget.currency : null;
  const network = chooseNetwork(content, f, lang, mentioned);
  const net = network ? content.networks.networks.find((n) => n.id === network.id) : undefined;
  const pace = net && f.hours !== undefined ? cadence(content, net, f.hours) : null;
  // with no hours there is nothing to post nor to measure yet: no line of the plan may need time
  const idle = f.hours !== undefined && f.hours <= 0;
  const themes = goal && answers["trade"] && !idle ? pickThemes(content, answers, pace?.postsPerWeek ?? 1, lang) : [];
  const choiceId = (id: string) => {
    const a = answers[id];
    return a?.type === "choice" ? a.id : null;
  };
  return {
    lang,
    goal: goal ? (goal.type === "choice" ? goal.id : "custom") : null,
    goalText: goal?.type === "text" ? goal.text : ((vars.goal as string | undefined) ?? null),
    hoursPerMonth: f.hours ?? null,
    budgetPerMonth: f.budget ?? null,
    currency,
    skills: choiceId("skills"),
    owner: choiceId("owner"),
    networks: f.networks ?? null,
    network,
    postsPerWeek: pace?.postsPerWeek ?? null,
    listeningHoursPerWeek: pace?.listeningHoursPerWeek ?? null,
    cadenceText: net && pace ? cadenceText(content, net, pace, lang) : null,
    themes: themes.map((t) => t.text),
    kpis: idle ? [] : pickKpis(content, answers, net, lang),
    calendar: network && pace ? firstMonth(content, network, pace, themes, lang) : [],
    budgetSplit: f.budget !== undefined ? splitBudget(content, f, currency, network, lang) : [],
    recommendations,
    missing: activeSteps(content, answers).filter((s) => answers[s.id] === undefined).map((s) => s.id as StepId),
  };
}
