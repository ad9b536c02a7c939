/**
 * The frame every page of the insights site shares: head (own CSS, no asset from the internet),
 * title, the language switch, the navigation, the privacy line; and the page shown without the token.
 */
import type { Lang } from "../../src/vocabulary/lang.ts";
import { html, type Html, type HtmlValue } from "./html.ts";
import type { InsightsTexts } from "./insights-texts.ts";
import type { PageLabels } from "./page-labels.ts";

export interface LayoutOptions {
  /** the same page in the other language */
  otherLangHref: string;
  keptDays: number;
  /** the page's own scripts, after Chart.js when charts are drawn */
  scripts?: readonly string[];
  nav?: boolean;
}

/** A whole page. */
export function layout(l: PageLabels, title: string, body: HtmlValue, o: LayoutOptions): Html {
  const other: Lang = l.lang === "fr" ? "en" : "fr";
  const nav = o.nav
    ? html`<nav class="nav" aria-label="${l.t("title")}">
        <a href="#funnel">${l.t("navFunnel")}</a><a href="#doubts">${l.t("navDoubts")}</a><a href="#values">${l.t("navValues")}</a><a href="#inbox">${l.t("navInbox")}</a><a href="#exports">${l.t("navExports")}</a>
      </nav>`
    : null;
  return html`<!doctype html>
<html lang="${l.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/assets/insights.css">
</head>
<body>
<header class="top">
  <div class="top-row">
    <h1><a href="/">${l.t("title")}</a></h1>
    <a class="lang" href="${o.otherLangHref}" hreflang="${other}" lang="${other}" data-testid="lang-switch">${l.t("otherLanguage")}</a>
  </div>
  ${nav}
</header>
<main>
${body}
</main>
<footer class="privacy"><p>${l.t("privacy", { days: o.keptDays })}</p></footer>
${(o.scripts ?? []).map((src) => html`<script src="${src}"></script>`)}
</body>
</html>
`;
}

/** The page a request without the token gets (401): in both languages, since it cannot know which. */
export function unauthorizedPage(texts: InsightsTexts): Html {
  return html`<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${texts.unauthorizedTitle.fr} · ${texts.unauthorizedTitle.en}</title></head>
<body>
<h1>${texts.unauthorizedTitle.fr}</h1>
<p>${texts.unauthorized.fr}</p>
<h1 lang="en">${texts.unauthorizedTitle.en}</h1>
<p lang="en">${texts.unauthorized.en}</p>
</body>
</html>
`;
}
