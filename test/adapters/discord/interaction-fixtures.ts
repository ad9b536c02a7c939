/**
 * Builders of INTERACTION_CREATE payloads as Discord sends them: a slash command, a button press,
 * a select-menu choice and a modal submit, in a server or in a DM, in the user's locale.
 */
import {
  ApplicationCommandOptionType, ApplicationCommandType, ChannelType, ComponentType, InteractionContextType,
  InteractionType, Locale,
  type APIApplicationCommandInteractionDataBasicOption, type APIChatInputApplicationCommandInteraction, type APIMessage,
  type APIMessageComponentButtonInteraction, type APIMessageComponentSelectMenuInteraction, type APIModalSubmitInteraction,
  type APIUser,
} from "discord.js";
import { APP_ID, fakeToken } from "./fake-discord.ts";

export const GUILD_ID = "700000000000000001";
export const GUILD_CHANNEL_ID = "700000000000000002";
export const DM_CHANNEL_ID = "700000000000000003";

/** A Discord user. */
export function discordUser(id: string, username: string): APIUser {
  return { id, username, discriminator: "0", global_name: username, avatar: null };
}

/** Who acts, where, and in which client language. */
export interface Where {
  user: APIUser;
  /** null: a DM with the bot */
  guildId: string | null;
  locale: Locale;
}

let counter = 0n;
/** Snowflake-shaped ids, increasing (discord.js reads the creation time from them). */
function nextId(): string {
  const ms = BigInt(Date.now()) - 1420070400000n;
  return String((ms << 22n) + (counter++ % 4096n));
}

function base(w: Where) {
  const common = {
    id: nextId(),
    application_id: APP_ID,
    token: fakeToken(),
    version: 1 as const,
    locale: w.locale,
    app_permissions: "0",
    entitlements: [],
    attachment_size_limit: 8 * 1024 * 1024,
  };
  if (w.guildId) {
    return {
      ...common,
      guild_id: w.guildId,
      guild_locale: Locale.EnglishUS,
      guild: { id: w.guildId, locale: Locale.EnglishUS, features: [] },
      channel_id: GUILD_CHANNEL_ID,
      channel: { id: GUILD_CHANNEL_ID, type: ChannelType.GuildText as const, name: "general", guild_id: w.guildId },
      context: InteractionContextType.Guild,
      authorizing_integration_owners: { "0": w.guildId },
      member: {
        user: w.user,
        roles: [],
        joined_at: "2024-01-01T00:00:00.000Z",
        permissions: "0",
        deaf: false,
        mute: false,
        flags: 0,
      },
    };
  }
  return {
    ...common,
    channel_id: DM_CHANNEL_ID,
    channel: { id: DM_CHANNEL_ID, type: ChannelType.DM as const, recipients: [w.user] },
    context: InteractionContextType.BotDM,
    authorizing_integration_owners: { "0": "0" },
    user: w.user,
  };
}

/** `/name option:value ...` */
export function slashCommand(w: Where & { name: string; options?: Record<string, string> }): APIChatInputApplicationCommandInteraction {
  const options: APIApplicationCommandInteractionDataBasicOption[] = Object.entries(w.options ?? {}).map(([name, value]) => ({
    type: ApplicationCommandOptionType.String,
    name,
    value,
  }));
  return {
    ...base(w),
    type: InteractionType.ApplicationCommand,
    data: { id: "800000000000000001", name: w.name, type: ApplicationCommandType.ChatInput, ...(options.length ? { options } : {}) },
  } as APIChatInputApplicationCommandInteraction; // the guild and DM shapes of `base` form the union Discord documents
}

/** A press of the button `customId` on `message`. */
export function buttonPress(w: Where & { customId: string; message: APIMessage }): APIMessageComponentButtonInteraction {
  return {
    ...base(w),
    type: InteractionType.MessageComponent,
    message: w.message,
    data: { custom_id: w.customId, component_type: ComponentType.Button },
  } as APIMessageComponentButtonInteraction; // as above
}

/** A choice in the select menu `customId` on `message`. */
export function selectMenu(w: Where & { customId: string; values: string[]; message: APIMessage }): APIMessageComponentSelectMenuInteraction {
  return {
    ...base(w),
    type: InteractionType.MessageComponent,
    message: w.message,
    data: { custom_id: w.customId, component_type: ComponentType.StringSelect, values: w.values },
  } as APIMessageComponentSelectMenuInteraction; // as above
}

/** The submit of the modal `customId`, opened from a button of `message`, with its text inputs' values. */
export function modalSubmit(w: Where & { customId: string; fields: Record<string, string>; message?: APIMessage }): APIModalSubmitInteraction {
  let n = 0;
  return {
    ...base(w),
    type: InteractionType.ModalSubmit,
    ...(w.message ? { message: w.message } : {}),
    data: {
      custom_id: w.customId,
      components: Object.entries(w.fields).map(([customId, value]) => ({
        type: ComponentType.Label,
        id: ++n,
        component: { type: ComponentType.TextInput, id: ++n, custom_id: customId, value },
      })),
    },
  } as APIModalSubmitInteraction; // as above
}
