import { webApi } from "@slack/bolt";

const { ErrorCode } = webApi;

/**
 * What went wrong at start-up, in words a person setting up the app can act on: the variable to
 * check, never its value.
 *
 * @example startFailure("SLACK_BOT_TOKEN", err) // "slack: Slack refused SLACK_BOT_TOKEN (invalid_auth); check it against the app's settings page"
 */
export function startFailure(variable: string, err: unknown): string {
  const code = typeof err === "object" && err !== null && "code" in err ? err.code : undefined;
  if (code === ErrorCode.PlatformError && typeof err === "object" && err !== null && "data" in err) {
    const data = err.data;
    const reason = typeof data === "object" && data !== null && "error" in data ? String(data.error) : "refused";
    return `slack: Slack refused ${variable} (${reason}); check it against the app's settings page`;
  }
  if (code === ErrorCode.RequestError || code === ErrorCode.HTTPError) {
    return `slack: could not reach Slack (${err instanceof Error ? err.message : String(err)}); check the network`;
  }
  return `slack: could not start (${err instanceof Error ? err.message : String(err)}); check ${variable}`;
}
