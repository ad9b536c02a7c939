/**
 * The Discord settings, read from the environment: `DISCORD_TOKEN`, `DISCORD_APP_ID`, the
 * optional `DISCORD_GUILD_ID` (the test server where commands are registered instantly) and the
 * optional `DISCORD_API_URL` (Discord's REST API through a proxy, or a local fake in tests).
 */
import { z } from "zod";
import { readSettings, SettingsError } from "../../src/config.ts";

const VARIABLES = ["DISCORD_TOKEN", "DISCORD_APP_ID", "DISCORD_GUILD_ID", "DISCORD_API_URL"] as const;

/** Empty variables (`DISCORD_GUILD_ID=` in .env) count as unset. */
const unsetIfEmpty = (v: unknown) => (v === "" ? undefined : v);
const snowflakeText = (where: string) => z.string().trim().regex(/^\d{17,20}$/, `must be a Discord id of 17 to 20 digits (${where})`);
const snowflake = (where: string) => z.preprocess(unsetIfEmpty, snowflakeText(where));
/** An optional variable: `.optional()` goes inside the preprocess, else zod 4 calls an empty one missing. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

/** The variables as zod checks them; messages say where to find the right value, never repeat it. */
export const DiscordEnv = z.object({
  DISCORD_TOKEN: z.preprocess(
    unsetIfEmpty,
    z.string().trim().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, "must be the bot token (Developer Portal > your application > Bot > Reset Token)"),
  ),
  DISCORD_APP_ID: snowflake("Developer Portal > your application > General Information > Application ID"),
  DISCORD_GUILD_ID: optional(snowflakeText("right-click your server > Copy Server ID, with Developer Mode on")),
  /** Discord's REST API behind a proxy (or a local fake in tests); discord.js adds /v10 itself */
  DISCORD_API_URL: optional(
    z
      .string()
      .trim()
      .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, "must be an http(s) address of the REST API without the version, like https://discord.com/api")
      .refine((url) => !/\/v\d+\/?$/.test(url), "must not end with the API version (/v10): discord.js adds it")
      .transform((url) => url.replace(/\/+$/, "")),
  ),
});

/** What the Discord adapter needs to run. */
export interface DiscordSettings {
  token: string;
  appId: string;
  /** commands are registered on this server only (instant), else globally */
  guildId: string | undefined;
  /** the REST base URL (without /v10); undefined means Discord's own, https://discord.com/api */
  api?: string | undefined;
}

/**
 * The Discord settings from `env`, or null when none of the Discord variables is set.
 * @throws SettingsError naming each missing or malformed variable, never its value
 */
export function readDiscordSettings(env: Record<string, string | undefined>): DiscordSettings | null {
  if (VARIABLES.every((name) => unsetIfEmpty(env[name]) === undefined)) return null;
  const e = readSettings(DiscordEnv, env);
  return { token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID, guildId: e.DISCORD_GUILD_ID, api: e.DISCORD_API_URL };
}

/** `DISCORD_SHARDS`, read only by `npm run discord:shards` (adapters/discord/shards.ts). */
export const DiscordShardsEnv = z.object({
  DISCORD_SHARDS: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(auto|[1-9]\d{0,3})$/, 'must be a number of shards from 1 to 9999, or "auto" (Discord says how many)')
      .transform((v): number | "auto" => (v === "auto" ? "auto" : Number(v))),
  ),
});

/**
 * How many shards to run: a number, or "auto" (ask Discord's `GET /gateway/bot`) when unset.
 * @throws SettingsError naming DISCORD_SHARDS, never its value
 */
export function readDiscordShards(env: Record<string, string | undefined>): number | "auto" {
  return readSettings(DiscordShardsEnv, env).DISCORD_SHARDS ?? "auto";
}

/**
 * Several shards are several processes: they can share sessions only through Redis.
 * @throws SettingsError naming DISCORD_SHARDS and REDIS_URL when `count` > 1 and no REDIS_URL is set
 */
export function requireSharedStore(count: number, redisUrl: string | undefined, auto: boolean): void {
  if (count <= 1 || redisUrl) return;
  const why = auto ? "Discord recommends more than one shard (DISCORD_SHARDS is auto)" : "DISCORD_SHARDS asks for more than one shard";
  throw new SettingsError([
    `REDIS_URL: is missing: ${why}, and each shard is a process of its own; set REDIS_URL so that they share the sessions (lowdb files are safe in one process only), or set DISCORD_SHARDS=1`,
  ]);
}
