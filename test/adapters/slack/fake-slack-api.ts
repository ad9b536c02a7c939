/**
 * A local stand-in for slack.com: the Web API (`/api/<method>`), the file upload URL, response_url
 * and a Socket Mode websocket. It records every call as Slack would receive it (form fields, with
 * `blocks` and `files` decoded from their JSON strings) and answers just enough for Bolt and the
 * Web API client to carry on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/** One Web API call as the fake received it. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** the Authorization header (to check which token was used) */
  auth: string | undefined;
  /** what the fake answered */
  result: Record<string, unknown>;
}

/** The bot the fake says the token belongs to. */
export const BOT = { userId: "UBOT", botId: "BBOT", teamId: "T1" } as const;

/** Form fields that carry JSON. */
const JSON_FIELDS = new Set(["blocks", "files", "attachments", "metadata"]);

export class FakeSlackApi {
  readonly calls: ApiCall[] = [];
  /** bytes posted to upload URLs, by file id */
  readonly uploads = new Map<string, string>();
  /** the same uploads' bytes, by file id (a PDF is not text) */
  readonly uploadBytes = new Map<string, Buffer>();
  /** messages posted to response_url (ephemeral answers to slash commands and clicks) */
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  /** Socket Mode: every frame the app sent on the websocket */
  readonly socketFrames: Record<string, unknown>[] = [];
  /** users.info answers: user id → Slack locale ("fr-FR"); users not listed get no locale */
  readonly locales = new Map<string, string>();
  /** users.info answers: user id → time zone, as Slack gives it (`tz`, and `tz_offset` in seconds east of UTC); users not listed get none */
  readonly timeZones = new Map<string, { tz: string; offsetSeconds: number }>();
  /** users.info answers `{ ok: false, error }` for these users (e.g. "user_not_found") */
  readonly userErrors = new Map<string, string>();
  /** methods that answer `{ ok: false, error }`, e.g. to test failures */
  readonly failing = new Map<string, string>();
  /** methods whose next N calls answer `{ ok: false, error }`, then work again */
  readonly failingNext = new Map<string, { error: string; times: number }>();

  private ts = 1_700_000_000;
  private files = 0;
  private sockets = new Set<WebSocket>();

  private constructor(
    private readonly server: Server,
    private readonly wss: WebSocketServer,
  ) {}

  /** Starts the fake on 127.0.0.1, on a free port. */
  static async start(): Promise<FakeSlackApi> {
    const server = createServer();
    const wss = new WebSocketServer({ server, path: "/socket" });
    const api = new FakeSlackApi(server, wss);
    server.on("request", (req, res) => void api.route(req, res));
    wss.on("connection", (ws) => api.onSocket(ws));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return api;
  }

  /** http://127.0.0.1:PORT */
  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What `clientOptions.slackApiUrl` must be. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A response_url for a slash command or a click. */
  responseUrl(id: string): string {
    return `${this.origin}/respond/${id}`;
  }

  /** Every call to `method`, in order. */
  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Forgets what was recorded (between tests sharing one fake). */
  clear(): void {
    this.calls.length = 0;
    this.uploads.clear();
    this.uploadBytes.clear();
    this.responses.length = 0;
    this.socketFrames.length = 0;
  }

  /** Socket Mode: sends a frame to every connected app. */
  pushToSockets(frame: Record<string, unknown>): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(frame));
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ------------------------------------------------------------------ routes

  private gate: Promise<void> | null = null;

  /**
   * Holds every Web API call until the returned function is called: a test can then show that an
   * HTTP acknowledgement came back while the work behind it was still waiting on Slack.
   */
  holdCalls(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate = null;
      release();
    };
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBytes(req);
    const raw = bytes.toString("utf8");
    if (this.gate) await this.gate;
    const url = new URL(req.url ?? "/", this.origin);
    if (url.pathname.startsWith("/api/")) return this.webApi(url.pathname.slice("/api/".length), req, raw, res);
    if (url.pathname.startsWith("/upload/")) {
      const id = url.pathname.slice("/upload/".length);
      const file = Buffer.from(fileOf(req.headers["content-type"], bytes.toString("latin1")), "latin1");
      this.uploads.set(id, file.toString("utf8"));
      this.uploadBytes.set(id, file);
      res.writeHead(200, { "content-type": "text/plain" }).end("OK - 200");
      return;
    }
    if (url.pathname.startsWith("/respond/")) {
      this.responses.push({ path: url.pathname, body: JSON.parse(raw) as Record<string, unknown> });
      return json(res, { ok: true });
    }
    res.writeHead(404).end();
  }

  private webApi(method: string, req: IncomingMessage, raw: string, res: ServerResponse): void {
    const params = parseParams(req.headers["content-type"], raw);
    const result = this.answer(method, params);
    this.calls.push({ method, params, auth: req.headers.authorization, result });
    json(res, result);
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const error = this.failing.get(method);
    if (error) return { ok: false, error };
    const next = this.failingNext.get(method);
    if (next) {
      if (--next.times <= 0) this.failingNext.delete(method);
      return { ok: false, error: next.error };
    }
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://fake.slack.com/", team: "Fake", user: "coach", team_id: BOT.teamId, user_id: BOT.userId, bot_id: BOT.botId };
      case "chat.postMessage":
        return { ok: true, channel: params["channel"], ts: this.nextTs(), message: { text: params["text"] } };
      case "chat.update":
        return { ok: true, channel: params["channel"], ts: params["ts"] };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(params["users"])}` } };
      case "users.info": {
        const user = String(params["user"]);
        const userError = this.userErrors.get(user);
        if (userError) return { ok: false, error: userError };
        const locale = this.locales.get(user);
        const zone = this.timeZones.get(user);
        return {
          ok: true,
          user: { id: user, name: user.toLowerCase(), ...(locale ? { locale } : {}), ...(zone ? { tz: zone.tz, tz_label: zone.tz, tz_offset: zone.offsetSeconds } : {}) },
        };
      }
      case "files.getUploadURLExternal": {
        const id = `F${++this.files}`;
        return { ok: true, upload_url: `${this.origin}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const files = (params["files"] as { id: string; title?: string }[] | undefined) ?? [];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? "" })) };
      }
      case "apps.connections.open":
        return { ok: true, url: `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/socket` };
      default:
        return { ok: true };
    }
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("message", (data) => this.socketFrames.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.on("close", () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" }, debug_info: { host: "fake" } }));
  }

  private nextTs(): string {
    return `${++this.ts}.000100`;
  }
}

function json(res: ServerResponse, body: Record<string, unknown>): void {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The file's bytes in an upload (as latin1, one character a byte): the first part of a multipart body, or the raw body. */
function fileOf(contentType: string | undefined, raw: string): string {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? "");
  if (!contentType?.startsWith("multipart/form-data") || !boundary) return raw;
  const marker = `--${boundary[1] ?? boundary[2]}`;
  const part = raw.split(marker)[1] ?? "";
  const start = part.indexOf("\r\n\r\n");
  return start < 0 ? "" : part.slice(start + 4, part.endsWith("\r\n") ? -2 : undefined);
}

/** Form fields (or a JSON body) as an object; JSON-carrying fields decoded. */
function parseParams(contentType: string | undefined, raw: string): Record<string, unknown> {
  if (contentType?.includes("application/json")) return raw === "" ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return out;
}
