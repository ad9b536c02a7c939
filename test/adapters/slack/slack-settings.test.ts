import { describe, expect, test } from "vitest";
import { slackPlatform } from "../../../adapters/slack/slack-platform.ts";
import { SettingsError } from "../../../src/config.ts";

const settings = slackPlatform.settings;

function problems(env: Record<string, string>): string[] {
  try {
    settings(env);
  } catch (err) {
    if (err instanceof SettingsError) return err.problems;
    throw err;
  }
  throw new Error("expected a SettingsError");
}

describe("Slack settings", () => {
  test("no SLACK_ variable: Slack is not used", () => {
    expect(settings({ PATH: "/usr/bin", COACH_DATA_DIR: "data" })).toBeNull();
  });

  test("a bot token and an app token: Socket Mode, plans in DMs", () => {
    expect(settings({ SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_APP_TOKEN: "xapp-1-A1-xyz" })).toEqual({
      mode: "socket", botToken: "xoxb-1-2-abc", appToken: "xapp-1-A1-xyz", planIn: "dm",
    });
  });

  test("a signing secret and a port instead: HTTP mode", () => {
    expect(settings({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "0123456789abcdef0123", SLACK_PORT: "3000", SLACK_PLAN_IN: "thread" })).toEqual({
      mode: "http", botToken: "xoxb-1", signingSecret: "0123456789abcdef0123", port: 3000, planIn: "thread",
    });
  });

  test("each missing or malformed variable is named, and no value is repeated", () => {
    const env = { SLACK_BOT_TOKEN: "xoxp-user-token-secret", SLACK_SIGNING_SECRET: "shh secret!", SLACK_PLAN_IN: "channel" };
    const found = problems(env);
    expect(found.map((p) => p.split(":")[0])).toEqual(["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_PLAN_IN", "SLACK_PORT"]);
    for (const value of Object.values(env)) expect(found.join("\n")).not.toContain(value);
  });

  test("only a bot token: the app token is asked for, with the HTTP alternative", () => {
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      "SLACK_APP_TOKEN: is missing: set it for Socket Mode (the default), or set SLACK_SIGNING_SECRET and SLACK_PORT for HTTP mode",
    ]);
  });

  test("the tokens are declared secret, so the logger scrubs them", () => {
    const s = settings({ SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_APP_TOKEN: "xapp-1-A1-xyz" });
    expect(s && slackPlatform.secrets(s)).toEqual(["xoxb-1-2-abc", "xapp-1-A1-xyz"]);
  });
});
