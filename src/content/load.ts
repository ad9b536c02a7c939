/**
 * Reads dialogs/*.yaml, validates each file with its zod schema, checks what links the files
 * together, and prepares the matchers. A content error names the file, the path of the bad field
 * and its line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, parseDocument, type Document } from "yaml";
import { z } from "zod";
import {
  InterviewFile, ListeningFile, MessagesFile, ParsingFile, PhrasingSet, PlanFile, SourcesFile,
  type Condition,
} from "./schema.ts";
import { ObjectionsFile } from "./objections-schema.ts";
import { FactsFile, MeasuresFile, NetworksFile, ThemesFile } from "./fit-schema.ts";
import { ReviewFile } from "./review-schema.ts";
import { compileContent, type Content } from "./compile.ts";

/** A mistake in dialogs/: which file, which field, what is wrong. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The coaching content in dialogs/ has ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
    this.name = "ContentError";
  }
}

const FILES = {
  sources: ["sources.yaml", SourcesFile],
  interview: ["interview.yaml", InterviewFile],
  plan: ["plan.yaml", PlanFile],
  parsing: ["parsing.yaml", ParsingFile],
  messages: ["messages.yaml", MessagesFile],
  objections: ["objections.yaml", ObjectionsFile],
  listening: ["listening.yaml", ListeningFile],
  facts: ["facts.yaml", FactsFile],
  networks: ["networks.yaml", NetworksFile],
  themes: ["themes.yaml", ThemesFile],
  measures: ["measures.yaml", MeasuresFile],
  review: ["review.yaml", ReviewFile],
} as const;

type Raw = { [K in keyof typeof FILES]: z.infer<(typeof FILES)[K][1]> };

/** The default content directory: dialogs/ at the top of the repository. */
export const DEFAULT_DIALOGS_DIR = join(import.meta.dirname, "..", "..", "dialogs");

/**
 * Loads and checks the whole content.
 * @throws ContentError listing every problem found, each with file, field path and line.
 */
export function loadContent(dir: string = DEFAULT_DIALOGS_DIR): Content {
  const problems: string[] = [];
  const raw: Partial<Raw> = {};
  for (const [key, [file, schema]] of Object.entries(FILES) as [keyof Raw, (typeof FILES)[keyof Raw]][]) {
    const path = join(dir, file);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      problems.push(`dialogs/${file}: cannot be read (${path})`);
      continue;
    }
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push(`dialogs/${file}: not valid YAML: ${e.message.split("\n")[0]}`);
      continue;
    }
    const result = (schema as z.ZodType).safeParse(doc.toJS());
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(describe(file, doc, text, issue.path, issue.message));
      continue;
    }
    (raw as Record<string, unknown>)[key] = result.data;
  }
  const phrasings = loadPhrasings(dir, problems);
  if (problems.length === 0) problems.push(...crossCheck(raw as Raw), ...checkPhrasings(raw as Raw, phrasings));
  if (problems.length > 0) throw new ContentError(problems);
  return compileContent({ ...(raw as Raw), phrasings: phrasings.map((p) => p.set) });
}

/** Every phrasing set in dialogs/phrasings/ (the learned fallback's teaching material), in name order. */
function loadPhrasings(dir: string, problems: string[]): { file: string; set: PhrasingSet }[] {
  const folder = join(dir, "phrasings");
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith(".yaml")).sort();
  } catch {
    return [];
  }
  const sets: { file: string; set: PhrasingSet }[] = [];
  for (const name of names) {
    const file = `phrasings/${name}`;
    const text = readFileSync(join(folder, name), "utf8");
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push(`dialogs/${file}: not valid YAML: ${e.message.split("\n")[0]}`);
      continue;
    }
    const result = PhrasingSet.safeParse(doc.toJS());
    if (!result.success) for (const issue of result.error.issues) problems.push(describe(file, doc, text, issue.path, issue.message));
    else sets.push({ file, set: result.data });
  }
  return sets;
}

function checkPhrasings(raw: Raw, sets: { file: string; set: PhrasingSet }[]): string[] {
  const ids = new Set(raw.objections.rules.map((r) => r.id));
  return sets.flatMap(({ file, set }) =>
    Object.keys(set.positives).filter((id) => !ids.has(id)).map((id) => `dialogs/${file}: positives.${id}: no rule "${id}" in objections.yaml`),
  );
}

function describe(file: string, doc: Document, text: string, path: PropertyKey[], message: string): string {
  const where = path.length ? path.map(String).join(".") : "(top)";
  const line = lineOf(doc, text, path);
  return `dialogs/${file}: ${where}: ${message}${line ? ` (line ${line})` : ""}`;
}

function lineOf(doc: Document, text: string, path: PropertyKey[]): number | undefined {
  // the deepest node of the path that exists gives the line
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range && (isMap(node) || isSeq(node) || node)) return text.slice(0, range[0]).split("\n").length;
  }
  return undefined;
}

