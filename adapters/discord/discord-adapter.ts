/**
 * The Discord adapter: slash commands, buttons, select menus and modals in; coordinator inputs;
 * replies out as messages with components. It keeps Discord's rules: a first response within 3 s
 * (it answers or defers before any work), ephemeral replies in servers, nothing that can ping
 * anyone, and an expired interaction (10062 Unknown interaction) logged, never fatal.
 */
import { once } from "node:events";
import {
  AttachmentBuilder, Client, Events, GatewayIntentBits, MessageFlags, RESTJSONErrorCodes, userMention,
  type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from "discord.js";
import type { Adapter, ReminderDelivery } from "../../src/adapter.ts";
import { discordReminders } from "./discord-reminders.ts";
import type { TurnOutcome } from "../../src/coordinator.ts";
import { typedField } from "../../src/content/typed-field.ts";
import type { Input } from "../../src/vocabulary/inputs.ts";
import { sessionKey } from "../../src/store/session-store.ts";
import { langFromLocale } from "../shared/lang-from-locale.ts";
import { MemorySeenDeliveries, type SeenDeliveries } from "../shared/seen-deliveries.ts";
import { failureText } from "../shared/turn-failures.ts";
import { splitText } from "../shared/split-text.ts";
import { tablesAsLines } from "../shared/markdown-tables.ts";
import { decodeAction } from "../shared/action-codec.ts";
import { decodeComponentId, type ComponentId } from "./component-id.ts";
import { ANSWER_INPUT, LIMITS, notice, renderReplies, typedAnswerModal, type DiscordMessage } from "./render-replies.ts";
import { planAction } from "./slash-commands.ts";
import { isAlreadyAcknowledged, isExpiredInteraction } from "./interaction-errors.ts";

/** Discord always sends a locale: French ones give French, every other one English. */
const discordLang = (locale: string | null | undefined) => langFromLocale(locale) ?? "en";

export type { DiscordAdapterOptions } from "./discord-adapter-options.ts";
import type { DiscordAdapterOptions } from "./discord-adapter-options.ts";

/** How long a plan message's Share button stays used: a second press meanwhile does not post again. */
const SHARED_FOR_SECONDS = 7 * 24 * 60 * 60;

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;
type Repliable = ChatInputCommandInteraction | ComponentInteraction | ModalSubmitInteraction;

/**
 * One bot connection. `start()` logs in with the `Guilds` intent only (no privileged intent);
 * `stop()` lets the interactions in progress finish, then disconnects.
 */
export class DiscordAdapter implements Adapter {
  readonly name = "discord";
  readonly client: Client;
  private readonly o: DiscordAdapterOptions;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly seen: SeenDeliveries;
  /** interactions acknowledged with deferUpdate: their "@original" is the message the button is on */
  private readonly deferredUpdates = new WeakSet<Repliable>();

  constructor(options: DiscordAdapterOptions) {
    this.o = options;
    this.seen = options.seen ?? new MemorySeenDeliveries();
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      // nothing the bot sends can ping: not @everyone typed into a modal, not a role, not a user
      allowedMentions: { parse: [] },
      ...(options.api ? { rest: { api: options.api } } : {}),
    });
    this.client.on(Events.InteractionCreate, (interaction) => {
      const work = this.onInteraction(interaction).catch((err: unknown) => this.o.log.error("discord interaction handler failed", { error: err }));
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    });
    this.client.on(Events.Error, (err) => this.o.log.error("discord client error", { error: err }));
    this.client.on(Events.Warn, (message) => this.o.log.warn("discord client warning", { detail: message }));
  }

  async start(): Promise<void> {
    const ready = once(this.client, Events.ClientReady);
    await this.client.login(this.o.settings.token);
    await ready;
    this.o.log.info("discord connected", { bot: this.client.user?.tag ?? null, application: this.o.settings.appId });
  }

  /** Writing first (the pilot review): a DM that says the review is due and /plan starts it (discord-reminders.ts). */
  reminders(): ReminderDelivery {
    return discordReminders({ client: this.client, coordinator: this.o.coordinator, dialogs: this.o.dialogs });
  }

  async stop(): Promise<void> {
    await this.idle();
    await this.client.destroy();
  }

  /** Resolves once every interaction received so far has been answered (or has failed). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  // ------------------------------------------------------------------ routing

  private async onInteraction(interaction: Interaction): Promise<void> {
    if (!(interaction.isChatInputCommand() || interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit())) return;
    try {
      if (interaction.isChatInputCommand()) await this.onCommand(interaction);
      else if (interaction.isModalSubmit()) await this.onModal(interaction);
      else await this.onComponent(interaction);
    } catch (err) {
      await this.failed(interaction, err);
    }
  }

  private async onCommand(i: ChatInputCommandInteraction): Promise<void> {
    const { plan, ask } = this.o.dialogs.commands;
    const lang = discordLang(i.locale);
    if (i.commandName === plan.name.en) {
      await i.deferReply(this.flags(i));
      const action = planAction(i.options.getString(plan.action.name.en));
      const command = action === "show" ? "plan" : action === "reset" ? "restart" : action === "forget" ? "forget" : null;
      const input: Input = command ? { kind: "action", action: { kind: "command", command } } : { kind: "open" };
      const outcome = await this.o.coordinator.handle(this.key(i), { ...input, locale: lang });
      await this.deliver(i, this.render(i, outcome));
    } else if (i.commandName === ask.name.en) {
      await i.deferReply(this.flags(i));
      const text = i.options.getString(ask.question.name.en, true);
      const outcome = await this.o.coordinator.handle(this.key(i), { kind: "ask", text, locale: lang });
      // a question that asks for a plan opens the interview, right here
      const opened = outcome.effects.some((e) => e.kind === "open-interview") ? await this.o.coordinator.handle(this.key(i), { kind: "open", locale: lang }) : outcome;
      await this.deliver(i, this.render(i, opened));
    } else {
      // a command registered by an older version of the coach
      await i.reply({ content: notice(this.o.dialogs.text.unknownCommand, lang), flags: MessageFlags.Ephemeral });
    }
  }

  private async onComponent(i: ComponentInteraction): Promise<void> {
    const id = await this.ownedId(i);
    if (!id) return;
    switch (id.kind) {
      case "choice":
      case "select": {
        const action = id.kind === "choice" ? id.action : i.isStringSelectMenu() && i.values[0] ? decodeAction(i.values[0]) : null;
        if (!action) return this.refuse(i, this.o.dialogs.text.unknownButton);
        // the answered message loses its buttons at once (this is also the first response)
        await i.update({ components: [] });
        const outcome = await this.o.coordinator.handle(this.key(i), { kind: "action", action, locale: discordLang(i.locale) });
        return this.deliver(i, this.render(i, outcome));
      }
      case "typed": {
        const step = this.o.content.steps.find((s) => s.id === id.step);
        const field = step ? typedField(step, id.lang) : null;
        if (!field) return this.refuse(i, this.o.dialogs.text.unknownButton);
        return i.showModal(
          typedAnswerModal({ owner: id.owner, step: id.step, lang: id.lang, field, dialogs: this.o.dialogs, maxLength: this.o.content.messages.limits.maxMessageLength }),
        );
      }
      case "share":
        return this.share(i);
      case "modal":
        return this.refuse(i, this.o.dialogs.text.unknownButton);
    }
  }

  private async onModal(i: ModalSubmitInteraction): Promise<void> {
    const id = await this.ownedId(i);
    if (!id) return;
    if (id.kind !== "modal") return this.refuse(i, this.o.dialogs.text.unknownButton);
    const text = i.fields.getTextInputValue(ANSWER_INPUT);
    if (i.isFromMessage()) await i.update({ components: [] });
    else await i.deferReply(this.flags(i));
    // tagged with its question: an answer typed into the modal of an earlier question is stale
    const outcome = await this.o.coordinator.handle(this.key(i), { kind: "text", text, step: id.step, locale: discordLang(i.locale) });
    await this.deliver(i, this.render(i, outcome));
  }

  /**
   * Posts the owner's finished plan in the channel, for everyone; the owner gets a private note.
   *
   * First response: deferUpdate, before the plan is read (the 3 s rule holds however slow the store
   * is). Not deferReply: per Discord's "Create Followup Message", a follow-up right after an ephemeral
   * deferred reply edits that reply and keeps it private. After a deferUpdate each follow-up is a new
   * message with its own flags: the plan's pieces go out public (its table as lines, as in the
   * private plan; the file on the last), then the private note. Follow-ups need no channel cache and
   * no Send Messages permission.
   */
  private async share(i: ComponentInteraction): Promise<void> {
    await i.deferUpdate();
    this.deferredUpdates.add(i);
    const outcome = await this.o.coordinator.handle(this.key(i), { kind: "export" });
    const plan = outcome.replies.find((r) => r.kind === "plan");
    const lang = plan?.plan.lang ?? discordLang(i.locale);
    if (!outcome.done || !plan) {
      await i.followUp({ content: notice(this.o.dialogs.text.nothingToShare, lang), flags: MessageFlags.Ephemeral });
      return;
    }
    // one public copy per plan message: a second press (or a double click) is told, not posted again
    if (!(await this.seen.claim(`discord-share:${i.message.id}`, SHARED_FOR_SECONDS))) {
      await i.followUp({ content: notice(this.o.dialogs.text.alreadyShared, lang), flags: MessageFlags.Ephemeral });
      return;
    }
    const header = notice(this.o.dialogs.text.sharedHeader, lang, { user: userMention(i.user.id) });
    const pieces = splitText(`${header}\n\n${tablesAsLines(plan.text)}`, LIMITS.content);
    for (const [n, content] of pieces.entries()) {
      const files = n === pieces.length - 1 ? [planFile(this.o.dialogs.planFile[lang], plan.text)] : [];
      await i.followUp({ content, files });
    }
    await i.followUp({ content: notice(this.o.dialogs.text.shared, lang), flags: MessageFlags.Ephemeral });
  }

  // ------------------------------------------------------------------ helpers

  /** The decoded custom_id when the presser owns it; otherwise they are told why nothing happens. */
  private async ownedId(i: ComponentInteraction | ModalSubmitInteraction): Promise<ComponentId | null> {
    const id = decodeComponentId(i.customId);
    if (!id) {
      await this.refuse(i, this.o.dialogs.text.unknownButton);
      return null;
    }
    if (id.owner !== i.user.id) {
      this.o.log.info("discord: a button of another user's conversation was pressed; refused");
      await this.refuse(i, this.o.dialogs.text.notYours);
      return null;
    }
    return id;
  }

  /** A private one-line answer that changes nothing (another user's button, an unknown one). */
  private async refuse(i: Repliable, text: { fr: string; en: string }): Promise<void> {
    await i.reply({ content: notice(text, discordLang(i.locale)), flags: MessageFlags.Ephemeral });
  }

  private render(i: Repliable, outcome: TurnOutcome): DiscordMessage[] {
    return renderReplies(outcome.replies, { owner: i.user.id, lang: outcome.lang, content: this.o.content, dialogs: this.o.dialogs, shareable: outcome.done && i.inGuild() });
  }

  /**
   * Sends the messages of one turn: the first replaces the deferred "thinking…" reply when there
   * is one, the others are follow-ups (ephemeral in a server, like the first).
   */
  private async deliver(i: Repliable, messages: DiscordMessage[]): Promise<void> {
    const deferred = i.deferred && !i.replied;
    if (messages.length === 0) {
      if (deferred) await i.deleteReply();
      return;
    }
    for (const [n, m] of messages.entries()) {
      const payload = { content: m.content, components: m.components, files: m.files.map((f) => planFile(f.name, f.text)) };
      if (n === 0 && deferred) await i.editReply(payload);
      else await i.followUp({ ...payload, ...this.flags(i) });
    }
  }

  private flags(i: Repliable): { flags?: MessageFlags.Ephemeral } {
    return i.inGuild() ? { flags: MessageFlags.Ephemeral } : {};
  }

  private key(i: Repliable): string {
    return sessionKey("discord", i.guildId ?? "dm", i.user.id);
  }

  /**
   * An expired interaction, or one another instance answered first, is logged and dropped: the
   * first response always comes before the coordinator runs, so nothing was applied. Anything else
   * is logged and the user told.
   */
  private async failed(i: Repliable, err: unknown): Promise<void> {
    if (isExpiredInteraction(err)) {
      this.o.log.warn("discord interaction expired before the coach answered (10062 Unknown interaction); nothing was applied", {
        interaction: i.id,
        code: RESTJSONErrorCodes.UnknownInteraction,
      });
      return;
    }
    if (isAlreadyAcknowledged(err) && !i.deferred && !i.replied) {
      this.o.log.warn("discord interaction already answered elsewhere (40060), e.g. by another instance; nothing was applied", {
        interaction: i.id,
        code: RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
      });
      return;
    }
    this.o.log.error("discord interaction failed", { interaction: i.id, error: err });
    try {
      const content = failureText(err, discordLang(i.locale)) ?? notice(this.o.dialogs.text.failed, discordLang(i.locale));
      // after a deferUpdate, editReply would overwrite the message the button is on: a follow-up instead
      if (i.deferred && !i.replied && !this.deferredUpdates.has(i)) await i.editReply({ content, components: [], files: [] });
      else if (i.deferred || i.replied) await i.followUp({ content, flags: MessageFlags.Ephemeral });
      else await i.reply({ content, flags: MessageFlags.Ephemeral });
    } catch (second) {
      this.o.log.warn("discord: could not tell the user about the failure", { interaction: i.id, error: second });
    }
  }
}

function planFile(name: string, markdown: string): AttachmentBuilder {
  return new AttachmentBuilder(Buffer.from(markdown, "utf8"), { name });
}
