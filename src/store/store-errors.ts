/**
 * How a session store says it could not do its job, so that the coordinator and the adapters can
 * tell a person something true ("I can't reach my memory right now") instead of a stack trace, and
 * so that an I/O error is never mistaken for a damaged session.
 */

/** Why the store could not be used. */
export type UnavailableKind =
  /** the store's server cannot be reached (Redis away, restarting, out of memory, read-only) */
  | "unreachable"
  /** the disk refused (too many open files, permission, no space, I/O error, read-only folder) */
  | "io";

/**
 * The store could not be used for this operation. Nothing stored was changed by a read; a write
 * either did not happen or, when `maybeApplied` is true, was sent and its outcome is unknown (the
 * connection broke before the reply). The message names the operation and the cause, never a
 * secret (no URL with its password).
 */
export class StoreUnavailableError extends Error {
  readonly kind: UnavailableKind;
  /** the system or Redis error code when there is one: "EMFILE", "ENOSPC", "LOADING"... */
  readonly code: string | undefined;
  readonly maybeApplied: boolean;

  constructor(message: string, o: { kind: UnavailableKind; code?: string | undefined; maybeApplied?: boolean; cause?: unknown }) {
    super(message, o.cause === undefined ? undefined : { cause: o.cause });
    this.name = "StoreUnavailableError";
    this.kind = o.kind;
    this.code = o.code;
    this.maybeApplied = o.maybeApplied ?? false;
  }
}

/** True for a StoreUnavailableError (also across module copies, by name). */
export function isStoreUnavailable(err: unknown): err is StoreUnavailableError {
  return err instanceof StoreUnavailableError || (err instanceof Error && err.name === "StoreUnavailableError" && "kind" in err);
}

/**
 * A store that cannot start (a folder it cannot write, a second process on the same folder, a
 * Redis it cannot reach). Its message is one line saying what to do; it has no stack of its own
 * because it is an operating condition, not a bug, wherever it ends up printed.
 */
export class StoreStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreStartError";
    this.stack = message;
  }
}

/** The `code` of a Node.js system error (EMFILE, ENOENT...), if it has one. */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null || !("code" in err)) return undefined;
  return typeof err.code === "string" ? err.code : undefined;
}
