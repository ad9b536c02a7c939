/**
 * The overview page: the funnel from first message to plan, what the coach had to ask again, the
 * doubts (by topic, language, day), the hours and budgets given, the inbox of missed messages with
 * its filters, and the exports. Every number is in a table; the charts (drawn by
 * /assets/insights.js with Chart.js) read the same numbers from a JSON block.
 */
import type { MissedMessage } from "../../src/insights/insights-store.ts";
import type { MissedFilter, Summary } from "../../src/insights/summary.ts";
import { html, jsonBlock, type Html } from "./html.ts";
import type { PageLabels } from "./page-labels.ts";
import { layout } from "./render-layout.ts";

/** At most this many messages are listed at once (the count says how many match). */
export const INBOX_ROWS = 200;

export interface DashboardView {
  summary: Summary;
  periodDays: number;
  periodChoices: readonly number[];
  keptDays: number;
  /** every message kept, newest first */
  missed: readonly MissedMessage[];
  /** the messages the filter lets through */
  shown: readonly MissedMessage[];
  filter: MissedFilter;
  /** the status filter as asked: "open" (default), "taught" or "all" */
  status: "open" | "taught" | "all";
  /** after teaching: the files written */
  flash: string | null;
  otherLangHref: string;
  /** a link to the page with these filters (the current period kept) */
  href(params: Readonly<Record<string, string>>): string;
}

const pct = (l: PageLabels, n: number, of: number) => (of === 0 ? "–" : `${l.number(Math.round((n / of) * 1000) / 10)} %`);

function funnelSection(l: PageLabels, s: Summary): Html {
  const started = s.funnel[0]?.n ?? 0;
  const label = (key: string) => (key === "started" ? l.t("stageStarted") : key === "plan" ? l.t("stagePlan") : l.t("stageAnswered", { step: l.step(key) }));
  let previous = started;
  const rows = s.funnel.map((stage, i) => {
    // a question asked to some only is no stop: the next one is compared with the stage before it
    const stopped = i === 0 || stage.conditional ? null : Math.max(0, previous - stage.n);
    if (!stage.conditional) previous = stage.n;
    return html`<tr data-stage="${stage.key}"${stage.conditional ? html` class="conditional"` : null}>
      <th scope="row">${label(stage.key)}${stage.conditional ? html` <small>(${l.t("conditionalNote")})</small>` : null}</th>
      <td class="num" data-testid="funnel-${stage.key}">${l.number(stage.n)}</td>
      <td class="num pct">${pct(l, stage.n, started)}</td>
      <td class="num">${stopped === null ? "–" : l.number(stopped)}</td>
    </tr>`;
  });
  const listening = s.listening.length
    ? html`<table class="numbers"><thead><tr><th scope="col">${l.t("colQuestion")}</th><th scope="col" class="num">${l.t("colReasked")}</th><th scope="col" class="num">${l.t("colConfirmed")}</th></tr></thead>
        <tbody>${s.listening.map((r) => html`<tr><th scope="row">${l.step(r.step)}</th><td class="num">${l.number(r.reask)}</td><td class="num">${l.number(r.confirm)}</td></tr>`)}</tbody></table>`
    : html`<p class="empty">${l.t("listeningEmpty")}</p>`;
  return html`<section id="funnel" class="card wide">
  <h2>${l.t("funnelTitle")}</h2>
  <p class="help">${l.t("funnelHelp")}</p>
  ${started === 0 ? html`<p class="empty">${l.t("funnelEmpty")}</p>` : html`<div class="chart tall"><canvas id="chart-funnel" role="img" aria-label="${l.t("funnelTitle")}"></canvas></div>`}
  <table class="numbers" data-testid="funnel">
    <thead><tr><th scope="col">${l.t("colStage")}</th><th scope="col" class="num">${l.t("colConversations")}</th><th scope="col" class="num pct">${l.t("colOfStarted")}</th><th scope="col" class="num">${l.t("colStopped")}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
  <h3>${l.t("listeningTitle")}</h3>
  <p class="help">${l.t("listeningHelp")}</p>
  ${listening}
  <p>${l.t("notUnderstood", { n: s.notUnderstood })}<br>${l.t("reviews", { booked: s.reviewsBooked, done: s.reviews })}</p>
</section>`;
}

