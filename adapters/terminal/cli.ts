/**
 * `npm run coach -- [chat] [--lang fr|en] [--user ID] [--db PATH] [--json] [--now 2027-03-01]`
 * `npm run coach -- ask [--json] [--lang fr|en] [TEXT]`
 * `npm run coach -- plan --user ID [--out plan.md|plan.pdf] [--json] [--db PATH]`
 */
import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { Coordinator } from "../../src/coordinator.ts";
import { ContentError, loadContent } from "../../src/content/load.ts";
import { Lang } from "../../src/content/schema.ts";
import { renderPlanPdf } from "../../src/plan/render-pdf.ts";
import { createLogger } from "../../src/log.ts";
import { CoreSettings, readSettings, SettingsError } from "../../src/config.ts";
import { openStore } from "../../src/store/open-store.ts";
import { openInsights } from "../../src/insights/open-insights.ts";
import { sessionKey } from "../../src/store/session-store.ts";
import { runChat } from "./chat.ts";
import { askJson, renderReply } from "./render.ts";

const USAGE = `Usage:
  npm run coach -- [--lang fr|en] [--user ID] [--db PATH] [--json]     chat (one message per line when piped)
       [--now 2027-03-01]                                             test mode: the coach's clock starts at that date (try a pilot review)
  npm run coach -- ask [--json] [--lang fr|en] [TEXT]                   answer one objection (or one per line)
  npm run coach -- plan --user ID [--out plan.md|plan.pdf] [--db PATH]  print or write a user's plan (a one-page PDF when --out ends in .pdf)
  npm run coach -- plan --user ID --json [--db PATH]                    the plan as data (one JSON object)`;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Entry point of the terminal adapter; also used by `npm start` when no platform is configured. */
export async function main(argv: string[]): Promise<void> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: "string" },
        user: { type: "string" },
        db: { type: "string" },
        json: { type: "boolean", default: false },
        out: { type: "string" },
        now: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE + "\n");
    return;
  }
  const lang = values.lang === undefined ? undefined : Lang.safeParse(values.lang).data;
  if (values.lang !== undefined && !lang) fail(`--lang must be fr or en, not "${values.lang}".\n${USAGE}`);

  let content;
  try {
    content = loadContent();
  } catch (err) {
    if (err instanceof ContentError) fail(err.message);
    throw err;
  }
  // the chat is read in the terminal: what each turn did (info) stays out of it, warnings and errors show
  const log = { ...createLogger(), info: () => undefined };
  let core: CoreSettings;
  try {
    core = readSettings(CoreSettings, process.env);
  } catch (err) {
    if (err instanceof SettingsError) fail(err.message);
    throw err;
  }
  const dataDir = values.db ?? core.COACH_DATA_DIR;
  const store = await openStore(core, log, dataDir);
  // test mode: the clock starts at --now and runs from there (a review booked today can be tried months ahead)
  const startsAt = values.now === undefined ? null : Date.parse(values.now);
  if (startsAt !== null && !Number.isFinite(startsAt)) fail(`--now must be a date like 2027-03-01, not "${values.now}".\n${USAGE}`);
  const launched = Date.now();
  const now = startsAt === null ? undefined : () => new Date(startsAt + (Date.now() - launched));
  const insights = await openInsights(core, dataDir, log);
  const coordinator = new Coordinator({ content, store, log, expireAfterDays: core.COACH_SESSION_TTL_DAYS, ...(now ? { now } : {}), ...(insights ? { observer: insights.recorder } : {}) });
  const user = values.user ?? userInfo().username;
  const key = sessionKey("terminal", "local", user);
  const [command = "chat", ...rest] = positionals;

  if (command === "ask") {
    const answer = async (text: string) => {
      const outcome = await coordinator.handle(key, { kind: "ask", text, locale: lang });
      process.stdout.write(values.json ? JSON.stringify(askJson(text, outcome)) + "\n" : outcome.replies.map(renderReply).join("\n\n") + "\n\n");
    };
    if (rest.length > 0) await answer(rest.join(" "));
    else for await (const line of createInterface({ input: process.stdin })) if (line.trim() !== "") await answer(line);
    await insights?.close();
    await store.close();
    return;
  }

  if (command === "plan") {
    if (values.user === undefined) fail(`plan needs --user ID (the id you chatted with).\n${USAGE}`);
    const outcome = await coordinator.handle(key, { kind: "export" });
    await insights?.close();
    await store.close();
    const plan = outcome.replies.find((r) => r.kind === "plan");
    if (!outcome.known || !plan) fail(`No plan for user "${user}" in ${dataDir}/. Start one with: npm run coach -- --user ${user}`, 1);
    const partial = outcome.done ? "" : " (partial: the interview is not finished)";
    if (values.out && /\.pdf$/i.test(values.out)) {
      writeFileSync(values.out, await renderPlanPdf(content, plan.plan, outcome.answers, { reviews: plan.reviews ?? [] }));
      process.stderr.write(`Plan written to ${values.out} (PDF: the plan on one page${plan.reviews?.length ? ", the latest pilot review on a second" : ""})${partial}\n`);
    } else if (values.json) {
      const json = JSON.stringify(plan.plan) + "\n";
      if (values.out) {
        writeFileSync(values.out, json);
        process.stderr.write(`Plan written to ${values.out} (JSON)${partial}\n`);
      } else process.stdout.write(json);
    } else if (values.out) {
      writeFileSync(values.out, plan.text);
      process.stderr.write(`Plan written to ${values.out}${partial}\n`);
    } else process.stdout.write(plan.text);
    return;
  }

  if (command !== "chat") fail(`Unknown command "${command}".\n${USAGE}`);
  const interactive = process.stdin.isTTY === true && !values.json;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  if (interactive) rl.setPrompt("> ");
  // take the iterator now: lines that arrive while the opening turn runs would otherwise be lost
  const iterator = rl[Symbol.asyncIterator]();
  await runChat({
    coordinator,
    key,
    lang,
    lines: { [Symbol.asyncIterator]: () => iterator },
    json: values.json,
    write: (t) => process.stdout.write(t),
    prompt: interactive ? () => rl.prompt() : undefined,
  });
  rl.close();
  await insights?.close();
  await store.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((err: unknown) => fail(`The coach stopped on an unexpected error: ${(err as Error).stack ?? String(err)}`, 1));
}
