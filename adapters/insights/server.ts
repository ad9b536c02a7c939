/**
 * The insights page's web server (node:http): the dashboard, teaching a missed message, the exports
 * and the page's own assets (its CSS and script, Chart.js from node_modules: nothing from the
 * internet). Every request needs the token (see auth.ts); a form posted needs the CSRF value too.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Content } from "../../src/content/compile.ts";
import type { InsightsStore } from "../../src/insights/insights-store.ts";
import { BUDGET_RANGES, dayOf, HOURS_RANGES } from "../../src/insights/recorder.ts";
import { countsCsv, daysBetween, filterMissed, periodStart, summarize, type MissedFilter } from "../../src/insights/summary.ts";
import type { Logger } from "../../src/log.ts";
import type { Lang } from "../../src/vocabulary/lang.ts";
import { cookieToken, csrfOf, sameSecret, tokenCookie } from "./auth.ts";
import type { Html } from "./html.ts";
import { TAUGHT_LISTENING, TAUGHT_PHRASINGS, teachingId, type InboxFiles } from "./inbox-files.ts";
import type { InsightsTexts } from "./insights-texts.ts";
import { PageLabels } from "./page-labels.ts";
import { renderDashboard } from "./render-dashboard.ts";
import { unauthorizedPage } from "./render-layout.ts";
import { MAX_TAUGHT_TEXT, readTeaching, renderNotice, renderTeach } from "./render-teach.ts";

export interface InsightsServerOptions {
  store: InsightsStore;
  content: Content;
  texts: InsightsTexts;
  inbox: InboxFiles;
  token: string;
  /** COACH_INSIGHTS_DAYS: how long the coach keeps insights (the longest period shown) */
  keptDays: number;
  now?: () => Date;
  log?: Logger;
}

const PERIODS = [7, 30, 90, 365];
const MAX_BODY = 16 * 1024;

const chartJs = join(dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.min.js");
const ASSETS: Readonly<Record<string, { file: string; type: string }>> = {
  "/assets/chart.umd.min.js": { file: chartJs, type: "text/javascript; charset=utf-8" },
  "/assets/insights.js": { file: join(import.meta.dirname, "assets", "insights.js"), type: "text/javascript; charset=utf-8" },
  "/assets/insights.css": { file: join(import.meta.dirname, "assets", "insights.css"), type: "text/css; charset=utf-8" },
};

/** Nothing but this server's own files: no script, style, image or frame from anywhere else. */
const SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "x-frame-options": "DENY",
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, "content-type": type, ...headers });
  res.end(body);
}
const sendHtml = (res: ServerResponse, status: number, page: Html) => send(res, status, "text/html; charset=utf-8", page.value);

function readBody(req: IncomingMessage): Promise<URLSearchParams | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on("end", () => resolve(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
    req.on("error", reject);
  });
}

/** The page's language: `ui` in the URL, else the browser's, else English. */
function langOf(req: IncomingMessage, url: URL): Lang {
  const ui = url.searchParams.get("ui");
  if (ui === "fr" || ui === "en") return ui;
  return /^\s*fr\b/i.test(req.headers["accept-language"] ?? "") ? "fr" : "en";
}