function doubtsSection(l: PageLabels, s: Summary): Html {
  const total = s.doubtsByLang.fr + s.doubtsByLang.en;
  const kind = (rule: string) => (l.content.rules.get(rule)?.kind === "question" ? l.t("kindQuestion") : l.t("kindDoubt"));
  const body = total === 0
    ? html`<p class="empty">${l.t("doubtsEmpty")}</p>`
    : html`<h3>${l.t("doubtsByRule")}</h3>
  <div class="chart" data-bars="${Math.max(4, s.doubtsByRule.length)}"><canvas id="chart-doubts-rule" role="img" aria-label="${l.t("doubtsByRule")}"></canvas></div>
  <div class="pair">
    <div><h3>${l.t("doubtsByLang")}</h3><div class="chart small"><canvas id="chart-doubts-lang" role="img" aria-label="${l.t("doubtsByLang")}"></canvas></div></div>
    <div><h3>${l.t("doubtsByDay")}</h3><div class="chart small"><canvas id="chart-doubts-day" role="img" aria-label="${l.t("doubtsByDay")}"></canvas></div></div>
  </div>
  <details><summary>${l.t("numbers")}</summary>
  <table class="numbers" data-testid="doubts">
    <thead><tr><th scope="col">${l.t("colTopic")}</th><th scope="col" class="num">${l.language("fr")}</th><th scope="col" class="num">${l.language("en")}</th><th scope="col" class="num">${l.t("colTotal")}</th></tr></thead>
    <tbody>${s.doubtsByRule.map((r) => html`<tr data-rule="${r.rule}"><th scope="row">${l.rule(r.rule)} <small>(${kind(r.rule)})</small></th><td class="num">${l.number(r.fr)}</td><td class="num">${l.number(r.en)}</td><td class="num">${l.number(r.fr + r.en)}</td></tr>`)}</tbody>
  </table></details>`;
  return html`<section id="doubts" class="card">
  <h2>${l.t("doubtsTitle")}</h2>
  <p class="help">${l.t("doubtsHelp")}</p>
  ${body}
</section>`;
}

function valuesSection(l: PageLabels, s: Summary): Html {
  const table = (id: string, rows: { range: string; n: number }[]) =>
    html`<table class="numbers" data-testid="${id}"><thead><tr><th scope="col">${l.t("colRange")}</th><th scope="col" class="num">${l.t("colOwners")}</th></tr></thead>
    <tbody>${rows.map((r) => html`<tr><th scope="row">${r.range}</th><td class="num">${l.number(r.n)}</td></tr>`)}</tbody></table>`;
  const part = (title: string, id: string, rows: { range: string; n: number }[]) =>
    html`<div><h3>${title}</h3>${rows.every((r) => r.n === 0) ? html`<p class="empty">${l.t("valuesEmpty")}</p>` : html`<div class="chart small"><canvas id="chart-${id}" role="img" aria-label="${title}"></canvas></div>`}
    <details><summary>${l.t("numbers")}</summary>${table(id, rows)}</details></div>`;
  return html`<section id="values" class="card">
  <h2>${l.t("valuesTitle")}</h2>
  <p class="help">${l.t("valuesHelp")}</p>
  <div class="pair">${part(l.t("hoursTitle"), "hours", s.hours)}${part(l.t("budgetTitle"), "budget", s.budget)}</div>
</section>`;
}

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

