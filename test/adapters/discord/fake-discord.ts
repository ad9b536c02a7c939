/**
 * A local fake of Discord for tests with the real discord.js: a REST server on 127.0.0.1 that
 * records every call, and a gateway websocket (HELLO, READY with no guild, heartbeat acks) that
 * dispatches INTERACTION_CREATE payloads. Like Discord, it answers interaction callbacks 204 with no
 * body, refuses a callback that comes too late (404, 10062 Unknown interaction) or twice (40060),
 * returns full message objects for webhook messages, and rejects messages over Discord's limits.
 * Like Discord, a follow-up sent while a deferred reply (DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE) is
 * still loading creates no message: it edits that deferred reply, which keeps its flags (an
 * ephemeral defer stays ephemeral whatever the follow-up asks). See "Create Followup Message" in
 * https://discord.com/developers/docs/interactions/receiving-and-responding#create-followup-message
 * It records every IDENTIFY (shard and intents).
 * It also keeps what the user sees: the messages, as last edited, and the modals shown.
 * Direct messages the bot starts (GET /users/{id}, POST /users/@me/channels, then POST
 * /channels/{id}/messages) are kept in `dms`; a user in `closedDms` is refused like Discord refuses
 * someone whose DMs are closed (403, 50007 Cannot send messages to this user).
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ComponentType, InteractionResponseType, MessageFlags, MessageType,
  type APIActionRowComponent, type APIComponentInMessageActionRow, type APIInteraction, type APIMessage,
  type APIModalInteractionResponseCallbackData, type APIUser,
} from "discord.js";
import { WebSocketServer, type WebSocket } from "ws";

export const APP_ID = "900000000000000001";
export const BOT_USER: APIUser = { id: "900000000000000002", username: "coach", discriminator: "0", global_name: "Coach", avatar: null, bot: true };
/** A token that looks like a bot token (the settings check its shape). */
export const FAKE_TOKEN = "ODAwMDAwMDAwMDAwMDAwMDAy.fake00.not-a-real-token_just-for-tests";

/** One REST call as the fake received it. */
export interface RecordedCall {
  method: string;
  /** the path after /api/v10, e.g. "/interactions/123/tok/callback" */
  path: string;
  /** the JSON body (or a multipart request's payload_json) */
  body: unknown;
  files: SentFile[];
  status: number;
  at: number;
}

/** A direct message the bot sent (outside any interaction). */
export interface SentDm {
  /** the recipient's user id */
  user: string;
  channelId: string;
  content: string;
  components: Row[];
  allowedMentions: unknown;
}

export interface SentFile {
  name: string;
  text: string;
  /** the same file's bytes (a PDF is not text) */
  bytes: Buffer;
}

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A message as the user sees it: its latest content and components. */
export interface SeenMessage {
  id: string;
  /** the interaction whose response or follow-up created it */
  interactionId: string;
  channelId: string;
  content: string;
  components: Row[];
  flags: number;
  files: SentFile[];
  /** allowed_mentions of the last payload that set this message */
  allowedMentions: unknown;
}

interface Tracked {
  interaction: APIInteraction;
  dispatchedAt: number;
  deadlineMs: number;
  acknowledged: boolean;
  /** the message that "@original" designates */
  originalId: string | null;
  /** acknowledged with DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE (a loading message) */
  deferredReply: boolean;
  modal: APIModalInteractionResponseCallbackData | null;
}

export interface FakeDiscordOptions {
  /** how long the bot has for its first response; Discord's is 3 s */
  responseDeadlineMs?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { code: number; message: string; errors?: unknown },
  ) {
    super(body.message);
  }
}

