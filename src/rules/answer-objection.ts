/**
 * Answers an objection from the rule base: the rule's answer, applied to the owner's figures when
 * they are known, with the article it comes from and related topics to explore.
 */
import type { Content } from "../content/compile.ts";
import type { Lang } from "../content/schema.ts";
import type { ChoiceOption, Reply } from "../engine/replies.ts";
import type { Answer } from "../engine/state.ts";
import { citeAll } from "../plan/cite.ts";
import { buildPlan, facts, planVars } from "../plan/build-plan.ts";
import { holds } from "../plan/conditions.ts";
import { detectLanguage } from "../text/detect-language.ts";
import { fill } from "../text/template.ts";
import { matchObjection } from "./match-objection.ts";

/** Every rule as a choice ("ask:fad"), for "here is what I can talk about". */
export function topicChoices(content: Content, lang: Lang): ChoiceOption[] {
  return content.objections.rules.map((r) => ({ id: `ask:${r.id}`, label: r.topic[lang] }));
}

/** The reply to one rule. `answers` are the owner's, when they have started a plan. */
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
  const source = citeAll(rule.sources, content.sources);
  parts.push(`${content.plan.labels.source[lang]} ${source}`);
  const choices = (withRelated ? rule.related : [])
    .map((r) => content.rules.get(r))
    .filter((r) => r !== undefined)
    .map((r) => ({ id: `ask:${r.id}`, label: r.topic[lang] }));
  // a closing question, not a header ("Related topics:"): the text must read whole where the topics
  // are shown apart from it (ask --json, buttons) as well as above them (the terminal's numbered list)
  if (choices.length > 0) parts.push(content.objections.text.related[lang]);
  return { kind: "answer", objection: id, text: parts.join("\n\n"), source, choices };
}

/** The result of a one-shot question ("ask mode"). */
export interface AskResult {
  input: string;
  lang: Lang;
  /** the rule id, or null when nothing (or more than one rule) matched */
  objection: string | null;
  confidence: number;
  text: string;
  source: string | null;
  choices: ChoiceOption[];
}

/**
 * Answers one question without a session: the matching rule's answer, "which of these did you
 * mean?" when two rules are close, or the list of topics when nothing matches.
 *
 * @example ask(content, "isn't it just a fad?").objection // "fad"
 */
export function ask(
  content: Content,
  text: string,
  lang?: Lang,
  answers: Readonly<Record<string, Answer>> = {},
): AskResult {
  const l = lang ?? detectLanguage(text, content.languageHints) ?? content.messages.defaultLang;
  const m = matchObjection(content, text);
  if (m.kind === "match") {
    const r = answerObjection(content, m.id, l, answers);
    return { input: text, lang: l, objection: m.id, confidence: m.confidence, text: r.text, source: r.source, choices: r.choices };
  }
  if (m.kind === "ambiguous") {
    return {
      input: text, lang: l, objection: null, confidence: m.confidence, text: content.objections.text.whichOne[l], source: null,
      choices: m.ids.map((id) => ({ id: `ask:${id}`, label: content.rules.get(id)!.topic[l] })),
    };
  }
  return { input: text, lang: l, objection: null, confidence: m.confidence, text: content.objections.text.noMatch[l], source: null, choices: topicChoices(content, l) };
}
