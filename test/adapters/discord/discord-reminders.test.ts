/**
 * The pilot review's reminder on Discord, through the real discord.js client and the fake Discord:
 * once the review is due the coach writes first, one direct message (POST /users/@me/channels, then
 * the message) saying the review is due and that /plan starts it, where the plan was made; the next
 * /plan offers the review with its buttons, and they start its questions. A person whose DMs are
 * closed (50007) is not written to, nothing breaks, and the review waits for their /plan all the
 * same. The interview and the booking go through the coordinator (the session the adapter then
 * uses); the reminders through the adapter's `reminders()`. The coordinator's clock is the test's.
 */
import { Locale } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Coordinator } from "../../../src/coordinator.ts";
import { Reminders } from "../../../src/followup/reminders.ts";
import type { Logger } from "../../../src/log.ts";
import { MemoryStore } from "../../../src/store/memory-store.ts";
import { sessionKey } from "../../../src/store/session-store.ts";
import { aboutBusiness, noPage, open, press, say } from "../../helpers/inputs.ts";
import { buttons, startTestBed, type LogEntry, type TestBed } from "./discord-test-bed.ts";
import { discordUser, GUILD_ID } from "./interaction-fixtures.ts";

const BOOKED_AT = Date.parse("2026-11-30T15:00:00Z");
/** when the review booked at BOOKED_AT "in 3 months" comes due */
const DUE = Date.parse("2027-02-28T15:00:00Z");
const REVIEW_BUTTONS = ["Commencer le bilan", "Dans une semaine", "Plus de rappels"];
const MARIE = discordUser("311111111111111111", "marie");
const LEO = discordUser("322222222222222222", "leo");
const JADE = discordUser("333333333333333333", "jade");

// one bot for the file (each test has its own people); the clock is set back at each test
const clock = { now: BOOKED_AT };
let bed: TestBed;
let reminders: Reminders;
beforeAll(async () => {
  const now = () => new Date(clock.now);
  const store = new MemoryStore();
  const b = await startTestBed({ store, now });
  bed = b;
  const entry = (level: LogEntry["level"]) => (message: string, fields: Record<string, unknown> = {}) => void b.logs.push({ level, message, fields });
  const log: Logger = { info: entry("info"), warn: entry("warn"), error: entry("error") };
  reminders = new Reminders({ coordinator: b.coordinator, store, log, deliveries: [b.bot.reminders()], everyMs: 60_000, now });
});
afterAll(async () => {
  await bed?.close();
});
beforeEach(() => {
  clock.now = BOOKED_AT;
});

/** The owner's interview to the plan (in a server, or in a DM with the bot), then the review booked in `months`. */
async function planAndBook(c: Coordinator, key: string, months: number): Promise<void> {
  for (const i of [open("fr"), ...aboutBusiness({}, "fr"), say("vendre plus"), say("10 h par mois"), say("100 $ par mois"), press("pick:skills:personal"), press("pick:owner:self"), noPage("fr"), press(`book:${months}`)]) {
    await c.handle(key, i);
  }
}

const dmCalls = (b: TestBed) => b.fake.calls.filter((c) => c.path === "/users/@me/channels" || /^\/channels\/\d+\/messages$/.test(c.path));

describe("the pilot review's reminder on Discord", () => {
  it("is one DM saying the review is due and that /plan starts it (in the server, or right there); /plan then offers the review, whose button starts it", async () => {
    await planAndBook(bed.coordinator, sessionKey("discord", GUILD_ID, MARIE.id), 3);
    await planAndBook(bed.coordinator, sessionKey("discord", "dm", LEO.id), 3);

    clock.now = DUE - 60_000;
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
    expect(dmCalls(bed)).toEqual([]);

    clock.now = DUE;
    expect(await reminders.pass()).toEqual({ sent: 2, deferred: 0, undelivered: 0 });
    const opened = bed.fake.calls.filter((c) => c.path === "/users/@me/channels");
    expect(opened.map((c) => (c.body as { recipient_id: string }).recipient_id).sort()).toEqual([MARIE.id, LEO.id].sort());
    expect(bed.fake.dms.map((d) => d.user).sort()).toEqual([MARIE.id, LEO.id].sort());
    const toMarie = bed.fake.dms.find((d) => d.user === MARIE.id)!;
    expect(toMarie.content).toContain("Il y a 3 mois, on a fait votre plan");
    expect(toMarie.content).toContain("C'est le moment du bilan de l'essai");
    expect(toMarie.content).toContain("Lancez /plan dans le serveur où nous avons fait votre plan pour commencer le bilan");
    expect(toMarie.allowedMentions).toEqual({ parse: [] });
    expect(bed.fake.dms.find((d) => d.user === LEO.id)!.content).toContain("Lancez /plan ici pour commencer le bilan");

    // a second pass: nothing more
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
    expect(bed.fake.dms).toHaveLength(2);

    // Marie first looks at her plan (/plan action:show), then runs /plan in the server: the review
    // is offered with its buttons, and starts
    const marie = bed.user({ user: MARIE, guildId: GUILD_ID, locale: Locale.French });
    expect((await marie.slash("plan", { action: "show" })).text).not.toContain("C'est le moment du bilan de l'essai");
    const offered = await marie.slash("plan");
    expect(offered.text).toContain("C'est le moment du bilan de l'essai");
    expect(buttons(offered.messages.at(-1)!).map((b) => b.label)).toEqual(REVIEW_BUTTONS);
    // /plan again before answering: offered again, not dropped
    const again = await marie.slash("plan");
    expect(again.text).toContain("C'est le moment du bilan de l'essai");
    expect(buttons(again.messages.at(-1)!).map((b) => b.label)).toEqual(REVIEW_BUTTONS);
    const started = await marie.press("Commencer le bilan");
    expect(started.text).toContain("(1/6) Combien d'heures par mois y avez-vous vraiment passé");
    expect(bed.logs.filter((l) => l.level !== "info")).toEqual([]);
  });

  it("keeps the review for the next /plan when the person's DMs are closed (50007), and nothing breaks", async () => {
    await planAndBook(bed.coordinator, sessionKey("discord", GUILD_ID, JADE.id), 3);
    bed.fake.closedDms.add(JADE.id);
    clock.now = DUE;
    const from = bed.fake.calls.length;
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 1 });
    const toJade = () => bed.fake.calls.slice(from).filter((c) => /^\/channels\/\d+\/messages$/.test(c.path));
    expect(toJade().map((c) => c.status)).toEqual([403]);
    expect(bed.fake.dms.filter((d) => d.user === JADE.id)).toEqual([]);
    expect(bed.logs.filter((l) => l.level === "error")).toEqual([]);
    // not tried again: it waits for her
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
    expect(toJade()).toHaveLength(1);

    // she looks at her plan first (/plan action:show), then runs /plan
    const jade = bed.user({ user: JADE, guildId: GUILD_ID, locale: Locale.French });
    expect((await jade.slash("plan", { action: "show" })).text).not.toContain("C'est le moment du bilan de l'essai");
    const offered = await jade.slash("plan");
    expect(offered.text).toContain("C'est le moment du bilan de l'essai");
    expect(buttons(offered.messages.at(-1)!).map((b) => b.label)).toEqual(REVIEW_BUTTONS);
    expect((await jade.press("Commencer le bilan")).text).toContain("(1/6) Combien d'heures par mois");
  });
});
