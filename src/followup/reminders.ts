/**
 * The pilot review's reminders: every so often, the sessions whose review has come due are found
 * (a read each), and for each the platform that owns it is asked whether now is a fine time for
 * that person; then the `remind` turn claims the review (once, whichever instance gets there first:
 * the write is conditional) and its replies are posted in a direct message. A reminder that cannot
 * be posted waits for the person's next visit (the `undelivered` turn). Reviews that came due while
 * the bot was down are found on the first pass after start-up.
 */
import type { ReminderDelivery } from "../adapter.ts";
import type { Coordinator } from "../coordinator.ts";
import type { Logger } from "../log.ts";
import type { SessionStore } from "../store/session-store.ts";

export interface ReminderPass {
  /** reminders posted */
  sent: number;
  /** due, but not a fine time for that person: tried again on a later pass */
  deferred: number;
  /** could not be posted: waiting for the person's next visit */
  undelivered: number;
}

export interface ReminderOptions {
  coordinator: Coordinator;
  store: SessionStore;
  log: Logger;
  deliveries: readonly ReminderDelivery[];
  /** how often to look, in milliseconds (the first look is at start-up) */
  everyMs: number;
  now?: () => Date;
}

export class Reminders {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReminderPass> | null = null;
  private readonly now: () => Date;

  constructor(private readonly o: ReminderOptions) {
    this.now = o.now ?? (() => new Date());
  }

  /** Starts looking: once now (in the background), then every `everyMs`. */
  start(): void {
    if (this.timer || this.o.deliveries.length === 0) return;
    const tick = () => {
      void this.pass().catch((err: unknown) => this.o.log.error("reminders: a pass failed", { error: err instanceof Error ? err.message : String(err) }));
    };
    this.timer = setInterval(tick, this.o.everyMs);
    this.timer.unref();
    setImmediate(tick);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One look at every session; passes never overlap. */
  pass(): Promise<ReminderPass> {
    this.running ??= this.look().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async look(): Promise<ReminderPass> {
    const out: ReminderPass = { sent: 0, deferred: 0, undelivered: 0 };
    for (const key of await this.o.store.keys()) {
      const delivery = this.o.deliveries.find((d) => d.handles(key));
      if (!delivery) continue;
      // one session that cannot be looked at (the platform does not know the person any more, the
      // store or the platform is away for a moment) does not hold up the reminders of the others
      try {
        await this.remindOne(key, delivery, out);
      } catch (err) {
        out.deferred++;
        this.o.log.warn("reminders: a due review could not be looked at; it is tried again on a later pass", { error: errorText(err) });
      }
    }
    return out;
  }

  private async remindOne(key: string, delivery: ReminderDelivery, out: ReminderPass): Promise<void> {
    if (!(await this.o.coordinator.reviewDue(key))) return;
    if (delivery.fineTimeFor && !(await delivery.fineTimeFor(key, this.now()))) {
      out.deferred++;
      return;
    }
    const outcome = await this.o.coordinator.handle(key, { kind: "remind" });
    // another instance claimed it first, or the person is in the middle of something: nothing to post
    if (outcome.replies.length === 0) return;
    try {
      await delivery.deliver(key, outcome.replies, outcome.lang);
      out.sent++;
      this.o.log.info("reminders: pilot review reminder sent");
    } catch (err) {
      out.undelivered++;
      this.o.log.warn("reminders: the reminder could not be posted; it waits for the person's next visit", { error: errorText(err) });
      await this.o.coordinator.handle(key, { kind: "undelivered" });
    }
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
