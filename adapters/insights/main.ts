/**
 * `npm run insights`: the insights page, on http://127.0.0.1:8787/ by default (COACH_INSIGHTS_HOST,
 * COACH_INSIGHTS_PORT). It reads what the coach recorded with COACH_INSIGHTS=on (data/insights/ in
 * COACH_DATA_DIR, or Redis with REDIS_URL) and writes taught messages to the review files of
 * dialogs/inbox/ (COACH_INBOX_DIR). The one line it prints holds the link with the access token:
 * a random one at each start unless COACH_INSIGHTS_TOKEN is set.
 */
import { existsSync } from "node:fs";
import { ContentError, loadContent } from "../../src/content/load.ts";
import { SettingsError } from "../../src/config.ts";
import { insightsStoreOf } from "../../src/insights/open-insights.ts";
import { createLogger } from "../../src/log.ts";
import { newToken } from "./auth.ts";
import { InboxFiles } from "./inbox-files.ts";
import { readInsightsPageSettings, type InsightsPageSettings } from "./insights-settings.ts";
import { loadInsightsTexts } from "./insights-texts.ts";
import { startInsightsServer } from "./server.ts";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

if (existsSync(".env")) process.loadEnvFile(".env");
let settings: InsightsPageSettings;
let content;
let texts;
try {
  settings = readInsightsPageSettings(process.env);
  content = loadContent();
  texts = loadInsightsTexts();
} catch (err) {
  if (err instanceof SettingsError || err instanceof ContentError) fail(err.message);
  throw err;
}
const token = settings.token ?? newToken();
const log = createLogger(undefined, [token]);
const store = await insightsStoreOf(settings.core, settings.core.COACH_DATA_DIR);
const page = await startInsightsServer({
  store,
  content,
  texts,
  inbox: new InboxFiles(settings.inboxDir),
  token,
  keptDays: settings.core.COACH_INSIGHTS_DAYS,
  host: settings.host,
  port: settings.port,
  log,
}).catch((err: unknown) => fail(`The insights page could not listen on ${settings.host}:${settings.port}: ${err instanceof Error ? err.message : String(err)}`));

if (settings.core.COACH_INSIGHTS !== "on") process.stderr.write("Note: COACH_INSIGHTS is not on here; the page shows what a coach run with COACH_INSIGHTS=on recorded.\n");
process.stderr.write(`Insights from ${settings.core.REDIS_URL ? "Redis" : `${settings.core.COACH_DATA_DIR}/insights/`}; taught messages go to ${settings.inboxDir}\n`);
// the one line that holds the token, for the operator (stdout, never the log)
process.stdout.write(`Insights page: ${page.url}?token=${token}\n`);

const stop = async () => {
  await page.close();
  await store.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
