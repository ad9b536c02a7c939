/**
 * Insights for a running coach, when COACH_INSIGHTS=on: the store beside the sessions (lowdb files,
 * or Redis when REDIS_URL is set), the recorder the coordinator tells each turn, and a daily prune
 * of what is older than COACH_INSIGHTS_DAYS. Null when insights are off (the default).
 */
import type { CoreSettings } from "../config.ts";
import type { Logger } from "../log.ts";
import { LowdbInsights, RedisInsights, type InsightsStore } from "./insights-store.ts";
import { dayOf, InsightsRecorder } from "./recorder.ts";

const DAY_MS = 24 * 3600 * 1000;

export interface OpenInsights {
  store: InsightsStore;
  recorder: InsightsRecorder;
  close(): Promise<void>;
}

/** The insights store named by the settings: Redis when REDIS_URL is set, else files in the data folder. */
export async function insightsStoreOf(core: CoreSettings, dataDir: string): Promise<InsightsStore> {
  return core.REDIS_URL ? RedisInsights.connect(core.REDIS_URL) : new LowdbInsights(dataDir);
}

export async function openInsights(core: CoreSettings, dataDir: string, log: Logger, now: () => Date = () => new Date()): Promise<OpenInsights | null> {
  if (core.COACH_INSIGHTS !== "on") return null;
  const store = await insightsStoreOf(core, dataDir);
  const recorder = new InsightsRecorder(store, await store.secret(), log);
  const prune = () =>
    store.prune(dayOf(new Date(now().getTime() - core.COACH_INSIGHTS_DAYS * DAY_MS).toISOString())).catch((err: unknown) => log.warn("insights: could not delete old insights", { error: err instanceof Error ? err.message : String(err) }));
  // at start-up (what expired while the coach was down goes before anything is shown), then daily
  await prune();
  const timer = setInterval(() => void prune(), DAY_MS);
  timer.unref();
  log.info("insights on: counts and misunderstood messages are kept", { days: core.COACH_INSIGHTS_DAYS });
  return {
    store,
    recorder,
    close: async () => {
      clearInterval(timer);
      await recorder.idle();
      await store.close();
    },
  };
}
