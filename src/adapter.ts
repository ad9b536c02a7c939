import type { Lang } from "./vocabulary/lang.ts";
import type { Reply } from "./vocabulary/replies.ts";

/**
 * The lifecycle every platform adapter has. Adapters are built by the composition root
 * (adapters/main.ts) around a coordinator; the core never builds or picks a transport.
 */
export interface Adapter {
  /** a short name for logs: "slack", "discord", "terminal" */
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** how this platform lets the coach write first (the pilot review's reminder); none: it cannot */
  reminders?(): ReminderDelivery;
}

/**
 * Writing first to someone, for the pilot review (src/followup/reminders.ts drives it). Each
 * platform says which sessions are its own, whether now is a fine time for that person (their
 * local hour, where the platform knows it), and posts the coach's replies in a direct message.
 */
export interface ReminderDelivery {
  /** true for the session keys of this platform ("slack:T1:U1") */
  handles(key: string): boolean;
  /** false when it is night (or otherwise a bad time) for that person now; the reminder waits */
  fineTimeFor?(key: string, now: Date): Promise<boolean>;
  /** posts the replies in a direct message; throws when that person cannot be written to */
  deliver(key: string, replies: readonly Reply[], lang: Lang): Promise<void>;
}
