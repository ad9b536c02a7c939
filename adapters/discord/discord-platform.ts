/**
 * Discord as a platform of `npm start`: on when DISCORD_TOKEN / DISCORD_APP_ID are set.
 */
import type { PlatformModule } from "../platform.ts";
import { platformEntry } from "../shared/platform-entry.ts";
import { readDiscordSettings, type DiscordSettings } from "./discord-settings.ts";

/** The Discord platform module, with its settings type. */
export const discord: PlatformModule<DiscordSettings> = {
  name: "discord",
  settings: readDiscordSettings,
  create: async (settings, deps) => {
    // discord.js is loaded only when Discord is configured (start-up time and memory otherwise)
    const [{ DiscordAdapter }, { loadDiscordDialogs }] = await Promise.all([import("./discord-adapter.ts"), import("./discord-dialogs.ts")]);
    // the store remembers shared plan messages: with Redis, across every shard
    return new DiscordAdapter({ settings, ...deps, dialogs: loadDiscordDialogs(), api: settings.api, seen: deps.store });
  },
  secrets: (settings) => [settings.token],
};

/** The same module as an entry of adapters/main.ts's PLATFORMS list. */
export const discordPlatform = platformEntry(discord);
