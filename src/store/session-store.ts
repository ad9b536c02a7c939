/**
 * The session storage port. Implementations keep opaque JSON documents by key; the coordinator
 * validates what comes back, so a store never needs to know the state's shape.
 *
 * Writes are conditional on a revision (optimistic concurrency): two coordinator instances that
 * handle the same session at once never overwrite each other's answers; the loser re-reads and
 * steps again.
 */

/** What is kept for one user: the state and the version of its shape. */
export interface StoredSession {
  version: number;
  state: unknown;
  /** where the conversation takes place, as an adapter names it (see Coordinator.handle) */
  place?: string;
}

/** A stored document and the revision it was read at; `revision` is null when there is none. */
export interface Revisioned {
  value: unknown;
  revision: string | null;
  /**
   * Set when what was stored could not be read as a document (a file that is not JSON, say): it
   * was moved aside (`copy` says where, null if it could not be kept) and `value` is undefined.
   * `reason` says what was wrong, for the log.
   */
  setAside?: { copy: string | null; reason: string };
}

export interface SessionStore {
  /**
   * The stored document and its revision. A document that could not be read as one is moved aside
   * and comes back as `setAside` (see Revisioned).
   * @throws StoreUnavailableError when the store cannot be reached or read (nothing is changed)
   */
  read(key: string): Promise<Revisioned>;
  /**
   * Writes only if the session is still at `revision` (null: only if there is none); false when
   * another writer got there first. `ttlSeconds`, when given, is how long the session may stay
   * untouched before the store forgets it on its own (stores without TTLs rely on the sweep);
   * `writtenAt` is the writer's clock, which the sweep of those stores compares with.
   * @throws StoreUnavailableError when the store cannot be reached or written
   */
  writeIf(key: string, value: StoredSession, revision: string | null, ttlSeconds?: number, writtenAt?: Date): Promise<boolean>;
  /** Removes every trace of the key. */
  delete(key: string): Promise<void>;
  /**
   * Moves a session that cannot be used (from an unknown, newer schema, say) out of the way instead
   * of overwriting it, and says where the copy is. `why` becomes part of the copy's name.
   */
  setAside(key: string, why: string): Promise<string | null>;
  /** Every stored key (for tests and migration; the expiry sweep uses `untouchedSince`). */
  keys(): Promise<string[]>;
  /**
   * The keys of sessions last written before `before`, a batch at a time, for the expiry sweep.
   * Stores whose sessions expire on their own (Redis TTLs) yield none.
   */
  untouchedSince(before: Date, batchSize: number): AsyncIterable<string[]>;
  /** Deletes the session if it has still not been written since `before`; true when it did. */
  deleteIfUntouchedSince(key: string, before: Date): Promise<boolean>;
  /**
   * Removes the copies set aside (and the leftovers of interrupted writes) older than `before`:
   * they expire like the sessions they come from. Returns how many went.
   */
  pruneAside(before: Date): Promise<number>;
  /**
   * Takes a place in the line of `key`'s turns, shared by every process on the store, at once (in
   * the order the calls are made), and resolves when it is this place's turn, with the function
   * that hands the turn on. Stores used by one process leave it out: the coordinator's own queue
   * orders the turns. It never rejects: when the line cannot be kept (the store is away) it
   * resolves at once, and the turn finds out for itself.
   */
  enterTurn?(key: string): Promise<() => Promise<void>>;
  /**
   * Records a delivery id (a Slack event id, say) for `ttlSeconds`. True the first time, false when
   * it was already recorded: the caller must then not act on it again.
   */
  claim(id: string, ttlSeconds: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Reads just the document. */
export async function getDocument(store: SessionStore, key: string): Promise<unknown> {
  return (await store.read(key)).value;
}

/** Writes whatever is there (tests, migrations): read the revision, then write at it. */
export async function putDocument(store: SessionStore, key: string, value: StoredSession): Promise<void> {
  for (let i = 0; i < 10; i++) if (await store.writeIf(key, value, (await store.read(key)).revision)) return;
  throw new Error(`could not write ${key}: it kept changing`);
}

/**
 * The key of one user's session: platform, workspace (Slack team, Discord guild, "local") and user.
 * Colons inside a part are escaped so that two different triples never give the same key.
 *
 * @example sessionKey("slack", "T123", "U456") // "slack:T123:U456"
 */
export function sessionKey(platform: string, workspace: string, user: string): string {
  const part = (s: string) => s.replace(/%/g, "%25").replace(/:/g, "%3A");
  return `${part(platform)}:${part(workspace)}:${part(user)}`;
}

/**
 * The platform, workspace and user of a session key (the inverse of sessionKey); null for a key
 * that is not one.
 *
 * @example partsOfSessionKey("slack:T123:U456") // { platform: "slack", workspace: "T123", user: "U456" }
 */
export function partsOfSessionKey(key: string): { platform: string; workspace: string; user: string } | null {
  const parts = key.split(":");
  if (parts.length !== 3) return null;
  const [platform, workspace, user] = parts.map((p) => p.replace(/%3A/g, ":").replace(/%25/g, "%")) as [string, string, string];
  return { platform, workspace, user };
}