function crossCheck(raw: Raw): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(raw.sources.sources.map((s) => s.id));
  const steps = new Map(raw.interview.steps.map((s) => [s.id, s]));
  const checkSources = (file: string, path: string, ids: string[]) => {
    for (const s of ids) if (!sourceIds.has(s)) problems.push(`dialogs/${file}: ${path}: unknown source "${s}" (sources.yaml has ${[...sourceIds].join(", ")})`);
  };
  raw.interview.steps.forEach((step, i) => {
    if (step.kind === "choice") step.choices.forEach((c, j) => checkSources("interview.yaml", `steps.${i}.choices.${j}.sources`, c.sources));
    if (step.kind === "choice") {
      step.counts?.bands.forEach((b, j) => {
        if (!step.choices.some((c) => c.id === b.choice)) problems.push(`dialogs/interview.yaml: steps.${i}.counts.bands.${j}.choice: step "${step.id}" has no choice "${b.choice}"`);
      });
    }
  });
  const checkCondition = (path: string, c: Condition | undefined, file = "plan.yaml"): void => {
    if (!c) return;
    if ("answer" in c) {
      const step = steps.get(c.answer.step);
      if (!step || step.kind !== "choice") {
        problems.push(`dialogs/${file}: ${path}: "${c.answer.step}" is not a choice step of interview.yaml`);
        return;
      }
      for (const v of c.answer.in) {
        if (v !== "custom" && !step.choices.some((ch) => ch.id === v)) problems.push(`dialogs/${file}: ${path}: step "${step.id}" has no choice "${v}"`);
      }
    } else if ("any" in c) c.any.forEach((x, i) => checkCondition(`${path}.any.${i}`, x, file));
    else if ("all" in c) c.all.forEach((x, i) => checkCondition(`${path}.all.${i}`, x, file));
    else if ("not" in c) checkCondition(`${path}.not`, c.not, file);
  };
  raw.interview.steps.forEach((step, i) => {
    checkCondition(`steps.${i}.askWhen`, step.askWhen, "interview.yaml");
    if (i === 0 && step.askWhen) problems.push(`dialogs/interview.yaml: steps.0.askWhen: the first question is always asked`);
  });
  const recIds = new Set<string>();
  raw.plan.recommendations.forEach((r, i) => {
    const at = `recommendations.${i}`;
    if (recIds.has(r.id)) problems.push(`dialogs/plan.yaml: ${at}.id: duplicate recommendation id "${r.id}"`);
    recIds.add(r.id);
    checkSources("plan.yaml", `${at}.sources`, r.sources);
    for (const n of r.needs) if (!steps.has(n)) problems.push(`dialogs/plan.yaml: ${at}.needs: unknown step "${n}"`);
    checkCondition(`${at}.when`, r.when);
    r.variants.forEach((v, j) => checkCondition(`${at}.variants.${j}.when`, v.when));
  });
  checkSources("plan.yaml", "pdf.chart.sources", raw.plan.pdf.chart.sources);
  const ruleIds = new Set<string>();
  const factIds = new Set(raw.facts.facts.map((f) => f.id));
  raw.objections.rules.forEach((rule, i) => {
    const at = `rules.${i}`;
    if (ruleIds.has(rule.id)) problems.push(`dialogs/objections.yaml: ${at}.id: duplicate rule id "${rule.id}"`);
    ruleIds.add(rule.id);
    checkSources("objections.yaml", `${at}.sources`, rule.sources);
    if (rule.recommendation && !recIds.has(rule.recommendation)) problems.push(`dialogs/objections.yaml: ${at}.recommendation: no recommendation "${rule.recommendation}" in plan.yaml`);
    for (const r of rule.related) if (!raw.objections.rules.some((x) => x.id === r)) problems.push(`dialogs/objections.yaml: ${at}.related: no rule "${r}"`);
    for (const lang of ["fr", "en"] as const) {
      for (const f of rule.facts[lang]) if (!factIds.has(f)) problems.push(`dialogs/objections.yaml: ${at}.facts.${lang}: no fact "${f}" in facts.yaml`);
    }
    rule.withPlan?.forEach((w, j) => {
      for (const n of w.needs) if (!steps.has(n)) problems.push(`dialogs/objections.yaml: ${at}.withPlan.${j}.needs: unknown step "${n}"`);
      checkCondition(`${at}.withPlan.${j}.when`, w.when, "objections.yaml");
    });
  });
  problems.push(...checkFit(raw, steps, checkCondition), ...checkReview(raw, sourceIds));
  return problems;
}

