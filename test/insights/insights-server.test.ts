/**
 * The insights page's server over HTTP (no browser): the token is required on every request (a
 * cookie after the first load), a form posted needs the CSRF value, every owner's message is escaped,
 * nothing is loaded from the internet, it listens on 127.0.0.1 unless told otherwise, and the
 * exports hold the counts and the taught phrasings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { csrfOf } from "../../adapters/insights/auth.ts";
import { escapeHtml } from "../../adapters/insights/html.ts";
import { InboxFiles } from "../../adapters/insights/inbox-files.ts";
import { readInsightsPageSettings } from "../../adapters/insights/insights-settings.ts";
import { loadInsightsTexts } from "../../adapters/insights/insights-texts.ts";
import { startInsightsServer } from "../../adapters/insights/server.ts";
import { SettingsError } from "../../src/config.ts";
import { LowdbInsights } from "../../src/insights/insights-store.ts";
import { PhrasingSet } from "../../src/content/schema.ts";
import { content } from "../helpers/content.ts";
import { HOSTILE, seedInsights } from "../helpers/insights-seed.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";

const tempDir = tempDirs("coach-insights-page-");
const TOKEN = "test-token-abcdefghijklmnopqrstuvwxyz";
const NOW = new Date("2026-11-30T10:00:00Z");
let page: Awaited<ReturnType<typeof startInsightsServer>>;
let store: LowdbInsights;
let inbox: InboxFiles;
const logged: string[] = [];

const get = (path: string, headers: Record<string, string> = {}) => fetch(new URL(path, page.url), { headers, redirect: "manual" });
const withCookie = (path: string) => get(path, { cookie: `coach_insights=${TOKEN}` });
const post = (body: Record<string, string>, headers: Record<string, string> = { cookie: `coach_insights=${TOKEN}` }) =>
  fetch(new URL("/teach", page.url), { method: "POST", body: new URLSearchParams(body), headers, redirect: "manual" });

beforeAll(async () => {
  const dir = tempDir();
  store = new LowdbInsights(dir);
  await seedInsights(store, NOW);
  inbox = new InboxFiles(join(dir, "inbox"));
  const log = { info: (m: string, f?: object) => logged.push(m + JSON.stringify(f)), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
  page = await startInsightsServer({ store, content: content(), texts: loadInsightsTexts(), inbox, token: TOKEN, keptDays: 90, host: "127.0.0.1", port: 0, now: () => NOW, log });
});
afterAll(async () => {
  await page?.close();
  await store?.close();
});

describe("the insights page's server", () => {
  it("refuses every path without the token, or with a wrong one (401), and serves nothing of the data", async () => {
    for (const path of ["/", "/?ui=fr", "/teach?id=x", "/export/counts.csv", "/export/taught-phrasings.yaml", "/assets/chart.umd.min.js", "/nothing"]) {
      const res = await get(path);
      expect(res.status, path).toBe(401);
      const body = await res.text();
      expect(body).not.toContain("blorp");
      expect(body).toContain(escapeHtml(loadInsightsTexts().unauthorized.en));
    }
    expect((await get("/?token=wrong-token-abcdefghijklmnopqrstuvwxyz")).status).toBe(401);
    expect((await get("/", { cookie: "coach_insights=wrong" })).status).toBe(401);
    expect((await post({ csrf: csrfOf(TOKEN), id: "x", kind: "off-topic", text: "x" }, {})).status).toBe(401);
  });

  it("takes the token once from the URL into an HttpOnly SameSite cookie, and sends the browser to the URL without it", async () => {
    const res = await get(`/?ui=fr&token=${TOKEN}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?ui=fr");
    expect(res.headers.get("set-cookie")).toMatch(/^coach_insights=[^;]+; HttpOnly; SameSite=Strict; Path=\/$/);
    expect((await withCookie("/?ui=fr")).status).toBe(200);
  });

  it("escapes every message: markup and mentions show as text", async () => {
    const body = await (await withCookie("/?ui=en&status=all")).text();
    expect(body).not.toContain("<script>document");
    expect(body).not.toContain("<b>bold</b>");
    expect(body).toContain("&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; @everyone");
    // and the teach page, where the text is also in a textarea
    const id = (await store.missed()).find((m) => m.text === HOSTILE)!.id;
    const teach = await (await withCookie(`/teach?id=${id}&ui=fr`)).text();
    expect(teach).not.toContain("<script>document");
    expect(teach.split("&lt;script&gt;document").length).toBe(3);
  });

  it("loads nothing from elsewhere: no external URL in the pages, and a policy allowing only its own files", async () => {
    const id = (await store.missed())[0]!.id;
    for (const path of ["/?ui=en&status=all", "/?ui=fr", `/teach?id=${id}`]) {
      const res = await withCookie(path);
      const body = await res.text();
      const refs = [...body.matchAll(/(?:src|href|action)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
      expect(refs.length).toBeGreaterThan(3);
      for (const ref of refs) expect(ref, `${path}: ${ref}`).toMatch(/^(\/(?!\/)|#|\?)/);
      expect(body).not.toMatch(/https?:\/\/|url\(/i);
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'; script-src 'self'");
    }
    for (const asset of ["/assets/insights.css", "/assets/insights.js", "/assets/chart.umd.min.js"]) {
      const res = await withCookie(asset);
      expect(res.status).toBe(200);
      const text = await res.text();
      if (!asset.includes("chart")) expect(text).not.toMatch(/https?:\/\/|@import|url\(/);
    }
  });

  it("refuses a form posted without the page's CSRF value (403) and writes nothing", async () => {
    const id = (await store.missed())[0]!.id;
    for (const csrf of [undefined, "", TOKEN, "forged"]) {
      const res = await post({ ...(csrf === undefined ? {} : { csrf }), id, kind: "off-topic", text: "hello" });
      expect(res.status).toBe(403);
    }
    expect(() => readFileSync(inbox.phrasingsPath)).toThrow();
    expect((await store.missed()).find((m) => m.id === id)!.taught).toBeUndefined();
  });

  it("teaches a message posted with the CSRF value: the review file, the mark, and the YAML export", async () => {
    const message = (await store.missed()).find((m) => m.text === "flibber wobble")!;
    const bad = await post({ csrf: csrfOf(TOKEN), id: message.id, kind: "value", value: "many", unit: "hours", text: message.text, ui: "en" });
    expect(bad.status).toBe(422);
    const res = await post({ csrf: csrfOf(TOKEN), id: message.id, kind: "value", value: "12", unit: "hours", text: message.text, ui: "en" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?ui=en&taught=pl#inbox");
    expect((await store.missed()).find((m) => m.id === message.id)!.taught?.as).toBe("hours:12");
    const set = PhrasingSet.parse(parse(readFileSync(inbox.phrasingsPath, "utf8")));
    expect(set.negatives.en).toEqual(["flibber wobble"]);
    expect(parse(readFileSync(inbox.listeningPath, "utf8")).items).toEqual([{ at: "time", lang: "en", say: "flibber wobble", save: { time: 12 } }]);
    expect(await (await withCookie("/export/taught-phrasings.yaml")).text()).toBe(readFileSync(inbox.phrasingsPath, "utf8"));
    expect(logged.join("\n")).not.toContain(TOKEN);
  });

  it("exports the counts as CSV, one row per day and counter", async () => {
    const res = await withCookie("/export/counts.csv");
    expect(res.headers.get("content-type")).toContain("text/csv");
    const rows = (await res.text()).trim().split("\r\n");
    expect(rows[0]).toBe("day,counter,count");
    expect(rows).toContain("2026-11-30,started,6");
    expect(rows).toContain("2026-11-30,plan,2");
  });

  it("listens on 127.0.0.1 unless told otherwise; a bad port or token is named, never echoed", () => {
    const s = readInsightsPageSettings({});
    expect(s.host).toBe("127.0.0.1");
    expect(s.port).toBe(8787);
    expect(s.token).toBeUndefined();
    expect(readInsightsPageSettings({ COACH_INSIGHTS_HOST: "0.0.0.0", COACH_INSIGHTS_PORT: "9000" })).toMatchObject({ host: "0.0.0.0", port: 9000 });
    expect(() => readInsightsPageSettings({ COACH_INSIGHTS_PORT: "99999" })).toThrow(SettingsError);
    try {
      readInsightsPageSettings({ COACH_INSIGHTS_TOKEN: "short-secret" });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toContain("COACH_INSIGHTS_TOKEN");
      expect((err as Error).message).not.toContain("short-secret");
    }
  });
});
