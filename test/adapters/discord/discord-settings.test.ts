import { describe, expect, test } from "vitest";
import { readDiscordSettings, readDiscordShards, requireSharedStore } from "../../../adapters/discord/discord-settings.ts";
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

describe("DISCORD_API_URL, DISCORD_SHARDS (npm run discord:shards)", () => {
  const base = { DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: "123456789012345678" };
  const shardProblems = (env: Record<string, string>) => {
    try {
      readDiscordShards(env);
    } catch (err) {
      if (err instanceof SettingsError) return err.problems;
      throw err;
    }
    return [];
  };

  test("an empty optional variable counts as unset; the API address loses a trailing slash", () => {
    expect(readDiscordSettings({ ...base, DISCORD_GUILD_ID: "", DISCORD_API_URL: "" })).toMatchObject({ guildId: undefined, api: undefined });
    expect(readDiscordSettings({ ...base, DISCORD_API_URL: "https://proxy.example/discord/api/" })?.api).toBe("https://proxy.example/discord/api");
  });

  test("a malformed API address or shard count is named, never repeated", () => {
    expect(problems({ ...base, DISCORD_API_URL: "ftp://secret-host" })).toEqual([expect.stringMatching(/^DISCORD_API_URL: must be an http\(s\) address/)]);
    expect(problems({ ...base, DISCORD_API_URL: "https://discord.com/api/v10" })).toEqual([expect.stringMatching(/^DISCORD_API_URL: must not end with the API version/)]);
    expect(readDiscordShards({})).toBe("auto");
    expect(readDiscordShards({ DISCORD_SHARDS: " Auto " })).toBe("auto");
    expect(readDiscordShards({ DISCORD_SHARDS: "4" })).toBe(4);
    for (const bad of ["0", "-7", "2.5", "lots", "12345"]) {
      expect(shardProblems({ DISCORD_SHARDS: bad })).toEqual([expect.stringMatching(/^DISCORD_SHARDS: must be a number of shards/)]);
      expect(shardProblems({ DISCORD_SHARDS: bad }).join()).not.toContain(bad);
    }
  });

  test("several shards need REDIS_URL; one shard does not", () => {
    expect(() => requireSharedStore(1, undefined, false)).not.toThrow();
    expect(() => requireSharedStore(2, "redis://127.0.0.1:6379", false)).not.toThrow();
    expect(() => requireSharedStore(2, undefined, false)).toThrow(/REDIS_URL: is missing: DISCORD_SHARDS asks for more than one shard/);
    expect(() => requireSharedStore(3, undefined, true)).toThrow(/Discord recommends more than one shard \(DISCORD_SHARDS is auto\)/);
  });
});

describe("language from the Discord locale", () => {
  test("French locales give French, everything else English", () => {
    expect(["fr", "fr-CA", "FR-fr"].map(langFromLocale)).toEqual(["fr", "fr", "fr"]);
    expect(["en-US", "en-GB"].map(langFromLocale)).toEqual(["en", "en"]);
    expect(["de", "fro", "", null, undefined].map(langFromLocale)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
