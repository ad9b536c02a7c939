/**
 * One Discord shard: the process that adapters/discord/shard-manager.ts's ShardingManager starts
 * for each shard. It runs the Discord adapter only (not Slack, not the terminal) around a
 * coordinator on the shared store (Redis). discord.js's Client reads its shard id and the shard
 * count from SHARDS and SHARD_COUNT, which the manager sets in this process's environment.
 */
import { discordPlatform } from "./discord-platform.ts";
import { startPlatforms } from "../start-platforms.ts";

const running = await startPlatforms([discordPlatform], async () => {
  process.stderr.write("A Discord shard needs DISCORD_TOKEN and DISCORD_APP_ID; start the shards with npm run discord:shards.\n");
  process.exit(2);
});
// the manager is gone (stopped or crashed): stop too, rather than run on as an orphan
process.once("disconnect", () => void running?.stop("disconnect"));