/** The fake. `start()` it, point a Client's `rest.api` at `apiUrl`, `close()` it in afterAll. */
export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly messages: SeenMessage[] = [];
  /** what the bot sent to register commands, by route */
  readonly commandRegistrations: { path: string; body: unknown }[] = [];
  /** direct messages the bot sent, in order */
  readonly dms: SentDm[] = [];
  /** users whose DMs are closed to the bot (or who share no server with it): messages to them get 50007 */
  readonly closedDms = new Set<string>();
  /** DM channel id → its recipient */
  private readonly dmChannels = new Map<string, string>();
  private readonly interactions = new Map<string, Tracked>();
  private readonly sockets = new Set<WebSocket>();
  /** the `shard: [id, count]` each connection identified with */
  private readonly shardOf = new Map<WebSocket, [number, number]>();
  /**
   * every IDENTIFY received, in order: the shard it asked for ([0, 1] when it named none) and the
   * gateway intents bitfield it sent
   */
  readonly identifies: { shard: [number, number]; intents: number }[] = [];
  private readonly waiters = new Set<() => void>();
  private seq = 0;
  private nextMessage = 1;
  private identified!: Promise<void>;
  private onIdentify!: () => void;

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly options: Required<FakeDiscordOptions>,
  ) {
    this.identified = new Promise((resolve) => (this.onIdentify = resolve));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    const fake = new FakeDiscord(server, wss, { responseDeadlineMs: options.responseDeadlineMs ?? 3000 });
    server.on("request", (req, res) => void fake.onRequest(req, res));
    wss.on("connection", (ws) => fake.onSocket(ws));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  /** for a Client's `rest.api` or a REST's `api` */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Resolves once a client has identified on the gateway. */
  whenIdentified(): Promise<void> {
    return this.identified;
  }

  /**
   * Sends an interaction to the bot. `late: true` makes the fake behave as if the bot's first
   * response came after Discord's deadline (it is refused with 10062). `shard: n` sends it on the
   * connection of shard n only (by default, on every connection).
   */
  dispatch(interaction: APIInteraction, o: { late?: boolean; shard?: number } = {}): void {
    const targets = [...this.sockets].filter((ws) => o.shard === undefined || this.shardOf.get(ws)?.[0] === o.shard);
    if (o.shard !== undefined && targets.length === 0) throw new Error(`fake Discord: no gateway connection for shard ${o.shard}`);
    // the same interaction sent again (a redelivery) keeps its first acknowledgement
    if (!this.interactions.has(interaction.id)) this.interactions.set(interaction.id, {
      interaction,
      dispatchedAt: Date.now(),
      deadlineMs: o.late ? -1 : this.options.responseDeadlineMs,
      acknowledged: false,
      originalId: null,
      deferredReply: false,
      modal: null,
    });
    const packet = JSON.stringify({ op: 0, t: "INTERACTION_CREATE", s: ++this.seq, d: interaction });
    for (const ws of targets) ws.send(packet);
  }

  /** The REST calls made for one interaction (its callback and its webhook messages). */
  callsFor(interaction: APIInteraction): RecordedCall[] {
    return this.calls.filter((c) => c.path.includes(`/${interaction.token}`));
  }

  /** Messages created for one interaction, in order. */
  messagesOf(interaction: APIInteraction): SeenMessage[] {
    return this.messages.filter((m) => m.interactionId === interaction.id);
  }

  /** The modal shown in answer to an interaction, if any. */
  modalFor(interaction: APIInteraction): APIModalInteractionResponseCallbackData | null {
    return this.interactions.get(interaction.id)?.modal ?? null;
  }

  /** A message as the API returns it (what a button press carries as `message`). */
  apiMessage(m: SeenMessage): APIMessage {
    return {
      id: m.id,
      channel_id: m.channelId,
      author: BOT_USER,
      content: m.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: m.files.map((f, i) => ({
        id: `${m.id}${i}`,
        filename: f.name,
        size: Buffer.byteLength(f.text),
        url: `https://cdn.example/${f.name}`,
        proxy_url: `https://cdn.example/${f.name}`,
      })),
      embeds: [],
      pinned: false,
      type: MessageType.Default,
      flags: m.flags,
      components: m.components,
      webhook_id: APP_ID,
      application_id: APP_ID,
    };
  }

  /** Resolves when `check` holds, re-checked after every REST call (fails after `timeoutMs`). */
  async waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    if (check()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`fake Discord: timed out waiting for ${what}`));
      }, timeoutMs);
      const waiter = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve();
      };
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ------------------------------------------------------------------ gateway

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => {
      this.sockets.delete(ws);
      this.shardOf.delete(ws);
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45000 } }));
    ws.on("message", (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d?: { shard?: [number, number]; intents?: number } };
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (packet.op === 2) {
        const shard = packet.d?.shard ?? [0, 1];
        this.shardOf.set(ws, shard);
        this.identifies.push({ shard, intents: Number(packet.d?.intents) });
        const ready = {
          v: 10,
          user: BOT_USER,
          guilds: [],
          session_id: "fake-session",
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          shard,
          application: { id: APP_ID, flags: 0 },
        };
        ws.send(JSON.stringify({ op: 0, t: "READY", s: ++this.seq, d: ready }));
        this.onIdentify();
      }
    });
  }

  // ------------------------------------------------------------------ REST

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const method = req.method ?? "GET";
    const { body, files } = await parseBody(raw, req.headers["content-type"]);
    const call: RecordedCall = { method, path, body, files, status: 0, at: Date.now() };
    this.calls.push(call);
    try {
      const result = this.route(method, path, body, files);
      if (result === null) {
        // Discord answers interaction callbacks "204 No Content" with no content-type
        call.status = 204;
        res.writeHead(204);
        res.end();
      } else {
        call.status = 200;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(result));
      }
    } catch (err) {
      const e = err instanceof HttpError ? err : new HttpError(500, { code: 0, message: String(err) });
      call.status = e.status;
      res.writeHead(e.status, { "content-type": "application/json" });
      res.end(JSON.stringify(e.body));
    }
    for (const waiter of [...this.waiters]) waiter();
  }

  /** The answer to one call: a JSON value, or null for 204. */
  private route(method: string, path: string, body: unknown, files: SentFile[]): unknown {
    let m: RegExpExecArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      return {
        url: `ws://127.0.0.1:${this.port}`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      };
    }
    if (method === "POST" && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      this.callback(m[1]!, m[2]!, body, files);
      return null;
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
      const tracked = this.byToken(m[2]!);
      if (method === "POST" && !m[3]) return this.apiMessage(this.followUp(tracked, body, files));
      if (method === "PATCH" && m[3]) return this.apiMessage(this.edit(this.messageOf(tracked, m[3]), body, files));
      if (method === "GET" && m[3]) return this.apiMessage(this.messageOf(tracked, m[3]));
      if (method === "DELETE" && m[3]) {
        const seen = this.messageOf(tracked, m[3]);
        this.messages.splice(this.messages.indexOf(seen), 1);
        return null;
      }
    }
    if (method === "GET" && (m = /^\/users\/(\d+)$/.exec(path))) {
      return { id: m[1]!, username: `user${m[1]!.slice(-4)}`, discriminator: "0", global_name: null, avatar: null } satisfies APIUser;
    }
    if (method === "POST" && path === "/users/@me/channels") {
      const recipient = String((body as { recipient_id?: unknown } | undefined)?.recipient_id ?? "");
      if (!/^\d+$/.test(recipient)) throw new HttpError(400, { code: 50035, message: "Invalid Form Body: recipient_id" });
      const id = [...this.dmChannels].find(([, user]) => user === recipient)?.[0] ?? String(600_000_000_000_000_000n + BigInt(this.dmChannels.size + 1));
      this.dmChannels.set(id, recipient);
      const recipientUser: APIUser = { id: recipient, username: `user${recipient.slice(-4)}`, discriminator: "0", global_name: null, avatar: null };
      return { id, type: 1, last_message_id: null, flags: 0, recipients: [recipientUser] };
    }
    if (method === "POST" && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const user = this.dmChannels.get(m[1]!);
      if (user === undefined) throw new HttpError(404, { code: 10003, message: "Unknown Channel" });
      if (this.closedDms.has(user)) throw new HttpError(403, { code: 50007, message: "Cannot send messages to this user" });
      const data = checkMessage(body, files, false);
      const dm: SentDm = { user, channelId: m[1]!, content: data.content ?? "", components: data.components ?? [], allowedMentions: data.allowed_mentions };
      this.dms.push(dm);
      return {
        id: String(1_000_000_000_000_000_000n + BigInt(this.nextMessage++)),
        channel_id: dm.channelId,
        author: BOT_USER,
        content: dm.content,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        pinned: false,
        type: MessageType.Default,
        components: dm.components,
      } satisfies APIMessage;
    }
    if (method === "PUT" && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      this.commandRegistrations.push({ path, body });
      const list = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
      return list.map((c, i) => ({ ...c, id: `80000000000000000${i}`, application_id: m![1], version: "1", default_member_permissions: null }));
    }
    throw new HttpError(404, { code: 0, message: "404: Not Found" });
  }

  private callback(id: string, token: string, body: unknown, files: SentFile[]): void {
    const tracked = this.interactions.get(id);
    if (!tracked || tracked.interaction.token !== token || Date.now() - tracked.dispatchedAt > tracked.deadlineMs) {
      throw new HttpError(404, { code: 10062, message: "Unknown interaction" });
    }
    if (tracked.acknowledged) throw new HttpError(400, { code: 40060, message: "Interaction has already been acknowledged." });
    const { type, data } = body as { type: InteractionResponseType; data?: Record<string, unknown> };
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        tracked.originalId = this.create(tracked, data ?? {}, files).id;
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const flags = Number(data?.flags ?? 0);
        tracked.originalId = this.create(tracked, { flags: flags | MessageFlags.Loading }, [], { allowEmpty: true }).id;
        tracked.deferredReply = true;
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        const message = "message" in tracked.interaction ? tracked.interaction.message : undefined;
        if (!message) throw new HttpError(400, { code: 50035, message: "Invalid Form Body: no message to update" });
        const seen = this.messages.find((x) => x.id === message.id);
        tracked.originalId = message.id;
        if (seen && type === InteractionResponseType.UpdateMessage) this.edit(seen, data ?? {}, files);
        break;
      }
      case InteractionResponseType.Modal:
        tracked.modal = checkModal(data);
        break;
      default:
        throw new HttpError(400, { code: 50035, message: `Invalid Form Body: unsupported callback type ${type}` });
    }
    tracked.acknowledged = true;
  }

  private byToken(token: string): Tracked {
    for (const t of this.interactions.values()) if (t.interaction.token === token) return t;
    throw new HttpError(404, { code: 10015, message: "Unknown Webhook" });
  }

  private messageOf(tracked: Tracked, which: string): SeenMessage {
    const id = which === "@original" ? tracked.originalId : which;
    const seen = this.messages.find((x) => x.id === id);
    if (!seen) throw new HttpError(404, { code: 10008, message: "Unknown Message" });
    return seen;
  }

  /**
   * POST /webhooks/{app}/{token}. Directly after a DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE (the
   * loading message not yet edited), Discord treats it as "Edit Original Interaction Response" for
   * backwards compatibility: no new message, and the flags asked for are ignored (the defer's stay).
   */
  private followUp(tracked: Tracked, body: unknown, files: SentFile[]): SeenMessage {
    const original = tracked.deferredReply ? this.messages.find((x) => x.id === tracked.originalId) : undefined;
    if (original && (original.flags & MessageFlags.Loading) !== 0) {
      checkMessage(body, files, false);
      return this.edit(original, body, files);
    }
    return this.create(tracked, body, files);
  }

  private create(tracked: Tracked, body: unknown, files: SentFile[], o: { allowEmpty?: boolean } = {}): SeenMessage {
    const data = checkMessage(body, files, o.allowEmpty ?? false);
    const seen: SeenMessage = {
      id: String(1_000_000_000_000_000_000n + BigInt(this.nextMessage++)),
      interactionId: tracked.interaction.id,
      channelId: tracked.interaction.channel?.id ?? "0",
      content: data.content ?? "",
      components: data.components ?? [],
      flags: data.flags ?? 0,
      files,
      allowedMentions: data.allowed_mentions,
    };
    this.messages.push(seen);
    return seen;
  }

  private edit(seen: SeenMessage, body: unknown, files: SentFile[]): SeenMessage {
    const data = checkMessage(body, files, true);
    if (data.content !== undefined) seen.content = data.content;
    if (data.components !== undefined) seen.components = data.components;
    if (files.length > 0) seen.files = files;
    seen.flags &= ~MessageFlags.Loading;
    seen.allowedMentions = data.allowed_mentions;
    return seen;
  }
}

