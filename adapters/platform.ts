/**
 * What the composition root needs of a platform adapter module: whether its settings are present
 * (and valid), and how to build the adapter around the shared coordinator.
 */
import type { Adapter } from "../src/adapter.ts";
import type { Content } from "../src/content/compile.ts";
import type { Coordinator } from "../src/coordinator.ts";
import type { Logger } from "../src/log.ts";
import type { SessionStore } from "../src/store/session-store.ts";

export interface AdapterDeps {
  coordinator: Coordinator;
  content: Content;
  log: Logger;
  /** the session store, whose `claim` de-duplicates platform deliveries (shared across instances on Redis) */
  store: SessionStore;
}

export interface PlatformModule<S> {
  name: string;
  /**
   * The platform's settings from the environment: null when none of its variables is set (the
   * platform is simply not used), else the validated settings.
   * @throws SettingsError naming each missing or malformed variable, never its value
   */
  settings(env: Record<string, string | undefined>): S | null;
  /** Builds the adapter; the platform's SDK is loaded here, only when the platform is used. */
  create(settings: S, deps: AdapterDeps): Promise<Adapter>;
  /** values that must never appear in logs (tokens, secrets) */
  secrets(settings: S): string[];
}
