/**
 * Sessions in Redis, shared by several coach instances. Each session is a hash `{ doc, rev }`;
 * writes are compare-and-set on `rev` in one Lua script (optimistic concurrency), so two instances
 * handling the same user's messages never lose an answer, and one person's turns wait in a line
 * kept in Redis (redis-turn-line.ts), so they are handled in the order they arrived. Expiry is a
 * Redis TTL, renewed on every write; delivery ids (Slack retries) are `SET NX EX` keys, so
 * de-duplication works across instances too. Copies of a session set aside (unreadable, from a
 * newer coach) are fields of one hash per session, with the session's TTL, so forgetting a user
 * deletes two keys.
 *
 * Outages: once connected, the client reconnects for as long as it takes (backoff up to 2 s), and
 * says so in the log once when the connection is lost and once when it is back, never per try.
 * Meanwhile every command fails at once (no offline queue) with a StoreUnavailableError, so the
 * person is told to try again in a minute instead of waiting on a queue; the next message after
 * Redis is back works, with no restart.
 */
import { ClientClosedError, ClientOfflineError, createClient, ErrorReply } from "redis";
import { scrubUrls, silentLogger, type Logger } from "../log.ts";
import { TurnLine } from "./redis-turn-line.ts";
import type { Revisioned, SessionStore, StoredSession } from "./session-store.ts";
import { StoreStartError, StoreUnavailableError } from "./store-errors.ts";

/** Writes `doc` only if `rev` is still what the caller read ("" = no session yet); returns the new rev, or 0. */
const WRITE_IF = `
local cur = redis.call('HGET', KEYS[1], 'rev')
if (cur == false and ARGV[1] ~= '') or (cur ~= false and cur ~= ARGV[1]) then return 0 end
local nextRev = redis.call('HINCRBY', KEYS[1], 'rev', 1)
redis.call('HSET', KEYS[1], 'doc', ARGV[2])
if tonumber(ARGV[3]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
return nextRev
`;

/** Moves the session's document into its aside hash under field ARGV[1], keeping its TTL; 0 when there is none. */
const SET_ASIDE = `
local doc = redis.call('HGET', KEYS[1], 'doc')
if doc == false then return 0 end
local ttl = redis.call('PTTL', KEYS[1])
redis.call('HSET', KEYS[2], ARGV[1], doc)
if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
redis.call('DEL', KEYS[1])
return 1
`;

/** Redis error replies that mean "not now" rather than "wrong command": the store is unavailable. */
const UNAVAILABLE_REPLIES = new Set(["LOADING", "OOM", "READONLY", "MISCONF", "BUSY", "MASTERDOWN", "NOREPLICAS", "TRYAGAIN", "CLUSTERDOWN"]);

export interface RedisStoreOptions {
  /** redis://host:port/db */
  url: string;
  /** prefix of every key this store writes (default "coach") */
  prefix?: string;
  /** where losing and getting back the connection is said (once each) */
  log?: Logger;
  /** a command without an answer after this long fails (default 3000 ms): a hung Redis is an outage too */
  commandTimeoutMs?: number;
  /** COACH_DURABLE=fsync: warn when Redis does not keep an append-only file synced every second */
  durable?: boolean;
  /** the longest wait between two reconnection tries (default 2000 ms) */
  maxReconnectDelayMs?: number;
  /**
   * how long a turn holds its session's line without renewing its lease (default 10 s; renewed
   * every third of it while the turn runs): the longest a crashed instance can hold a person up
   */
  turnLeaseMs?: number;
}

type Client = ReturnType<typeof createClient>;

