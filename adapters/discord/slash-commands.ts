/**
 * The slash commands the coach registers, as the JSON Discord's API takes: `/plan [action]` and
 * `/ask question:<text>`, with their French names and descriptions from dialogs/discord.yaml.
 */
import {
  ApplicationCommandOptionType, ApplicationCommandType, ApplicationIntegrationType, InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { DiscordDialogs } from "./discord-dialogs.ts";

/** The values of /plan's `action` option; no action continues the interview. */
export const PLAN_ACTIONS = ["show", "reset", "forget"] as const;
/** A command's or option's name and description in English, with the French localisations. */
function named(x: { name: { fr: string; en: string }; description: { fr: string; en: string } }) {
  return {
    name: x.name.en,
    name_localizations: { fr: x.name.fr },
    description: x.description.en,
    description_localizations: { fr: x.description.fr },
  };
}

/** One of /plan's actions. */
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Discord's limit on a string option's length. */
const MAX_OPTION_LENGTH = 6000;

/**
 * Both commands, usable in servers and in direct messages with the bot.
 * @param maxQuestionLength the longest /ask question the coach reads (content's maxMessageLength)
 */
export function slashCommands(d: DiscordDialogs, maxQuestionLength: number): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const { plan, ask } = d.commands;
  const everywhere = () => ({
    type: ApplicationCommandType.ChatInput as const,
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  });
  return [
    {
      ...everywhere(),
      ...named(plan),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          ...named(plan.action),
          required: false,
          choices: PLAN_ACTIONS.map((value) => ({
            name: plan.action.choices[value].en,
            name_localizations: { fr: plan.action.choices[value].fr },
            value,
          })),
        },
      ],
    },
    {
      ...everywhere(),
      ...named(ask),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          ...named(ask.question),
          required: true,
          min_length: 1,
          max_length: Math.min(maxQuestionLength, MAX_OPTION_LENGTH),
        },
      ],
    },
  ];
}

/** The action of a /plan, from the option's value (null: continue the interview). */
export function planAction(value: string | null): PlanAction | null {
  return PLAN_ACTIONS.find((a) => a === value) ?? null;
}
