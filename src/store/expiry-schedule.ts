/**
 * When the expiry sweep runs: shortly after start-up, in the background (the first message is
 * served meanwhile, however many sessions are stored), then once a day. A sweep still running
 * when the next is due is not started twice. The composition root (adapters/start-platforms.ts)
 * starts it; tests drive it with fake timers.
 */
import type { Logger } from "../log.ts";

export interface ExpiryScheduleOptions {
  log: Logger;
  /** the first sweep starts this long after the call (default 2 s: after the adapters are up) */
  firstAfterMs?: number;
  /** then one sweep every this long (default a day) */
  everyMs?: number;
}

export interface ExpirySchedule {
  /** no more sweeps (one in progress finishes) */
  stop(): void;
  /** resolves when no sweep is running */
  idle(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Runs `sweep` after `firstAfterMs`, then every `everyMs`; failures are logged, never thrown.
 * @example scheduleExpirySweeps(() => coordinator.sweepExpired(), { log })
 */
export function scheduleExpirySweeps(sweep: () => Promise<number>, o: ExpiryScheduleOptions): ExpirySchedule {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = sweep()
      .then(
        () => undefined,
        (err: unknown) => o.log.error("expiry sweep failed; it runs again at the next one", { error: err }),
      )
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(run, o.firstAfterMs ?? 2000);
  const daily = setInterval(run, o.everyMs ?? DAY_MS);
  // the sweeps never keep the process alive on their own
  first.unref();
  daily.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(daily);
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
