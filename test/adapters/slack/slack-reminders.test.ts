/**
 * The pilot review's reminder on Slack, through a real Bolt app and the fake Slack API: once the
 * review is due the coach writes first, in a direct message carrying the review's buttons; only
 * between 9:00 and 19:00 in the person's time zone (users.info), otherwise it waits for a later
 * pass; once, even when a second instance looks at the same moment; a person Slack will not let the
 * coach write to gets the review at their next /plan; an offer not yet answered is offered again at
 * /plan; pressing the reminder's button starts the review's questions; and a person whose time zone
 * cannot be read holds up no one else. The interview and the booking go through the coordinator
 * (the session the adapter then uses); the reminders through the adapter's `reminders()`. The clock
 * is the test's: the coordinator's and the reminders' `now`.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Reminders } from "../../../src/followup/reminders.ts";
import { silentLogger } from "../../../src/log.ts";
import { MemoryStore } from "../../../src/store/memory-store.ts";
import { sessionKey } from "../../../src/store/session-store.ts";
import type { Coordinator } from "../../../src/coordinator.ts";
import { aboutBusiness, noPage, open, press, say } from "../../helpers/inputs.ts";
import type { ApiCall } from "./fake-slack-api.ts";
import { slackEvent, slashCommand } from "./fixtures.ts";
import { postsOf, SlackHarness, type Exchange } from "./slack-harness.ts";

const BOOKED_AT = Date.parse("2026-11-30T15:00:00Z");
/** when the review booked at BOOKED_AT "in 3 months" comes due (the 28th: February has no 30th) */
const DUE = Date.parse("2027-02-28T15:00:00Z");
const BANGKOK = { tz: "Asia/Bangkok", offsetSeconds: 7 * 3600 };
const MONTREAL = { tz: "America/Toronto", offsetSeconds: -5 * 3600 };
const REVIEW_BUTTONS = ["Commencer le bilan", "Dans une semaine", "Plus de rappels"];

const harnesses: SlackHarness[] = [];
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.close()));
});

/** A coach on Slack whose clock the test moves (`clock.now`), with its reminders. */
async function coach(o: { store?: MemoryStore; clock?: { now: number } } = {}) {
  const clock = o.clock ?? { now: BOOKED_AT };
  const now = () => new Date(clock.now);
  const h = await SlackHarness.start({ locales: { UANA: "fr-FR", UBEA: "fr-FR", UCAL: "fr-FR" }, now, ...(o.store ? { store: o.store } : {}) });
  harnesses.push(h);
  const reminders = new Reminders({ coordinator: h.coordinator, store: h.store, log: silentLogger, deliveries: [h.adapter.reminders()], everyMs: 60_000, now });
  return { h, clock, reminders };
}

/** The owner's interview to the plan, then the review booked in `months` (the buttons' actions, in French). */
async function planAndBook(c: Coordinator, user: string, months: number): Promise<void> {
  const key = sessionKey("slack", "T1", user);
  for (const i of [open("fr"), ...aboutBusiness({}, "fr"), say("vendre plus"), say("10 h par mois"), say("100 $ par mois"), press("pick:skills:personal"), press("pick:owner:self"), noPage("fr"), press(`book:${months}`)]) {
    await c.handle(key, i);
  }
}

/** The calls made since `from`, as an exchange the harness can press buttons in. */
const since = (h: SlackHarness, from: number): Exchange => ({ status: 0, body: "", ms: 0, calls: h.api.calls.slice(from) });
const dmsTo = (calls: readonly ApiCall[], user: string) => postsOf(calls).filter((p) => p.channel === `D${user}`);

