/**
 * Sessions on disk with lowdb: one small JSON file per session under `<dir>/sessions/`. A write
 * rewrites one session's file (temp file + rename, by lowdb's steno), so its cost does not grow
 * with the number of users, and a killed process leaves either the old or the new file, never half
 * of one.
 */
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import type { SessionStore, StoredSession } from "./session-store.ts";

interface SessionFile extends StoredSession {
  key: string;
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

export class LowdbStore implements SessionStore {
  private readonly sessionsDir: string;
  private ready: Promise<void> | null = null;

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

  async get(key: string): Promise<unknown> {
    await this.ensureDir();
    const db = this.db(key);
    try {
      await db.read();
    } catch (err) {
      const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, "-");
      const copy = `${this.pathOf(key)}.damaged-${stamp}`;
      await rename(this.pathOf(key), copy);
      this.options.onDamaged?.(`session file ${this.pathOf(key)} could not be read (${(err as Error).name}); kept aside as ${copy}`);
      return { damaged: copy };
    }
    if (db.data === null) return undefined;
    return { version: db.data.version, state: db.data.state };
  }

  async set(key: string, value: StoredSession): Promise<void> {
    await this.ensureDir();
    const db = this.db(key);
    db.data = { key, version: value.version, state: value.state };
    await db.write();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async keys(): Promise<string[]> {
    await this.ensureDir();
    return (await readdir(this.sessionsDir)).filter((f) => f.endsWith(".json")).map(keyOf);
  }

  async close(): Promise<void> {}
}
