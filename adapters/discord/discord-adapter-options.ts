import type { Content } from "../../src/content/compile.ts";
import type { Coordinator } from "../../src/coordinator.ts";
import type { Logger } from "../../src/log.ts";
import type { SeenDeliveries } from "../shared/seen-deliveries.ts";
import type { DiscordDialogs } from "./discord-dialogs.ts";
import type { DiscordSettings } from "./discord-settings.ts";

/** What the adapter is built from; adapters/main.ts passes the shared coordinator and content. */
export interface DiscordAdapterOptions {
  settings: DiscordSettings;
  coordinator: Coordinator;
  content: Content;
  dialogs: DiscordDialogs;
  log: Logger;
  /** the REST base URL, "https://discord.com/api" unless a test points it at a local fake */
  api?: string | undefined;
  /** remembers which plan messages were already shared (the session store: shared by every shard) */
  seen?: SeenDeliveries;
}
