/**
 * `npm run discord:register`: registers /plan and /ask with Discord, on the server named by
 * DISCORD_GUILD_ID (they appear at once) or, without it, globally for every server and DM.
 * Registering again replaces the commands (a bulk overwrite), so it is safe to run after every change.
 */
import { existsSync } from "node:fs";
import { DiscordAPIError, REST, Routes } from "discord.js";
import { ContentError, loadContent } from "../../src/content/load.ts";
import { SettingsError } from "../../src/config.ts";
import { loadDiscordDialogs, type DiscordDialogs } from "./discord-dialogs.ts";
import { readDiscordSettings, type DiscordSettings } from "./discord-settings.ts";
import { slashCommands } from "./slash-commands.ts";

export interface RegisterOptions {
  settings: DiscordSettings;
  dialogs: DiscordDialogs;
  maxQuestionLength: number;
  /** the REST base URL; tests point it at a local fake */
  api?: string;
}

/** Sends the commands; resolves to where they were registered and their names. */
export async function registerCommands(o: RegisterOptions): Promise<{ scope: "guild" | "global"; names: string[] }> {
  const rest = new REST({ version: "10", ...(o.api ? { api: o.api } : {}) }).setToken(o.settings.token);
  const body = slashCommands(o.dialogs, o.maxQuestionLength);
  const route = o.settings.guildId
    ? Routes.applicationGuildCommands(o.settings.appId, o.settings.guildId)
    : Routes.applicationCommands(o.settings.appId);
  await rest.put(route, { body });
  return { scope: o.settings.guildId ? "guild" : "global", names: body.map((c) => c.name) };
}

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const fail = (message: string): never => {
    process.stderr.write(message + "\n");
    process.exit(2);
  };
  try {
    const settings = readDiscordSettings(process.env);
    if (!settings) return fail('Set DISCORD_TOKEN and DISCORD_APP_ID (in .env or the environment) first; see the README\'s "Connect Discord".');
    const content = loadContent();
    const dialogs = loadDiscordDialogs();
    const { scope, names } = await registerCommands({ settings, dialogs, maxQuestionLength: content.messages.limits.maxMessageLength, api: settings.api });
    const list = names.map((n) => `/${n}`).join(" and ");
    process.stdout.write(
      scope === "guild"
        ? `Registered ${list} on server ${settings.guildId}: they can be used there now.\n`
        : `Registered ${list} globally (every server the bot is in, and DMs); Discord can take a few minutes to show them.\n`,
    );
  } catch (err) {
    if (err instanceof SettingsError || err instanceof ContentError) return fail(err.message);
    if (err instanceof DiscordAPIError) {
      const hint =
        err.status === 401 ? "DISCORD_TOKEN was refused: copy the bot token again (Bot > Reset Token)."
        : err.status === 403 || err.status === 404 ? "Check DISCORD_APP_ID, and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope."
        : "";
      return fail(`Discord refused the registration (HTTP ${err.status}, code ${err.code}): ${err.message}${hint ? `\n${hint}` : ""}`);
    }
    throw err;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
