/**
 * The Slack adapter on @slack/bolt: Slack events in, coordinator inputs out, replies back as Block
 * Kit. It decides nothing the coach says; its own few sentences come from dialogs/slack.yaml.
 *
 * - a mention in a channel asks the rule base (`coordinator.ask`), answered in the thread;
 * - a mention that asks for a plan, or `/plan`, starts or resumes the interview in a direct message
 *   (or in the thread with SLACK_PLAN_IN=thread);
 * - direct messages and button clicks are turns of the interview (`coordinator.handle`).
 *
 * Slack's rules kept here: acknowledge first, work after; a delivery retried by Slack is answered
 * once; the bot's own and other bots' messages are ignored; text sent is escaped.
 */
import type { Server } from "node:http";
import {
  App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi,
  type Logger as BoltLogger,
  type AllMiddlewareArgs, type BlockAction, type ButtonAction, type Context, type RespondFn, type SlackCommandMiddlewareArgs,
  type SlackEventMiddlewareArgs, type types,
} from "@slack/bolt";
import type { Adapter } from "../../src/adapter.ts";
import type { Content } from "../../src/content/compile.ts";
import type { Lang } from "../../src/content/schema.ts";
import type { Coordinator } from "../../src/coordinator.ts";
import type { Input, Reply } from "../../src/engine/replies.ts";
import type { AskResult } from "../../src/rules/answer-objection.ts";
import type { Logger } from "../../src/log.ts";
import { sessionKey } from "../../src/store/session-store.ts";
import { fill } from "../../src/text/template.ts";
import { matchesPhrases, type PhraseList } from "../shared/phrase-match.ts";
import { MemorySeenDeliveries, type SeenDeliveries } from "../shared/seen-deliveries.ts";
import { deliverSaved, failureText } from "../shared/turn-failures.ts";
import { isStoreUnavailable } from "../../src/store/store-errors.ts";
import { wasNotSaved } from "../../src/turn-not-saved.ts";
import { acknowledgeReplay, deliveryIdOf } from "./delivery-id.ts";
import {
  contextLine, readPressedButton, renderReplies, TOPIC_BLOCK, TURN_BLOCK, withChoiceMade,
  type ButtonScope, type Outgoing, type SlackMessage,
} from "./block-kit.ts";
import { boltLogger } from "./bolt-logger.ts";
import { loadSlackDialog, planRequestPhrases, type SlackDialog } from "./slack-dialog-schema.ts";
import type { SlackSettings } from "./slack-settings.ts";
import { escapeSlack, slackToPlain } from "./slack-text.ts";
import { UserLocales } from "./user-locale.ts";

/** Slack retries a delivery for about an hour; an event id is remembered that long. */
const RETRY_WINDOW_SECONDS = 60 * 60;

/** The slash command that starts, resumes or shows a plan (declared in manifest.yaml). */
export const PLAN_COMMAND = "/plan";

export interface SlackAdapterOptions {
  settings: SlackSettings;
  coordinator: Coordinator;
  content: Content;
  log: Logger;
  /** dialogs/slack.yaml, already loaded; read from disk when absent */
  dialog?: SlackDialog;
  /** which deliveries were already handled: in memory by default; pass the session store to share it between processes */
  seen?: SeenDeliveries;
  /** Web API client options (tests point `slackApiUrl` at a local fake) */
  clientOptions?: webApi.WebClientOptions;
  /** HTTP mode: the interface to listen on; all interfaces when absent */
  host?: string;
  /** how much of Bolt's own logging to keep (WARN by default) */
  boltLogLevel?: LogLevel;
}

/** Where replies go: a channel (a DM is a channel too), and a thread in it when there is one. */
interface Place {
  channel: string;
  threadTs?: string | undefined;
}

type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & AllMiddlewareArgs;

/** Bolt's event payloads, narrowed to the fields the adapter reads. */
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

export class SlackAdapter implements Adapter {
  readonly name = "slack";
  private readonly app: App;
  private readonly coordinator: Coordinator;
  private readonly content: Content;
  private readonly log: Logger;
  private readonly settings: SlackSettings;
  private readonly dialog: SlackDialog;
  private readonly planPhrases: PhraseList;
  private readonly seen: SeenDeliveries;
  private readonly locales: UserLocales;
  private readonly pending = new Set<Promise<unknown>>();
  private readonly host: string | undefined;
  private readonly clientOptions: webApi.WebClientOptions;
  private readonly boltLog: BoltLogger;
  private server: Server | undefined;

