/**
 * The questions about the business: networks named anywhere in the conversation are remembered and
 * the plan says what to do with them; a plan written before these questions existed asks them next
 * and keeps every answer given.
 */
import { describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { STATE_VERSION } from "../../src/engine/state.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { aboutBusiness, noPage, open, planOf, press, say } from "../helpers/inputs.ts";

const coach = (store = new MemoryStore()) => ({ store, c: new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) }) });

describe("networks the owner names", () => {
  it("are remembered from any message, and the plan keeps them for later instead of dropping them", async () => {
    const { c } = coach();
    await c.handle("u", open("en"));
    // the trade is heard among other words: the coach checks it first
    const heard = await c.handle("u", say("accounting firm, my nephew keeps telling me to get on TikTok"));
    expect(heard.mode).toBe("confirming(trade) / asking(trade)");
    await c.handle("u", say("yes"));
    for (const i of [press("pick:customers:businesses"), say("more clients"), say("5 hours a week"), say("$300 a month"), press("pick:skills:some")]) await c.handle("u", i);
    await c.handle("u", say("an employee, she already posts on instagram for herself"));
    await c.handle("u", say("yes"));
    const last = await c.handle("u", noPage());
    expect(last.done).toBe(true);
    const { plan, markdown } = (await planOf(c, "u"))!;
    expect(plan.network?.name).toBe("LinkedIn");
    expect(plan.network?.mentioned).toEqual(["TikTok", "Instagram"]);
    expect(markdown).toContain("You mentioned TikTok and Instagram: keep them for later, once LinkedIn runs well.");
  });

  it("are not taken from a message too long to be read (the coach says it did not read it)", async () => {
    const { c } = coach();
    await c.handle("u", open("fr"));
    const refused = await c.handle("u", say("on est déjà sur tiktok et instagram, " + "bla ".repeat(600)));
    expect(refused.replies[0]?.text).toContain("plus de 2 000 caractères");
    for (const i of [...aboutBusiness({}, "fr"), say("vendre plus"), say("10 h par mois"), say("100 $ par mois"), press("pick:skills:personal"), press("pick:owner:self"), noPage("fr")]) await c.handle("u", i);
    const { plan, markdown } = (await planOf(c, "u"))!;
    expect(plan.network?.mentioned).toEqual([]);
    expect(markdown).not.toContain("TikTok");
  });

  it("leaves the chosen network out of those kept for later, and forgets them with the rest", async () => {
    const { c } = coach();
    await c.handle("u", open("fr"));
    for (const i of [...aboutBusiness({ trade: "food", customers: "local", age: "older" }, "fr"), say("vendre plus, tout le monde est sur facebook")]) await c.handle("u", i);
    for (const i of [say("10 h par mois"), say("100 $ par mois"), press("pick:skills:personal"), press("pick:owner:self"), noPage("fr")]) await c.handle("u", i);
    const { plan, markdown } = (await planOf(c, "u"))!;
    expect(plan.network?.name).toBe("Facebook");
    expect(plan.network?.mentioned).toEqual([]);
    expect(markdown).not.toContain("Vous avez parlé de");
  });
});

describe("a plan written before the business questions", () => {
  it("asks them next, keeps the five answers, and writes the fitted plan after the last one", async () => {
    const store = new MemoryStore();
    const { c } = coach(store);
    const answers = {
      goal: { type: "choice", id: "sales" },
      time: { type: "hours", hoursPerMonth: 10 },
      budget: { type: "money", amountPerMonth: 100, currency: "$" },
      skills: { type: "choice", id: "personal" },
      owner: { type: "choice", id: "self" },
    };
    // as the coach before this change stored it: version 2, no list of networks, the plan written
    const v2 = { lang: "fr", langSource: "chosen", answers, mode: { is: "done" }, createdAt: FIXED_NOW, updatedAt: FIXED_NOW, turns: 12 };
    expect(STATE_VERSION).toBeGreaterThan(2);
    await store.writeIf("old", { version: 2, state: v2 }, null);
    const first = await c.handle("old", open("fr"));
    expect(first.mode).toBe("asking(trade)");
    expect(first.replies.map((r) => r.text).join("\n")).toContain("(1/9) D'abord, votre entreprise");
    for (const i of aboutBusiness({ trade: "food", customers: "local", age: "older" }, "fr")) await c.handle("old", i);
    const last = await c.handle("old", noPage("fr"));
    expect(last.done).toBe(true);
    expect(last.answers).toMatchObject(answers);
    const { plan } = (await planOf(c, "old"))!;
    expect(plan.network?.name).toBe("Facebook");
    expect(plan.postsPerWeek).toBe(2);
  });
});

