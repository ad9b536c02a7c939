/**
 * Slack as a platform of `npm start`: its settings from the environment, and the adapter built
 * around the shared coordinator.
 */
import type { PlatformModule } from "../platform.ts";
import { failOpen } from "../shared/fail-open-deliveries.ts";
import { platformEntry } from "../shared/platform-entry.ts";
import { readSlackSettings, slackSecrets, type SlackSettings } from "./slack-settings.ts";

/** The Slack platform module, with its settings type. */
export const slackPlatform: PlatformModule<SlackSettings> = {
  name: "slack",
  settings: readSlackSettings,
  // the store remembers retried and replayed deliveries: with Redis, across every instance (and when
  // Redis is away, a delivery is handled rather than left unanswered: fail-open-deliveries.ts)
  create: async (settings, { coordinator, content, log, store }) => {
    // Bolt is loaded only when Slack is configured (start-up time and memory otherwise)
    const { SlackAdapter } = await import("./slack-adapter.ts");
    const clientOptions = settings.apiUrl === undefined ? {} : { clientOptions: { slackApiUrl: settings.apiUrl } };
    return new SlackAdapter({ settings, coordinator, content, log, seen: failOpen(store, log), ...clientOptions });
  },
  secrets: slackSecrets,
};

/** The entry of adapters/main.ts's PLATFORMS list. */
export const slackEntry = platformEntry(slackPlatform);