/** The request handler of the insights page. */
export function insightsHandler(o: InsightsServerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const now = o.now ?? (() => new Date());
  const csrf = csrfOf(o.token);
  const labels = { fr: new PageLabels("fr", o.texts, o.content), en: new PageLabels("en", o.texts, o.content) };
  const shape = { steps: o.content.steps.map((s) => ({ id: s.id, conditional: s.askWhen !== undefined })) };
  const periods = [...new Set([...PERIODS.filter((d) => d < o.keptDays), o.keptDays])];

  const withParams = (url: URL, params: Readonly<Record<string, string | null>>) => {
    const next = new URL(url.pathname + url.search, "http://page");
    for (const [k, v] of Object.entries(params)) (v === null ? next.searchParams.delete(k) : next.searchParams.set(k, v));
    next.searchParams.delete("token");
    return next.pathname + next.search;
  };

  async function dashboard(_req: IncomingMessage, res: ServerResponse, url: URL, lang: Lang): Promise<void> {
    const l = labels[lang];
    const asked = Number(url.searchParams.get("days"));
    const periodDays = periods.includes(asked) ? asked : Math.min(30, o.keptDays);
    const to = dayOf(now().toISOString());
    const days = daysBetween(periodStart(to, periodDays), to);
    const summary = summarize(await o.store.counts(days[0]!, to), days, shape, { hours: HOURS_RANGES, budget: BUDGET_RANGES });
    // what the coach keeps (it deletes the rest when it runs)
    const kept = periodStart(to, o.keptDays);
    const missed = (await o.store.missed()).filter((m) => m.day >= kept);
    const p = (k: string) => url.searchParams.get(k) || undefined;
    const status = p("status") === "taught" ? "taught" : p("status") === "all" ? "all" : "open";
    const msgLang = p("lang");
    const why = p("why");
    const filter: MissedFilter = {
      ...(p("step") ? { step: p("step")! } : {}),
      ...(msgLang === "fr" || msgLang === "en" ? { lang: msgLang } : {}),
      ...(why === "not-understood" || why === "unreadable" || why === "question" || why === "declined" ? { why } : {}),
      ...(p("conv") ? { conv: p("conv")!.slice(0, 64) } : {}),
      ...(status === "all" ? {} : { status }),
    };
    const written = p("taught");
    const flash = written ? l.t("taughtFlash", { files: written === "pl" ? `${TAUGHT_PHRASINGS}, ${TAUGHT_LISTENING}` : TAUGHT_PHRASINGS }) : null;
    const page = renderDashboard(l, {
      summary,
      periodDays,
      periodChoices: periods,
      keptDays: o.keptDays,
      missed,
      shown: filterMissed(missed, filter),
      filter,
      status,
      flash,
      otherLangHref: withParams(url, { ui: lang === "fr" ? "en" : "fr", taught: null }),
      href: (params) => withParams(new URL(`/?ui=${lang}&days=${periodDays}`, "http://page"), params),
    });
    sendHtml(res, 200, page);
  }

  async function teach(req: IncomingMessage, res: ServerResponse, url: URL, lang: Lang): Promise<void> {
    const l = labels[lang];
    const back = `/?ui=${lang}#inbox`;
    const frame = { otherLangHref: withParams(url, { ui: lang === "fr" ? "en" : "fr" }), keptDays: o.keptDays, backHref: back };
    if (req.method === "GET") {
      const message = (await o.store.missed()).find((m) => m.id === url.searchParams.get("id"));
      if (!message) return sendHtml(res, 404, renderNotice(l, "errorGone", frame));
      return sendHtml(res, 200, renderTeach(l, { message, csrf, ...frame }));
    }
    const form = await readBody(req);
    if (form === null) return send(res, 413, "text/plain; charset=utf-8", "Too large\n");
    // another site's form cannot know this value
    if (!sameSecret(form.get("csrf") ?? (req.headers["x-csrf"] as string | undefined), csrf)) return send(res, 403, "text/plain; charset=utf-8", "Forbidden\n");
    const ui = form.get("ui") === "fr" ? "fr" : form.get("ui") === "en" ? "en" : lang;
    const lf = labels[ui];
    const message = (await o.store.missed()).find((m) => m.id === form.get("id"));
    if (!message) return sendHtml(res, 404, renderNotice(lf, "errorGone", frame));
    const posted = Object.fromEntries(["kind", "rule", "choice", "value", "unit", "text"].map((k) => [k, form.get(k) ?? undefined]));
    const teaching = readTeaching(lf, posted);
    const text = (posted["text"] ?? "").trim();
    const error = typeof teaching === "string" ? teaching : text === "" || text.length > MAX_TAUGHT_TEXT ? "errorText" : null;
    if (error !== null || typeof teaching === "string") return sendHtml(res, 422, renderTeach(lf, { message, csrf, posted, error: error ?? "errorKind", ...frame }));
    const written = await o.inbox.add({ text, lang: message.lang, step: message.step }, teaching);
    await o.store.markTaught(message.id, teachingId(teaching), now().toISOString());
    o.log?.info("insights page: a message was taught", { as: teachingId(teaching), listening: written.listening });
    res.writeHead(303, { ...SECURITY_HEADERS, location: `/?ui=${ui}&taught=${written.listening ? "pl" : "p"}#inbox` });
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://page");
    const given = url.searchParams.get("token");
    if (given !== null) {
      if (!sameSecret(given, o.token)) return sendHtml(res, 401, unauthorizedPage(o.texts));
      // the token moves to a cookie, and out of the address bar and the history
      res.writeHead(303, { ...SECURITY_HEADERS, "set-cookie": tokenCookie(o.token), location: withParams(url, {}) });
      return void res.end();
    }
    if (!sameSecret(cookieToken(req), o.token)) return sendHtml(res, 401, unauthorizedPage(o.texts));
    const lang = langOf(req, url);
    const asset = ASSETS[url.pathname];
    if (asset && req.method === "GET") return send(res, 200, asset.type, readFileSync(asset.file));
    if (url.pathname === "/" && req.method === "GET") return dashboard(req, res, url, lang);
    if (url.pathname === "/teach" && (req.method === "GET" || req.method === "POST")) return teach(req, res, url, lang);
    if (url.pathname === "/export/counts.csv" && req.method === "GET") {
      const to = dayOf(now().toISOString());
      const csv = countsCsv(await o.store.counts(periodStart(to, o.keptDays), to));
      return send(res, 200, "text/csv; charset=utf-8", csv, { "content-disposition": 'attachment; filename="insights-counts.csv"' });
    }
    if (url.pathname === "/export/taught-phrasings.yaml" && req.method === "GET") {
      return send(res, 200, "application/yaml; charset=utf-8", o.inbox.phrasingsYaml(), { "content-disposition": `attachment; filename="${TAUGHT_PHRASINGS}"` });
    }
    const l = labels[lang];
    sendHtml(res, 404, renderNotice(l, "notFound", { otherLangHref: withParams(url, { ui: lang === "fr" ? "en" : "fr" }), keptDays: o.keptDays, backHref: `/?ui=${lang}` }));
  }

  return (req, res) => {
    route(req, res).catch((err: unknown) => {
      o.log?.error("insights page: a request failed", { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "Error\n");
      else res.end();
    });
  };
}

/** The page's server, listening on `host:port` (port 0: any free port). */
export async function startInsightsServer(o: InsightsServerOptions & { host: string; port: number }): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer(insightsHandler(o));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(":") ? `[${o.host}]` : o.host === "0.0.0.0" ? "127.0.0.1" : o.host;
  return {
    server,
    url: `http://${host}:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
