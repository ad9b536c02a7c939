/** What the Slack adapter is built with (the composition root and tests pass these). */
import type { LogLevel, webApi } from "@slack/bolt";
import type { Content } from "../../src/content/compile.ts";
import type { Coordinator } from "../../src/coordinator.ts";
import type { Logger } from "../../src/log.ts";
import type { SeenDeliveries } from "../shared/seen-deliveries.ts";
import type { SlackDialog } from "./slack-dialog-schema.ts";
import type { SlackSettings } from "./slack-settings.ts";

export interface SlackAdapterOptions {
  settings: SlackSettings;
  coordinator: Coordinator;
  content: Content;
  log: Logger;
  /** dialogs/slack.yaml, already loaded; read from disk when absent */
  dialog?: SlackDialog;
  /** which deliveries were already handled: in memory by default; pass the session store to share it between processes */
  seen?: SeenDeliveries;
  /** Web API client options (tests point `slackApiUrl` at a local fake) */
  clientOptions?: webApi.WebClientOptions;
  /** HTTP mode: the interface to listen on; all interfaces when absent */
  host?: string;
  /** how much of Bolt's own logging to keep (WARN by default) */
  boltLogLevel?: LogLevel;
}
