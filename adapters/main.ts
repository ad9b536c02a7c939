/**
 * `npm start`: the composition root. Reads the settings (environment and .env), builds the
 * content, the session store and the coordinator, then starts every platform adapter whose settings
 * are present (adapters/start-platforms.ts). With none configured, it opens the local coaching chat
 * in the terminal.
 */
import type { PlatformModule } from "./platform.ts";
import { discordPlatform } from "./discord/discord-platform.ts";
import { slackEntry } from "./slack/slack-platform.ts";
import { startPlatforms } from "./start-platforms.ts";
import { main as terminal } from "./terminal/cli.ts";

/** Every platform the coach can run on. */
const PLATFORMS: PlatformModule<never>[] = [slackEntry, discordPlatform];

await startPlatforms(PLATFORMS, () => terminal(process.argv.slice(2)));
