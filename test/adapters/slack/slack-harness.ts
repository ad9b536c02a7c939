/**
 * A real Bolt app (the Slack adapter in HTTP mode, on 127.0.0.1, port 0) wired to the real
 * coordinator and a fake Slack API. Tests send signed requests and read what the fake received,
 * as a person in Slack would see it.
 */
import type { LogLevel } from "@slack/bolt";
import { SlackAdapter } from "../../../adapters/slack/slack-adapter.ts";
import type { SeenDeliveries } from "../../../adapters/shared/seen-deliveries.ts";
import type { PlanPlace } from "../../../adapters/slack/slack-settings.ts";
import { loadContent } from "../../../src/content/load.ts";
import type { Content } from "../../../src/content/compile.ts";
import { Coordinator } from "../../../src/coordinator.ts";
import { createLogger } from "../../../src/log.ts";
import { MemoryStore } from "../../../src/store/memory-store.ts";
import { FakeSlackApi, type ApiCall } from "./fake-slack-api.ts";
import { blockAction, signature, type PostedButton, type SlackRequest } from "./fixtures.ts";

export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
export const BOT_TOKEN = "xoxb-111-222-faketoken";

let content: Content | undefined;
/** The coaching content, loaded once per test file. */
export function sharedContent(): Content {
  content ??= loadContent();
  return content;
}

export interface SendOptions {
  /** X-Slack-Retry-Num / X-Slack-Retry-Reason, as Slack sets them on a retry */
  retryNum?: number;
  retryReason?: string;
  /** seconds since the epoch; now by default */
  timestamp?: number;
  /** the secret to sign with; the app's by default */
  secret?: string;
  /** send no signature headers at all */
  unsigned?: boolean;
}

/** What one request led to: the HTTP answer, and every Web API call made while handling it. */
export interface Exchange {
  status: number;
  body: string;
  ms: number;
  calls: ApiCall[];
}

export interface HarnessOptions {
  planIn?: PlanPlace;
  /** user id → Slack locale */
  locales?: Record<string, string>;
  boltLogLevel?: LogLevel;
  /** the sessions (another harness's, to play a restart); a new empty store otherwise */
  store?: MemoryStore;
  /** where deliveries already handled are remembered; the adapter's in-memory default otherwise */
  seen?: SeenDeliveries;
  /** the coordinator's clock (the pilot review's due date is read against it); the real one otherwise */
  now?: () => Date;
}

export class SlackHarness {
  private constructor(
    readonly api: FakeSlackApi,
    readonly adapter: SlackAdapter,
    readonly coordinator: Coordinator,
    readonly store: MemoryStore,
    readonly logs: string[],
  ) {}

