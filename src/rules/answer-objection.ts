/**
 * Answers a doubt (or a question) from the rule base: the rule's answer, applied to the owner's
 * figures when they are known, where their own plan deals with it, the dated survey facts it rests on
 * (each with its publisher, title, year and link), the articles it comes from, and related topics.
 */
import type { Content } from "../content/compile.ts";
import type { Lang } from "../content/schema.ts";
import { citeAll } from "../plan/cite.ts";
import { buildPlan, facts, planVars } from "../plan/build-plan.ts";
import { holds } from "../plan/conditions.ts";
import { citeFact } from "../plan/fit.ts";
import { fill } from "../text/template.ts";
import type { Answer } from "../vocabulary/answers.ts";
import type { Choice, Reply } from "../vocabulary/replies.ts";

/** A rule as a button that answers it. */
export function topicChoice(content: Content, id: string, lang: Lang): Choice {
  return { action: { kind: "topic", rule: id }, label: content.rules.get(id)!.topic[lang] };
}

/** Every rule as a button, for "here is what I can talk about". */
export function topicChoices(content: Content, lang: Lang): Choice[] {
  return content.objections.rules.map((r) => topicChoice(content, r.id, lang));
}

/**
 * The reply to one rule. `answers` are the owner's, when they have started a plan; `withRelated`
 * offers the related topics (after the plan, or outside the interview).
 */
export function answerObjection(
  content: Content,
  id: string,
  lang: Lang,
  answers: Readonly<Record<string, Answer>> = {},
  withRelated = true,
): Extract<Reply, { kind: "answer" }> {
  const rule = content.rules.get(id);
  if (!rule) throw new Error(`unknown objection rule ${id}`);
  const parts = [rule.answer[lang]];
  const applied = rule.withPlan?.find((w) => w.needs.every((n) => answers[n] !== undefined) && holds(w.when, facts(content, answers)));
  if (applied) parts.push(fill(applied.text[lang], planVars(content, answers, lang), lang));
  // the rule's follow-up in the plan: where the owner's own plan already deals with the concern
  if (rule.recommendation !== undefined && Object.keys(answers).length > 0) {
    const at = buildPlan(content, answers, lang).recommendations.findIndex((r) => r.id === rule.recommendation);
    if (at >= 0) parts.push(fill(content.objections.text.inYourPlan[lang], { point: at + 1 }, lang));
  }
  // the survey figures, as facts.yaml words them: never a figure of the rule's own
  const cited = rule.facts[lang].flatMap((f) => {
    const fact = content.facts.get(f);
    return fact ? [{ text: fact.text[lang], source: citeFact(fact) }] : [];
  });
  for (const f of cited) parts.push(fill(content.objections.text.fact[lang], { fact: f.text, source: f.source }, lang));
  const articles = citeAll(rule.sources, content.sources);
  parts.push(`${content.plan.labels.source[lang]} ${articles}`);
  const source = [articles, ...cited.map((f) => f.source)].join("; ");
  const choices = (withRelated ? rule.related : []).filter((r) => content.rules.has(r)).map((r) => topicChoice(content, r, lang));
  // a closing question, not a header ("Related topics:"): the text must read whole where the topics
  // are shown apart from it (ask --json, buttons) as well as above them (the terminal's numbered list)
  if (choices.length > 0) parts.push(content.objections.text.related[lang]);
  return { kind: "answer", rule: id, text: parts.join("\n\n"), source, choices };
}
