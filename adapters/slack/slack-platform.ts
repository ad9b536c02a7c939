/**
 * Slack as a platform of `npm start`: its settings from the environment, and the adapter built
 * around the shared coordinator.
 */
import type { PlatformModule } from "../platform.ts";
import { platformEntry } from "../shared/platform-entry.ts";
import { SlackAdapter } from "./slack-adapter.ts";
import { readSlackSettings, slackSecrets, type SlackSettings } from "./slack-settings.ts";

/** The Slack platform module, with its settings type. */
export const slackPlatform: PlatformModule<SlackSettings> = {
  name: "slack",
  settings: readSlackSettings,
  // the store remembers retried deliveries: with Redis, across every instance
  create: (settings, { coordinator, content, log, store }) => new SlackAdapter({ settings, coordinator, content, log, seen: store }),
  secrets: slackSecrets,
};

/** The entry of adapters/main.ts's PLATFORMS list. */
export const slackEntry = platformEntry(slackPlatform);