  static async start(options: HarnessOptions = {}): Promise<SlackHarness> {
    const api = await FakeSlackApi.start();
    for (const [user, locale] of Object.entries(options.locales ?? {})) api.locales.set(user, locale);
    const logs: string[] = [];
    const log = createLogger((line) => logs.push(line), [BOT_TOKEN, SIGNING_SECRET]);
    const store = options.store ?? new MemoryStore();
    const coordinator = new Coordinator({ content: sharedContent(), store, log, ...(options.now ? { now: options.now } : {}) });
    const adapter = new SlackAdapter({
      settings: { mode: "http", botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, planIn: options.planIn ?? "dm" },
      coordinator,
      content: sharedContent(),
      log,
      host: "127.0.0.1",
      clientOptions: { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } },
      ...(options.boltLogLevel ? { boltLogLevel: options.boltLogLevel } : {}),
      ...(options.seen ? { seen: options.seen } : {}),
    });
    await adapter.start();
    return new SlackHarness(api, adapter, coordinator, store, logs);
  }

  get eventsUrl(): string {
    return `http://127.0.0.1:${this.adapter.port}/slack/events`;
  }

  /** Posts a (signed) request as Slack would, waits until the app has finished with it. */
  async send(request: SlackRequest, o: SendOptions = {}): Promise<Exchange> {
    const before = this.api.calls.length;
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { "content-type": request.contentType };
    if (!o.unsigned) {
      headers["x-slack-request-timestamp"] = String(timestamp);
      headers["x-slack-signature"] = signature(o.secret ?? SIGNING_SECRET, timestamp, request.body);
    }
    if (o.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(o.retryNum);
      headers["x-slack-retry-reason"] = o.retryReason ?? "http_error";
    }
    const started = performance.now();
    const res = await fetch(this.eventsUrl, { method: "POST", headers, body: request.body });
    const body = await res.text();
    const ms = performance.now() - started;
    await this.adapter.settled();
    return { status: res.status, body, ms, calls: this.api.calls.slice(before) };
  }

  /** Presses the button labelled `label` in the last message of `exchange` that has it. */
  async press(exchange: Exchange, label: string, user = "U1"): Promise<Exchange> {
    const posted = [...exchange.calls].reverse().find((c) => c.method === "chat.postMessage" && buttonsOf(c).some((b) => b.label === label));
    if (!posted) throw new Error(`no button "${label}" among: ${exchange.calls.flatMap((c) => buttonsOf(c).map((b) => b.label)).join(" | ")}`);
    const button = buttonsOf(posted).find((b) => b.label === label)!;
    const channel = String(posted.params["channel"]);
    const threadTs = posted.params["thread_ts"] === undefined ? undefined : String(posted.params["thread_ts"]);
    return this.send(
      blockAction({
        button,
        user,
        channel,
        message: { ts: String(posted.result["ts"]), threadTs, text: String(posted.params["text"] ?? ""), blocks: (posted.params["blocks"] as unknown[]) ?? [] },
        responseUrl: this.api.responseUrl(`click-${user}`),
      }),
    );
  }

  /** Log lines at error level (a passing test should have none it did not expect). */
  errors(): string[] {
    return this.logs.filter((l) => (JSON.parse(l) as { level: string }).level === "error");
  }

  async close(): Promise<void> {
    await this.adapter.stop();
    await this.api.close();
  }
}

// ------------------------------------------------------------------ reading what Slack received

interface BlockLike {
  type?: string;
  block_id?: string;
  text?: { text?: string };
  elements?: { type?: string; text?: string | { text?: string }; action_id?: string; value?: string }[];
}

/** The buttons of a posted message, in order. */
export function buttonsOf(call: ApiCall): PostedButton[] {
  const blocks = (call.params["blocks"] as BlockLike[] | undefined) ?? [];
  return blocks
    .filter((b) => b.type === "actions")
    .flatMap((b) =>
      (b.elements ?? []).map((e) => ({
        blockId: b.block_id ?? "",
        actionId: e.action_id ?? "",
        value: e.value ?? "",
        label: typeof e.text === "object" ? (e.text.text ?? "") : "",
      })),
    );
}

/** The mrkdwn texts of a message's sections and context lines, joined by newlines. */
export function textOf(call: ApiCall): string {
  const blocks = (call.params["blocks"] as BlockLike[] | undefined) ?? [];
  if (blocks.length === 0) return String(call.params["text"] ?? "");
  return blocks
    .flatMap((b) => (b.type === "section" ? [b.text?.text ?? ""] : b.type === "context" ? (b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : "")) : []))
    .join("\n");
}

/** Every message posted during an exchange, as `{ channel, thread, text, buttons }`. */
export function postsOf(calls: readonly ApiCall[]): { channel: string; thread: string | undefined; text: string; buttons: string[] }[] {
  return calls
    .filter((c) => c.method === "chat.postMessage")
    .map((c) => ({
      channel: String(c.params["channel"]),
      thread: c.params["thread_ts"] === undefined ? undefined : String(c.params["thread_ts"]),
      text: textOf(c),
      buttons: buttonsOf(c).map((b) => b.label),
    }));
}
