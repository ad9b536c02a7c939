/**
 * The names the insights page shows for what the counts and messages hold as ids: a question
 * (interview.yaml, review.yaml), a choice, a doubt or question rule (objections.yaml), a reason
 * (dialogs/insights.yaml), what a message was taught as. Nothing is worded here.
 */
import type { Content } from "../../src/content/compile.ts";
import type { MissedMessage } from "../../src/insights/insights-store.ts";
import { fill, formatNumber } from "../../src/text/template.ts";
import type { Lang } from "../../src/vocabulary/lang.ts";
import { parseTeachingId } from "./inbox-files.ts";
import type { InsightsTextKey, InsightsTexts } from "./insights-texts.ts";

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

export class PageLabels {
  constructor(
    readonly lang: Lang,
    readonly texts: InsightsTexts,
    readonly content: Content,
  ) {}

  /** A text of dialogs/insights.yaml, its placeholders filled. */
  t(key: InsightsTextKey, vars: Readonly<Record<string, string | number>> = {}): string {
    return fill(this.texts[key][this.lang], vars, this.lang);
  }

  /** "Votre objectif", "After the plan", or the id itself when the content no longer has it. */
  step(id: string): string {
    if (id === "plan") return capitalize(this.t("stepPlan"));
    if (id === "ask") return capitalize(this.t("stepAsk"));
    const s = this.content.steps.find((x) => x.id === id) ?? this.content.reviewSteps.find((x) => x.id === id);
    return s ? capitalize(s.name[this.lang]) : id;
  }

  /** A doubt's or question's topic, or its id. */
  rule(id: string): string {
    return this.content.rules.get(id)?.topic[this.lang] ?? id;
  }

  choice(step: string, id: string): string {
    const s = this.content.steps.find((x) => x.id === step);
    return (s?.kind === "choice" ? s.choices.find((c) => c.id === id)?.label[this.lang] : undefined) ?? id;
  }

  why(why: MissedMessage["why"]): string {
    const key = { "not-understood": "whyNotUnderstood", unreadable: "whyUnreadable", question: "whyQuestion", declined: "whyDeclined" } as const;
    return this.t(key[why]);
  }

  language(lang: Lang): string {
    return this.t(lang === "fr" ? "langFr" : "langEn");
  }

  number(n: number): string {
    return formatNumber(n, this.lang);
  }

  /** What a message was taught as, in words ("It's just a fad", "Your goal: Sell more", "10 h a month"). */
  taught(as: string): string {
    const t = parseTeachingId(as);
    if (!t) return as;
    switch (t.kind) {
      case "rule":
        return this.rule(t.rule);
      case "choice":
        return this.t("asChoice", { step: this.step(t.step), choice: this.choice(t.step, t.choice) });
      case "value":
        return this.t(t.unit === "hours" ? "asHours" : "asMoney", { value: t.value });
      case "off-topic":
        return this.t("asOffTopic");
    }
  }
}
