/**
 * The coach listens, on Discord as on every platform: a reading it is unsure of comes back with
 * Yes / No buttons before it is kept; an earlier answer can be corrected; a family member can run
 * it; a wish for another language is followed. Through the real discord.js client and a fake Discord.
 */
import { Locale } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sessionKey } from "../../../src/store/session-store.ts";
import { buttons, selects, startTestBed, type TestBed } from "./discord-test-bed.ts";
import { discordUser, GUILD_ID } from "./interaction-fixtures.ts";

let bed: TestBed;
beforeAll(async () => {
  bed = await startTestBed();
});
afterAll(async () => {
  await bed.close();
});

describe("listening, in English, in a server", () => {
  // one user for the whole conversation (a test user sees the messages of its own interactions)
  let user: ReturnType<TestBed["user"]> | undefined;
  const sam = () => (user ??= bed.user({ user: discordUser("222222222222222299", "sam"), guildId: GUILD_ID, locale: Locale.EnglishUS }));
  const answers = async () => (await bed.coordinator.handle(sessionKey("discord", GUILD_ID, "222222222222222299"), { kind: "export" })).answers;

  test("an hour or two 'after closing' is said back with Yes / No buttons; the yes keeps it", async () => {
    const u = sam();
    await u.slash("plan");
    await u.choose("Trades, repairs, building");
    await u.press("Local people");
    await u.press("Mostly 55 and over");
    await u.choose("Grow sales");
    const time = await u.type("✏️ Type my answer", "maybe an hour or two after closing");
    expect(time.seen.text).toContain("I read 32.6 h a month (about 7.5 h a week) as your time. Is that right?");
    expect(buttons(time.seen.messages.at(-1)!).map((b) => b.label)).toEqual(["Yes, that's right", "No, let me fix it"]);
    expect(await answers()).not.toHaveProperty("time");
    const yes = await u.press("Yes, that's right");
    expect(yes.text).toContain("Noted: 32.6 h a month (about 7.5 h a week).");
    expect(yes.text).toContain("(6/9) What budget a month");
    expect(await answers()).toMatchObject({ time: { hoursPerMonth: 32.6 } });
  });

  test("no, then the figure typed again", async () => {
    const u = sam();
    const budget = await u.type("✏️ Type my answer", "not more than $200 a month");
    expect(budget.seen.text).toContain("I read $200 a month as your budget. Is that right?");
    const no = await u.press("No, let me fix it");
    expect(no.text).toContain("OK, I haven't noted anything.");
    expect(await answers()).not.toHaveProperty("budget");
    const again = await u.type("✏️ Type my answer", "$150 a month");
    expect(again.seen.text).toContain("Noted: $150 a month.");
  });

  test("a family member runs it; after the plan, 'change an answer' reopens one and the plan is rebuilt", async () => {
    const u = sam();
    await u.press("Personal use only");
    const owner = await u.choose("A family member");
    expect(owner.text).toContain("Noted: A family member.");
    expect(owner.text).toContain("(9/9) Almost done");
    const plan = await u.press("Nowhere yet");
    expect(plan.text).toContain("If a family member runs your accounts, do as you would for an intern");
    const which = await u.press("Change an answer");
    expect(which.text).toContain("Which answer would you like to change?");
    // nine answers: a menu (Discord shows five buttons a row)
    expect(selects(which.messages.at(-1)!)[0]!.options).toHaveLength(9);
    const reopened = await u.choose("Budget");
    expect(reopened.text).toContain("OK, let's change your budget. Your current answer: $150 a month.");
    const changed = await u.type("✏️ Type my answer", "$300 a month");
    expect(changed.seen.text).toContain("Changed: your budget, $150 a month → $300 a month.");
    expect(changed.seen.text).toContain("Your plan is updated with that answer.");
    expect(await answers()).toMatchObject({ budget: { amountPerMonth: 300 }, owner: { id: "family" } });
  });

  test("a wish for French, typed in the owner's words, is followed", async () => {
    const u = sam();
    await u.slash("plan", { action: "reset" });
    await u.press("Yes");
    const trade = await u.type("✏️ In my own words", "can we do this in french please, it's easier for me");
    expect(trade.seen.text).toContain("D'accord, on continue en français.");
    expect(trade.seen.text).toContain("(1/9) D'abord, votre entreprise : que faites-vous ?");
  });
});
