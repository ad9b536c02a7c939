/**
 * `npm run discord:register`: the commands' JSON as Discord receives it, with French names and
 * descriptions, on the guild when DISCORD_GUILD_ID is set and globally otherwise.
 */
import { ApplicationCommandOptionType, InteractionContextType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDiscordDialogs, type DiscordDialogs } from "../../../adapters/discord/discord-dialogs.ts";
import { registerCommands } from "../../../adapters/discord/register-commands.ts";
import { APP_ID, FAKE_TOKEN, FakeDiscord } from "./fake-discord.ts";
import { GUILD_ID } from "./interaction-fixtures.ts";

let fake: FakeDiscord;
let dialogs: DiscordDialogs;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  dialogs = loadDiscordDialogs();
});
afterAll(async () => {
  await fake?.close();
});

describe("command registration", () => {
  test("on the test server: PUT /applications/{app}/guilds/{guild}/commands with /plan and /ask, localised in French", async () => {
    const result = await registerCommands({ settings: { token: FAKE_TOKEN, appId: APP_ID, guildId: GUILD_ID }, dialogs, maxQuestionLength: 2000, api: fake.apiUrl });
    expect(result).toEqual({ scope: "guild", names: ["plan", "ask"] });
    const call = fake.calls.at(-1)!;
    expect([call.method, call.path, call.status]).toEqual(["PUT", `/applications/${APP_ID}/guilds/${GUILD_ID}/commands`, 200]);
    const [plan, ask] = call.body as RESTPostAPIChatInputApplicationCommandsJSONBody[];

    expect(plan).toMatchObject({
      name: "plan",
      name_localizations: { fr: "plan" },
      description: "Start or resume your social-media plan (or show, reset, forget it)",
      description_localizations: { fr: "Commencer ou reprendre votre plan médias sociaux (ou le voir, recommencer, l'oublier)" },
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    });
    expect(plan!.options).toEqual([
      {
        type: ApplicationCommandOptionType.String,
        name: "action",
        name_localizations: { fr: "action" },
        description: "Leave empty to continue the interview",
        description_localizations: { fr: "Laissez vide pour continuer l'entrevue" },
        required: false,
        choices: [
          { name: "show: see my plan with its Markdown file", name_localizations: { fr: "voir : mon plan avec son fichier Markdown" }, value: "show" },
          { name: "reset: start again from scratch", name_localizations: { fr: "recommencer : repartir à zéro" }, value: "reset" },
          { name: "forget: delete everything about me", name_localizations: { fr: "oublier : effacer tout ce qui me concerne" }, value: "forget" },
        ],
      },
    ]);

    expect(ask).toMatchObject({
      name: "ask",
      name_localizations: { fr: "demander" },
      description_localizations: { fr: "Posez un doute au coach : le coût, le temps, la sécurité, « c'est une mode »..." },
    });
    expect(ask!.options).toEqual([
      expect.objectContaining({ type: ApplicationCommandOptionType.String, name: "question", name_localizations: { fr: "question" }, required: true, max_length: 2000 }),
    ]);
    // Discord's limits on what it will accept
    for (const c of [plan!, ask!]) {
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.description_localizations?.fr?.length).toBeLessThanOrEqual(100);
    }
  });

  test("without DISCORD_GUILD_ID: the global route", async () => {
    const result = await registerCommands({ settings: { token: FAKE_TOKEN, appId: APP_ID, guildId: undefined }, dialogs, maxQuestionLength: 2000, api: fake.apiUrl });
    expect(result.scope).toBe("global");
    expect(fake.calls.at(-1)!.path).toBe(`/applications/${APP_ID}/commands`);
  });
});
