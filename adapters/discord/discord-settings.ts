/**
 * The Discord settings, read from the environment: `DISCORD_TOKEN`, `DISCORD_APP_ID` and the
 * optional `DISCORD_GUILD_ID` (the test server where commands are registered instantly).
 */
import { z } from "zod";
import { readSettings } from "../../src/config.ts";

const VARIABLES = ["DISCORD_TOKEN", "DISCORD_APP_ID", "DISCORD_GUILD_ID"] as const;

/** Empty variables (`DISCORD_GUILD_ID=` in .env) count as unset. */
const unsetIfEmpty = (v: unknown) => (v === "" ? undefined : v);
const snowflake = (where: string) =>
  z.preprocess(unsetIfEmpty, z.string().trim().regex(/^\d{17,20}$/, `must be a Discord id of 17 to 20 digits (${where})`));

/** The variables as zod checks them; messages say where to find the right value, never repeat it. */
export const DiscordEnv = z.object({
  DISCORD_TOKEN: z.preprocess(
    unsetIfEmpty,
    z.string().trim().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, "must be the bot token (Developer Portal > your application > Bot > Reset Token)"),
  ),
  DISCORD_APP_ID: snowflake("Developer Portal > your application > General Information > Application ID"),
  DISCORD_GUILD_ID: snowflake("right-click your server > Copy Server ID, with Developer Mode on").optional(),
});

/** What the Discord adapter needs to run. */
export interface DiscordSettings {
  token: string;
  appId: string;
  /** commands are registered on this server only (instant), else globally */
  guildId: string | undefined;
}

/**
 * The Discord settings from `env`, or null when none of the Discord variables is set.
 * @throws SettingsError naming each missing or malformed variable, never its value
 */
export function readDiscordSettings(env: Record<string, string | undefined>): DiscordSettings | null {
  if (VARIABLES.every((name) => unsetIfEmpty(env[name]) === undefined)) return null;
  const e = readSettings(DiscordEnv, env);
  return { token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID, guildId: e.DISCORD_GUILD_ID };
}
