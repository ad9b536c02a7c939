/**
 * The Discord bot on 2 shards: the real discord.js ShardingManager spawns 2 shard processes
 * (adapters/discord/shard-process.ts, TypeScript through tsx), each logs in to the local fake
 * Discord with its own `shard: [id, 2]` and keeps sessions in one throw-away redis-server. One
 * user's /plan interview is then sent alternately on shard 0's and shard 1's connection, and ends
 * with every answer stored. (On Discord, a server's interactions all come on one shard; one session
 * crosses shards when the shard count changes or a shard restarts, which is what this stands for.)
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { GatewayIntentBits, Locale, MessageFlags, type APIInteraction, type ShardingManager } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recommendedShardCount, startShards, stopShards } from "../../../adapters/discord/shard-manager.ts";
import { Coordinator } from "../../../src/coordinator.ts";
import { SessionState } from "../../../src/engine/state.ts";
import type { Logger } from "../../../src/log.ts";
import { RedisStore } from "../../../src/store/redis-store.ts";
import { getDocument, sessionKey } from "../../../src/store/session-store.ts";
import { content } from "../../helpers/content.ts";
import { hermeticEnv } from "../../helpers/hermetic-env.ts";
import { redisUnavailable, startRedis, type RunningRedis } from "../../helpers/redis-server.ts";
import { buttons, inputs, selects } from "./discord-test-bed.ts";
import { APP_ID, FAKE_TOKEN, FakeDiscord, type SeenMessage } from "./fake-discord.ts";
import { buttonPress, discordUser, GUILD_ID, modalSubmit, selectMenu, slashCommand, type Where } from "./interaction-fixtures.ts";
import { planOf } from "../../helpers/inputs.ts";

const skip = redisUnavailable();
if (skip) console.warn(`Discord sharding test skipped: ${skip}`);

const ROOT = join(import.meta.dirname, "..", "..", "..");
// the ShardingManager writes process.env (SHARDING_MANAGER, DISCORD_TOKEN) and the shards inherit
// it, and their working directory: while they start, both are a hermetic environment's (no variable,
// home, .env or ./data of the developer's), then the test process gets its own back
const savedEnv = { ...process.env };
const savedCwd = process.cwd();
let redis: RunningRedis | undefined;
let fake: FakeDiscord | undefined;
let manager: ShardingManager | undefined;
let store: RedisStore | undefined;
const managerLog: string[] = [];
const shardOutput: string[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start();
  if (skip) return;
  redis = await startRedis();
  // COACH_DATA_DIR: should a shard ever fall back to lowdb files, they stay out of the project
  const shardEnv = hermeticEnv({ REDIS_URL: redis.url, DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
  for (const name of Object.keys(process.env)) if (!name.startsWith("VITEST")) delete process.env[name];
  Object.assign(process.env, shardEnv);
  process.chdir(shardEnv["HOME"]!);
  const entry = (message: string, fields?: Record<string, unknown>) => void managerLog.push(`${message} ${JSON.stringify(fields ?? {})}`);
  const log: Logger = { info: entry, warn: entry, error: entry };
  const started = Date.now();
  try {
    manager = await startShards({ token: FAKE_TOKEN, count: 2, log, spawnDelayMs: 0, readyTimeoutMs: 60_000, silent: true });
  } finally {
    process.chdir(savedCwd);
    restoreEnv();
  }
  console.info(`2 shard processes logged in after ${Date.now() - started} ms`);
  // piped output stays buffered until read, so nothing written before this point is lost
  for (const shard of manager.shards.values()) {
    shard.process?.stdout?.on("data", (d: Buffer) => shardOutput.push(`[shard ${shard.id}] ${String(d)}`));
    shard.process?.stderr?.on("data", (d: Buffer) => shardOutput.push(`[shard ${shard.id}] ${String(d)}`));
  }
  store = await RedisStore.connect({ url: redis.url });
}, 90_000);

afterAll(async () => {
  if (manager) await stopShards(manager);
  await store?.close();
  await redis?.stop();
  await fake?.close();
  restoreEnv();
}, 60_000);

function restoreEnv(): void {
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
}

const where: Where = { user: discordUser("333333333333333333", "lea"), guildId: GUILD_ID, locale: Locale.EnglishUS };
const textOf = (messages: SeenMessage[]) => messages.map((m) => m.content).join("\n\n");

/** What ends a turn: a message with this text, a modal, or a message with the plan's file (the last one sent). */
type Expected = string | { modal: true } | { file: true };

/** Sends `interaction` on shard `shard`'s connection only, and waits until the user sees `expected`. */
async function on(shard: number, interaction: APIInteraction, expected: Expected): Promise<SeenMessage[]> {
  const f = fake!;
  f.dispatch(interaction, { shard });
  const shown = (m: SeenMessage) => (m.flags & MessageFlags.Loading) === 0;
  const done = () =>
    typeof expected === "string" ? f.messagesOf(interaction).some((m) => shown(m) && m.content.includes(expected))
    : "modal" in expected ? f.modalFor(interaction) !== null
    : f.messagesOf(interaction).some((m) => shown(m) && m.files.length > 0);
  await f.waitFor(done, `shard ${shard}'s answer to interaction ${interaction.id} (${JSON.stringify(expected)})`, 10_000);
  return f.messagesOf(interaction);
}

/** The newest message the user sees with a button labelled `label`. */
function withButton(label: string): SeenMessage {
  const found = fake!.messages.filter((m) => buttons(m).some((b) => b.label === label)).at(-1);
  if (!found) throw new Error(`no message with a button "${label}"`);
  return found;
}
const press = (label: string) => {
  const message = withButton(label);
  const customId = buttons(message).find((b) => b.label === label)!.custom_id;
  return buttonPress({ ...where, customId, message: fake!.apiMessage(message) });
};

