/**
 * The page that teaches one missed message: the message, what it was (a doubt or question, an answer
 * to a question, a value, off-topic), the text kept (the reviewer may remove what could identify
 * someone), and a form posted with the page's CSRF value.
 */
import type { MissedMessage } from "../../src/insights/insights-store.ts";
import { html, type Html } from "./html.ts";
import { LISTENING_STEPS, type Teaching } from "./inbox-files.ts";
import type { InsightsTextKey } from "./insights-texts.ts";
import type { PageLabels } from "./page-labels.ts";
import { layout } from "./render-layout.ts";

/** The longest text a reviewer may keep (the recorder keeps 2,000 characters). */
export const MAX_TAUGHT_TEXT = 2000;

export interface TeachView {
  message: MissedMessage;
  csrf: string;
  /** the form as posted, when it is shown again with an error */
  posted?: { kind?: string; rule?: string; choice?: string; value?: string; unit?: string; text?: string };
  error?: InsightsTextKey;
  otherLangHref: string;
  keptDays: number;
  backHref: string;
}

/** The choice steps a message can be taught as an answer of (those a listening item may name). */
export function teachableChoices(l: PageLabels): { step: string; choices: string[] }[] {
  return l.content.steps
    .filter((s) => s.kind === "choice" && (LISTENING_STEPS as readonly string[]).includes(s.id))
    .map((s) => ({ step: s.id, choices: s.kind === "choice" ? s.choices.map((c) => c.id) : [] }));
}

/**
 * The teaching a posted form names, or the text of what is wrong with it.
 *
 * @example readTeaching(l, { kind: "value", value: "10", unit: "hours" }) // { kind: "value", unit: "hours", value: 10 }
 */
export function readTeaching(l: PageLabels, f: Readonly<Record<string, string | undefined>>): Teaching | InsightsTextKey {
  switch (f["kind"]) {
    case "rule":
      return f["rule"] && l.content.rules.has(f["rule"]) ? { kind: "rule", rule: f["rule"] } : "errorPickRule";
    case "choice": {
      const [step, choice] = (f["choice"] ?? "").split(":");
      const ok = teachableChoices(l).some((s) => s.step === step && s.choices.includes(choice ?? ""));
      return ok ? { kind: "choice", step: step!, choice: choice! } : "errorPickChoice";
    }
    case "value": {
      const value = Number((f["value"] ?? "").replace(",", "."));
      const unit = f["unit"];
      if (!(Number.isFinite(value) && value >= 0 && value < 1e7) || (unit !== "hours" && unit !== "money") || (f["value"] ?? "").trim() === "") return "errorValue";
      return { kind: "value", unit, value };
    }
    case "off-topic":
      return { kind: "off-topic" };
    default:
      return "errorKind";
  }
}

export function renderTeach(l: PageLabels, v: TeachView): Html {
  const m = v.message;
  const p = v.posted ?? {};
  const kind = p.kind ?? "";
  const radio = (value: string, label: string, extra: Html | null) =>
    html`<div class="choice-row"><label><input type="radio" name="kind" value="${value}"${kind === value ? html` checked` : null} required> ${label}</label>${extra}</div>`;
  const rules = [...l.content.rules.values()];
  const ruleOptions = (k: "doubt" | "question") =>
    rules.filter((r) => r.kind === k).map((r) => html`<option value="${r.id}"${p.rule === r.id ? html` selected` : null}>${l.rule(r.id)}</option>`);
  const ruleSelect = html`<select name="rule" aria-label="${l.t("teachRule")}"><option value="">${l.t("pick")}</option>
    <optgroup label="${l.t("groupDoubts")}">${ruleOptions("doubt")}</optgroup>
    <optgroup label="${l.t("groupQuestions")}">${ruleOptions("question")}</optgroup></select>`;
  const choiceSelect = html`<select name="choice" aria-label="${l.t("teachChoice")}"><option value="">${l.t("pick")}</option>
    ${teachableChoices(l).map(
      (s) => html`<optgroup label="${l.step(s.step)}">${s.choices.map((c) => html`<option value="${`${s.step}:${c}`}"${p.choice === `${s.step}:${c}` ? html` selected` : null}>${l.choice(s.step, c)}</option>`)}</optgroup>`,
    )}</select>`;
  const valueInputs = html`<input name="value" inputmode="decimal" size="8" maxlength="12" value="${p.value ?? ""}" aria-label="${l.t("teachValue")}">
    <select name="unit" aria-label="${l.t("teachValue")}"><option value="hours"${p.unit !== "money" ? html` selected` : null}>${l.t("unitHours")}</option><option value="money"${p.unit === "money" ? html` selected` : null}>${l.t("unitMoney")}</option></select>`;
  const body = html`<section class="card wide" id="teach">
  <p><a href="${v.backHref}">← ${l.t("teachBack")}</a></p>
  <h2>${l.t("teachTitle")}</h2>
  <blockquote class="message" data-testid="teach-message">${m.text}</blockquote>
  <p class="help">${l.step(m.step)} · ${l.language(m.lang)} · ${l.why(m.why)} · <time datetime="${m.at}">${m.at.slice(0, 16).replace("T", " ")}</time></p>
  ${m.taught ? html`<p class="flash">${l.t("alreadyTaught", { as: l.taught(m.taught.as) })}</p>` : null}
  ${v.error ? html`<p class="error" role="alert" data-testid="teach-error">${l.t(v.error)}</p>` : null}
  <form method="post" action="/teach" class="teach" data-testid="teach-form">
    <input type="hidden" name="csrf" value="${v.csrf}">
    <input type="hidden" name="id" value="${m.id}">
    <input type="hidden" name="ui" value="${l.lang}">
    <fieldset><legend>${l.t("teachWhat")}</legend>
      ${radio("rule", l.t("teachRule"), ruleSelect)}
      ${radio("choice", l.t("teachChoice"), choiceSelect)}
      ${radio("value", l.t("teachValue"), valueInputs)}
      ${radio("off-topic", l.t("teachOffTopic"), null)}
    </fieldset>
    <label class="block">${l.t("teachText")}<textarea name="text" rows="3" maxlength="${MAX_TAUGHT_TEXT}" required>${p.text ?? m.text}</textarea></label>
    <p class="help">${l.t("teachNote")}</p>
    <button type="submit">${l.t("teachSubmit")}</button>
  </form>
</section>`;
  return layout(l, l.t("teachTitle"), body, { otherLangHref: v.otherLangHref, keptDays: v.keptDays, nav: false, scripts: ["/assets/insights.js"] });
}

/** A small page: not found, or a message that is gone. */
export function renderNotice(l: PageLabels, text: InsightsTextKey, o: { otherLangHref: string; keptDays: number; backHref: string }): Html {
  return layout(l, l.t("title"), html`<section class="card wide"><p data-testid="notice">${l.t(text)}</p><p><a href="${o.backHref}">${l.t("backHome")}</a></p></section>`, { ...o, nav: false });
}
