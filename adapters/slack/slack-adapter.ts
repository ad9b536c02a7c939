/**
 * The Slack adapter on @slack/bolt: Slack events in, coordinator inputs out, replies back as Block
 * Kit. It decides nothing the coach says (the engine does: whether a mention asks for a plan, what
 * follows the plan); its own few sentences come from dialogs/slack.yaml.
 *
 * - a mention in a channel is a question outside the interview (`ask`), answered in the thread;
 *   when it asks for a plan, the interview opens in a direct message (or in the thread with
 *   SLACK_PLAN_IN=thread);
 * - `/plan` opens or resumes the interview in a direct message;
 * - direct messages and button presses are turns of the interview.
 *
 * Slack's rules kept here: acknowledge first, work after; a delivery retried by Slack is answered
 * once; the bot's own and other bots' messages are ignored; text sent is escaped.
 */
import type { Server } from "node:http";
import {
  LogLevel,
  type App, type AllMiddlewareArgs, type BlockAction, type ButtonAction, type Context, type Logger as BoltLogger, type RespondFn, type SlackCommandMiddlewareArgs,
  type SlackEventMiddlewareArgs, type types,
} from "@slack/bolt";
import type { Adapter, ReminderDelivery } from "../../src/adapter.ts";
import { slackReminders } from "./slack-reminders.ts";
import type { Lang } from "../../src/content/schema.ts";
import type { TurnOutcome } from "../../src/coordinator.ts";
import { sessionKey } from "../../src/store/session-store.ts";
import { fill } from "../../src/text/template.ts";
import type { Input } from "../../src/vocabulary/inputs.ts";
import { MemorySeenDeliveries, type SeenDeliveries } from "../shared/seen-deliveries.ts";
import { deliverSaved, failureText } from "../shared/turn-failures.ts";
import { isStoreUnavailable } from "../../src/store/store-errors.ts";
import { wasNotSaved } from "../../src/turn-not-saved.ts";
import { acknowledgeReplay, deliveryIdOf } from "./delivery-id.ts";
import { contextLine, readPressedButton, TOPIC_BLOCK, TURN_BLOCK, withChoiceMade } from "./block-kit.ts";
import { boltLogger } from "./bolt-logger.ts";
import { loadSlackDialog, type SlackDialog } from "./slack-dialog-schema.ts";
import { SlackPoster, type Place } from "./slack-post.ts";
import { buildSlackApp, startSlackApp } from "./slack-app.ts";
import { escapeSlack, slackToPlain } from "./slack-text.ts";
import { UserLocales } from "./user-locale.ts";

/** Slack retries a delivery for about an hour; an event id is remembered that long. */
const RETRY_WINDOW_SECONDS = 60 * 60;

/** The slash command that starts, resumes or shows a plan (declared in manifest.yaml). */
export const PLAN_COMMAND = "/plan";

export type { SlackAdapterOptions } from "./slack-adapter-options.ts";
import type { SlackAdapterOptions } from "./slack-adapter-options.ts";

type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

/** Bolt's message payloads, narrowed to the fields the adapter reads. */
interface MessageLike {
  subtype?: string | undefined;
  user?: string | undefined;
  bot_id?: string | undefined;
  text?: string | undefined;
  channel: string;
  channel_type?: string | undefined;
  ts: string;
  thread_ts?: string | undefined;
}

/** The session's place (Coordinator TurnOptions) when the person talks with the coach in a DM. */
const DM_PLACE = "slack:dm";
/** The session's place when the interview runs in a channel thread. */
const threadPlace = (channel: string, threadTs: string) => `slack:thread:${channel}/${threadTs}`;
/** The workspace of a delivery, the same for every kind of payload so that a person keeps one session. */
const teamOf = (context: Context, fallback?: string) => context.teamId ?? context.enterpriseId ?? fallback ?? "unknown";

