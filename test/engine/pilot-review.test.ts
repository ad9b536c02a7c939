/**
 * The pilot review as an owner lives it, through the coordinator with a clock the test moves:
 * booked when the plan is written, the coach writing first at the date (once), the review's
 * questions, a verdict with its reasons and the cost comparison kept under the plan, and the
 * commands that change the booking. Then the verdicts of dialogs/review.yaml, case by case.
 */
import { describe, expect, it } from "vitest";
import { Coordinator, type TurnOutcome } from "../../src/coordinator.ts";
import type { ReviewRecord } from "../../src/engine/state.ts";
import { verdictOf } from "../../src/plan/review.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import type { Input } from "../../src/vocabulary/inputs.ts";
import { content } from "../helpers/content.ts";
import { aboutBusiness, noPage, open, planOf, press, say } from "../helpers/inputs.ts";

const START = Date.parse("2026-11-30T15:00:00Z");

function coach(store = new MemoryStore(), expireAfterDays = 30) {
  let now = START;
  const c = new Coordinator({ content: content(), store, now: () => new Date(now), expireAfterDays });
  return {
    c,
    store,
    at: (iso: string) => {
      now = Date.parse(iso);
    },
    said: (o: TurnOutcome) => o.replies.map((r) => r.text).join("\n"),
  };
}

/** A French bakery's interview to the plan (10 h a month, 100 $, Facebook), ending at the booking question. */
async function planned(c: Coordinator, key = "u"): Promise<TurnOutcome> {
  const inputs: Input[] = [
    open("fr"), ...aboutBusiness({ trade: "food", customers: "local", age: "older" }, "fr"),
    say("vendre plus"), say("10 h par mois"), say("100 $ par mois"), press("pick:skills:personal"), press("pick:owner:self"),
  ];
  for (const i of inputs) await c.handle(key, i);
  return c.handle(key, noPage("fr"));
}

describe("booking the review", () => {
  it("is offered once the plan is written, in months, and says the date it will come back", async () => {
    const { c, said } = coach();
    const last = await planned(c);
    expect(last.mode).toBe("booking / done");
    expect(said(last)).toContain("Je reviens vers vous pour le bilan de l'essai ?");
    const ask = last.replies.at(-1)!;
    expect(ask.kind !== "plan" && ask.choices.map((x) => x.label)).toEqual(["Dans 1 mois", "Dans 2 mois", "Dans 3 mois (conseillé)", "Dans 6 mois", "Non merci, pas de rappel"]);
    const booked = await c.handle("u", press("book:3"));
    expect(said(booked)).toContain("je reviens vers vous ici le 28 février 2027 pour le bilan");
    expect(booked.mode).toBe("done");
    expect(booked.events).toContainEqual({ kind: "review-booked", months: 3 });
  });

  it("takes a typed answer: months, yes (the recommended three), or no", async () => {
    for (const [typed, months] of [["dans 2 mois", 2], ["oui", 3], ["non merci", 0]] as const) {
      const { c } = coach();
      await planned(c);
      const out = await c.handle("u", say(typed));
      expect(out.events, typed).toContainEqual({ kind: "review-booked", months });
    }
  });
});

describe("at the booking question, what is not about the review", () => {
  it("a correction of an answer is not taken for months, nor a command with a 'no' for no reminder", async () => {
    const stateOf = async (store: MemoryStore) => ((await store.read("u")).value as { state: { answers: Record<string, unknown>; followUp: { status: string } } }).state;
    const { c, store } = coach();
    await planned(c);
    const corrected = await c.handle("u", say("finalement c'est plutôt 3 heures par semaine"));
    expect(corrected.events.filter((e) => e.kind === "review-booked")).toEqual([]);
    expect((await stateOf(store)).answers["time"]).toMatchObject({ hoursPerMonth: 13 });
    expect((await stateOf(store)).followUp.status).toBe("unasked");
    const other = coach();
    await planned(other.c);
    const back = await other.c.handle("u", say("hmm non, retour"));
    expect(back.events.filter((e) => e.kind === "review-booked")).toEqual([]);
    expect(other.said(back)).toContain("On revient à la question précédente");
    expect((await stateOf(other.store)).followUp.status).toBe("unasked");
  });
});

