/**
 * Slack as a platform of `npm start`: its settings from the environment, and the adapter built
 * around the shared coordinator.
 */
import type { PlatformModule } from "../platform.ts";
import { SlackAdapter } from "./slack-adapter.ts";
import { readSlackSettings, slackSecrets, type SlackSettings } from "./slack-settings.ts";

/** Registered in adapters/main.ts. */
export const slackPlatform: PlatformModule<SlackSettings> = {
  name: "slack",
  settings: readSlackSettings,
  create: (settings, { coordinator, content, log }) => new SlackAdapter({ settings, coordinator, content, log }),
  secrets: slackSecrets,
};
