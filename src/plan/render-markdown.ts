import type { Content } from "../content/compile.ts";
import type { Answer } from "../vocabulary/answers.ts";
import { fill } from "../text/template.ts";
import { describeAnswer, type Plan } from "./build-plan.ts";
import { cite as citeArticle } from "./cite.ts";
import { renderReview } from "./review.ts";
import type { ReviewRecord } from "../engine/state.ts";


/** "A, B et C" / "A, B and C" */
const listOf = (names: readonly string[], lang: "fr" | "en") => new Intl.ListFormat(lang, { type: "conjunction" }).format(names);

/** Markdown table cells hold no pipe and no line break. */
const cell = (s: string) => s.replace(/\|/g, "/").replace(/\s*\n\s*/g, " ");

/**
 * The plan as a Markdown document: the answers, then where to start and why (with the dated facts),
 * how often, what to post, how to measure, the first month as a table, the budget, the
 * recommendations that apply, each with its article, and the facts' sources. Every heading and label
 * comes from dialogs/plan.yaml.
 */
export function renderPlanMarkdown(content: Content, plan: Plan, answers: Readonly<Record<string, Answer>>, reviews: readonly ReviewRecord[] = []): string {
  const lang = plan.lang;
  const l = content.plan.labels;
  const h = content.plan.fit.headings;
  const labels = l as unknown as Record<string, { fr: string; en: string } | undefined>;
  const lines: string[] = [`# ${content.plan.title[lang]}`, "", `## ${l.summary[lang]}`, ""];
  for (const step of content.steps) {
    const a = answers[step.id];
    const label = labels[step.id]?.[lang];
    if (a && label) lines.push(`- **${label}** ${describeAnswer(content, step.id, a, lang)}`);
  }
  if (plan.networks !== null && plan.network === null) lines.push(`- ${plan.networks === 0 ? l.networksNone[lang] : fill(l.networks[lang], { networks: plan.networks }, lang)}`);
  if (plan.missing.length > 0) {
    const missing = plan.missing.map((id) => (labels[id]?.[lang] ?? id).replace(/\s*:\s*$/, "")).join(", ");
    lines.push("", `_${fill(l.missing[lang], { missing }, lang)}_`);
  }
  // every article and survey cited gets a number, in order of first use, listed at the end
  const cited: { id: string; source: string }[] = [];
  const cite = (id: string, source: string) => {
    let n = cited.findIndex((c) => c.id === id);
    if (n < 0) n = cited.push({ id, source }) - 1;
    return `[${n + 1}]`;
  };
  const articles = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const s = content.sources.get(id);
      return s ? [cite(`seed-${id}`, citeArticle(s))] : [];
    }).join("");
  const fitSources = content.plan.fit.sources;
  const from = (key: keyof typeof fitSources) => `_${l.source[lang]} ${articles(fitSources[key])}_`;
  if (plan.network) {
    const n = plan.network;
    // the first fact in the text, every fact in the list of figures cited
    const [first, ...more] = n.facts;
    const firstRef = first ? cite(first.id, first.source) : "";
    const refs = more.map((f) => cite(f.id, f.source)).join("");
    const evidence = first ? `${first.text} ${firstRef}${refs}` : "";
    lines.push("", `## ${h.network[lang]}`, "", `${n.why} ${evidence}`.trim());
    const second = n.alternative ? fill(content.plan.fit.network.alternative[lang], { network: n.alternative.name }, lang).trim() : "";
    const caveat = n.facts.length > 0 ? fill(content.plan.fit.network.caveat[lang], { network: n.name }, lang) : "";
    const others = n.mentioned.length > 0 ? fill(content.plan.fit.network.mentioned[lang], { networks: listOf(n.mentioned, lang), network: n.name }, lang) : "";
    if (second || caveat || others) lines.push("", [caveat, second, others].filter(Boolean).join(" "));
    lines.push("", from("network"));
  }
  if (plan.cadenceText) lines.push("", `## ${h.cadence[lang]}`, "", plan.cadenceText, "", from("cadence"));
  if (plan.themes.length > 0) lines.push("", `## ${h.themes[lang]}`, "", ...plan.themes.map((t) => `- ${t}`), "", from("themes"));
  if (plan.kpis.length > 0) {
    lines.push("", `## ${h.kpis[lang]}`, "", ...plan.kpis.map((k) => `- ${fill(content.plan.fit.kpi.line[lang], { label: k.label, where: k.where, target: k.target }, lang)}`));
    lines.push("", content.plan.fit.kpi.start[lang], "", from("kpis"));
  }
  if (plan.network && plan.postsPerWeek !== null) {
    const cal = content.plan.fit.calendar;
    lines.push("", `## ${h.calendar[lang]}`, "");
    if (plan.calendar.length === 0) lines.push(cal.noTime[lang]);
    else {
      // a day a row, a week a column
      const days = [...new Set(plan.calendar.flatMap((w) => w.days.map((d) => d.day)))].sort((a, b) => a - b);
      lines.push(`| ${cal.header.day[lang]} | ${plan.calendar.map((w) => fill(cal.week[lang], { week: w.week }, lang)).join(" | ")} |`);
      lines.push(`|---|${plan.calendar.map(() => "---").join("|")}|`);
      for (const d of days) {
        const name = cal.dayNames[lang][d - 1]!;
        const cells = plan.calendar.map((w) => cell(w.days.filter((x) => x.day === d).map((x) => x.task).join(" ; ")));
        lines.push(`| ${name.charAt(0).toUpperCase()}${name.slice(1)} | ${cells.join(" | ")} |`);
      }
      lines.push("", from("calendar"));
    }
  }
  // with neither hours nor money there is no budget to speak of
  if (plan.budgetPerMonth !== null && (plan.budgetPerMonth > 0 || (plan.hoursPerMonth ?? 0) > 0)) {
    lines.push("", `## ${h.budget[lang]}`, "");
    if (plan.budgetSplit.length === 0) lines.push(content.plan.fit.budget.none[lang]);
    else lines.push(...plan.budgetSplit.map((b) => `- **${b.text}**${lang === "fr" ? " : " : ": "}${b.label}`), "", from("budget"));
  }
  lines.push("", `## ${l.recommendations[lang]}`, "");
  plan.recommendations.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.text} ${articles(r.sources)}`, "");
  });
  // the pilot reviews, newest first, under the plan they review
  for (const r of [...reviews].reverse()) lines.push(...renderReview(content, r, lang, cite), "");
  if (cited.length > 0) {
    lines.push(`## ${l.sources[lang]}`, "", ...cited.map((c, i) => `${i + 1}. ${c.source}`));
  }
  return lines.join("\n").trimEnd() + "\n";
}
