/**
 * Discord as a platform of `npm start`: on when DISCORD_TOKEN / DISCORD_APP_ID are set.
 */
import type { PlatformModule } from "../platform.ts";
import { platformEntry } from "../shared/platform-entry.ts";
import { DiscordAdapter } from "./discord-adapter.ts";
import { loadDiscordDialogs } from "./discord-dialogs.ts";
import { readDiscordSettings, type DiscordSettings } from "./discord-settings.ts";

/** The Discord platform module, with its settings type. */
export const discord: PlatformModule<DiscordSettings> = {
  name: "discord",
  settings: readDiscordSettings,
  create: (settings, deps) => new DiscordAdapter({ settings, ...deps, dialogs: loadDiscordDialogs() }),
  secrets: (settings) => [settings.token],
};

/** The same module as an entry of adapters/main.ts's PLATFORMS list. */
export const discordPlatform = platformEntry(discord);
