/**
 * Sessions in Redis, shared by several coach instances. Each session is a hash `{ doc, rev }`;
 * writes are compare-and-set on `rev` in one Lua script (optimistic concurrency), so two instances
 * handling the same user's messages never lose an answer. Expiry is a Redis TTL, renewed on every
 * write; delivery ids (Slack retries) are `SET NX EX` keys, so de-duplication works across
 * instances too. Copies of a session set aside (unreadable, from a newer coach) are fields of one
 * hash per session, with the session's TTL, so forgetting a user deletes two keys.
 */
import { createClient } from "redis";
import type { Revisioned, SessionStore, StoredSession } from "./session-store.ts";

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

export interface RedisStoreOptions {
  /** redis://host:port/db */
  url: string;
  /** prefix of every key this store writes (default "coach") */
  prefix?: string;
}

type Client = ReturnType<typeof createClient>;

export class RedisStore implements SessionStore {
  private readonly prefix: string;

  private constructor(
    private readonly client: Client,
    prefix: string,
  ) {
    this.prefix = prefix;
  }

  /** Connects; fails with a clear error (without the URL's password) when Redis cannot be reached. */
  static async connect(options: RedisStoreOptions): Promise<RedisStore> {
    // at start-up, give up after a few quick tries (a wrong REDIS_URL is said within a second or so);
    // once connected, keep reconnecting for about half a minute through a Redis restart
    let connected = false;
    const reconnectStrategy = (retries: number) =>
      retries > (connected ? 20 : 3) ? new Error("Redis unreachable") : Math.min((retries + 1) * 100, 2000);
    const client = createClient({ url: options.url, socket: { reconnectStrategy } });
    let lastError: Error | undefined;
    client.on("error", (err: Error) => {
      // reported by the command that fails; the client reconnects on its own
      lastError = err;
    });
    try {
      await client.connect();
      connected = true;
    } catch (err) {
      const where = new URL(options.url);
      // the socket's own error says why (refused, unknown host, wrong password); never the URL itself
      const why = lastError?.message ?? (err as Error).message;
      throw new Error(`Cannot reach Redis at ${where.hostname}:${where.port || 6379} (${why}); check REDIS_URL and that Redis is running`);
    }
    return new RedisStore(client, options.prefix ?? "coach");
  }

  private sessionKey(key: string): string {
    return `${this.prefix}:session:${key}`;
  }

  async read(key: string): Promise<Revisioned> {
    const [doc, rev] = await this.client.sendCommand<(string | null)[]>(["HMGET", this.sessionKey(key), "doc", "rev"]);
    if (doc === null || doc === undefined) return { value: undefined, revision: null };
    try {
      return { value: JSON.parse(doc) as unknown, revision: rev ?? null };
    } catch {
      // not JSON (written by hand, or by something else): keep it aside, the user starts again
      const copy = await this.setAside(key, "damaged");
      return { value: { damaged: copy }, revision: null };
    }
  }

  async writeIf(key: string, value: StoredSession, revision: string | null, ttlSeconds = 0): Promise<boolean> {
    const reply = await this.client.sendCommand<number>([
      "EVAL", WRITE_IF, "1", this.sessionKey(key), revision ?? "", JSON.stringify(value), String(Math.ceil(ttlSeconds)),
    ]);
    return reply !== 0;
  }

  /** Removes the session and every copy of it set aside (damaged, from a newer coach). */
  async delete(key: string): Promise<void> {
    await this.client.sendCommand(["DEL", this.sessionKey(key), this.asideKey(key)]);
  }

  /** The hash that holds a session's copies set aside, one field per copy. */
  private asideKey(key: string): string {
    return `${this.prefix}:aside:${key}`;
  }

  async setAside(key: string, why: string): Promise<string | null> {
    const field = `${why}:${new Date().toISOString()}`;
    const moved = await this.client.sendCommand<number>(["EVAL", SET_ASIDE, "2", this.sessionKey(key), this.asideKey(key), field]);
    return moved === 0 ? null : `redis hash ${this.asideKey(key)}, field ${field}`;
  }

  async keys(): Promise<string[]> {
    const found: string[] = [];
    const head = `${this.prefix}:session:`;
    let cursor = "0";
    do {
      const [next, batch] = await this.client.sendCommand<[string, string[]]>(["SCAN", cursor, "MATCH", `${head}*`, "COUNT", "500"]);
      cursor = next;
      for (const k of batch) found.push(k.slice(head.length));
    } while (cursor !== "0");
    return found;
  }

  async claim(id: string, ttlSeconds: number): Promise<boolean> {
    const reply = await this.client.sendCommand<string | null>(["SET", `${this.prefix}:claim:${id}`, "1", "NX", "EX", String(Math.max(1, Math.ceil(ttlSeconds)))]);
    return reply === "OK";
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }
}
