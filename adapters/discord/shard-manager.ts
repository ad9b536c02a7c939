/**
 * The Discord bot on several shards with discord.js's ShardingManager (mode "process"): one child
 * process per shard, each running adapters/discord/shard-process.ts (the Discord adapter around a
 * coordinator on the shared store). In each child, discord.js's Client takes its shard id and the
 * shard count from the SHARDS and SHARD_COUNT variables the manager sets, and the token from
 * DISCORD_TOKEN.
 */
import { once } from "node:events";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from "discord.js";
import type { Logger } from "../../src/log.ts";
import type { DiscordSettings } from "./discord-settings.ts";

/** The file each shard process runs. */
export const SHARD_PROCESS_FILE = fileURLToPath(new URL("./shard-process.ts", import.meta.url));

/**
 * tsx's loader as an absolute file URL: the children are TypeScript, and a bare `--import tsx`
 * would be resolved from the working directory (it fails outside the project folder).
 */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** discord.js's default pause between two shards: Discord lets a bot identify once per 5 s. */
export const SHARD_SPAWN_DELAY_MS = 5_500;

export interface StartShardsOptions {
  token: string;
  /** the number of shards, hence of processes */
  count: number;
  log: Logger;
  /** pause between two shards' start (default 5.5 s; tests against a local fake use 0) */
  spawnDelayMs?: number;
  /** how long one shard has to log in before the start fails (default 30 s) */
  readyTimeoutMs?: number;
  /** true: the children's stdout and stderr are pipes (`shard.process.stdout`), not the manager's */
  silent?: boolean;
}

/**
 * Spawns the shards one after the other and resolves once each has logged in. A shard that dies
 * later is started again by discord.js (`respawn`). On failure, the shards already started are
 * stopped before the error is thrown.
 *
 * @example const manager = await startShards({ token, count: 2, log });
 */
export async function startShards(o: StartShardsOptions): Promise<ShardingManager> {
  const manager = new ShardingManager(SHARD_PROCESS_FILE, {
    mode: "process",
    totalShards: o.count,
    token: o.token,
    execArgv: ["--import", TSX_LOADER],
    respawn: true,
    silent: o.silent ?? false,
  });
  manager.on("shardCreate", (shard) => {
    o.log.info("discord shard starting", { shard: shard.id, shards: o.count });
    shard.on("ready", () => o.log.info("discord shard ready", { shard: shard.id }));
    shard.on("death", () => o.log.warn("discord shard process exited", { shard: shard.id, respawn: manager.respawn }));
    // a failed respawn is emitted as "error": without a listener it would crash the manager
    shard.on("error", (err) => o.log.error("discord shard failed", { shard: shard.id, error: err }));
  });
  try {
    await manager.spawn({ amount: o.count, delay: o.spawnDelayMs ?? SHARD_SPAWN_DELAY_MS, timeout: o.readyTimeoutMs ?? 30_000 });
  } catch (err) {
    await stopShards(manager);
    throw err;
  }
  return manager;
}

/**
 * Stops every shard: SIGTERM, which lets each finish the interactions in progress and close the
 * store, then SIGKILL for one still running after `graceMs`. No shard is respawned.
 */
export async function stopShards(manager: ShardingManager, graceMs = 10_000): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    manager.shards.map(async (shard) => {
      const child = shard.process;
      if (!child) return;
      const exited = child.exitCode === null && child.signalCode === null ? once(child, "exit") : Promise.resolve();
      shard.kill();
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    }),
  );
}

/**
 * Discord's recommended shard count for the bot (`GET /gateway/bot`), through `settings.api` when
 * set. discord.js's own `fetchRecommendedShardCount` always calls discord.com, so a proxy (or a
 * local fake) would be bypassed.
 */
export async function recommendedShardCount(settings: Pick<DiscordSettings, "token" | "api">): Promise<number> {
  const rest = new REST({ version: "10", ...(settings.api ? { api: settings.api } : {}) }).setToken(settings.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return gateway.shards;
}
