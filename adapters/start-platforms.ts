/**
 * Starting the coach around a list of platforms, shared by `npm start` (adapters/main.ts: every
 * platform) and each Discord shard process (adapters/discord/shard-process.ts: Discord only).
 * Reads the settings (environment and .env), builds the content, the session store and the
 * coordinator, then starts every platform whose settings are present; SIGINT and SIGTERM stop them.
 */
import { existsSync } from "node:fs";
import { ContentError, loadContent } from "../src/content/load.ts";
import { reliabilityTexts } from "../src/content/reliability-texts.ts";
import { Coordinator } from "../src/coordinator.ts";
import { CoreSettings, readSettings, SettingsError } from "../src/config.ts";
import { createLogger, redact, urlSecrets } from "../src/log.ts";
import { scheduleExpirySweeps } from "../src/store/expiry-schedule.ts";
import { Reminders } from "../src/followup/reminders.ts";
import { openInsights } from "../src/insights/open-insights.ts";
import { openStore } from "../src/store/open-store.ts";
import { StoreStartError } from "../src/store/store-errors.ts";
import type { Adapter } from "../src/adapter.ts";
import type { PlatformModule } from "./platform.ts";

/** The running platforms, once started. */
export interface RunningPlatforms {
  /** Lets the work in progress finish, closes the store and exits the process (code 0). */
  stop(reason: string): Promise<void>;
}

/**
 * Collects the problems of several settings readers, so that every one is reported at once.
 *
 * @example const s = settingsReader(); const core = s.attempt(() => readSettings(CoreSettings, env));
 */
export function settingsReader(): { problems: string[]; attempt<T>(read: () => T): T | null } {
  const problems: string[] = [];
  return {
    problems,
    attempt(read) {
      try {
        return read();
      } catch (err) {
        if (!(err instanceof SettingsError)) throw err;
        problems.push(...err.problems);
        return null;
      }
    },
  };
}

/**
 * The values no output may show: every URL setting's credentials (REDIS_URL, SLACK_API_URL,
 * DISCORD_API_URL, whether or not the platform is configured) and the configured platforms' own.
 */
export function secretsOf(env: Record<string, string | undefined>, platformSecrets: string[] = []): string[] {
  return [...platformSecrets, ...["REDIS_URL", "SLACK_API_URL", "DISCORD_API_URL"].flatMap((name) => urlSecrets(env[name]?.trim()))];
}

/**
 * From here on, an error nobody caught is printed without secrets (the values of `secrets`, URL
 * credentials) before the process exits with code 1, as Node would have.
 */
export function redactCrashes(secrets: () => string[]): void {
  const crash = (err: unknown) => {
    // a store that cannot start says so in one line; anything else is a bug, with its stack
    if (err instanceof StoreStartError) process.stderr.write(`${redact(err.message, secrets())}\n`);
    else process.stderr.write(`The coach stopped on an unexpected error: ${redact(err instanceof Error ? (err.stack ?? err.message) : String(err), secrets())}\n`);
    process.exit(1);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
}

/** Writes the settings problems (variable names, never values) to stderr and exits with code 2. */
export function exitOnSettingsProblems(problems: string[]): never {
  process.stderr.write(`${new SettingsError(problems).message}\nSee the README's "Configuration" section.\n`);
  process.exit(2);
}

/**
 * Starts the configured platforms of `platforms`. A settings or content problem is written to
 * stderr and exits with code 2; a platform that cannot start exits with code 1. When none of them
 * is configured, `whenNoneConfigured` runs instead (and null is returned).
 *
 * @example await startPlatforms(PLATFORMS, () => terminal(process.argv.slice(2)));
 */
export async function startPlatforms(
  platforms: PlatformModule<never>[],
  whenNoneConfigured: () => Promise<void>,
): Promise<RunningPlatforms | null> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = process.env;
  let secrets = secretsOf(env);
  redactCrashes(() => secrets);
  // every setting is checked before anything starts, and every problem is reported at once
  const settings = settingsReader();
  const core = settings.attempt(() => readSettings(CoreSettings, env));
  const configured = platforms.map((module) => ({ module, settings: settings.attempt(() => module.settings(env)) })).filter(
    (p): p is { module: PlatformModule<never>; settings: never } => p.settings !== null,
  );
  if (settings.problems.length > 0 || core === null) exitOnSettingsProblems(settings.problems);
  if (configured.length === 0) {
    await whenNoneConfigured();
    return null;
  }

  secrets = secretsOf(env, configured.flatMap((p) => p.module.secrets(p.settings)));
  const log = createLogger(undefined, secrets);
  const say = (text: string) => process.stderr.write(redact(text, secrets) + "\n");
  let content;
  try {
    content = loadContent();
    // what the coach says when its memory is out of reach: checked now, not at the first outage
    reliabilityTexts();
  } catch (err) {
    if (err instanceof ContentError) {
      process.stderr.write(err.message + "\n");
      process.exit(2);
    }
    throw err;
  }
  let store;
  try {
    store = await openStore(core, log);
  } catch (err) {
    // one line: Redis unreachable (the host, never the password), a folder it cannot use or in use
    say((err as Error).message);
    process.exit(1);
  }
  const insights = await openInsights(core, core.COACH_DATA_DIR, log);
  const coordinator = new Coordinator({ content, store, log, expireAfterDays: core.COACH_SESSION_TTL_DAYS, ...(insights ? { observer: insights.recorder } : {}) });
  // in the background, a batch at a time: the first message does not wait for it, whatever the number of sessions
  const sweeps = scheduleExpirySweeps(() => coordinator.sweepExpired(), { log });
  let adapters: Adapter[];
  try {
    adapters = await Promise.all(configured.map((p) => p.module.create(p.settings, { coordinator, content, log, store })));
  } catch (err) {
    // a platform's own dialogs file (dialogs/slack.yaml, dialogs/discord.yaml) is checked here
    if (err instanceof ContentError) {
      say(err.message);
      process.exit(2);
    }
    throw err;
  }
  // Ctrl-C or SIGTERM from here on stops cleanly, during start-up too (the store's lock is released)
  const started: Adapter[] = [];
  let reminders: Reminders | null = null;
  let stopping: Promise<void> | null = null;
  const stop = (reason: string): Promise<void> =>
    (stopping ??= (async () => {
      log.info("stopping", { signal: reason });
      sweeps.stop();
      await reminders?.stop();
      await insights?.close();
      await Promise.allSettled(started.map((a) => a.stop()));
      await sweeps.idle();
      await store.close();
      process.exit(0);
    })());
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  for (const a of adapters) {
    if (stopping) break;
    started.push(a);
    try {
      await a.start();
    } catch (err) {
      // adapters explain what to check (which variable, which address) without secrets
      log.error("adapter could not start", { adapter: a.name, error: err });
      say(`${a.name}: ${(err as Error).message}`);
      await Promise.allSettled(started.map((x) => x.stop()));
      await store.close();
      process.exit(1);
    }
    log.info("adapter started", { adapter: a.name });
  }
  // the pilot reviews that came due (while the bot was down too): written for once the platforms are up
  const deliveries = started.flatMap((a) => (a.reminders ? [a.reminders()] : []));
  if (!stopping && deliveries.length > 0) {
    reminders = new Reminders({ coordinator, store, log, deliveries, everyMs: core.COACH_REMINDER_MINUTES * 60_000 });
    reminders.start();
  }
  return { stop };
}