describe("a trade in the owner's own words", () => {
  it("is said back as the trade, not as the goal, and kept once confirmed", async () => {
    for (const [lang, words, asked] of [
      ["fr", "fabrication de vitraux", "Je garderais votre métier dans vos mots : «fabrication de vitraux»."],
      ["en", "taxidermy studio", "I'd keep your trade in your own words: «taxidermy studio»."],
    ] as const) {
      const { c } = coach();
      await c.handle("u", open(lang));
      const heard = await c.handle("u", say(words, lang));
      expect(heard.mode).toBe("confirming(trade) / asking(trade)");
      const said = heard.replies.map((r) => r.text).join("\n");
      expect(said).toContain(asked);
      expect(said).not.toMatch(/objectif|goal/);
      const kept = await c.handle("u", say(lang === "fr" ? "oui" : "yes", lang));
      expect(kept.answers["trade"]).toEqual({ type: "text", text: words });
    }
  });
});

describe("a trade that sounds like another", () => {
  it("'on restaure des horloges anciennes' is not a restaurant (restaurer kept whole), 'la restauration' still is", async () => {
    const { c } = coach();
    await c.handle("u", open("fr"));
    const clocks = await c.handle("u", say("on restaure des horloges anciennes", "fr"));
    expect(clocks.answers["trade"]).toBeUndefined();
    expect(clocks.mode).toBe("confirming(trade) / asking(trade)");
    const other = coach().c;
    await other.handle("v", open("fr"));
    expect((await other.handle("v", say("je travaille dans la restauration", "fr"))).answers["trade"]).toEqual({ type: "choice", id: "food" });
  });

  it("'we restore antique clocks' is a trade of repairs, not a restaurant (no typo correction of 'restore')", async () => {
    const { c } = coach();
    await c.handle("u", open("en"));
    const heard = await c.handle("u", say("we restore antique clocks", "en"));
    expect(heard.answers["trade"]).toEqual({ type: "choice", id: "trades" });
    expect(heard.replies[0]?.text).toMatch(/^Noted: Trades, repairs, building\./);
  });
});

describe("where the business already is, in the owner's words", () => {
  const atPresence = async (lang: "fr" | "en") => {
    const { c } = coach();
    await c.handle("u", open(lang));
    for (const i of [...aboutBusiness({}, lang), press("pick:goal:sales", lang), say("7 h", lang), say("75 $", lang), press("pick:skills:personal", lang), press("pick:owner:self", lang)]) await c.handle("u", i);
    return c;
  };

  it.each([
    ["fr", "on a une page facebook avec environ 350 abonnés", "established", "facebook"],
    ["fr", "notre page insta a 1 200 abonnés", "established", "instagram"],
    ["en", "our insta has like 120 followers", "small", "instagram"],
    ["en", "about 2k followers on facebook", "established", "facebook"],
  ] as const)("%s '%s': a count of followers picks the band", async (lang, text, band, network) => {
    const c = await atPresence(lang);
    const r = await c.handle("u", say(text, lang));
    expect(r.answers["presence"]).toEqual({ type: "choice", id: band });
    expect(r.answers["where"]).toEqual({ type: "choice", id: network });
    expect(r.objection).toBeNull();
  });

  it("a page named beside the year the business opened answers no doubt nobody raised", async () => {
    const c = await atPresence("en");
    const r = await c.handle("u", say("we opened in 2019 and have a page", "en"));
    expect(r.objection).toBeNull();
    expect(r.replies.map((x) => x.text).join("\n")).not.toContain("without a plan");
  });
});