interface MessageBody {
  content?: string;
  components?: Row[];
  flags?: number;
  allowed_mentions?: unknown;
}

/** Discord's checks on a message body (the ones the coach could break). */
function checkMessage(body: unknown, files: SentFile[], allowEmpty: boolean): MessageBody {
  const data = (body ?? {}) as MessageBody;
  const problems: string[] = [];
  if (data.content !== undefined && data.content.length > 2000) problems.push(`content: ${data.content.length} characters (max 2000)`);
  const rows = data.components ?? [];
  if (rows.length > 5) problems.push(`components: ${rows.length} rows (max 5)`);
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.type !== ComponentType.ActionRow) problems.push("components: a top-level component is not an action row");
    const buttons = row.components.filter((c) => c.type === ComponentType.Button).length;
    if (buttons > 5) problems.push(`components: ${buttons} buttons in a row (max 5)`);
    if (buttons > 0 && buttons !== row.components.length) problems.push("components: a row mixes buttons and a menu");
    for (const c of row.components) {
      if ("custom_id" in c) {
        if (c.custom_id.length < 1 || c.custom_id.length > 100) problems.push(`custom_id of ${c.custom_id.length} characters (1-100)`);
        if (ids.has(c.custom_id)) problems.push(`duplicate custom_id ${c.custom_id}`);
        ids.add(c.custom_id);
      }
      if (c.type === ComponentType.Button && "label" in c && (c.label ?? "").length > 80) problems.push("button label over 80 characters");
      if (c.type === ComponentType.StringSelect) {
        if (c.options.length < 1 || c.options.length > 25) problems.push(`select with ${c.options.length} options (1-25)`);
        for (const opt of c.options) if (opt.label.length > 100 || opt.value.length > 100) problems.push("select option over 100 characters");
      }
    }
  }
  if (!allowEmpty && !data.content && rows.length === 0 && files.length === 0) problems.push("cannot send an empty message");
  if (problems.length > 0) throw new HttpError(400, { code: 50035, message: "Invalid Form Body", errors: problems });
  return data;
}

