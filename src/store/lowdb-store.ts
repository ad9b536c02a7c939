/**
 * Sessions on disk with lowdb: one small JSON file per session under `<dir>/sessions/`, and the
 * copies of a session set aside (damaged, from a newer coach) under `<dir>/sessions/aside/<file>/`,
 * so that forgetting a user removes one folder without listing anyone else's files. A write
 * rewrites one session's file (temp file + rename, by lowdb's steno), so its cost does not grow
 * with the number of users, and a killed process leaves either the old or the new file, never half
 * of one.
 */
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import { InMemoryClaims } from "./in-memory-claims.ts";
import type { Revisioned, SessionStore, StoredSession } from "./session-store.ts";

interface SessionFile extends StoredSession {
  key: string;
  /** counts the writes of this session; files written before it existed count as 0 */
  revision?: number;
}

/** A key as a file name: letters, digits, "." "_" "-" kept, everything else as %XX. */
export function fileNameOf(key: string): string {
  return key.replace(/[^A-Za-z0-9._-]/g, (ch) => [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("")) + ".json";
}

function keyOf(fileName: string): string {
  return decodeURIComponent(fileName.slice(0, -".json".length));
}

export interface LowdbStoreOptions {
  /** the data directory, e.g. ./data */
  dir: string;
  /** called when a damaged file is set aside, with what happened */
  onDamaged?: (message: string) => void;
  /** gives the suffix of a damaged file's copy; defaults to the current time */
  now?: () => Date;
}

/**
 * lowdb is safe in one process only (two writers of one file lose writes): this store is for a
 * single instance. Within it, the coordinator runs one input per session at a time, and the
 * revisions it wrote are remembered, so a conditional write costs no extra read.
 */
export class LowdbStore implements SessionStore {
  private readonly sessionsDir: string;
  private ready: Promise<void> | null = null;
  private readonly revisions = new Map<string, number | null>();
  private readonly claims = new InMemoryClaims();
  /** per key, the write in progress: a check-and-write is atomic within the process */
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(private readonly options: LowdbStoreOptions) {
    this.sessionsDir = join(options.dir, "sessions");
  }

  private ensureDir(): Promise<void> {
    this.ready ??= mkdir(this.sessionsDir, { recursive: true }).then(() => undefined);
    return this.ready;
  }

  /** The path of a key's file (tests read the file itself). */
  pathOf(key: string): string {
    return join(this.sessionsDir, fileNameOf(key));
  }

  private db(key: string): Low<SessionFile | null> {
    return new Low<SessionFile | null>(new JSONFile<SessionFile | null>(this.pathOf(key)), null);
  }

  async read(key: string): Promise<Revisioned> {
    await this.ensureDir();
    const db = this.db(key);
    try {
      await db.read();
    } catch (err) {
      const copy = await this.moveAside(key, "damaged");
      this.revisions.set(key, null);
      this.options.onDamaged?.(`session file ${this.pathOf(key)} could not be read (${(err as Error).name}); kept aside as ${copy}`);
      return { value: { damaged: copy }, revision: null };
    }
    const revision = db.data === null ? null : (db.data.revision ?? 0);
    this.revisions.set(key, revision);
    if (db.data === null) return { value: undefined, revision: null };
    const { version, state, place } = db.data;
    return { value: place === undefined ? { version, state } : { version, state, place }, revision: revision === null ? null : String(revision) };
  }

  writeIf(key: string, value: StoredSession, revision: string | null): Promise<boolean> {
    const previous = this.writing.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.checkAndWrite(key, value, revision));
    const settled = next.catch(() => undefined);
    this.writing.set(key, settled);
    void settled.then(() => {
      if (this.writing.get(key) === settled) this.writing.delete(key);
    });
    return next;
  }

  private async checkAndWrite(key: string, value: StoredSession, revision: string | null): Promise<boolean> {
    await this.ensureDir();
    if (!this.revisions.has(key)) await this.read(key);
    const current = this.revisions.get(key) ?? null;
    if ((current === null ? null : String(current)) !== revision) return false;
    const next = (current ?? 0) + 1;
    const db = this.db(key);
    db.data = { key, version: value.version, revision: next, state: value.state, ...(value.place !== undefined ? { place: value.place } : {}) };
    await db.write();
    this.revisions.set(key, next);
    return true;
  }

  async setAside(key: string, why: string): Promise<string | null> {
    let copy: string;
    try {
      copy = await this.moveAside(key, why);
    } catch {
      return null;
    }
    this.revisions.set(key, null);
    return copy;
  }

  /** The folder of a key's copies set aside. */
  asideDirOf(key: string): string {
    return join(this.sessionsDir, "aside", fileNameOf(key));
  }

  /** Moves a key's file to `aside/<file>/<why>-<time>.json`; returns the copy's path. */
  private async moveAside(key: string, why: string): Promise<string> {
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, "-");
    const dir = this.asideDirOf(key);
    await mkdir(dir, { recursive: true });
    const copy = join(dir, `${why}-${stamp}.json`);
    await rename(this.pathOf(key), copy);
    return copy;
  }

  claim(id: string, ttlSeconds: number): Promise<boolean> {
    return this.claims.claim(id, ttlSeconds);
  }

  /** Removes the session's file and every copy of it set aside (damaged, from a newer coach). */
  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
    await rm(this.asideDirOf(key), { recursive: true, force: true });
    this.revisions.set(key, null);
  }

  async keys(): Promise<string[]> {
    await this.ensureDir();
    return (await readdir(this.sessionsDir)).filter((f) => f.endsWith(".json")).map(keyOf);
  }

  async close(): Promise<void> {}
}