export class SlackAdapter implements Adapter {
  readonly name = "slack";
  private readonly app: App;
  private readonly o: SlackAdapterOptions;
  private readonly dialog: SlackDialog;
  private readonly seen: SeenDeliveries;
  private readonly locales: UserLocales;
  private readonly poster: SlackPoster;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly boltLog: BoltLogger;
  private server: Server | undefined;

  constructor(options: SlackAdapterOptions) {
    this.o = options;
    this.dialog = options.dialog ?? loadSlackDialog();
    this.seen = options.seen ?? new MemorySeenDeliveries();
    this.boltLog = boltLogger(options.log, options.boltLogLevel ?? LogLevel.WARN);
    this.app = buildSlackApp(options.settings, options.clientOptions ?? {}, this.boltLog);
    this.locales = new UserLocales(this.app.client, options.log);
    this.poster = new SlackPoster(this.app.client, this.dialog, this.o.content);
    this.wire();
  }

  /**
   * Checks the bot token with Slack (auth.test), then connects (Socket Mode) or listens (HTTP).
   * @throws Error naming the variable Slack refused (never its value), or saying Slack is unreachable
   */
  async start(): Promise<void> {
    this.server = await startSlackApp(this.app, this.o, this.boltLog);
  }

  /** Writing first (the pilot review): a DM at a decent hour in the person's time zone (slack-reminders.ts). */
  reminders(): ReminderDelivery {
    return slackReminders({ client: this.app.client, poster: this.poster, between: this.o.content.review.reminder.sendBetween });
  }

  /** Stops receiving, then waits for the work already acknowledged to finish. */
  async stop(): Promise<void> {
    await this.app.stop();
    await this.settled();
  }

  /** HTTP mode: the port actually listened on (useful with SLACK_PORT=0). */
  get port(): number | undefined {
    const address = this.server?.address();
    return typeof address === "object" && address !== null ? address.port : undefined;
  }

