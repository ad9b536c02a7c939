/**
 * `npm run discord:shards`: the Discord bot on several shards, one process each, with discord.js's
 * ShardingManager. DISCORD_SHARDS is the number of shards, or "auto" (the default) to ask Discord;
 * more than one needs REDIS_URL, so that every shard process shares the sessions.
 */
import { existsSync } from "node:fs";
import { DiscordAPIError, type ShardingManager } from "discord.js";
import { CoreSettings, readSettings, SettingsError } from "../../src/config.ts";
import { exitOnSettingsProblems, redactCrashes, secretsOf, settingsReader } from "../start-platforms.ts";
import { createLogger, redact } from "../../src/log.ts";
import { readDiscordSettings, readDiscordShards, requireSharedStore } from "./discord-settings.ts";
import { recommendedShardCount, startShards, stopShards } from "./shard-manager.ts";

function fail(message: string): never {
  process.stderr.write(message + "\n");
  process.exit(2);
}

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = process.env;
  let secrets = secretsOf(env);
  redactCrashes(() => secrets);
  const settings = settingsReader();
  const core = settings.attempt(() => readSettings(CoreSettings, env));
  const discord = settings.attempt(() => readDiscordSettings(env));
  const shards = settings.attempt(() => readDiscordShards(env));
  if (settings.problems.length > 0 || !core || shards === null) exitOnSettingsProblems(settings.problems);
  if (!discord) fail('Set DISCORD_TOKEN and DISCORD_APP_ID (in .env or the environment) first; see the README\'s "Connect Discord".');

  secrets = secretsOf(env, [discord.token]);
  const log = createLogger(undefined, secrets);
  let count: number;
  if (shards === "auto") {
    try {
      count = await recommendedShardCount(discord);
    } catch (err) {
      if (err instanceof DiscordAPIError && err.status === 401) fail("DISCORD_TOKEN was refused by Discord: copy the bot token again (Bot > Reset Token).");
      // Discord out of reach (the network, DISCORD_API_URL): one line that says what to check
      process.stderr.write(
        `Could not ask Discord for its recommended shard count (${redact(err instanceof Error ? err.message : String(err), secrets)}): check the network and DISCORD_API_URL, or set DISCORD_SHARDS to a number.\n`,
      );
      process.exit(1);
    }
    log.info("Discord recommends a shard count", { shards: count });
  } else count = shards;
  try {
    requireSharedStore(count, core.REDIS_URL, shards === "auto");
  } catch (err) {
    if (err instanceof SettingsError) fail(err.message);
    throw err;
  }

  let manager: ShardingManager;
  try {
    manager = await startShards({ token: discord.token, count, log });
  } catch (err) {
    log.error("discord shards could not start", { error: err });
    process.stderr.write(`discord shards: ${redact((err as Error).message, secrets)}\n`);
    process.exit(1);
  }
  log.info("discord shards started", { shards: count });
  const stop = async (signal: string) => {
    log.info("stopping", { signal });
    await stopShards(manager);
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

await main();