describe("the coach comes back", () => {
  it("writes first at the date, once, and not before", async () => {
    const { c, at, said } = coach();
    await planned(c);
    await c.handle("u", press("book:3"));
    at("2027-02-27T15:00:00Z");
    expect((await c.handle("u", { kind: "remind" })).replies).toEqual([]);
    expect(await c.reviewDue("u")).toBe(false);
    at("2027-03-01T10:00:00Z");
    expect(await c.reviewDue("u")).toBe(true);
    const first = await c.handle("u", { kind: "remind" });
    expect(said(first)).toContain("Il y a 3 mois, on a fait votre plan : Facebook, 2 publications par semaine. C'est le moment du bilan de l'essai");
    const offer = first.replies.at(-1)!;
    expect(offer.kind !== "plan" && offer.choices.map((x) => x.label)).toEqual(["Commencer le bilan", "Dans une semaine", "Plus de rappels"]);
    // a second instance asking again, a minute later: nothing more
    expect((await c.handle("u", { kind: "remind" })).replies).toEqual([]);
    expect(await c.reviewDue("u")).toBe(false);
    // nor after the owner has moved on without answering it
    await c.handle("u", say("merci"));
    expect((await c.handle("u", { kind: "remind" })).replies).toEqual([]);
  });

  it("keeps the session until the review, past the 30 days without a visit that forget the others", async () => {
    const { c, at } = coach(new MemoryStore(), 30);
    await planned(c, "booked");
    await c.handle("booked", press("book:3"));
    await planned(c, "declined");
    await c.handle("declined", press("book:0"));
    at("2027-03-01T10:00:00Z");
    expect((await c.handle("booked", { kind: "remind" })).replies.length).toBeGreaterThan(0);
    const gone = await c.handle("declined", open("fr"));
    expect(gone.replies[0]!.text).toMatch(/plus de 30 jours/);
  });

  it("says nothing to someone who said no, or 'no reminders' later", async () => {
    const { c, at } = coach();
    await planned(c);
    await c.handle("u", press("book:3"));
    const stopped = await c.handle("u", say("pas de rappel"));
    expect(stopped.replies[0]!.text).toContain("pas de rappel");
    at("2026-12-15T10:00:00Z");
    expect((await c.handle("u", { kind: "remind" })).replies).toEqual([]);
    at("2027-02-28T16:00:00Z");
    expect(await c.reviewDue("u")).toBe(false);
    expect((await c.handle("u", { kind: "remind" })).replies).toEqual([]);
    // with no review to wait for, the session went the way of the others: 30 days without a visit
    expect((await c.handle("u", open("fr"))).replies[0]!.text).toMatch(/plus de 30 jours/);
  });

  it("offers a due review when the owner opens the coach (a reminder that never reached them too)", async () => {
    const { c, at, said } = coach();
    await planned(c);
    await c.handle("u", press("book:1"));
    at("2027-01-05T10:00:00Z");
    await c.handle("u", { kind: "remind" });
    await c.handle("u", { kind: "undelivered" });
    const opened = await c.handle("u", open("fr"));
    expect(opened.mode).toBe("offeringReview / done");
    expect(said(opened)).toContain("C'est le moment du bilan de l'essai");
    // once shown, it is not shown again on the next opening
    await c.handle("u", say("bonjour"));
    expect((await c.handle("u", open("fr"))).mode).not.toBe("offeringReview / done");
  });

  it("offers it again when the owner opens the coach before answering it, and its buttons still work", async () => {
    const { c, at, said } = coach();
    await planned(c);
    await c.handle("u", press("book:3"));
    at("2027-03-01T10:00:00Z");
    await c.handle("u", { kind: "remind" });
    const opened = await c.handle("u", open("fr"));
    expect(opened.mode).toBe("offeringReview / done");
    expect(said(opened)).toContain("C'est le moment du bilan de l'essai");
    expect(opened.events).not.toContainEqual({ kind: "review-reminded" });
    expect((await c.handle("u", open("fr"))).mode).toBe("offeringReview / done");
    expect(said(await c.handle("u", press("review:start")))).toContain("(1/6) Combien d'heures par mois");
  });

  it("'later' moves it a week on; 'change my review date' and 'remind me' offer the months again", async () => {
    const { c, at, said } = coach();
    await planned(c);
    await c.handle("u", press("book:3"));
    expect(said(await c.handle("u", say("changer la date du bilan")))).toContain("Le bilan est prévu le 28 février 2027");
    await c.handle("u", press("book:6"));
    at("2027-05-30T16:00:00Z");
    await c.handle("u", { kind: "remind" });
    expect(said(await c.handle("u", press("review:later")))).toContain("je reviens dans une semaine, le 6 juin 2027");
    expect(await c.reviewDue("u")).toBe(false);
    at("2027-06-06T16:00:00Z");
    expect(await c.reviewDue("u")).toBe(true);
    await c.handle("u", { kind: "remind" });
    await c.handle("u", press("review:stop"));
    const again = await c.handle("u", say("rappelle-moi"));
    expect(again.mode).toBe("booking / done");
  });
});