/** Opens the typed-answer modal on shard `open`, submits `text` in it on shard `submit`. */
async function typeAnswer(open: number, submit: number, text: string, expected: string): Promise<SeenMessage[]> {
  const message = withButton("✏️ Type my answer");
  const opening = press("✏️ Type my answer");
  await on(open, opening, { modal: true });
  const modal = fake!.modalFor(opening)!;
  const submitted = modalSubmit({ ...where, customId: modal.custom_id, fields: { [inputs(modal)[0]!.custom_id]: text }, message: fake!.apiMessage(message) });
  return on(submit, submitted, expected);
}

describe("Discord on 2 shards (ShardingManager, mode process) sharing Redis", () => {
  (skip ? it.skip : it)("each shard identifies with its own shard id; one interview alternates between the shards and loses nothing", async () => {
    const f = fake!;
    expect(f.identifies.map((i) => i.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(f.identifies.map((i) => i.intents)).toEqual([GatewayIntentBits.Guilds, GatewayIntentBits.Guilds]);
    expect(managerLog.filter((l) => l.startsWith("discord shard ready"))).toHaveLength(2);

    let seen = await on(0, slashCommand({ ...where, name: "plan" }), "(1/9) First, your business: what do you do?");
    const tradeMessage = seen.at(-1)!;
    const trades = selects(tradeMessage)[0]!;
    const professional = trades.options.find((o) => o.label === "Services to businesses: accounting, law, consulting")!;
    seen = await on(1, selectMenu({ ...where, customId: trades.custom_id, values: [professional.value], message: f.apiMessage(tradeMessage) }), "(2/9) Who are your customers, mostly?");
    // businesses have no age: the goal is question 3 of 8
    seen = await on(0, press("Other businesses"), "(3/8) What is your main goal on social media?");
    const goalMessage = seen.at(-1)!;
    const menu = selects(goalMessage)[0]!;
    const talent = menu.options.find((o) => o.label === "Attract new talent")!;
    seen = await on(1, selectMenu({ ...where, customId: menu.custom_id, values: [talent.value], message: f.apiMessage(goalMessage) }), "(4/8) How many hours a month");
    expect(textOf(seen)).toContain("Got it. Your goal: Attract new talent.");

    seen = await typeAnswer(0, 1, "5 hours a week", "(5/8) What budget a month");
    seen = await typeAnswer(1, 0, "$150 a month", "(6/8) What social-media skills");
    seen = await on(1, press("Some professional experience"), "(7/8) Who will run it day to day?");
    // six choices: a menu
    const ownerMessage = seen.at(-1)!;
    const owners = selects(ownerMessage)[0]!;
    const myself = owners.options.find((o) => o.label === "Myself")!;
    seen = await on(0, selectMenu({ ...where, customId: owners.custom_id, values: [myself.value], message: f.apiMessage(ownerMessage) }), "(8/8) Almost done");
    seen = await on(1, press("Nowhere yet"), { file: true });
    expect(textOf(seen)).toContain("Thank you! Here is your plan, built from your answers:");

    // the plan the user sees is the one in Redis, with every answer
    const coordinator = new Coordinator({ content: content(), store: store! });
    const key = sessionKey("discord", GUILD_ID, where.user.id);
    const stored = await planOf(coordinator, key);
    expect(stored?.done).toBe(true);
    expect(textOf(seen)).toContain("**Goal:** Attract new talent");
    expect(seen.flatMap((m) => m.files)).toEqual([{ name: "social-media-plan.md", text: stored!.markdown }]);
    const state = SessionState.parse(((await getDocument(store!, key)) as { state: unknown }).state);
    expect(state.answers).not.toHaveProperty("age");
    expect(state.answers).toMatchObject({
      trade: { type: "choice", id: "professional" },
      customers: { type: "choice", id: "businesses" },
      goal: { type: "choice", id: "talent" },
      time: { type: "hours" },
      budget: { type: "money", amountPerMonth: 150 },
      skills: { type: "choice", id: "some" },
      owner: { type: "choice", id: "self" },
      presence: { type: "choice", id: "none" },
    });
    expect((state.answers["time"] as { hoursPerMonth: number }).hoursPerMonth).toBeCloseTo((5 * 52) / 12, 0);

    // each shard process kept its sessions in Redis and never wrote the token
    const output = shardOutput.join("");
    expect(output).toContain("[shard 0]");
    expect(output).toContain("[shard 1]");
    expect(shardOutput.filter((l) => l.includes("sessions kept in Redis"))).toHaveLength(2);
    expect(output).not.toContain(FAKE_TOKEN);
  }, 90_000);
});

describe("npm run discord:shards settings", () => {
  it('"auto" asks the REST API named by DISCORD_API_URL (here the fake) how many shards', async () => {
    expect(await recommendedShardCount({ token: FAKE_TOKEN, api: fake!.apiUrl })).toBe(1);
    expect(fake!.calls.some((c) => c.method === "GET" && c.path === "/gateway/bot")).toBe(true);
  });

  it("refuses several shards without REDIS_URL, naming the variables and never the token", () => {
    const env = hermeticEnv({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APP_ID: APP_ID, DISCORD_SHARDS: "2" });
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "adapters", "discord", "shards.ts")], { cwd: env["HOME"], env, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("REDIS_URL: is missing");
    expect(run.stderr).toContain("DISCORD_SHARDS");
    expect(run.stderr).not.toContain(FAKE_TOKEN);
  });
});
