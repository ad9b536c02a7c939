import type { Content } from "../content/compile.ts";
import { REQUIRED_STEPS, type StepId } from "../content/schema.ts";
import type { Answer } from "../vocabulary/answers.ts";
import { fill } from "../text/template.ts";
import { describeAnswer, type Plan } from "./build-plan.ts";

/**
 * The plan as a Markdown document: a summary of the answers, then the recommendations, each with
 * the article it comes from. Every heading and label comes from dialogs/plan.yaml.
 */
export function renderPlanMarkdown(content: Content, plan: Plan, answers: Readonly<Record<string, Answer>>): string {
  const lang = plan.lang;
  const l = content.plan.labels;
  const lines: string[] = [`# ${content.plan.title[lang]}`, "", `## ${l.summary[lang]}`, ""];
  for (const id of Object.keys(REQUIRED_STEPS) as StepId[]) {
    const a = answers[id];
    if (a) lines.push(`- **${l[id][lang]}** ${describeAnswer(content, id, a, lang)}`);
  }
  if (plan.networks !== null) lines.push(`- ${plan.networks === 0 ? l.networksNone[lang] : fill(l.networks[lang], { networks: plan.networks }, lang)}`);
  if (plan.missing.length > 0) {
    const missing = plan.missing.map((id) => l[id as StepId][lang].replace(/\s*:\s*$/, "")).join(", ");
    lines.push("", `_${fill(l.missing[lang], { missing }, lang)}_`);
  }
  lines.push("", `## ${l.recommendations[lang]}`, "");
  plan.recommendations.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.text}`, `   _${l.source[lang]} ${r.source}_`, "");
  });
  return lines.join("\n").trimEnd() + "\n";
}
