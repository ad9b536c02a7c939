/**
 * `npm run insights:screenshots -- [--out DIR]`: the insights page in French and English, on a
 * laptop and a phone, with the seeded conversations (test/helpers/insights-seed.ts) in a temporary
 * folder: DIR/insights-fr.png, insights-en.png, insights-en-phone.png, insights-fr-phone.png
 * (docs/ by default). Chromium: /usr/bin/chromium (CHROMIUM_PATH).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { InboxFiles } from "../../adapters/insights/inbox-files.ts";
import { loadInsightsTexts } from "../../adapters/insights/insights-texts.ts";
import { startInsightsServer } from "../../adapters/insights/server.ts";
import { LowdbInsights } from "../../src/insights/insights-store.ts";
import { content } from "../helpers/content.ts";
import { seedInsights } from "../helpers/insights-seed.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "docs" } } });
const out = resolve(values.out!);
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), "insights-shots-"));
const store = new LowdbInsights(dir);
await seedInsights(store);
const token = "screenshots-token-0123456789";
const page = await startInsightsServer({
  store, content: content(), texts: loadInsightsTexts(), inbox: new InboxFiles(join(dir, "inbox")), token, keptDays: 90, host: "127.0.0.1", port: 0,
});
const browser = await chromium.launch({ executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium" });
try {
  for (const [name, viewport] of [["", { width: 1366, height: 900 }], ["-phone", { width: 390, height: 844 }]] as const) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const tab = await context.newPage();
    for (const lang of ["en", "fr"] as const) {
      await tab.goto(`${page.url}?ui=${lang}&status=all&token=${token}`);
      await tab.waitForSelector("html[data-charts=drawn]");
      await tab.screenshot({ path: join(out, `insights-${lang}${name}.png`), fullPage: true });
      console.log(join(out, `insights-${lang}${name}.png`));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await page.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