function checkModal(data: unknown): APIModalInteractionResponseCallbackData {
  const modal = data as APIModalInteractionResponseCallbackData;
  const problems: string[] = [];
  if (!modal.custom_id || modal.custom_id.length > 100) problems.push("modal custom_id (1-100)");
  if (!modal.title || modal.title.length > 45) problems.push("modal title (1-45)");
  if (modal.components.length < 1 || modal.components.length > 5) problems.push("modal components (1-5)");
  for (const c of modal.components) {
    if (c.type === ComponentType.Label && c.label.length > 45) problems.push("label over 45 characters");
    if (c.type === ComponentType.Label && c.component.type === ComponentType.TextInput && (c.component.placeholder ?? "").length > 100) {
      problems.push("placeholder over 100 characters");
    }
  }
  if (problems.length > 0) throw new HttpError(400, { code: 50035, message: "Invalid Form Body", errors: problems });
  return modal;
}

/** JSON, or multipart/form-data with payload_json and files (what discord.js sends with attachments). */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: SentFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith("multipart/form-data")) {
    const form = await new Request("http://fake/", { method: "POST", headers: { "content-type": contentType }, body: raw }).formData();
    const files: SentFile[] = [];
    let body: unknown;
    for (const [name, value] of form.entries()) {
      if (name === "payload_json" && typeof value === "string") body = JSON.parse(value);
      else if (typeof value !== "string") {
        const bytes = Buffer.from(await value.arrayBuffer());
        files.push({ name: value.name, text: bytes.toString("utf8"), bytes });
      }
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString("utf8")), files: [] };
}

/** A random interaction token. */
export function fakeToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(12).toString("hex")}`;
}