  constructor(options: SlackAdapterOptions) {
    this.settings = options.settings;
    this.coordinator = options.coordinator;
    this.content = options.content;
    this.log = options.log;
    this.host = options.host;
    this.dialog = options.dialog ?? loadSlackDialog();
    this.planPhrases = planRequestPhrases(this.dialog);
    this.seen = options.seen ?? new MemorySeenDeliveries();
    const logger = boltLogger(options.log, options.boltLogLevel ?? LogLevel.WARN);
    this.boltLog = logger;
    const clientOptions = options.clientOptions ?? {};
    this.clientOptions = clientOptions;
    const s = this.settings;
    // copies: the Socket Mode client writes its own retry policy into the options it is given
    const receiver =
      s.mode === "socket"
        ? new SocketModeReceiver({ appToken: s.appToken, logger, installerOptions: { clientOptions: { ...clientOptions } } })
        : new HTTPReceiver({ signingSecret: s.signingSecret, port: s.port, logger });
    this.app = new App({ token: s.botToken, receiver, logger, clientOptions: { ...clientOptions }, deferInitialization: true });
    this.locales = new UserLocales(this.app.client, this.log);
    this.wire();
  }

  /**
   * Checks the bot token with Slack (auth.test), then connects (Socket Mode) or listens (HTTP).
   * @throws Error naming the variable Slack refused (never its value), or saying Slack is unreachable
   */
  async start(): Promise<void> {
    await this.startStep("SLACK_BOT_TOKEN", async () => {
      // a quick check first: the app's own client retries for minutes when Slack cannot be reached
      await new WebClient(this.settings.botToken, { ...this.clientOptions, logger: this.boltLog, retryConfig: { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500 } }).auth.test();
      await this.app.init();
    });
    if (this.settings.mode === "http") {
      const listen = this.host === undefined ? { port: this.settings.port } : { port: this.settings.port, host: this.host };
      this.server = await this.startStep("SLACK_PORT", () => this.app.start(listen));
      this.log.info("slack: listening for HTTP requests", { port: this.port });
    } else {
      await this.startStep("SLACK_APP_TOKEN", () => this.app.start());
      this.log.info("slack: connected in Socket Mode");
    }
  }

