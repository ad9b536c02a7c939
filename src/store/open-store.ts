/**
 * Chooses the session store from the settings: Redis when REDIS_URL is set (several instances can
 * then share sessions), else lowdb files under COACH_DATA_DIR (one process per folder, locked).
 */
import type { CoreSettings } from "../config.ts";
import type { Logger } from "../log.ts";
import { LowdbStore } from "./lowdb-store.ts";
import type { SessionStore } from "./session-store.ts";

/**
 * Opens the store the settings name.
 * @throws StoreStartError in one line, without secrets: Redis unreachable, a folder that cannot be
 *   written, a folder another coach process holds
 */
export async function openStore(settings: CoreSettings, log: Logger, dataDir = settings.COACH_DATA_DIR): Promise<SessionStore> {
  const durable = settings.COACH_DURABLE === "fsync";
  if (settings.REDIS_URL) {
    // the Redis client is loaded only when it is used
    const { RedisStore } = await import("./redis-store.ts");
    return RedisStore.connect({ url: settings.REDIS_URL, log, durable });
  }
  const store = new LowdbStore({ dir: dataDir, onDamaged: (m) => log.warn(m), durable, log });
  await store.lockFolder();
  return store;
}
