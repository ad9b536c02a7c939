/**
 * Builders of what Slack sends: Events API envelopes, block_actions payloads and slash commands,
 * each as the body and content type of the HTTP request (and the object Socket Mode wraps).
 * Defaults describe one workspace (T1), one channel (C1) and a user (U1); tests override what
 * matters to them.
 */
import { createHmac } from "node:crypto";
import { BOT } from "./fake-slack-api.ts";

/** An HTTP request body as Slack would post it. */
export interface SlackRequest {
  body: string;
  contentType: string;
  /** the payload as an object (what Socket Mode puts in an envelope) */
  payload: Record<string, unknown>;
}

let counter = 0;
/** A fresh message timestamp, "1700000123.000200" style. */
export function nextTs(): string {
  counter += 1;
  return `${1_600_000_000 + counter}.${String(counter).padStart(6, "0")}`;
}

export interface EventOptions {
  text?: string;
  type?: "app_mention" | "message";
  user?: string;
  team?: string;
  channel?: string;
  channelType?: "channel" | "group" | "im";
  ts?: string;
  threadTs?: string;
  botId?: string;
  subtype?: string;
  eventId?: string;
}

/**
 * An Events API delivery. A mention's text starts with the bot's mention, as Slack sends it.
 * @example slackEvent({ text: "<@UBOT> is it a fad?" })
 */
export function slackEvent(o: EventOptions = {}): SlackRequest {
  const type = o.type ?? "app_mention";
  const channelType = o.channelType ?? (type === "message" ? "im" : "channel");
  const channel = o.channel ?? (channelType === "im" ? `D${o.user ?? "U1"}` : "C1");
  const ts = o.ts ?? nextTs();
  const event: Record<string, unknown> = {
    type,
    ...(o.subtype ? { subtype: o.subtype } : {}),
    ...(o.botId ? { bot_id: o.botId } : { user: o.user ?? "U1" }),
    ...(o.botId && o.user ? { user: o.user } : {}),
    text: o.text ?? "",
    ts,
    event_ts: ts,
    channel,
    ...(type === "message" ? { channel_type: channelType } : {}),
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    team: o.team ?? BOT.teamId,
  };
  const payload = {
    token: "legacy-verification-token",
    team_id: o.team ?? BOT.teamId,
    api_app_id: "A1",
    event,
    type: "event_callback",
    event_id: o.eventId ?? `Ev${String(++counter).padStart(8, "0")}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: o.team ?? BOT.teamId, user_id: BOT.userId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
  return { body: JSON.stringify(payload), contentType: "application/json", payload };
}

/** A button as it appears in a posted message: the block it is in, and its element. */
export interface PostedButton {
  blockId: string;
  actionId: string;
  value: string;
  label: string;
}

export interface BlockActionOptions {
  button: PostedButton;
  user?: string;
  team?: string;
  channel?: string;
  /** the message the button is in */
  message?: { ts: string; threadTs?: string | undefined; text?: string; blocks?: unknown[] };
  responseUrl?: string;
}

/**
 * A click on a button (interactivity payload), form-encoded as `payload=<json>`.
 * @example blockAction({ button, channel: "DU1", message: { ts } })
 */
export function blockAction(o: BlockActionOptions): SlackRequest {
  const user = o.user ?? "U1";
  const channel = o.channel ?? `D${user}`;
  const ts = o.message?.ts ?? nextTs();
  const payload = {
    type: "block_actions",
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: o.team ?? BOT.teamId },
    api_app_id: "A1",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: ts, channel_id: channel, is_ephemeral: false, ...(o.message?.threadTs ? { thread_ts: o.message.threadTs } : {}) },
    trigger_id: `trigger-${++counter}`,
    team: { id: o.team ?? BOT.teamId, domain: "fake" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: channel.startsWith("D") ? "directmessage" : "general" },
    message: {
      type: "message",
      user: BOT.userId,
      bot_id: BOT.botId,
      ts,
      text: o.message?.text ?? "",
      blocks: o.message?.blocks ?? [],
      ...(o.message?.threadTs ? { thread_ts: o.message.threadTs } : {}),
    },
    response_url: o.responseUrl ?? "https://hooks.slack.invalid/actions/T1/1/x",
    actions: [
      {
        type: "button",
        block_id: o.button.blockId,
        action_id: o.button.actionId,
        text: { type: "plain_text", text: o.button.label, emoji: true },
        value: o.button.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: "application/x-www-form-urlencoded", payload };
}

export interface SlashCommandOptions {
  command?: string;
  text?: string;
  user?: string;
  team?: string;
  channel?: string;
  responseUrl?: string;
}

/**
 * A slash command, form-encoded like Slack posts it.
 * @example slashCommand({ user: "U1", channel: "C1", responseUrl: api.responseUrl("plan-1") })
 */
export function slashCommand(o: SlashCommandOptions = {}): SlackRequest {
  const payload = {
    token: "legacy-verification-token",
    team_id: o.team ?? BOT.teamId,
    team_domain: "fake",
    channel_id: o.channel ?? "C1",
    channel_name: "general",
    user_id: o.user ?? "U1",
    user_name: (o.user ?? "U1").toLowerCase(),
    command: o.command ?? "/plan",
    text: o.text ?? "",
    api_app_id: "A1",
    is_enterprise_install: "false",
    response_url: o.responseUrl ?? "https://hooks.slack.invalid/commands/T1/1/x",
    trigger_id: `trigger-${++counter}`,
  };
  return { body: new URLSearchParams(payload).toString(), contentType: "application/x-www-form-urlencoded", payload };
}

/** Slack's request signature: `v0=` + HMAC-SHA256(secret, `v0:<timestamp>:<body>`). */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}