describe("the review", () => {
  it("asks what it cost and what moved, then gives a verdict with its reasons and the costs, kept under the plan", async () => {
    const { c, at, said } = coach();
    await planned(c);
    await c.handle("u", press("book:3"));
    at("2027-03-01T10:00:00Z");
    await c.handle("u", { kind: "remind" });
    const first = await c.handle("u", press("review:start"));
    expect(said(first)).toContain("(1/6) Combien d'heures par mois y avez-vous vraiment passé, en moyenne ? (Le plan en prévoyait 10 h par mois");
    for (const t of ["12 h par mois", "80 $ par mois", "en hausse", "pareil", "je ne sais pas"]) await c.handle("u", say(t));
    const last = await c.handle("u", say("typique"));
    const text = said(last);
    expect(text).toContain("## Bilan de l'essai du 1 mars 2027");
    expect(text).toContain("Temps : 12 h par mois (environ 2,8 h par semaine) (prévu : 10 h par mois");
    expect(text).toContain("Ventes ou réservations venues des réseaux : En hausse, sans atteindre l'objectif");
    expect(text).toContain("**Verdict : Continuer.**");
    expect(text).toContain("Vos 12 h par mois à 29,23 $ de l'heure : 351 $ par mois, plus 80 $ dépensés.");
    expect(text).toMatch(/Institut de la statistique du Québec, .*2017, http/);
    expect(text).toMatch(/HubSpot .*2016, https?:\/\//);
    expect(last.events).toContainEqual({ kind: "review-finished", verdict: "keep-going" });
    // the next review can be booked, and the review stays with the plan
    expect(last.mode).toBe("booking / done");
    const { markdown } = (await planOf(c, "u"))!;
    expect(markdown).toContain("## Bilan de l'essai du 1 mars 2027");
    expect(markdown.indexOf("## Bilan de l'essai")).toBeGreaterThan(markdown.indexOf("## Recommandations"));
  });

  it("confirms a figure it is unsure of, and takes the owner's own hourly value", async () => {
    const { c, at, said } = coach();
    await planned(c);
    await c.handle("u", press("book:3"));
    at("2027-03-01T10:00:00Z");
    await c.handle("u", { kind: "remind" });
    await c.handle("u", press("review:start"));
    const unsure = await c.handle("u", say("une heure ou deux le soir"));
    expect(unsure.mode).toBe("confirming(review-hours) / reviewing(review-hours)");
    await c.handle("u", say("oui"));
    for (const t of ["0", "1", "1", "1"]) await c.handle("u", say(t));
    const last = await c.handle("u", say("40 $ de l'heure"));
    expect(said(last)).toMatch(/Vos 32,6 h par mois à 40 \$ de l'heure : 1 304 \$ par mois, plus 0 \$ dépensés\./);
  });
});

const record = (hours: number, trends: string[], alternative: string | null = "Instagram"): ReviewRecord => ({
  at: "2027-03-01T10:00:00.000Z",
  answers: {
    "review-hours": { type: "hours", hoursPerMonth: hours },
    "review-money": { type: "money", amountPerMonth: 0, currency: "$" },
    ...Object.fromEntries(trends.map((t, i) => [`review-kpi-${i + 1}`, { type: "choice", id: t }])),
    "review-wage": { type: "rate", amountPerHour: null, currency: null },
  },
  kpis: trends.map((_, i) => ["sales", "messages", "mentions"][i]!),
  verdict: "",
  plan: { network: "Facebook", alternative, postsPerWeek: 2, hoursPerMonth: 10, currency: "$" },
});

describe("the verdicts", () => {
  it.each([
    ["nothing done", record(0, ["same", "same"]), "not-started"],
    ["nothing measured", record(10, ["unknown", "unknown", "unknown"]), "measure-first"],
    ["worse, no second network", record(10, ["down", "same"], null), "stop"],
    ["little progress, a second network", record(10, ["same", "same", "progress"]), "other-network"],
    ["works but takes too long", record(15, ["reached", "progress"]), "add-resource"],
    ["takes too long, mixed", record(15, ["progress", "same", "same"], null), "lighter"],
    ["works at the planned time", record(10, ["reached", "same"]), "keep-going"],
    ["mixed at the planned time", record(10, ["progress", "same", "same"], null), "adjust"],
  ])("%s: %s", (_name, r, verdict) => {
    expect(verdictOf(content(), r).id).toBe(verdict);
  });
});
