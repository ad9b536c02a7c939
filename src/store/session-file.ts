/**
 * One session file on disk, as a lowdb adapter: read it back, or replace it whole and atomically.
 *
 * A write goes to a temp file whose name is unique to that write (process id, a counter and random
 * bytes), which is then renamed over the session file: a process killed mid-write leaves the old
 * file or the new one, never half of one, and two writers never share a temp file. With `durable`,
 * the temp file is fsynced before the rename and the folder after it, so that a power cut or an OS
 * crash cannot lose an acknowledged write either (at the cost measured in `npm run bench`).
 *
 * Errors are told apart: a file that is not valid JSON throws DamagedFileError (the store sets it
 * aside); a disk that refuses (EMFILE, EACCES, EIO, ENOSPC, ENAMETOOLONG...) throws
 * StoreUnavailableError and leaves every file as it was.
 */
import { randomBytes } from "node:crypto";
import * as fsp from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Adapter } from "lowdb";
import { errnoCode, StoreUnavailableError } from "./store-errors.ts";

/** The file's text is not valid JSON (or not a JSON object): what was wrong, for the log. */
export class DamagedFileError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: ${reason}`);
    this.name = "DamagedFileError";
  }
}

/** The file operations a SessionFile uses: Node's own, or a test's that fail on purpose. */
export interface FileOps {
  readFile: (path: string, encoding: "utf8") => Promise<string>;
  open: (path: string, flags: string) => Promise<fsp.FileHandle>;
  rename: (from: string, to: string) => Promise<void>;
  unlink: (path: string) => Promise<void>;
  utimes: (path: string, atime: Date, mtime: Date) => Promise<void>;
}

/** Node's file operations. */
export const nodeFileOps: FileOps = {
  readFile: (path, encoding) => fsp.readFile(path, encoding),
  open: (path, flags) => fsp.open(path, flags),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  utimes: (path, atime, mtime) => fsp.utimes(path, atime, mtime),
};

export interface SessionFileOptions {
  /** the file operations (tests inject failures) */
  io?: FileOps;
  /** fsync the file and its folder on every write (COACH_DATA_DIR durability, see COACH_DURABLE) */
  durable?: boolean;
  /** the modification time given to the written file: the coordinator's clock (expiry reads it) */
  writtenAt?: Date;
}

let writes = 0;

/** A disk error as a StoreUnavailableError that says which operation on which file failed. */
export function diskError(operation: string, path: string, err: unknown): StoreUnavailableError {
  const code = errnoCode(err);
  return new StoreUnavailableError(`could not ${operation} ${path} (${code ?? (err instanceof Error ? err.message : String(err))})`, { kind: "io", code, cause: err });
}

/** True for errors that come from the operating system (they have an errno code). */
function isSystemError(err: unknown): boolean {
  return errnoCode(err) !== undefined;
}

export class SessionFile<T> implements Adapter<T> {
  private readonly io: FileOps;

  constructor(
    readonly path: string,
    private readonly options: SessionFileOptions = {},
  ) {
    this.io = options.io ?? nodeFileOps;
  }

  /**
   * The parsed file, or null when there is none.
   * @throws DamagedFileError when it is not a JSON object; StoreUnavailableError when the disk refuses
   */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await this.io.readFile(this.path, "utf8");
    } catch (err) {
      if (errnoCode(err) === "ENOENT") return null;
      if (isSystemError(err)) throw diskError("read", this.path, err);
      throw err;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new DamagedFileError(this.path, text.trim() === "" ? "the file is empty" : `not valid JSON (${(err as Error).message})`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new DamagedFileError(this.path, "valid JSON, but not an object");
    return parsed as T;
  }

  /**
   * Replaces the file with `data`: a temp file of its own, then a rename (fsyncs with `durable`).
   * @throws StoreUnavailableError when the disk refuses; the old file is then left as it was
   */
  async write(data: T): Promise<void> {
    const dir = dirname(this.path);
    const temp = join(dir, `.${basename(this.path)}.${process.pid}-${++writes}-${randomBytes(4).toString("hex")}.tmp`);
    const text = JSON.stringify(data, null, 2);
    try {
      const file = await this.io.open(temp, "wx");
      try {
        await file.writeFile(text, "utf8");
        if (this.options.durable) await file.sync();
      } finally {
        await file.close();
      }
      await this.io.rename(temp, this.path);
    } catch (err) {
      await this.io.unlink(temp).catch(() => undefined);
      if (isSystemError(err)) throw diskError("write", this.path, err);
      throw err;
    }
    // the new file is in place from here on
    if (this.options.writtenAt) {
      // after the rename, so that a temp file never looks old (the sweep removes old leftovers);
      // a file system that refuses leaves the time of the write, which is as good
      await this.io.utimes(this.path, this.options.writtenAt, this.options.writtenAt).catch(() => undefined);
    }
    if (this.options.durable) {
      await syncFolder(dir).catch((err: unknown) => {
        throw new StoreUnavailableError(`wrote ${this.path} but could not make it durable (${errnoCode(err) ?? String(err)})`, {
          kind: "io", code: errnoCode(err), maybeApplied: true, cause: err,
        });
      });
    }
  }
}

/** fsyncs a folder, so that a rename in it survives a power cut. */
export async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await fsp.open(dir, "r");
    await handle.sync();
  } catch (err) {
    if (isSystemError(err)) throw diskError("sync the folder", dir, err);
    throw err;
  } finally {
    await handle?.close();
  }
}