/** Where a redis:// URL points, without its user name or password. */
export function redisAddress(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 6379}`;
  } catch {
    return "(the address in REDIS_URL)";
  }
}

export class RedisStore implements SessionStore {
  private readonly prefix: string;
  private readonly line: TurnLine;

  private constructor(
    private readonly client: Client,
    prefix: string,
    log: Logger,
    turnLeaseMs: number | undefined,
  ) {
    this.prefix = prefix;
    this.line = new TurnLine({
      run: (args) => this.run(args, "keep the line of"),
      keysOf: (key) => ({ line: `${prefix}:line:${key}`, lease: `${prefix}:line-lease:${key}` }),
      log,
      ...(turnLeaseMs === undefined ? {} : { workLeaseMs: turnLeaseMs, startLeaseMs: Math.min(2000, turnLeaseMs) }),
    });
  }

  /**
   * Connects; fails with a clear one-line error (without the URL's password) when Redis cannot be
   * reached within a few quick tries: a wrong REDIS_URL is said within a second or so.
   */
  static async connect(options: RedisStoreOptions): Promise<RedisStore> {
    const log = options.log ?? silentLogger;
    const where = redisAddress(options.url);
    let connected = false;
    let lastError: Error | undefined;
    let downSince: number | null = null;
    const maxDelay = options.maxReconnectDelayMs ?? 2000;
    // before the first connection: give up after a few tries (a wrong URL); after it: never
    const reconnectStrategy = (retries: number, cause: Error) => {
      if (!connected) return retries > 3 ? new Error(`Redis unreachable (${cause.message})`) : 200;
      return Math.min(100 * 2 ** Math.min(retries, 10), maxDelay) + Math.floor(Math.random() * 100);
    };
    let client: Client;
    try {
      client = createClient({
        url: options.url,
        socket: { reconnectStrategy, connectTimeout: 5000 },
        disableOfflineQueue: true,
        commandOptions: { timeout: options.commandTimeoutMs ?? 3000 },
      });
    } catch (err) {
      // a URL the client cannot use (a port out of range...): said without the URL itself
      throw new StoreStartError(`Cannot use REDIS_URL (${scrubUrls(err instanceof Error ? err.message : String(err))}); it must look like redis://host:6379`);
    }
    client.on("error", (err: Error) => {
      lastError = err;
      if (connected && downSince === null) {
        downSince = Date.now();
        log.warn("lost the connection to Redis; reconnecting until it is back (turns are refused meanwhile)", { redis: where, error: scrubUrls(err.message) });
      }
    });
    client.on("ready", () => {
      if (downSince !== null) {
        log.info("the connection to Redis is back", { redis: where, downSeconds: Math.round((Date.now() - downSince) / 100) / 10 });
        downSince = null;
      }
    });
    try {
      await client.connect();
      connected = true;
    } catch (err) {
      // the socket's own error says why (refused, unknown host, wrong password); never the URL itself
      const why = scrubUrls(lastError?.message ?? (err as Error).message);
      throw new StoreStartError(`Cannot reach Redis at ${where} (${why}); check REDIS_URL and that Redis is running`, { cause: err });
    }
    const store = new RedisStore(client, options.prefix ?? "coach", log, options.turnLeaseMs);
    if (options.durable) await store.checkDurability(log);
    log.info("sessions kept in Redis", { redis: where });
    return store;
  }

  /** With COACH_DURABLE=fsync: says whether Redis keeps its append-only file (and how often it syncs). */
  private async checkDurability(log: Logger): Promise<void> {
    try {
      const [, appendonly] = await this.client.sendCommand<string[]>(["CONFIG", "GET", "appendonly"]);
      const [, appendfsync] = await this.client.sendCommand<string[]>(["CONFIG", "GET", "appendfsync"]);
      if (appendonly !== "yes" || (appendfsync !== "everysec" && appendfsync !== "always")) {
        log.warn("COACH_DURABLE=fsync, but this Redis can lose the last minutes of answers if it crashes: set appendonly yes and appendfsync everysec (see the README, Several instances)", { appendonly, appendfsync });
      }
    } catch {
      log.warn("COACH_DURABLE=fsync: could not read Redis's persistence settings (CONFIG GET refused); make sure appendonly is yes and appendfsync everysec");
    }
  }

  /**
   * Runs one command. A connection that is down, a command that timed out, or a Redis that says
   * "not now" (LOADING, OOM, READONLY...) becomes a StoreUnavailableError; a write whose command
   * may have reached Redis before the connection broke is marked `maybeApplied`.
   */
  private async run<T>(args: string[], doing: string, key?: string): Promise<T> {
    try {
      return await this.client.sendCommand<T>(args);
    } catch (err) {
      if (err instanceof ErrorReply) {
        const code = err.message.split(" ", 1)[0] ?? "";
        if (!UNAVAILABLE_REPLIES.has(code)) throw err;
        return Promise.reject(new StoreUnavailableError(`Redis could not ${doing} ${key ?? "a session"} (${code})`, { kind: "unreachable", code, cause: err }));
      }
      const notSent = err instanceof ClientOfflineError || err instanceof ClientClosedError;
      const message = scrubUrls(err instanceof Error ? err.message : String(err));
      return Promise.reject(new StoreUnavailableError(`Redis could not ${doing} ${key ?? "a session"} (${message})`, { kind: "unreachable", maybeApplied: !notSent, cause: err }));
    }
  }

  private sessionKey(key: string): string {
    return `${this.prefix}:session:${key}`;
  }

  async read(key: string): Promise<Revisioned> {
    const [doc, rev] = await this.run<(string | null)[]>(["HMGET", this.sessionKey(key), "doc", "rev"], "read");
    if (doc === null || doc === undefined) return { value: undefined, revision: null };
    try {
      return { value: JSON.parse(doc) as unknown, revision: rev ?? null };
    } catch (err) {
      // not JSON (written by hand, or by something else): keep it aside, the user starts again
      const copy = await this.setAside(key, "damaged");
      return { value: undefined, revision: null, setAside: { copy, reason: `not valid JSON (${(err as Error).message})` } };
    }
  }

  async writeIf(key: string, value: StoredSession, revision: string | null, ttlSeconds = 0): Promise<boolean> {
    const reply = await this.run<number>(
      ["EVAL", WRITE_IF, "1", this.sessionKey(key), revision ?? "", JSON.stringify(value), String(Math.ceil(ttlSeconds))],
      "write",
    );
    return reply !== 0;
  }

  /** Removes the session and every copy of it set aside (damaged, from a newer coach). */
  async delete(key: string): Promise<void> {
    await this.run(["DEL", this.sessionKey(key), this.asideKey(key)], "delete");
  }

  /** The hash that holds a session's copies set aside, one field per copy. */
  private asideKey(key: string): string {
    return `${this.prefix}:aside:${key}`;
  }

  async setAside(key: string, why: string): Promise<string | null> {
    const field = `${why}:${new Date().toISOString()}`;
    const moved = await this.run<number>(["EVAL", SET_ASIDE, "2", this.sessionKey(key), this.asideKey(key), field], "set aside");
    return moved === 0 ? null : `redis hash ${this.asideKey(key)}, field ${field}`;
  }

  async keys(): Promise<string[]> {
    const found: string[] = [];
    const head = `${this.prefix}:session:`;
    for await (const batch of this.scan(`${head}*`)) for (const k of batch) found.push(k.slice(head.length));
    return found;
  }

  private async *scan(match: string): AsyncIterable<string[]> {
    let cursor = "0";
    do {
      const [next, batch] = await this.run<[string, string[]]>(["SCAN", cursor, "MATCH", match, "COUNT", "500"], "list");
      cursor = next;
      if (batch.length > 0) yield batch;
    } while (cursor !== "0");
  }

  /**
   * Sessions expire on their own (a TTL renewed on every write), so none is ever listed. A key
   * without a TTL (written by hand, or before TTLs) is given one as long as the expiry from now.
   */
  async *untouchedSince(before: Date): AsyncIterable<string[]> {
    await this.giveTtlWhereMissing(`${this.prefix}:session:*`, before);
  }

  async deleteIfUntouchedSince(): Promise<boolean> {
    return false;
  }

  /** Copies set aside keep their session's TTL; one without a TTL is given one, like a session. */
  async pruneAside(before: Date): Promise<number> {
    await this.giveTtlWhereMissing(`${this.prefix}:aside:*`, before);
    return 0;
  }

  private async giveTtlWhereMissing(match: string, before: Date): Promise<void> {
    const seconds = String(Math.max(1, Math.ceil((Date.now() - before.getTime()) / 1000)));
    for await (const batch of this.scan(match)) {
      const ttls = await Promise.all(batch.map((k) => this.run<number>(["TTL", k], "check the expiry of")));
      await Promise.all(batch.filter((_, i) => ttls[i] === -1).map((k) => this.run(["EXPIRE", k, seconds], "set the expiry of")));
    }
  }

  enterTurn(key: string): Promise<() => Promise<void>> {
    return this.line.enter(key);
  }

  async claim(id: string, ttlSeconds: number): Promise<boolean> {
    const reply = await this.run<string | null>(["SET", `${this.prefix}:claim:${id}`, "1", "NX", "EX", String(Math.max(1, Math.ceil(ttlSeconds)))], "remember a delivery for");
    return reply === "OK";
  }

  /** Lets the commands sent finish and disconnects; while Redis is away, just stops reconnecting. */
  async close(): Promise<void> {
    if (!this.client.isOpen) return;
    if (this.client.isReady) await this.client.close();
    else this.client.destroy();
  }
}
