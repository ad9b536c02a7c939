import type { SessionStore, StoredSession } from "./session-store.ts";

/**
 * Sessions in a Map, for tests and for a single short-lived process. Values are copied through
 * JSON on the way in and out, so a test sees exactly what a durable store would give back.
 */
export class MemoryStore implements SessionStore {
  private readonly data = new Map<string, string>();

  async get(key: string): Promise<unknown> {
    const v = this.data.get(key);
    return v === undefined ? undefined : JSON.parse(v);
  }
  async set(key: string, value: StoredSession): Promise<void> {
    this.data.set(key, JSON.stringify(value));
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }
  async keys(): Promise<string[]> {
    return [...this.data.keys()];
  }
  async close(): Promise<void> {}
}
