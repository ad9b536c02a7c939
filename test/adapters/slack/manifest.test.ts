/**
 * The app manifest grants what the adapter uses: its events, its slash command, interactivity,
 * Socket Mode, and a scope for every Web API method it calls.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { expect, test } from "vitest";
import { PLAN_COMMAND } from "../../../adapters/slack/slack-adapter.ts";

const manifest = parse(readFileSync(join(import.meta.dirname, "../../../adapters/slack/manifest.yaml"), "utf8")) as {
  features: { slash_commands: { command: string }[]; app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

/** What each thing the adapter does needs, per Slack's method and event reference. */
const NEEDS: Record<string, string> = {
  "event app_mention": "app_mentions:read",
  "event message.im": "im:history",
  "event message.channels": "channels:history",
  "event message.groups": "groups:history",
  "chat.postMessage": "chat:write",
  "chat.update": "chat:write",
  "conversations.open": "im:write",
  "users.info": "users:read",
  "files.getUploadURLExternal": "files:write",
  "files.completeUploadExternal": "files:write",
  "slash command": "commands",
};

test("the manifest subscribes to the events the adapter handles, with /plan, interactivity and Socket Mode", () => {
  expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(["app_mention", "message.im", "message.channels", "message.groups"]));
  expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([PLAN_COMMAND]);
  expect(manifest.settings.interactivity.is_enabled).toBe(true);
  expect(manifest.settings.socket_mode_enabled).toBe(true);
  expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
});

test("every scope the adapter needs is granted, and no other", () => {
  expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...new Set(Object.values(NEEDS))].sort());
});
