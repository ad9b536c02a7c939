/**
 * The Bolt app of the Slack adapter: built around a Socket Mode or HTTP receiver, and started with
 * one clear message about what to check when Slack refuses or cannot be reached.
 */
import type { Server } from "node:http";
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/log.ts";
import type { SlackSettings } from "./slack-settings.ts";
import { startFailure } from "./slack-start-failure.ts";

/** A Bolt app for these settings; nothing is contacted before `startSlackApp`. */
export function buildSlackApp(s: SlackSettings, clientOptions: webApi.WebClientOptions, logger: BoltLogger): App {
  // copies: the Socket Mode client writes its own retry policy into the options it is given
  const receiver =
    s.mode === "socket"
      ? new SocketModeReceiver({ appToken: s.appToken, logger, installerOptions: { clientOptions: { ...clientOptions } } })
      : new HTTPReceiver({ signingSecret: s.signingSecret, port: s.port, logger });
  return new App({ token: s.botToken, receiver, logger, clientOptions: { ...clientOptions }, deferInitialization: true });
}

/**
 * Checks the bot token with Slack (auth.test), then connects (Socket Mode) or listens (HTTP); returns
 * the HTTP server in HTTP mode.
 * @throws Error naming the variable Slack refused (never its value), or saying Slack is unreachable
 */
export async function startSlackApp(
  app: App,
  o: { settings: SlackSettings; clientOptions?: webApi.WebClientOptions | undefined; host?: string | undefined; log: Logger },
  logger: BoltLogger,
): Promise<Server | undefined> {
  const s = o.settings;
  const step = async <T>(variable: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      const message = startFailure(variable, err);
      o.log.error(message);
      throw new Error(message, { cause: err });
    }
  };
  await step("SLACK_BOT_TOKEN", async () => {
    // a quick check first: the app's own client retries for minutes when Slack cannot be reached
    const retryConfig = { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500 };
    await new webApi.WebClient(s.botToken, { ...(o.clientOptions ?? {}), logger, retryConfig }).auth.test();
    await app.init();
  });
  if (s.mode === "http") {
    const listen = o.host === undefined ? { port: s.port } : { port: s.port, host: o.host };
    const server = (await step("SLACK_PORT", () => app.start(listen))) as Server;
    const address = server.address();
    o.log.info("slack: listening for HTTP requests", { port: typeof address === "object" && address ? address.port : null });
    return server;
  }
  await step("SLACK_APP_TOKEN", () => app.start());
  o.log.info("slack: connected in Socket Mode");
  return undefined;
}