function inboxSection(l: PageLabels, v: DashboardView): Html {
  const steps = [...new Set(v.missed.map((m) => m.step))];
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : null}>${label}</option>`;
  const select = (name: string, label: string, options: Html[]) => html`<label>${label} <select name="${name}">${options}</select></label>`;
  const all = (current: unknown) => option("", l.t("filterAll"), current === undefined);
  const form = html`<form class="filters" method="get" action="/#inbox" data-testid="filters">
    <input type="hidden" name="days" value="${v.periodDays}">
    ${select("step", l.t("filterQuestion"), [all(v.filter.step), ...steps.map((s) => option(s, l.step(s), v.filter.step === s))])}
    ${select("lang", l.t("filterLanguage"), [all(v.filter.lang), option("fr", l.language("fr"), v.filter.lang === "fr"), option("en", l.language("en"), v.filter.lang === "en")])}
    ${select("why", l.t("filterWhy"), [all(v.filter.why), ...(["not-understood", "unreadable", "question", "declined"] as const).map((w) => option(w, l.why(w), v.filter.why === w))])}
    <label>${l.t("filterConversation")} <input name="conv" value="${v.filter.conv ?? ""}" size="16" maxlength="64" autocomplete="off" spellcheck="false"></label>
    ${select("status", l.t("filterStatus"), [option("open", l.t("statusOpen"), v.status === "open"), option("taught", l.t("statusTaught"), v.status === "taught"), option("all", l.t("filterAll"), v.status === "all")])}
    <button type="submit">${l.t("filterApply")}</button>
    <a href="${v.href({ status: "all" })}#inbox">${l.t("filterClear")}</a>
  </form>`;
  const rows = v.shown.slice(0, INBOX_ROWS).map(
    (m) => html`<tr data-id="${m.id}" data-conv="${m.conv}">
      <td data-label="${l.t("colWhen")}"><time datetime="${m.at}">${when(m.at)}</time></td>
      <td data-label="${l.t("colQuestion")}">${l.step(m.step)}</td>
      <td data-label="${l.t("colLanguage")}">${m.lang}</td>
      <td data-label="${l.t("colWhy")}">${l.why(m.why)}</td>
      <td data-label="${l.t("colConversation")}"><a class="conv" href="${v.href({ conv: m.conv, status: "all" })}#inbox" title="${l.t("conversationLink")}">${m.conv}</a></td>
      <td data-label="${l.t("colMessage")}" class="message">${m.text}</td>
      <td data-label="${l.t("colAction")}">${m.taught ? html`<span class="taught">${l.t("taughtAs", { as: l.taught(m.taught.as) })}</span> ` : null}<a class="button${m.taught ? " quiet" : ""}" href="/teach?id=${encodeURIComponent(m.id)}">${l.t("teachLink")}</a></td>
    </tr>`,
  );
  return html`<section id="inbox" class="card wide">
  <h2>${l.t("inboxTitle")}</h2>
  <p class="help">${l.t("inboxHelp")}</p>
  ${v.flash ? html`<p class="flash" role="status" data-testid="flash">${v.flash}</p>` : null}
  ${form}
  <p class="count" data-testid="inbox-count">${l.t("inboxCount", { shown: Math.min(v.shown.length, INBOX_ROWS), total: v.shown.length })}</p>
  ${v.shown.length === 0 ? html`<p class="empty">${l.t("inboxEmpty")}</p>` : html`<table class="inbox" data-testid="inbox">
    <thead><tr><th scope="col">${l.t("colWhen")}</th><th scope="col">${l.t("colQuestion")}</th><th scope="col">${l.t("colLanguage")}</th><th scope="col">${l.t("colWhy")}</th><th scope="col">${l.t("colConversation")}</th><th scope="col">${l.t("colMessage")}</th><th scope="col">${l.t("colAction")}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>`}
</section>`;
}

function exportsSection(l: PageLabels): Html {
  return html`<section id="exports" class="card">
  <h2>${l.t("exportsTitle")}</h2>
  <ul class="exports">
    <li><a href="/export/counts.csv" download>${l.t("exportCounts")}</a></li>
    <li><a href="/export/taught-phrasings.yaml" download>${l.t("exportPhrasings")}</a></li>
  </ul>
</section>`;
}

/** The numbers the charts draw, with their labels in the page's language. */
function chartData(l: PageLabels, s: Summary) {
  const stage = (key: string) => (key === "started" ? l.t("stageStarted") : key === "plan" ? l.t("stagePlan") : l.step(key));
  return {
    funnel: { labels: s.funnel.map((f) => stage(f.key)), values: s.funnel.map((f) => f.n), conditional: s.funnel.map((f) => f.conditional), label: l.t("colConversations") },
    doubtsByRule: { labels: s.doubtsByRule.map((r) => l.rule(r.rule)), fr: s.doubtsByRule.map((r) => r.fr), en: s.doubtsByRule.map((r) => r.en) },
    doubtsByLang: { labels: [l.language("fr"), l.language("en")], values: [s.doubtsByLang.fr, s.doubtsByLang.en] },
    doubtsByDay: { labels: s.days.map((d) => d.slice(5)), fr: s.doubtsByDay.fr, en: s.doubtsByDay.en },
    langLabels: { fr: l.language("fr"), en: l.language("en") },
    hours: { labels: s.hours.map((h) => h.range), values: s.hours.map((h) => h.n), label: l.t("colOwners") },
    budget: { labels: s.budget.map((h) => h.range), values: s.budget.map((h) => h.n), label: l.t("colOwners") },
  };
}

export function renderDashboard(l: PageLabels, v: DashboardView): Html {
  const period = html`<form class="period" method="get" action="/">
    <p>${l.t("period", { days: v.periodDays, kept: v.keptDays })}</p>
    <label>${l.t("periodLabel")} <select name="days">${v.periodChoices.map((d) => html`<option value="${d}"${d === v.periodDays ? html` selected` : null}>${l.t("periodOption", { days: d })}</option>`)}</select></label>
    <button type="submit">${l.t("show")}</button>
  </form>`;
  const body = html`${period}
<div class="grid">
${funnelSection(l, v.summary)}
${doubtsSection(l, v.summary)}
${valuesSection(l, v.summary)}
${inboxSection(l, v)}
${exportsSection(l)}
</div>
${jsonBlock("insights-data", chartData(l, v.summary))}`;
  return layout(l, l.t("title"), body, { otherLangHref: v.otherLangHref, keptDays: v.keptDays, nav: true, scripts: ["/assets/chart.umd.min.js", "/assets/insights.js"] });
}
