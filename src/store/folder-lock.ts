/**
 * One coach process per lowdb data folder. lowdb files are safe against a killed process, not
 * against a second process writing the same files (each would check revisions against its own
 * memory and overwrite the other's answers), so a second process on a folder in use is refused at
 * start-up, with a message naming the folder and the process that holds it. Several processes
 * share sessions through Redis instead (REDIS_URL).
 *
 * The lock is a file, `<dir>/coach.lock`, created exclusively (O_EXCL) and holding the owner's
 * pid, host and start time. A lock whose process is gone (killed, crashed, the machine rebooted)
 * is taken over, with a log line by the caller; the file is removed on a clean stop.
 */
import { hostname } from "node:os";
import { resolve, join } from "node:path";
import { mkdir, open, readFile, unlink } from "node:fs/promises";
import { errnoCode, StoreStartError } from "./store-errors.ts";

/** The name of the lock file inside the data folder. */
export const LOCK_FILE = "coach.lock";

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export interface FolderLock {
  /** the lock file */
  path: string;
  /** set when a lock left by a process that is gone was taken over */
  tookOverFrom: LockOwner | null;
  release(): Promise<void>;
}

/** True while a process with this pid runs on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, but belongs to another user
    return errnoCode(err) === "EPERM";
  }
}

/** A one-line reason a folder cannot be used, with what would work. */
function folderProblem(dir: string, err: unknown): StoreStartError {
  const code = errnoCode(err);
  const why =
    code === "EACCES" || code === "EPERM" ? "permission denied"
    : code === "EROFS" ? "the file system is read-only"
    : code === "ENOSPC" ? "the disk is full"
    : code === "ENOTDIR" ? "a file of that name is in the way"
    : (code ?? (err instanceof Error ? err.message : String(err)));
  return new StoreStartError(
    `Cannot use the data folder ${dir}: ${why}. Give the coach a folder it can write (COACH_DATA_DIR, or --db in the terminal), or keep sessions in Redis (REDIS_URL).`,
    { cause: err },
  );
}

/**
 * Takes the data folder `dir` for this process: creates it if needed, checks it can be written,
 * and refuses when another live coach process holds it.
 * @throws StoreStartError in one line: the folder, the process that holds it, what to do
 */
export async function lockDataFolder(dir: string): Promise<FolderLock> {
  const folder = resolve(dir);
  const path = join(folder, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command: process.argv.slice(1).join(" ").slice(0, 200) };
  try {
    await mkdir(join(folder, "sessions"), { recursive: true });
  } catch (err) {
    throw folderProblem(folder, err);
  }
  let tookOverFrom: LockOwner | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, "wx");
      try {
        await handle.writeFile(JSON.stringify(me) + "\n");
      } finally {
        await handle.close();
      }
      return {
        path,
        tookOverFrom,
        release: async () => {
          // only our own lock: never one another process took over meanwhile
          const now = await readOwner(path);
          if (now?.pid === me.pid && now.host === me.host) await unlink(path).catch(() => undefined);
        },
      };
    } catch (err) {
      if (errnoCode(err) !== "EEXIST") throw folderProblem(folder, err);
    }
    const owner = await readOwner(path);
    if (owner && owner.host === me.host && owner.pid !== me.pid && alive(owner.pid)) {
      throw new StoreStartError(
        `The data folder ${folder} is in use by another coach process (pid ${owner.pid}, started ${owner.startedAt}). ` +
          `Stop that one first, give this one its own folder (COACH_DATA_DIR, or --db in the terminal), or keep sessions in Redis (REDIS_URL) to run several. ` +
          `If no coach is running, delete ${path}.`,
      );
    }
    if (owner && owner.host !== me.host) {
      throw new StoreStartError(
        `The data folder ${folder} is in use by a coach process on another machine (${owner.host}, pid ${owner.pid}, started ${owner.startedAt}). ` +
          `One folder serves one process: use Redis (REDIS_URL) to run several. If that process is gone, delete ${path}.`,
      );
    }
    // the process that left it is gone (or the file is unreadable): take it over
    tookOverFrom = owner;
    await unlink(path).catch((e: unknown) => {
      if (errnoCode(e) !== "ENOENT") throw folderProblem(folder, e);
    });
  }
  throw new StoreStartError(`Could not take the data folder ${folder}: another process keeps taking it. Is a second coach starting on it?`);
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(path, "utf8")) as Partial<LockOwner>;
    return typeof owner.pid === "number" && typeof owner.host === "string" ? { pid: owner.pid, host: owner.host, startedAt: String(owner.startedAt ?? "?"), command: String(owner.command ?? "") } : null;
  } catch {
    return null;
  }
}
