/**
 * The session storage port. Implementations keep opaque JSON documents by key; the coordinator
 * validates what comes back, so a store never needs to know the state's shape.
 */

/** What is kept for one user: the state and the version of its shape. */
export interface StoredSession {
  version: number;
  state: unknown;
}

export interface SessionStore {
  /** The stored document, or undefined. A document that could not be read comes back as `{ damaged: where-the-copy-is }`. */
  get(key: string): Promise<unknown>;
  set(key: string, value: StoredSession): Promise<void>;
  /** Removes every trace of the key. */
  delete(key: string): Promise<void>;
  /** Every stored key (for expiry and migration). */
  keys(): Promise<string[]>;
  close(): Promise<void>;
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
