/**
 * The insights page in a real browser (Debian's Chromium, driven by playwright-core; one browser for
 * the file): it refuses a visit without the token and loads with it, shows the funnel of a seeded set
 * of conversations with its charts drawn, shows a hostile message as text, teaches three missed
 * messages through its forms into the review files (which npm run eval:listening and eval:rules then
 * measure),
 * drops an owner's messages once they said "forget me", reads in French and English, and fits a
 * phone's width. Screenshots of both languages go to the test's temporary folder.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { InboxFiles } from "../../adapters/insights/inbox-files.ts";
import { loadInsightsTexts } from "../../adapters/insights/insights-texts.ts";
import { startInsightsServer } from "../../adapters/insights/server.ts";
import type { Coordinator } from "../../src/coordinator.ts";
import { LowdbInsights } from "../../src/insights/insights-store.ts";
import type { InsightsRecorder } from "../../src/insights/recorder.ts";
import { PhrasingSet } from "../../src/content/schema.ts";
import { content } from "../helpers/content.ts";
import { HOSTILE, SEED_FUNNEL, seedInsights } from "../helpers/insights-seed.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";

const execFileAsync = promisify(execFile);
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const ROOT = join(import.meta.dirname, "..", "..");
const TOKEN = "browser-token-abcdefghijklmnopqrstuvwxyz";
const tempDir = tempDirs("coach-insights-browser-");
const texts = loadInsightsTexts();

let dir: string;
let browser: Browser;
let tab: Page;
let page: Awaited<ReturnType<typeof startInsightsServer>>;
let store: LowdbInsights;
let inbox: InboxFiles;
let coordinator: Coordinator;
let recorder: InsightsRecorder;

if (!existsSync(CHROMIUM) && process.env["CI"] === "true") throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!existsSync(CHROMIUM))("the insights page in Chromium", () => {
  beforeAll(async () => {
    dir = tempDir();
    // the coach wrote these (its own store); the page reads the same folder with another
    ({ coordinator, recorder } = await seedInsights(new LowdbInsights(dir)));
    store = new LowdbInsights(dir);
    inbox = new InboxFiles(join(dir, "inbox"));
    page = await startInsightsServer({ store, content: content(), texts, inbox, token: TOKEN, keptDays: 90, host: "127.0.0.1", port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM });
    // each test may run alone (npm run mutations picks them by name): the tab has the token's cookie
    tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await tab.goto(`${page.url}?token=${TOKEN}`);
  });
  afterAll(async () => {
    await browser?.close();
    await page?.close();
    await store?.close();
  });

  it("refuses a visit without the token, and loads with it (the token leaves the address bar)", async () => {
    // a browser of its own, without the cookie
    const context = await browser.newContext();
    const fresh = await context.newPage();
    const refused = await fresh.goto(`${page.url}?ui=en`);
    expect(refused!.status()).toBe(401);
    expect(await fresh.textContent("body")).toContain(texts.unauthorized.en);
    expect(await fresh.textContent("body")).not.toContain("blorp");
    await fresh.goto(`${page.url}?ui=en&token=${TOKEN}`);
    expect(fresh.url()).toBe(`${page.url}?ui=en`);
    expect(await fresh.textContent("h1")).toBe(texts.title.en);
    expect(await fresh.locator("[data-testid=funnel-started]").textContent()).toBe(String(SEED_FUNNEL.started));
    await context.close();
  });

  it("shows the funnel of the seeded conversations, with its charts drawn from the page's own Chart.js", async () => {
    await tab.goto(`${page.url}?ui=en`);
    await tab.waitForSelector("html[data-charts=drawn]");
    for (const [stage, n] of Object.entries(SEED_FUNNEL)) expect(await tab.textContent(`[data-testid=funnel-${stage}]`), stage).toBe(String(n));
    expect(await tab.textContent("[data-testid=funnel-budget]")).toBe("2");
    for (const id of ["chart-funnel", "chart-doubts-rule", "chart-doubts-lang", "chart-doubts-day", "chart-hours", "chart-budget"]) {
      expect(await tab.getAttribute(`#${id}`, "data-drawn"), id).not.toBeNull();
    }
    expect(await tab.evaluate(() => typeof (globalThis as { Chart?: unknown }).Chart)).toBe("function");
    expect(await tab.textContent("[data-testid=doubts]")).toContain(content().rules.get("fad")!.topic.en);
  });

  it("shows a hostile message as text: no script runs, no markup is made", async () => {
    await tab.goto(`${page.url}?ui=en&status=all`);
    const cells = await tab.locator("td.message").allTextContents();
    expect(cells).toContain(HOSTILE);
    expect(await tab.title()).toBe(texts.title.en);
    expect(await tab.locator("td.message b, td.message script").count()).toBe(0);
  });

  it("teaches three missed messages through its forms into the review files, which eval:listening and eval:rules measure", async () => {
    const teach = async (text: string, fill: () => Promise<void>) => {
      await tab.goto(`${page.url}?ui=en`);
      await tab.locator("tr", { has: tab.locator("td.message", { hasText: text }) }).getByRole("link", { name: texts.teachLink.en }).click();
      expect(await tab.textContent("[data-testid=teach-message]")).toBe(text);
      await fill();
      await tab.getByRole("button", { name: texts.teachSubmit.en }).click();
      await tab.waitForSelector("[data-testid=flash]");
    };
    await teach("blorp zzz", async () => {
      await tab.check("input[name=kind][value=choice]");
      await tab.selectOption("select[name=choice]", "customers:local");
    });
    await teach("est-ce que je dois payer la tva sur les pubs ?", async () => {
      await tab.check("input[name=kind][value=rule]");
      await tab.selectOption("select[name=rule]", "what-it-costs");
    });
    await teach("flibber wobble", async () => {
      // typing the value checks its line (the page's script)
      await tab.fill("input[name=value]", "12");
      expect(await tab.isChecked("input[name=kind][value=value]")).toBe(true);
      await tab.selectOption("select[name=unit]", "hours");
    });
    // taught: out of the open inbox, listed under "taught" with what they were taught as
    await tab.goto(`${page.url}?ui=en`);
    expect(await tab.locator("td.message").allTextContents()).toEqual([HOSTILE]);
    await tab.goto(`${page.url}?ui=en&status=taught`);
    expect(await tab.locator("td.message").count()).toBe(3);

    const phrasings = PhrasingSet.parse(parse(readFileSync(inbox.phrasingsPath, "utf8")));
    expect(phrasings.positives["what-it-costs"]?.fr).toEqual(["est-ce que je dois payer la tva sur les pubs ?"]);
    expect(phrasings.negatives).toEqual({ fr: ["blorp zzz"], en: ["flibber wobble"] });
    const items = parse(readFileSync(inbox.listeningPath, "utf8")).items;
    expect(items).toEqual([
      { at: "customers", lang: "fr", say: "blorp zzz", save: { customers: "local" } },
      { at: "customers", lang: "fr", say: "est-ce que je dois payer la tva sur les pubs ?", save: "none", doubt: "what-it-costs" },
      { at: "time", lang: "en", say: "flibber wobble", save: { time: 12 } },
    ]);
    // npm run eval:listening and eval:rules measure the review files, each as a set of its own (run side by side)
    const env = { ...process.env, COACH_INBOX_DIR: inbox.dir };
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const run = (args: string[]) => execFileAsync(tsx, args, { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
    const [listening, rules] = await Promise.all([run(["test/eval/eval-listening.ts", "--set=taught-listening"]), run(["test/eval/eval-rules.ts"])]);
    expect(listening.stdout).toContain("review set: taught from the insights page");
    expect(listening.stdout).toMatch(/ {2}all {10}\s+3 {2}right/);
    // the phrasings: one positive of what-it-costs in French
    expect(rules.stdout).toMatch(/## review set: taught from the insights page.*\(\d\/1\)/);
  });

  it("drops an owner's messages from the page once they said forget me", async () => {
    await tab.goto(`${page.url}?ui=en&status=all`);
    const conv = recorder.conversationOf("fr-goal");
    expect(await tab.locator(`tr[data-conv="${conv}"]`).count()).toBe(2);
    await coordinator.handle("fr-goal", { kind: "text", text: "oublie-moi", locale: "fr" });
    await coordinator.handle("fr-goal", { kind: "text", text: "oui", locale: "fr" });
    await recorder.idle();
    await tab.reload();
    expect(await tab.locator(`tr[data-conv="${conv}"]`).count()).toBe(0);
    expect(await tab.locator("td.message").allTextContents()).toEqual(expect.arrayContaining([HOSTILE, "flibber wobble"]));
    expect(await tab.textContent("body")).not.toContain("blorp zzz");
  });

  it("reads in French and English, fits a phone's width, and is photographed in both languages", async () => {
    await tab.goto(`${page.url}?ui=en`);
    await tab.click("[data-testid=lang-switch]");
    await tab.waitForSelector("html[lang=fr][data-charts=drawn]");
    expect(await tab.textContent("#funnel h2")).toBe(texts.funnelTitle.fr);
    expect(await tab.textContent("[data-testid=funnel-started]")).toBe(String(SEED_FUNNEL.started));
    for (const lang of ["fr", "en"] as const) {
      await tab.goto(`${page.url}?ui=${lang}&status=all`);
      await tab.waitForSelector("html[data-charts=drawn]");
      const shot = join(dir, `insights-${lang}.png`);
      await tab.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(20_000);
    }
    await tab.setViewportSize({ width: 390, height: 844 });
    await tab.goto(`${page.url}?ui=fr&status=all`);
    await tab.waitForSelector("html[data-charts=drawn]");
    expect(await tab.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