  /** Runs a start-up step; a failure becomes one clear, logged message about `variable`. */
  private async startStep<T>(variable: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (err) {
      const message = startFailure(variable, err);
      this.log.error(message);
      throw new Error(message, { cause: err });
    }
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

  // ------------------------------------------------------------------ wiring

  private wire(): void {
    const app = this.app;
    // first of all: drop repeats, and keep track of the work so that stop() can wait for it
    // (tracked from the start: Bolt has already acknowledged an event when this runs, so a delivery
    // must count as pending while its repeat check is still waiting on the store)
    app.use(async ({ body, context, next, ...rest }) => {
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
    app.event("app_mention", (args) => this.onMention(args));
    app.event("message", (args) => this.onMessage(args));
    // every button the adapter renders is in a block whose id says whose it is (block-kit.ts)
    app.action<BlockAction<ButtonAction>>({ type: "block_actions", block_id: TURN_BLOCK }, async ({ ack, body, action, context, respond }) => {
      await ack();
      await this.onTurnButton(body, action, context, respond);
    });
    app.action<BlockAction<ButtonAction>>({ type: "block_actions", block_id: TOPIC_BLOCK }, async ({ ack, body, action, context }) => {
      await ack();
      await this.onTopicButton(body, action, context);
    });
    app.command(PLAN_COMMAND, (args) => this.onPlanCommand(args));
    app.error(async (error) => {
      this.log.error("slack: a handler failed", { error: error.message, code: error.code });
    });
  }

  /**
   * False for a delivery already seen (the same event_id again), and for a retry Slack sent
   * because our first acknowledgement was late: that first delivery did arrive and is answered.
   */
  private async isFirstDelivery(body: unknown, context: Context): Promise<boolean> {
    const eventId = deliveryIdOf(body);
    if (eventId === undefined) return true;
    const first = await this.seen.claim(`slack:${eventId}`, RETRY_WINDOW_SECONDS);
    const lateRetry = (context.retryNum ?? 0) > 0 && context.retryReason === "http_timeout";
    if (!first || lateRetry) {
      this.log.info("slack: repeated delivery ignored", { eventId, retryNum: context.retryNum ?? 0, retryReason: context.retryReason ?? null });
      return false;
    }
    return true;
  }

  // ------------------------------------------------------------------ events

  private async onMention({ event, context, client }: EventArgs<"app_mention">): Promise<void> {
    const m: MessageLike = event;
    const user = m.user;
    if (!user || m.bot_id || m.subtype) return;
    const team = teamOf(context);
    const key = sessionKey("slack", team, user);
    // in an interview thread its owner's messages are turns, handled by onMessage
    if (await this.isInterviewThread(key, m.channel, m.thread_ts)) return;
    const place: Place = { channel: m.channel, threadTs: m.thread_ts ?? m.ts };
    const text = slackToPlain(m.text ?? "", context.botUserId);
    const lang = await this.locales.langOf(user);
    await this.guard(this.teller(client, place), lang, async () => {
      if (matchesPhrases(text, this.planPhrases)) {
        await this.startPlan(client, { team, user, key, lang }, place);
        return;
      }
      const result = await this.coordinator.ask(text, { key, lang });
      await this.postAnswer(client, place, result, result.objection === null ? this.dialog.text.mentionHint[result.lang] : undefined);
    });
  }

  private async onMessage({ event, context, client }: EventArgs<"message">): Promise<void> {
    const m: MessageLike = event;
    const user = m.user;
    // edits, deletions, joins, files, bot_message...: not something a person said to the coach
    if (m.subtype !== undefined || m.bot_id || !user || user === context.botUserId) return;
    const key = sessionKey("slack", teamOf(context), user);
    // outside DMs, only the owner's replies in an interview thread (SLACK_PLAN_IN=thread) are turns
    if (m.channel_type !== "im" && !(await this.isInterviewThread(key, m.channel, m.thread_ts))) return;
    const text = slackToPlain(m.text ?? "", context.botUserId);
    if (text === "") return;
    const place: Place = { channel: m.channel, threadTs: m.thread_ts };
    const lang = await this.locales.langOf(user);
    await this.guard(this.teller(client, place), lang, () => this.turn(client, key, { type: "text", text, locale: lang }, place, user));
  }

  private async onTurnButton(body: BlockAction, action: ButtonAction, context: Context, respond: RespondFn): Promise<void> {
    const pressed = readPressedButton(action.block_id, action.value);
    const channel = body.channel?.id ?? body.container.channel_id;
    if (!pressed || pressed.kind !== "turn" || typeof channel !== "string") return;
    const user = body.user.id;
    const lang = await this.locales.langOf(user);
    if (pressed.owner !== user) {
      await respond({ response_type: "ephemeral", replace_original: false, text: escapeSlack(this.dialog.text.notYourButtons[lang ?? this.content.messages.defaultLang]) });
      return;
    }
    const message = body.message;
    const place: Place = { channel, threadTs: message?.thread_ts };
    const key = sessionKey("slack", teamOf(context, body.team?.id), user);
    const client = this.app.client;
    await this.guard(this.teller(client, place), lang, async () => {
      const outcome = await this.coordinator.handle(key, { type: "choice", id: pressed.choice, locale: lang });
      if (message?.ts) {
        const chosen = fill(this.dialog.text.chosen[outcome.lang], { choice: action.text?.text ?? "" }, outcome.lang);
        // the blocks come back from Slack as we posted them (block-kit.ts); Bolt types them loosely
        const blocks = Array.isArray(message["blocks"]) ? (message["blocks"] as types.KnownBlock[]) : [];
        if (!wasNotSaved(outcome)) await client.chat.update({ channel, ts: message.ts, text: typeof message["text"] === "string" ? message["text"] : "", blocks: withChoiceMade(blocks, chosen) });
      }
      await deliverSaved(outcome, (replies) => this.deliver(client, replies, place, { kind: "turn", owner: user }, outcome.lang), { log: this.log });
    });
  }

  private async onTopicButton(body: BlockAction, action: ButtonAction, context: Context): Promise<void> {
    const pressed = readPressedButton(action.block_id, action.value);
    const channel = body.channel?.id ?? body.container.channel_id;
    if (!pressed || pressed.kind !== "topic" || typeof channel !== "string") return;
    const user = body.user.id;
    const lang = await this.locales.langOf(user);
    const place: Place = { channel, threadTs: body.message?.thread_ts ?? body.message?.ts };
    const key = sessionKey("slack", teamOf(context, body.team?.id), user);
    await this.guard(this.teller(this.app.client, place), lang, async () => {
      const ruleId = pressed.choice.startsWith("ask:") ? pressed.choice.slice("ask:".length) : pressed.choice;
      const result = await this.coordinator.answer(ruleId, { key, lang });
      if (result) await this.postAnswer(this.app.client, place, result);
    });
  }

  private async onPlanCommand({ ack, command, respond, context, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    await ack();
    const user = command.user_id;
    const team = teamOf(context, command.team_id);
    const lang = await this.locales.langOf(user);
    const privately = (text: string) => respond({ response_type: "ephemeral", text });
    await this.guard(privately, lang, async () => {
      const dm = await this.openDm(client, user);
      const used = await this.resume(client, { team, user, key: sessionKey("slack", team, user), lang }, { channel: dm }, DM_PLACE);
      if (command.channel_id !== dm) {
        await privately(escapeSlack(this.dialog.text.planInDm[used]));
      }
    });
  }

  // ------------------------------------------------------------------ plans and turns

  /** A plan asked for by a mention: in a DM (and a word in the thread), or right in the thread. */
  private async startPlan(client: webApi.WebClient, who: Who, origin: Place): Promise<void> {
    if (this.settings.planIn === "thread" && origin.threadTs !== undefined) {
      await this.resume(client, who, origin, threadPlace(origin.channel, origin.threadTs));
      return;
    }
    const dm = await this.openDm(client, who.user);
    const lang = await this.resume(client, who, { channel: dm }, DM_PLACE);
    if (origin.channel !== dm) await this.post(client, origin, { text: escapeSlack(this.dialog.text.planInDm[lang]), blocks: [] });
  }

  /**
   * Starts or resumes the interview at `place`; a finished plan is shown again with an offer to
   * start over. `where` (a DM, or a thread) is kept with the session: it says where the person's
   * plain messages are turns, on every instance and after a restart. Returns the conversation's language.
   */
  private async resume(client: webApi.WebClient, who: Who, place: Place, where: string): Promise<Lang> {
    const existing = await this.coordinator.plan(who.key);
    const scope: ButtonScope = { kind: "turn", owner: who.user };
    if (existing?.done) {
      const outcome = await this.coordinator.handle(who.key, { type: "command", command: "plan", locale: who.lang }, { place: where });
      const again: Reply = {
        kind: "text",
        text: this.dialog.text.planAgain[outcome.lang],
        choices: [{ id: "cmd:restart", label: this.content.messages.commandLabels.restart[outcome.lang] }],
      };
      await this.deliver(client, [...outcome.replies, again], place, scope, outcome.lang);
      return outcome.lang;
    }
    const outcome = await this.coordinator.handle(who.key, { type: "open", locale: who.lang }, { place: where });
    await this.deliver(client, outcome.replies, place, scope, outcome.lang);
    return outcome.lang;
  }

  /**
   * True when `threadTs` of `channel` is where the session `key` holds its interview
   * (SLACK_PLAN_IN=thread): read from the shared store, so any instance knows, even after a restart.
   */
  private async isInterviewThread(key: string, channel: string, threadTs: string | undefined): Promise<boolean> {
    if (this.settings.planIn !== "thread" || threadTs === undefined) return false;
    // with the store away nobody's thread is known: a mention is then answered (and told), a thread reply left
    return (await this.coordinator.placeOf(key).catch((err: unknown) => (isStoreUnavailable(err) ? null : Promise.reject(err)))) === threadPlace(channel, threadTs);
  }

  private async turn(client: webApi.WebClient, key: string, input: Input, place: Place, owner: string): Promise<void> {
    const outcome = await this.coordinator.handle(key, input);
    await deliverSaved(outcome, (replies) => this.deliver(client, replies, place, { kind: "turn", owner }, outcome.lang), { log: this.log });
  }

  // ------------------------------------------------------------------ posting

  /** Posts a turn's replies in order; a plan also goes up as a Markdown file. */
  private async deliver(client: webApi.WebClient, replies: readonly Reply[], place: Place, scope: ButtonScope, lang: Lang): Promise<void> {
    for (const out of renderReplies(replies, scope)) await this.send(client, out, place, lang);
  }

  private async send(client: webApi.WebClient, out: Outgoing, place: Place, lang: Lang): Promise<void> {
    if (out.kind === "message") {
      await this.post(client, place, out.message);
      return;
    }
    for (const message of out.messages) await this.post(client, place, message);
    const file = this.dialog.planFile;
    const upload = {
      filename: file.name[lang],
      title: out.title || file.name[lang],
      content: out.markdown,
      initial_comment: escapeSlack(file.comment[lang]),
    };
    await client.filesUploadV2(
      place.threadTs !== undefined ? { ...upload, channel_id: place.channel, thread_ts: place.threadTs } : { ...upload, channel_id: place.channel },
    );
  }

  /** An answer under a question in a channel: anyone there may press its topic buttons. */
  private async postAnswer(client: webApi.WebClient, place: Place, answer: AskResult, hint?: string): Promise<void> {
    const [first, ...rest] = renderReplies([{ kind: "text", text: answer.text, choices: answer.choices }], { kind: "topic" });
    if (first?.kind === "message" && hint !== undefined) first.message.blocks.push(contextLine(escapeSlack(hint)));
    for (const out of [first, ...rest]) if (out) await this.send(client, out, place, answer.lang);
  }

  private async post(client: webApi.WebClient, place: Place, message: SlackMessage): Promise<void> {
    await client.chat.postMessage({
      channel: place.channel,
      ...(place.threadTs !== undefined ? { thread_ts: place.threadTs } : {}),
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
      parse: "none",
      link_names: false,
      unfurl_links: false,
      unfurl_media: false,
    });
  }

  private async openDm(client: webApi.WebClient, user: string): Promise<string> {
    const res = await client.conversations.open({ users: user });
    const id = res.channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    return id;
  }

  /** Runs `work`; on failure logs it and tells the person (through `tell`) that something went wrong. */
  private async guard(tell: (text: string) => Promise<unknown>, lang: Lang | undefined, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.log.error("slack: could not answer", { error: err instanceof Error ? err.message : String(err) });
      const said = lang ?? this.content.messages.defaultLang;
      await tell(escapeSlack(failureText(err, said) ?? this.dialog.text.failed[said])).catch(() => undefined);
    }
  }

  /** Says a short, already escaped text at `place`. */
  private teller(client: webApi.WebClient, place: Place): (text: string) => Promise<unknown> {
    return (text) => this.post(client, place, { text, blocks: [] });
  }
}

const { WebClient, ErrorCode } = webApi;

/** What went wrong at start-up, in words a person setting up the app can act on. */
function startFailure(variable: string, err: unknown): string {
  const code = typeof err === "object" && err !== null && "code" in err ? err.code : undefined;
  if (code === ErrorCode.PlatformError && typeof err === "object" && err !== null && "data" in err) {
    const data = err.data;
    const reason = typeof data === "object" && data !== null && "error" in data ? String(data.error) : "refused";
    return `slack: Slack refused ${variable} (${reason}); check it against the app's settings page`;
  }
  if (code === ErrorCode.RequestError || code === ErrorCode.HTTPError) {
    return `slack: could not reach Slack (${err instanceof Error ? err.message : String(err)}); check the network`;
  }
  return `slack: could not start (${err instanceof Error ? err.message : String(err)}); check ${variable}`;
}

/** The session's place (Coordinator TurnOptions) when the person talks with the coach in a DM. */
const DM_PLACE = "slack:dm";

/** The session's place when the interview runs in a channel thread. */
function threadPlace(channel: string, threadTs: string): string {
  return `slack:thread:${channel}/${threadTs}`;
}

interface Who {
  team: string;
  user: string;
  key: string;
  lang: Lang | undefined;
}

/** The workspace of a delivery, the same for every kind of payload so that a person keeps one session. */
function teamOf(context: Context, fallback?: string): string {
  return context.teamId ?? context.enterpriseId ?? fallback ?? "unknown";
}
