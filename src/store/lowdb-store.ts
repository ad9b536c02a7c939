/**
 * Sessions on disk with lowdb: one small JSON file per session under `<dir>/sessions/`, and the
 * copies of a session set aside (damaged, from a newer coach) under `<dir>/sessions/aside/<file>/`,
 * so that forgetting a user removes one folder without listing anyone else's files. A write
 * rewrites one session's file (a temp file of its own, then a rename: see session-file.ts), so its
 * cost does not grow with the number of users, and a killed process leaves either the old or the
 * new file, never half of one.
 *
 * One process per data folder: `lockFolder()` (called by openStore) refuses a second one with a
 * message naming the folder and the process that holds it (folder-lock.ts).
 */
import { createHash } from "node:crypto";
import { mkdir, opendir, readdir, rename, rm, rmdir, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { Low } from "lowdb";
import { silentLogger, type Logger } from "../log.ts";
import { lockDataFolder, type FolderLock } from "./folder-lock.ts";
import { InMemoryClaims } from "./in-memory-claims.ts";
import { DamagedFileError, diskError, SessionFile, type FileOps } from "./session-file.ts";
import type { Revisioned, SessionStore, StoredSession } from "./session-store.ts";
import { errnoCode } from "./store-errors.ts";

interface SessionFileData extends StoredSession {
  key: string;
  /** counts the writes of this session; files written before it existed count as 0 */
  revision?: number;
}

/** File names are kept well under the 255 bytes most file systems allow. */
const MAX_NAME_BYTES = 200;

/**
 * A key as a file name: letters, digits, "." "_" "-" kept, everything else as %XX. A key whose name
 * would be too long for the file system (a 300-character `--user`) is cut and followed by "~" and
 * a hash of the whole key ("~" is always escaped otherwise, so the two kinds never collide).
 */
export function fileNameOf(key: string): string {
  const escaped = key.replace(/[^A-Za-z0-9._-]/g, (ch) => [...Buffer.from(ch, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join(""));
  if (escaped.length + ".json".length <= MAX_NAME_BYTES) return `${escaped}.json`;
  const hash = createHash("sha256").update(key, "utf8").digest("hex").slice(0, 40);
  return `${escaped.slice(0, 100).replace(/%[0-9A-F]?$/, "")}~${hash}.json`;
}

/** The key a file name stands for; null for a hashed name (read the file) or a name no key gives. */
function keyOfName(fileName: string): string | null {
  if (!fileName.endsWith(".json") || fileName.includes("~")) return null;
  let key: string;
  try {
    key = decodeURIComponent(fileName.slice(0, -".json".length));
  } catch {
    return null;
  }
  return fileNameOf(key) === fileName ? key : null;
}

export interface LowdbStoreOptions {
  /** the data directory, e.g. ./data */
  dir: string;
  /** called when a damaged file is set aside, with what happened */
  onDamaged?: (message: string) => void;
  /** gives the suffix of a damaged file's copy; defaults to the current time */
  now?: () => Date;
  /** fsync each written file and its folder (COACH_DURABLE=fsync) */
  durable?: boolean;
  /** where stray files met by the sweep are mentioned (once each) */
  log?: Logger;
  /** the file operations of session files (tests inject disk errors) */
  io?: FileOps;
}

/** Temp files older than this are leftovers of a write that was interrupted (a killed process). */
const TEMP_LEFTOVER_MS = 60 * 60 * 1000;

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
  private readonly log: Logger;
  /** stray files already mentioned in the log */
  private readonly strays = new Set<string>();
  private lock: FolderLock | null = null;

  constructor(private readonly options: LowdbStoreOptions) {
    this.sessionsDir = join(options.dir, "sessions");
    this.log = options.log ?? silentLogger;
  }

  /**
   * Makes this process the only coach on the data folder, and checks that the folder can be
   * written. Called by openStore before the store is used.
   * @throws StoreStartError naming the folder (and the process that holds it), in one line
   */
  async lockFolder(): Promise<void> {
    if (this.lock) return;
    this.lock = await lockDataFolder(this.options.dir);
    const before = this.lock.tookOverFrom;
    if (before) this.log.info("took over the data folder from a coach process that is no longer running", { pid: before.pid, startedAt: before.startedAt });
  }

  private ensureDir(): Promise<void> {
    this.ready ??= mkdir(this.sessionsDir, { recursive: true }).then(
      () => undefined,
      (err: unknown) => {
        this.ready = null;
        throw diskError("create the folder", this.sessionsDir, err);
      },
    );
    return this.ready;
  }

  /** The path of a key's file (tests read the file itself). */
  pathOf(key: string): string {
    return join(this.sessionsDir, fileNameOf(key));
  }

  private db(key: string, writtenAt?: Date): Low<SessionFileData | null> {
    const options = { durable: this.options.durable ?? false, ...(writtenAt ? { writtenAt } : {}), ...(this.options.io ? { io: this.options.io } : {}) };
    return new Low<SessionFileData | null>(new SessionFile<SessionFileData | null>(this.pathOf(key), options), null);
  }

  async read(key: string): Promise<Revisioned> {
    await this.ensureDir();
    const db = this.db(key);
    try {
      await db.read();
    } catch (err) {
      // only a file that is not a JSON object is set aside; a disk error (StoreUnavailableError)
      // goes up as it is, and the file stays untouched
      if (!(err instanceof DamagedFileError)) throw err;
      return this.damaged(key, err.reason);
    }
    if (db.data !== null && db.data.key !== undefined && db.data.key !== key) {
      return this.damaged(key, `it holds the session of another key (${JSON.stringify(String(db.data.key).slice(0, 80))})`);
    }
    const revision = db.data === null ? null : (db.data.revision ?? 0);
    this.revisions.set(key, revision);
    if (db.data === null) return { value: undefined, revision: null };
    const { version, state, place } = db.data;
    return { value: place === undefined ? { version, state } : { version, state, place }, revision: revision === null ? null : String(revision) };
  }

  /** Sets a file that cannot be read as a session aside, and says so. */
  private async damaged(key: string, reason: string): Promise<Revisioned> {
    const copy = await this.moveAside(key, "damaged");
    this.revisions.set(key, null);
    this.options.onDamaged?.(`session file ${this.pathOf(key)} could not be read: ${reason}; kept aside as ${copy}`);
    return { value: undefined, revision: null, setAside: { copy, reason } };
  }

  writeIf(key: string, value: StoredSession, revision: string | null, _ttlSeconds?: number, writtenAt?: Date): Promise<boolean> {
    const previous = this.writing.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.checkAndWrite(key, value, revision, writtenAt));
    const settled = next.catch(() => undefined);
    this.writing.set(key, settled);
    void settled.then(() => {
      if (this.writing.get(key) === settled) this.writing.delete(key);
    });
    return next;
  }

  private async checkAndWrite(key: string, value: StoredSession, revision: string | null, writtenAt: Date | undefined): Promise<boolean> {
    await this.ensureDir();
    if (!this.revisions.has(key)) await this.read(key);
    const current = this.revisions.get(key) ?? null;
    if ((current === null ? null : String(current)) !== revision) return false;
    const next = (current ?? 0) + 1;
    const db = this.db(key, writtenAt);
    db.data = { key, version: value.version, revision: next, state: value.state, ...(value.place !== undefined ? { place: value.place } : {}) };
    try {
      await db.write();
    } catch (err) {
      // the file was not replaced: what it holds is unknown to us until it is read again
      this.revisions.delete(key);
      throw err;
    }
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
    const copy = join(dir, `${why}-${stamp}.json`);
    try {
      await mkdir(dir, { recursive: true });
      await rename(this.pathOf(key), copy);
    } catch (err) {
      throw diskError("set aside", this.pathOf(key), err);
    }
    return copy;
  }

  claim(id: string, ttlSeconds: number): Promise<boolean> {
    return this.claims.claim(id, ttlSeconds);
  }

  /** Removes the session's file and every copy of it set aside (damaged, from a newer coach). */
  async delete(key: string): Promise<void> {
    try {
      await rm(this.pathOf(key), { force: true });
      await rm(this.asideDirOf(key), { recursive: true, force: true });
    } catch (err) {
      throw diskError("delete", this.pathOf(key), err);
    }
    this.revisions.set(key, null);
  }

  async keys(): Promise<string[]> {
    await this.ensureDir();
    const keys: string[] = [];
    for (const name of await readdir(this.sessionsDir)) {
      const key = await this.keyOfFile(name);
      if (key !== null) keys.push(key);
    }
    return keys;
  }

  /** The key of a file of the sessions folder; null (and one log line) for a stray file. */
  private async keyOfFile(name: string): Promise<string | null> {
    if (!name.endsWith(".json")) return null;
    const fromName = keyOfName(name);
    if (fromName !== null) return fromName;
    if (name.includes("~")) {
      // a long key, hashed: the file says which key it is
      try {
        const data = await new SessionFile<SessionFileData>(join(this.sessionsDir, name)).read();
        if (data && typeof data.key === "string" && fileNameOf(data.key) === name) return data.key;
      } catch {
        // unreadable: treated as stray below
      }
    }
    if (!this.strays.has(name)) {
      this.strays.add(name);
      this.log.warn("a file in the sessions folder is not a session file; it is left alone", { file: join(this.sessionsDir, name) });
    }
    return null;
  }

  async *untouchedSince(before: Date, batchSize: number): AsyncIterable<string[]> {
    await this.ensureDir();
    // a directory stream: the names come a few at a time, never all 100,000 at once; the dates of
    // a batch of names are read together
    let names: string[] = [];
    const oldOnes = async (batch: string[]): Promise<string[]> => {
      const dates = await Promise.all(batch.map((name) => mtimeOf(join(this.sessionsDir, name))));
      const keys: string[] = [];
      for (const [i, name] of batch.entries()) {
        const modified = dates[i];
        if (modified === null || modified === undefined || modified >= before.getTime()) continue;
        const key = await this.keyOfFile(name);
        if (key !== null) keys.push(key);
      }
      return keys;
    };
    for await (const entry of await opendir(this.sessionsDir, { bufferSize: 128 })) {
      if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
      // a name no key gives is a stray file, whatever its age: said once, left alone
      if (keyOfName(entry.name) === null && !entry.name.includes("~")) {
        await this.keyOfFile(entry.name);
        continue;
      }
      names.push(entry.name);
      if (names.length >= batchSize) {
        const keys = await oldOnes(names);
        names = [];
        if (keys.length > 0) yield keys;
      }
    }
    const keys = await oldOnes(names);
    if (keys.length > 0) yield keys;
  }

  async deleteIfUntouchedSince(key: string, before: Date): Promise<boolean> {
    const modified = await mtimeOf(this.pathOf(key));
    if (modified === null || modified >= before.getTime()) return false;
    // only a session file: a file of someone's that happens to have a session's name stays
    let data: SessionFileData | null;
    try {
      data = await new SessionFile<SessionFileData>(this.pathOf(key)).read();
    } catch (err) {
      if (!(err instanceof DamagedFileError)) throw err;
      data = null;
    }
    if (data?.key !== key) {
      const name = fileNameOf(key);
      if (!this.strays.has(name)) {
        this.strays.add(name);
        this.log.warn("a file in the sessions folder is not a session file; it is left alone", { file: this.pathOf(key) });
      }
      return false;
    }
    try {
      await unlink(this.pathOf(key));
    } catch (err) {
      if (errnoCode(err) === "ENOENT") return false;
      throw diskError("delete", this.pathOf(key), err);
    }
    this.revisions.set(key, null);
    return true;
  }

  async pruneAside(before: Date): Promise<number> {
    await this.ensureDir();
    let removed = 0;
    const asideRoot = join(this.sessionsDir, "aside");
    try {
      for await (const folder of await opendir(asideRoot, { bufferSize: 64 })) {
        if (!folder.isDirectory()) continue;
        const dir = join(asideRoot, folder.name);
        let left = 0;
        for (const copy of await readdir(dir)) {
          const modified = await mtimeOf(join(dir, copy));
          if (modified !== null && modified < before.getTime()) {
            await rm(join(dir, copy), { force: true });
            removed++;
          } else left++;
        }
        if (left === 0) await rmdir(dir).catch(() => undefined);
      }
    } catch (err) {
      if (errnoCode(err) !== "ENOENT") throw diskError("sweep", asideRoot, err);
    }
    // temp files of writes interrupted by a killed process
    const leftoverBefore = Date.now() - TEMP_LEFTOVER_MS;
    for await (const entry of await opendir(this.sessionsDir, { bufferSize: 64 })) {
      if (!entry.isFile() || !entry.name.startsWith(".") || !entry.name.endsWith(".tmp")) continue;
      const modified = await mtimeOf(join(this.sessionsDir, entry.name));
      if (modified !== null && modified < leftoverBefore) {
        await rm(join(this.sessionsDir, entry.name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  async close(): Promise<void> {
    await this.lock?.release();
    this.lock = null;
  }
}

/** A file's modification time in ms, or null when it is gone. */
async function mtimeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs;
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return null;
    throw diskError("read the date of", path, err);
  }
}
