import { describe, expect, test } from "vitest";
import { readDiscordSettings } from "../../../adapters/discord/discord-settings.ts";
import { SettingsError } from "../../../src/config.ts";
import { langFromLocale } from "../../../adapters/shared/lang-from-locale.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";

function problems(env: Record<string, string>): string[] {
  try {
    readDiscordSettings(env);
  } catch (err) {
    if (err instanceof SettingsError) return err.problems;
    throw err;
  }
  return [];
}

describe("Discord settings", () => {
  test("no Discord variable (or only empty ones): Discord is simply off", () => {
    expect(readDiscordSettings({})).toBeNull();
    expect(readDiscordSettings({ DISCORD_GUILD_ID: "", OTHER: "x" })).toBeNull();
  });

  test("token and application id, with or without a server", () => {
    expect(readDiscordSettings({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: "123456789012345678" })).toEqual({
      token: TOKEN, appId: "123456789012345678", guildId: undefined,
    });
    expect(readDiscordSettings({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: "123456789012345678", DISCORD_GUILD_ID: "876543210987654321" })?.guildId).toBe(
      "876543210987654321",
    );
  });

  test("a missing variable is named; a malformed one is named with where to find it, never its value", () => {
    expect(problems({ DISCORD_GUILD_ID: "876543210987654321" })).toEqual(["DISCORD_TOKEN: is missing", "DISCORD_APP_ID: is missing"]);
    const bad = problems({ DISCORD_TOKEN: "secret-but-wrong", DISCORD_APP_ID: "my-app" });
    expect(bad).toHaveLength(2);
    expect(bad[0]).toMatch(/^DISCORD_TOKEN: must be the bot token/);
    expect(bad[1]).toMatch(/^DISCORD_APP_ID: must be a Discord id/);
    expect(bad.join("\n")).not.toContain("secret-but-wrong");
    expect(bad.join("\n")).not.toContain("my-app");
  });
});

describe("language from the Discord locale", () => {
  test("French locales give French, everything else English", () => {
    expect(["fr", "fr-CA", "FR-fr"].map(langFromLocale)).toEqual(["fr", "fr", "fr"]);
    expect(["en-US", "en-GB"].map(langFromLocale)).toEqual(["en", "en"]);
    expect(["de", "fro", "", null, undefined].map(langFromLocale)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
