/**
 * Chooses the session store from the settings: Redis when REDIS_URL is set (several instances can
 * then share sessions), else lowdb files under COACH_DATA_DIR (one instance).
 */
import type { CoreSettings } from "../config.ts";
import type { Logger } from "../log.ts";
import { LowdbStore } from "./lowdb-store.ts";
import type { SessionStore } from "./session-store.ts";

export async function openStore(settings: CoreSettings, log: Logger, dataDir = settings.COACH_DATA_DIR): Promise<SessionStore> {
  if (settings.REDIS_URL) {
    // the Redis client is loaded only when it is used
    const { RedisStore } = await import("./redis-store.ts");
    const store = await RedisStore.connect({ url: settings.REDIS_URL });
    log.info("sessions kept in Redis");
    return store;
  }
  return new LowdbStore({ dir: dataDir, onDamaged: (m) => log.warn(m) });
}