describe("the pilot review's reminder on Slack", () => {
  it("comes once it is due, in a DM with the review's buttons, at 10:00 in Montreal but not at 22:00 in Bangkok, which gets it at 9:30", async () => {
    const { h, clock, reminders } = await coach();
    h.api.timeZones.set("UANA", BANGKOK);
    h.api.timeZones.set("UBEA", MONTREAL);
    await planAndBook(h.coordinator, "UANA", 3);
    await planAndBook(h.coordinator, "UBEA", 3);

    // not due yet: nothing, not even a look at the time zones
    clock.now = DUE - 60 * 1000;
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
    expect(h.api.calls.filter((c) => c.method !== "auth.test")).toEqual([]);

    // due: 15:00 UTC is 10:00 in Montreal (sent) and 22:00 in Bangkok (waits)
    clock.now = DUE;
    expect(await reminders.pass()).toEqual({ sent: 1, deferred: 1, undelivered: 0 });
    expect(h.api.callsTo("users.info").map((c) => c.params["user"]).sort()).toEqual(["UANA", "UBEA"]);
    expect(h.api.callsTo("conversations.open").map((c) => c.params["users"])).toEqual(["UBEA"]);
    expect(dmsTo(h.api.calls, "UANA")).toEqual([]);
    const [toBea, ...more] = postsOf(h.api.calls);
    expect(more).toEqual([]);
    expect(toBea).toMatchObject({ channel: "DUBEA", thread: undefined, buttons: REVIEW_BUTTONS });
    expect(toBea!.text).toContain("Il y a 3 mois, on a fait votre plan");
    expect(toBea!.text).toContain("C'est le moment du bilan de l'essai");

    // still night in Bangkok an hour later (23:00): nothing more
    clock.now = DUE + 3600 * 1000;
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 1, undelivered: 0 });
    expect(postsOf(h.api.calls)).toHaveLength(1);

    // 02:30 UTC is 9:30 in Bangkok: Ana's reminder goes, in her DM
    const before = h.api.calls.length;
    clock.now = Date.parse("2027-03-01T02:30:00Z");
    expect(await reminders.pass()).toEqual({ sent: 1, deferred: 0, undelivered: 0 });
    const toAna = dmsTo(since(h, before).calls, "UANA");
    expect(toAna).toHaveLength(1);
    expect(toAna[0]).toMatchObject({ channel: "DUANA", buttons: REVIEW_BUTTONS });
    expect(postsOf(since(h, before).calls)).toHaveLength(1);
    expect(h.errors()).toEqual([]);
  });

  it("is not sent at 19:00 or later, nor before 9:00, where the person is", async () => {
    const { h, clock, reminders } = await coach();
    h.api.timeZones.set("UANA", BANGKOK);
    await planAndBook(h.coordinator, "UANA", 3);
    // in Bangkok: 22:00, 8:59 and 19:00 the next day, then 18:59 the day after
    for (const [utc, sent] of [["2027-02-28T15:00:00Z", 0], ["2027-03-01T01:59:00Z", 0], ["2027-03-01T12:00:00Z", 0], ["2027-03-02T11:59:00Z", 1]] as const) {
      clock.now = Date.parse(utc);
      expect((await reminders.pass()).sent, utc).toBe(sent);
    }
    expect(dmsTo(h.api.calls, "UANA")).toHaveLength(1);
  });

  it("is sent once: a second pass, and a second instance looking at the same moment, send nothing more", async () => {
    const store = new MemoryStore();
    const clock = { now: BOOKED_AT };
    const one = await coach({ store, clock });
    const two = await coach({ store, clock });
    for (const h of [one.h, two.h]) h.api.timeZones.set("UANA", MONTREAL);
    await planAndBook(one.h.coordinator, "UANA", 3);
    clock.now = DUE;
    // both instances find the review due before either has claimed it
    const passes = await Promise.all([one.reminders.pass(), two.reminders.pass()]);
    expect(passes.map((p) => p.sent).sort()).toEqual([0, 1]);
    expect(await one.reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
    expect(await two.reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
    const dms = [...dmsTo(one.h.api.calls, "UANA"), ...dmsTo(two.h.api.calls, "UANA")];
    expect(dms).toHaveLength(1);
    expect(dms[0]!.buttons).toEqual(REVIEW_BUTTONS);
  });

  it("starts the review's questions when its button is pressed in the DM", async () => {
    const { h, clock, reminders } = await coach();
    h.api.timeZones.set("UANA", MONTREAL);
    await planAndBook(h.coordinator, "UANA", 3);
    clock.now = DUE;
    await reminders.pass();
    const pressed = await h.press(since(h, 0), "Commencer le bilan", "UANA");
    expect(pressed.status).toBe(200);
    // the reminder's buttons make way for the choice made, the first question follows in the DM
    const update = pressed.calls.find((c) => c.method === "chat.update");
    expect(update?.params["channel"]).toBe("DUANA");
    expect(JSON.stringify(update?.params["blocks"])).toContain("Commencer le bilan");
    expect(JSON.stringify(update?.params["blocks"])).not.toContain('"actions"');
    const posts = postsOf(pressed.calls);
    expect(posts.every((p) => p.channel === "DUANA")).toBe(true);
    expect(posts.map((p) => p.text).join("\n")).toContain("(1/6) Combien d'heures par mois y avez-vous vraiment passé");
    expect(h.errors()).toEqual([]);
  });

  it("is offered again when the owner runs /plan instead of pressing a button, and the reminder's button still starts the review", async () => {
    const { h, clock, reminders } = await coach();
    h.api.timeZones.set("UANA", MONTREAL);
    await planAndBook(h.coordinator, "UANA", 3);
    clock.now = DUE;
    await reminders.pass();
    const reminder = since(h, 0);
    const plan = await h.send(slashCommand({ user: "UANA", channel: "C1", responseUrl: h.api.responseUrl("plan-uana") }));
    const offered = postsOf(plan.calls).filter((p) => p.channel === "DUANA");
    expect(offered.map((p) => p.text).join("\n")).toContain("C'est le moment du bilan de l'essai");
    expect(offered.at(-1)?.buttons).toEqual(REVIEW_BUTTONS);
    // the button of the reminder itself, pressed after /plan
    const pressed = await h.press(reminder, "Commencer le bilan", "UANA");
    expect(postsOf(pressed.calls).map((p) => p.text).join("\n")).toContain("(1/6) Combien d'heures par mois y avez-vous vraiment passé");
  });

  it("waits for the person's next /plan when Slack will not let the coach write to them, where the review is offered (though she did something else first)", async () => {
    const { h, clock, reminders } = await coach();
    h.api.timeZones.set("UANA", MONTREAL);
    await planAndBook(h.coordinator, "UANA", 3);
    clock.now = DUE;
    h.api.failingNext.set("conversations.open", { error: "user_disabled", times: 1 });
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 1 });
    expect(postsOf(h.api.calls)).toEqual([]);
    // not tried again by later passes
    expect(await reminders.pass()).toEqual({ sent: 0, deferred: 0, undelivered: 0 });
    // back a few days later, she first asks to see her plan (typed in the DM), then runs /plan
    const shown = await h.send(slackEvent({ type: "message", channelType: "im", user: "UANA", text: "plan" }));
    expect(postsOf(shown.calls).map((p) => p.text).join("\n")).not.toContain("C'est le moment du bilan de l'essai");
    const plan = await h.send(slashCommand({ user: "UANA", channel: "C1", responseUrl: h.api.responseUrl("plan-uana") }));
    const offered = postsOf(plan.calls).filter((p) => p.channel === "DUANA");
    expect(offered.at(-1)?.buttons).toEqual(REVIEW_BUTTONS);
    expect(offered.map((p) => p.text).join("\n")).toContain("C'est le moment du bilan de l'essai");
  });

  it("still reaches the others when one person's time zone cannot be read (users.info fails)", async () => {
    const { h, clock, reminders } = await coach();
    h.api.timeZones.set("UANA", MONTREAL);
    // Cal's review is found first; Slack no longer knows him
    await planAndBook(h.coordinator, "UCAL", 3);
    await planAndBook(h.coordinator, "UANA", 3);
    h.api.userErrors.set("UCAL", "user_not_found");
    clock.now = DUE;
    expect(await reminders.pass()).toEqual({ sent: 1, deferred: 1, undelivered: 0 });
    expect(dmsTo(h.api.calls, "UANA")).toHaveLength(1);
    expect(dmsTo(h.api.calls, "UCAL")).toEqual([]);
    // Cal's review is kept: once Slack answers again, his reminder goes
    h.api.userErrors.delete("UCAL");
    expect(await reminders.pass()).toEqual({ sent: 1, deferred: 0, undelivered: 0 });
    expect(dmsTo(h.api.calls, "UCAL")).toHaveLength(1);
  });
});
