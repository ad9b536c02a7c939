/**
 * The real Discord adapter (a real discord.js Client) logged in to the local fake Discord, with
 * the real coordinator on a memory store, and simulated users who type slash commands, press the
 * buttons they see, pick from menus and fill in modals.
 */
import { ComponentType, type APIInteraction, type APIModalInteractionResponseCallbackData, type Locale } from "discord.js";
import { DiscordAdapter } from "../../../adapters/discord/discord-adapter.ts";
import { loadDiscordDialogs, type DiscordDialogs } from "../../../adapters/discord/discord-dialogs.ts";
import type { Content } from "../../../src/content/compile.ts";
import { loadContent } from "../../../src/content/load.ts";
import { Coordinator } from "../../../src/coordinator.ts";
import type { Logger } from "../../../src/log.ts";
import { MemoryStore } from "../../../src/store/memory-store.ts";
import type { SessionStore } from "../../../src/store/session-store.ts";
import { APP_ID, FAKE_TOKEN, FakeDiscord, type RecordedCall, type SeenMessage, type SentFile } from "./fake-discord.ts";
import { readPdf, type ReadPdf } from "../../helpers/pdf-reader.ts";
import { buttonPress, modalSubmit, selectMenu, slashCommand, type Where } from "./interaction-fixtures.ts";

export interface LogEntry {
  level: "info" | "warn" | "error";
  message: string;
  fields: Record<string, unknown>;
}

export interface TestBed {
  fake: FakeDiscord;
  bot: DiscordAdapter;
  coordinator: Coordinator;
  content: Content;
  dialogs: DiscordDialogs;
  logs: LogEntry[];
  /** a user acting on Discord */
  user(where: Where): DiscordTestUser;
  close(): Promise<void>;
}

/**
 * Starts the fake, then the adapter, and waits until the bot is logged in (on `store`, a memory
 * store by default; the coordinator's clock `now` stands still on 2 March 2026 by default).
 */
export async function startTestBed(options: { store?: SessionStore; now?: () => Date } = {}): Promise<TestBed> {
  // Discord's 3-second rule is proved by the kind of first response (a deferral, before any work)
  // and by interactions sent late on purpose; a wall-clock deadline here would only fail the tests
  // of a busy machine
  const fake = await FakeDiscord.start({ responseDeadlineMs: 15_000 });
  const content = loadContent();
  const dialogs = loadDiscordDialogs();
  const logs: LogEntry[] = [];
  const entry = (level: LogEntry["level"]) => (message: string, fields: Record<string, unknown> = {}) => void logs.push({ level, message, fields });
  const log: Logger = { info: entry("info"), warn: entry("warn"), error: entry("error") };
  const coordinator = new Coordinator({ content, store: options.store ?? new MemoryStore(), log, now: options.now ?? (() => new Date("2026-03-02T09:00:00Z")) });
  const bot = new DiscordAdapter({ settings: { token: FAKE_TOKEN, appId: APP_ID, guildId: undefined }, coordinator, content, dialogs, log, api: fake.apiUrl });
  await bot.start();
  return {
    fake,
    bot,
    coordinator,
    content,
    dialogs,
    logs,
    user: (where) => new DiscordTestUser(fake, bot, where),
    close: async () => {
      await bot.stop();
      await fake.close();
    },
  };
}

/** What one interaction produced, as its user sees it. */
export interface Seen {
  interaction: APIInteraction;
  /** the messages it created, as they stand now */
  messages: SeenMessage[];
  /** their text, joined */
  text: string;
  modal: APIModalInteractionResponseCallbackData | null;
  calls: RecordedCall[];
}

/** A simulated Discord user: every action waits until the bot has fully answered it. */
export class DiscordTestUser {
  private readonly mine = new Set<string>();

  constructor(
    private readonly fake: FakeDiscord,
    private readonly bot: DiscordAdapter,
    readonly where: Where,
  ) {}

  get id(): string {
    return this.where.user.id;
  }

  /** The same user, with another client language. */
  withLocale(locale: Locale): DiscordTestUser {
    return new DiscordTestUser(this.fake, this.bot, { ...this.where, locale });
  }

  /** Sends an interaction and waits until the bot is done with it. */
  async send(interaction: APIInteraction, o: { late?: boolean } = {}): Promise<Seen> {
    this.mine.add(interaction.id);
    this.fake.dispatch(interaction, o);
    await this.fake.waitFor(() => this.fake.callsFor(interaction).length > 0, `the bot's response to interaction ${interaction.id}`);
    await this.bot.idle();
    const messages = this.fake.messagesOf(interaction);
    return {
      interaction,
      messages,
      text: messages.map((m) => m.content).join("\n\n"),
      modal: this.fake.modalFor(interaction),
      calls: this.fake.callsFor(interaction),
    };
  }

