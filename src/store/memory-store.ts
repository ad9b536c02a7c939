import { InMemoryClaims } from "./in-memory-claims.ts";
import type { Revisioned, SessionStore, StoredSession } from "./session-store.ts";

/**
 * Sessions in a Map, for tests and for a single short-lived process. Values are copied through
 * JSON on the way in and out, so a test sees exactly what a durable store would give back.
 */
export class MemoryStore implements SessionStore {
  private readonly data = new Map<string, { json: string; revision: number; writtenAt: number }>();
  private readonly claims: InMemoryClaims;
  private counter = 0;

  constructor(private readonly now: () => number = Date.now) {
    this.claims = new InMemoryClaims({ now });
  }

  async read(key: string): Promise<Revisioned> {
    const v = this.data.get(key);
    return v === undefined ? { value: undefined, revision: null } : { value: JSON.parse(v.json), revision: String(v.revision) };
  }
  async writeIf(key: string, value: StoredSession, revision: string | null, _ttlSeconds?: number, writtenAt?: Date): Promise<boolean> {
    const current = this.data.get(key);
    if ((current === undefined ? null : String(current.revision)) !== revision) return false;
    this.data.set(key, { json: JSON.stringify(value), revision: ++this.counter, writtenAt: writtenAt?.getTime() ?? this.now() });
    return true;
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
    for (const [name, of] of this.asideOf) {
      if (of.key !== key) continue;
      this.aside.delete(name);
      this.asideOf.delete(name);
    }
  }
  /** copies set aside, by name */
  readonly aside = new Map<string, string>();
  /** copy name → the key it was set aside from, and when that session was last written */
  private readonly asideOf = new Map<string, { key: string; writtenAt: number }>();

  async setAside(key: string, why: string): Promise<string | null> {
    const v = this.data.get(key);
    if (!v) return null;
    const name = `${key}.${why}-${new Date(this.now()).toISOString()}`;
    this.aside.set(name, v.json);
    this.asideOf.set(name, { key, writtenAt: v.writtenAt });
    this.data.delete(key);
    return `memory:${name}`;
  }

  async keys(): Promise<string[]> {
    return [...this.data.keys()];
  }
  async *untouchedSince(before: Date, batchSize: number): AsyncIterable<string[]> {
    const old = [...this.data].filter(([, v]) => v.writtenAt < before.getTime()).map(([k]) => k);
    for (let i = 0; i < old.length; i += batchSize) yield old.slice(i, i + batchSize);
  }
  async deleteIfUntouchedSince(key: string, before: Date): Promise<boolean> {
    const v = this.data.get(key);
    if (!v || v.writtenAt >= before.getTime()) return false;
    this.data.delete(key);
    return true;
  }
  async pruneAside(before: Date): Promise<number> {
    let removed = 0;
    for (const [name, of] of this.asideOf) {
      if (of.writtenAt >= before.getTime()) continue;
      this.aside.delete(name);
      this.asideOf.delete(name);
      removed++;
    }
    return removed;
  }
  claim(id: string, ttlSeconds: number): Promise<boolean> {
    return this.claims.claim(id, ttlSeconds);
  }
  async close(): Promise<void> {}
}
