/**
 * `npm start`: the composition root. Reads the settings (environment and .env), builds the
 * content, the session store and the coordinator, then starts every platform adapter whose settings
 * are present. With none configured, it opens the local coaching chat in the terminal.
 */
import { existsSync } from "node:fs";
import { ContentError, loadContent } from "../src/content/load.ts";
import { Coordinator } from "../src/coordinator.ts";
import { CoreSettings, readSettings, SettingsError } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { openStore } from "../src/store/open-store.ts";
import type { Adapter } from "../src/adapter.ts";
import type { PlatformModule } from "./platform.ts";
import { discordPlatform } from "./discord/discord-platform.ts";
import { slackEntry } from "./slack/slack-platform.ts";
import { main as terminal } from "./terminal/cli.ts";

/** Every platform the coach can run on. */
const PLATFORMS: PlatformModule<never>[] = [slackEntry, discordPlatform];

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = process.env;
  // every setting is checked before anything starts, and every problem is reported at once
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | null => {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof SettingsError)) throw err;
      problems.push(...err.problems);
      return null;
    }
  };
  const core = attempt(() => readSettings(CoreSettings, env));
  const configured = PLATFORMS.map((module) => ({ module, settings: attempt(() => module.settings(env)) })).filter(
    (p): p is { module: PlatformModule<never>; settings: never } => p.settings !== null,
  );
  if (problems.length > 0 || core === null) {
    process.stderr.write(`${new SettingsError(problems).message}\nSee the README's "Configuration" section.\n`);
    process.exit(2);
  }
  if (configured.length === 0) return terminal(process.argv.slice(2));

  const log = createLogger(undefined, configured.flatMap((p) => p.module.secrets(p.settings)));
  let content;
  try {
    content = loadContent();
  } catch (err) {
    if (err instanceof ContentError) {
      process.stderr.write(err.message + "\n");
      process.exit(2);
    }
    throw err;
  }
  const store = await openStore(core, log);
  const coordinator = new Coordinator({ content, store, log, expireAfterDays: core.COACH_SESSION_TTL_DAYS });
  await coordinator.sweepExpired();
  setInterval(() => void coordinator.sweepExpired().catch((err: unknown) => log.error("expiry sweep failed", { error: err })), 24 * 60 * 60 * 1000).unref();
  let adapters: Adapter[];
  try {
    adapters = await Promise.all(configured.map((p) => p.module.create(p.settings, { coordinator, content, log, store })));
  } catch (err) {
    // a platform's own dialogs file (dialogs/slack.yaml, dialogs/discord.yaml) is checked here
    if (err instanceof ContentError) {
      process.stderr.write(err.message + "\n");
      process.exit(2);
    }
    throw err;
  }
  for (const a of adapters) {
    try {
      await a.start();
    } catch (err) {
      // adapters explain what to check (which variable, which address) without secrets
      log.error("adapter could not start", { adapter: a.name, error: err });
      process.stderr.write(`${a.name}: ${(err as Error).message}\n`);
      await Promise.allSettled(adapters.map((x) => x.stop()));
      await store.close();
      process.exit(1);
    }
    log.info("adapter started", { adapter: a.name });
  }
  const stop = async (signal: string) => {
    log.info("stopping", { signal });
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

await main();