  /** `/name option:value` */
  slash(name: string, options?: Record<string, string>, o: { late?: boolean } = {}): Promise<Seen> {
    return this.send(slashCommand({ ...this.where, name, ...(options ? { options } : {}) }), o);
  }

  /** The messages this user has been shown, oldest first. */
  visible(): SeenMessage[] {
    return this.fake.messages.filter((m) => this.mine.has(m.interactionId));
  }

  /** Presses the button labelled `label` on the newest of this user's messages that shows one. */
  press(label: string): Promise<Seen> {
    return this.pressOn(this.newestWith((m) => buttons(m).some((b) => b.label === label), `a button "${label}"`), label);
  }

  /** Presses the button labelled `label` on a given message (an old one, or someone else's). */
  pressOn(message: SeenMessage, label: string): Promise<Seen> {
    const button = buttons(message).find((b) => b.label === label);
    if (!button) throw new Error(`no button "${label}" on message ${message.id}; it has: ${buttons(message).map((b) => b.label).join(", ")}`);
    return this.send(buttonPress({ ...this.where, customId: button.custom_id, message: this.fake.apiMessage(message) }));
  }

  /** Picks `label` in the newest select menu that offers it. */
  choose(label: string): Promise<Seen> {
    const message = this.newestWith((m) => selects(m).some((s) => s.options.some((o) => o.label === label)), `a menu with "${label}"`);
    return this.chooseOn(message, label);
  }

  /** Picks `label` in a select menu of a given message. */
  chooseOn(message: SeenMessage, label: string): Promise<Seen> {
    const select = selects(message).find((s) => s.options.some((o) => o.label === label));
    const option = select?.options.find((o) => o.label === label);
    if (!select || !option) throw new Error(`no menu option "${label}" on message ${message.id}`);
    return this.send(selectMenu({ ...this.where, customId: select.custom_id, values: [option.value], message: this.fake.apiMessage(message) }));
  }

  /**
   * Presses the typed-answer button `buttonLabel`, checks a modal opened, and submits `text` in it.
   * Returns the modal shown and what the submit produced.
   */
  async type(buttonLabel: string, text: string, on?: SeenMessage): Promise<{ modal: APIModalInteractionResponseCallbackData; seen: Seen }> {
    const message = on ?? this.newestWith((m) => buttons(m).some((b) => b.label === buttonLabel), `a button "${buttonLabel}"`);
    const opened = await this.pressOn(message, buttonLabel);
    if (!opened.modal) throw new Error(`pressing "${buttonLabel}" opened no modal; the bot said: ${opened.text}`);
    const modal = opened.modal;
    const input = inputs(modal)[0];
    if (!input) throw new Error("the modal has no text input");
    const seen = await this.send(
      modalSubmit({ ...this.where, customId: modal.custom_id, fields: { [input.custom_id]: text }, message: this.fake.apiMessage(message) }),
    );
    return { modal, seen };
  }

  private newestWith(test: (m: SeenMessage) => boolean, what: string): SeenMessage {
    const found = this.visible().filter(test).at(-1);
    if (!found) throw new Error(`the user sees no message with ${what}`);
    return found;
  }
}

/** The buttons of a message, as a user sees them. */
export function buttons(m: SeenMessage): { label: string; custom_id: string; style: number }[] {
  return m.components.flatMap((row) =>
    row.components.flatMap((c) => (c.type === ComponentType.Button && "custom_id" in c ? [{ label: c.label ?? "", custom_id: c.custom_id, style: c.style }] : [])),
  );
}

/** The select menus of a message. */
export function selects(m: SeenMessage): { custom_id: string; options: { label: string; value: string }[] }[] {
  return m.components.flatMap((row) =>
    row.components.flatMap((c) => (c.type === ComponentType.StringSelect ? [{ custom_id: c.custom_id, options: c.options }] : [])),
  );
}

/** The text inputs of a modal, with their label. */
export function inputs(modal: APIModalInteractionResponseCallbackData): { custom_id: string; label: string; placeholder: string }[] {
  return modal.components.flatMap((c) =>
    c.type === ComponentType.Label && c.component.type === ComponentType.TextInput
      ? [{ custom_id: c.component.custom_id, label: c.label, placeholder: c.component.placeholder ?? "" }]
      : [],
  );
}

/**
 * The plan's attachments as the user gets them: the Markdown file's name and text, then the PDF's
 * name and its text as a viewer reads it (written to `dir` for pdftotext).
 */
export function planAttachments(files: readonly SentFile[], dir: string): { names: string[]; markdown: string; pdf: ReadPdf } {
  const pdf = files.find((f) => f.name.endsWith(".pdf"));
  return {
    names: files.map((f) => f.name),
    markdown: files.find((f) => f.name.endsWith(".md"))?.text ?? "",
    pdf: readPdf(pdf?.bytes ?? Buffer.alloc(0), dir),
  };
}