/** What links facts.yaml, networks.yaml, themes.yaml and measures.yaml to each other and to the interview. */
function checkFit(raw: Raw, steps: Map<string, Raw["interview"]["steps"][number]>, checkCondition: (path: string, c: Condition | undefined, file?: string) => void): string[] {
  const problems: string[] = [];
  const factIds = new Set(raw.facts.facts.map((f) => f.id));
  const networkIds = new Set(raw.networks.networks.map((n) => n.id));
  const choicesOf = (stepId: string) => {
    const s = steps.get(stepId);
    return s?.kind === "choice" ? new Set(s.choices.map((c) => c.id)) : null;
  };
  for (const id of Object.keys(raw.networks.mentions)) if (!networkIds.has(id)) problems.push(`dialogs/networks.yaml: mentions.${id}: no network "${id}"`);
  raw.networks.reasons.forEach((r, i) => {
    for (const n of Object.keys(r.points)) if (!networkIds.has(n)) problems.push(`dialogs/networks.yaml: reasons.${i}.points.${n}: no network "${n}"`);
    for (const lang of ["fr", "en"] as const) for (const f of r.facts[lang]) if (!factIds.has(f)) problems.push(`dialogs/networks.yaml: reasons.${i}.facts.${lang}: no fact "${f}" in facts.yaml`);
    checkCondition(`reasons.${i}.when`, r.when, "networks.yaml");
  });
  const p = raw.networks.presence;
  const presence = choicesOf(p.step);
  const where = choicesOf(p.where);
  if (!presence) problems.push(`dialogs/networks.yaml: presence.step: "${p.step}" is not a choice step of interview.yaml`);
  else for (const c of [...Object.keys(p.points), ...p.existing]) if (!presence.has(c)) problems.push(`dialogs/networks.yaml: presence: step "${p.step}" has no choice "${c}"`);
  if (!where) problems.push(`dialogs/networks.yaml: presence.where: "${p.where}" is not a choice step of interview.yaml`);
  const goals = choicesOf("goal") ?? new Set<string>();
  const trades = choicesOf("trade");
  if (!trades) problems.push(`dialogs/themes.yaml: the interview has no "trade" choice step to pick themes by`);
  else {
    for (const t of [...trades, "custom"]) if (!raw.themes.trades[t]) problems.push(`dialogs/themes.yaml: trades: no themes for the trade "${t}"`);
    for (const t of Object.keys(raw.themes.trades)) if (t !== "custom" && !trades.has(t)) problems.push(`dialogs/themes.yaml: trades.${t}: the "trade" step has no choice "${t}"`);
  }
  for (const [t, themes] of Object.entries(raw.themes.trades)) {
    themes.forEach((th, i) => {
      for (const g of th.goals ?? []) if (!goals.has(g)) problems.push(`dialogs/themes.yaml: trades.${t}.${i}.goals: the goal step has no choice "${g}"`);
    });
  }
  for (const g of [...goals, "custom"]) if (!raw.measures.goals[g]) problems.push(`dialogs/measures.yaml: goals: nothing to measure for the goal "${g}"`);
  for (const [g, kpis] of Object.entries(raw.measures.goals)) {
    if (g !== "custom" && !goals.has(g)) problems.push(`dialogs/measures.yaml: goals.${g}: the goal step has no choice "${g}"`);
    for (const k of kpis) if (!raw.measures.kpis[k]) problems.push(`dialogs/measures.yaml: goals.${g}: no kpi "${k}"`);
  }
  return problems;
}

/** What review.yaml names elsewhere: the seed articles, the facts of the costs, the trends the verdicts count. */
function checkReview(raw: Raw, sourceIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const r = raw.review;
  const factIds = new Set(raw.facts.facts.map((f) => f.id));
  r.verdicts.forEach((v, i) => {
    for (const s of v.sources) if (!sourceIds.has(s)) problems.push(`dialogs/review.yaml: verdicts.${i}.sources: unknown source "${s}"`);
  });
  for (const [currency, places] of Object.entries(r.costs.byCurrency)) {
    for (const lang of ["fr", "en"] as const) {
      for (const f of [places[lang].wageFact, places[lang].agencyFact]) {
        if (!factIds.has(f)) problems.push(`dialogs/review.yaml: costs.byCurrency.${currency}.${lang}: no fact "${f}" in facts.yaml`);
      }
    }
  }
  // the verdicts count these trends (src/plan/review.ts)
  const trends = new Set(r.kpiStep.choices.map((c) => c.id));
  for (const id of ["reached", "progress", "same", "down", "unknown"]) if (!trends.has(id)) problems.push(`dialogs/review.yaml: kpiStep.choices: the trend "${id}" is missing`);
  if (!r.booking.months.includes(r.booking.recommended)) problems.push(`dialogs/review.yaml: booking.recommended: ${r.booking.recommended} is not one of booking.months`);
  const ids = new Set(raw.interview.steps.map((s) => s.id));
  for (const s of r.steps) if (ids.has(s.id)) problems.push(`dialogs/review.yaml: steps: "${s.id}" is already a question of interview.yaml`);
  return problems;
}