  /** Resolves once every delivery received so far has been handled (replies posted). */
  async settled(): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.pending.size === 0) return;
      await Promise.allSettled([...this.pending]);
    }
  }

  private wire(): void {
    // first of all: drop repeats, and keep track of the work so that stop() can wait for it
    // (tracked from the start: Bolt has already acknowledged an event when this runs); a replayed
    // /plan or button is acknowledged and not handled again
    this.app.use(async ({ body, context, next, ...rest }) => {
      const work = (async () => {
        if (await this.isFirstDelivery(body, context)) await next();
        else await acknowledgeReplay(rest);
      })();
      this.pending.add(work);
      try {
        await work;
      } finally {
        this.pending.delete(work);
      }
    });
    this.app.event("app_mention", (args) => this.onMention(args));
    this.app.event("message", (args) => this.onMessage(args));
    // every button the adapter renders is in a block whose id says whose it is (block-kit.ts)
    this.app.action<BlockAction<ButtonAction>>({ type: "block_actions", block_id: TURN_BLOCK }, async ({ ack, body, action, context, respond }) => {
      await ack();
      await this.onButton(body, action, context, respond, false);
    });
    this.app.action<BlockAction<ButtonAction>>({ type: "block_actions", block_id: TOPIC_BLOCK }, async ({ ack, body, action, context, respond }) => {
      await ack();
      await this.onButton(body, action, context, respond, true);
    });
    this.app.command(PLAN_COMMAND, (args) => this.onPlanCommand(args));
    this.app.error(async (error) => {
      this.o.log.error("slack: a handler failed", { error: error.message, code: error.code });
    });
  }

  /** False for a delivery already seen (the same event_id), and for a retry sent because our acknowledgement was late. */
  private async isFirstDelivery(body: unknown, context: Context): Promise<boolean> {
    const eventId = deliveryIdOf(body);
    if (eventId === undefined) return true;
    const first = await this.seen.claim(`slack:${eventId}`, RETRY_WINDOW_SECONDS);
    if (first && !((context.retryNum ?? 0) > 0 && context.retryReason === "http_timeout")) return true;
    this.o.log.info("slack: repeated delivery ignored", { eventId, retryNum: context.retryNum ?? 0, retryReason: context.retryReason ?? null });
    return false;
  }

  private async onMention({ event, context }: EventArgs<"app_mention">): Promise<void> {
    const m: MessageLike = event;
    if (!m.user || m.bot_id || m.subtype) return;
    const team = teamOf(context);
    const key = sessionKey("slack", team, m.user);
    // in an interview thread its owner's messages are turns, handled by onMessage
    if (await this.isInterviewThread(key, m.channel, m.thread_ts)) return;
    const origin: Place = { channel: m.channel, threadTs: m.thread_ts ?? m.ts };
    const lang = await this.locales.langOf(m.user);
    await this.guard(origin, lang, async () => {
      const text = slackToPlain(m.text ?? "", context.botUserId);
      const outcome = await this.o.coordinator.handle(key, { kind: "ask", text, locale: lang });
      if (outcome.effects.some((e) => e.kind === "open-interview")) return this.openInterview(key, m.user!, origin, outcome);
      const lost = outcome.events.some((e) => e.kind === "not-understood");
      await this.poster.deliver(outcome.replies, origin, { kind: "topic" }, outcome.lang, lost ? contextLine(escapeSlack(this.dialog.text.mentionHint[outcome.lang])) : undefined);
    });
  }

  /** A mention asked for a plan: the interview goes on in a DM (a word in the thread says so), or in the thread itself. */
  private async openInterview(key: string, user: string, origin: Place, opened: TurnOutcome): Promise<void> {
    const inThread = this.o.settings.planIn === "thread";
    const place = inThread ? origin : { channel: await this.poster.openDm(user) };
    // the opening turn is handled again with its place, so that later messages there count as answers
    const outcome = await this.o.coordinator.handle(key, { kind: "open", locale: opened.lang }, { place: inThread ? threadPlace(origin.channel, origin.threadTs!) : DM_PLACE });
    await this.poster.deliver(outcome.replies, place, { kind: "turn", owner: user }, outcome.lang);
    if (!inThread && origin.channel !== place.channel) await this.poster.say(escapeSlack(this.dialog.text.planInDm[outcome.lang]), origin);
  }

  private async onMessage({ event, context }: EventArgs<"message">): Promise<void> {
    const m: MessageLike = event;
    // edits, deletions, joins, files, bot_message...: not something a person said to the coach
    if (m.subtype !== undefined || m.bot_id || !m.user || m.user === context.botUserId) return;
    const key = sessionKey("slack", teamOf(context), m.user);
    // outside DMs, only the owner's replies in an interview thread (SLACK_PLAN_IN=thread) are turns
    if (m.channel_type !== "im" && !(await this.isInterviewThread(key, m.channel, m.thread_ts))) return;
    const text = slackToPlain(m.text ?? "", context.botUserId);
    if (text === "") return;
    const lang = await this.locales.langOf(m.user);
    await this.turn(key, { kind: "text", text, locale: lang }, { channel: m.channel, threadTs: m.thread_ts }, m.user, lang);
  }

  /** A button: a turn of its owner's interview, or (under an answer in a channel) a topic anyone may open. */
  private async onButton(body: BlockAction, action: ButtonAction, context: Context, respond: RespondFn, topic: boolean): Promise<void> {
    const pressed = readPressedButton(action.block_id, action.value);
    const channel = body.channel?.id ?? body.container.channel_id;
    if (!pressed || typeof channel !== "string") return;
    const user = body.user.id;
    const lang = await this.locales.langOf(user);
    const key = sessionKey("slack", teamOf(context, body.team?.id), user);
    const message = body.message;
    if (topic || pressed.kind === "topic") {
      const place = { channel, threadTs: message?.thread_ts ?? message?.ts };
      if (pressed.action.kind !== "topic") return;
      const rule = pressed.action.rule;
      return this.guard(place, lang, async () => {
        const outcome = await this.o.coordinator.handle(key, { kind: "ask", rule, locale: lang });
        await this.poster.deliver(outcome.replies, place, { kind: "topic" }, outcome.lang);
      });
    }
    const place: Place = { channel, threadTs: message?.thread_ts };
    if (pressed.owner !== user) {
      await respond({ response_type: "ephemeral", replace_original: false, text: escapeSlack(this.dialog.text.notYourButtons[lang ?? this.o.content.messages.defaultLang]) });
      return;
    }
    const marked = async (outcome: TurnOutcome) => {
      // a click that saved nothing (the store was away) keeps its buttons
      if (!message?.ts || wasNotSaved(outcome)) return;
      // the pressed message's buttons make way for the choice made (Bolt types its blocks loosely)
      const chosen = fill(this.dialog.text.chosen[outcome.lang], { choice: action.text?.text ?? "" }, outcome.lang);
      const blocks = Array.isArray(message["blocks"]) ? (message["blocks"] as types.KnownBlock[]) : [];
      await this.poster.update(channel, message.ts, typeof message["text"] === "string" ? message["text"] : "", withChoiceMade(blocks, chosen));
    };
    await this.turn(key, { kind: "action", action: pressed.action, locale: lang }, place, user, lang, marked);
  }

  private async onPlanCommand({ ack, command, respond, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    await ack();
    const user = command.user_id;
    const key = sessionKey("slack", teamOf(context, command.team_id), user);
    const lang = await this.locales.langOf(user);
    try {
      const dm = await this.poster.openDm(user);
      const outcome = await this.o.coordinator.handle(key, { kind: "open", locale: lang }, { place: DM_PLACE });
      await this.poster.deliver(outcome.replies, { channel: dm }, { kind: "turn", owner: user }, outcome.lang);
      if (command.channel_id !== dm) await respond({ response_type: "ephemeral", text: escapeSlack(this.dialog.text.planInDm[outcome.lang]) });
    } catch (err) {
      this.o.log.error("slack: could not answer /plan", { error: err instanceof Error ? err.message : String(err) });
      const said = lang ?? this.o.content.messages.defaultLang;
      await respond({ response_type: "ephemeral", text: escapeSlack(failureText(err, said) ?? this.dialog.text.failed[said]) }).catch(() => undefined);
    }
  }

  /** True when `threadTs` of `channel` is where the session holds its interview (SLACK_PLAN_IN=thread), read from the store. */
  private async isInterviewThread(key: string, channel: string, threadTs: string | undefined): Promise<boolean> {
    if (this.o.settings.planIn !== "thread" || threadTs === undefined) return false;
    // with the store away nobody's thread is known: a mention is then answered (and told), a thread reply left
    return (await this.o.coordinator.placeOf(key).catch((err: unknown) => (isStoreUnavailable(err) ? null : Promise.reject(err)))) === threadPlace(channel, threadTs);
  }

  private async turn(key: string, input: Input, place: Place, owner: string, lang: Lang | undefined, before?: (o: TurnOutcome) => Promise<void>): Promise<void> {
    await this.guard(place, lang, async () => {
      const outcome = await this.o.coordinator.handle(key, input);
      await before?.(outcome);
      await deliverSaved(outcome, (replies) => this.poster.deliver(replies, place, { kind: "turn", owner }, outcome.lang), { log: this.o.log });
    });
  }

  /** Runs `work`; on failure logs it and tells the person that something went wrong. */
  private async guard(place: Place, lang: Lang | undefined, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.o.log.error("slack: could not answer", { error: err instanceof Error ? err.message : String(err) });
      const said = lang ?? this.o.content.messages.defaultLang;
      await this.poster.say(escapeSlack(failureText(err, said) ?? this.dialog.text.failed[said]), place).catch(() => undefined);
    }
  }
}
