/**
 * Insights are recorded only when turned on, with little data: counts per day, and the text of the
 * messages the coach missed with their question and language under a conversation id that is not
 * the user's. New conversations are told in one line; "forget me" removes the person's messages;
 * what is older than COACH_INSIGHTS_DAYS is deleted; the lowdb files survive a restart.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CoreSettings, readSettings } from "../../src/config.ts";
import { Coordinator } from "../../src/coordinator.ts";
import { LowdbInsights, MemoryInsights } from "../../src/insights/insights-store.ts";
import { openInsights } from "../../src/insights/open-insights.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { content } from "../helpers/content.ts";
import { HOSTILE, SEED, SEED_FUNNEL, seedInsights } from "../helpers/insights-seed.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";

const tempDir = tempDirs("coach-insights-");
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const NOW = new Date("2026-11-30T10:00:00Z");
const all = (s: { counts(a: string, b: string): Promise<Record<string, Record<string, number>>> }) => s.counts("2000-01-01", "2100-01-01");

describe("insights recording", () => {
  it("is off by default: no recorder, nothing written, and no notice in the welcome", async () => {
    const dir = tempDir();
    const core = readSettings(CoreSettings, { COACH_DATA_DIR: dir });
    expect(core.COACH_INSIGHTS).not.toBe("on");
    expect(await openInsights(core, dir, quiet)).toBeNull();
    const c = new Coordinator({ content: content(), store: new MemoryStore() });
    const out = await c.handle("u", { kind: "open", locale: "fr" });
    expect(out.replies.map((r) => r.text).join("\n")).not.toContain(content().messages.text.insightsNotice.fr);
    expect(existsSync(join(dir, "insights"))).toBe(false);
  });

  it("with COACH_INSIGHTS=on, tells a new conversation once, in its language, after the welcome", async () => {
    const dir = tempDir();
    const opened = await openInsights(readSettings(CoreSettings, { COACH_DATA_DIR: dir, COACH_INSIGHTS: "on" }), dir, quiet);
    expect(opened).not.toBeNull();
    const c = new Coordinator({ content: content(), store: new MemoryStore(), observer: opened!.recorder });
    for (const lang of ["fr", "en"] as const) {
      const first = await c.handle(`u-${lang}`, { kind: "open", locale: lang });
      const texts = first.replies.map((r) => r.text);
      expect(texts[1]).toBe(content().messages.text.insightsNotice[lang]);
      const second = await c.handle(`u-${lang}`, { kind: "text", text: "1", locale: lang });
      expect(second.replies.map((r) => r.text)).not.toContain(content().messages.text.insightsNotice[lang]);
    }
    await opened!.close();
  });

  it("keeps counts per day and the missed messages with their question and language, never the user id", async () => {
    const store = new MemoryInsights();
    const { recorder } = await seedInsights(store, NOW);
    const day = (await all(store))["2026-11-30"]!;
    expect(day["started"]).toBe(SEED_FUNNEL.started);
    for (const step of ["trade", "customers", "age", "goal", "time"] as const) expect(day[`answered:${step}`]).toBe(SEED_FUNNEL[step]);
    expect(day["plan"]).toBe(SEED_FUNNEL.plan);
    expect(day["doubt:fad:fr"]).toBe(1);
    expect(day["doubt:too-small:en"]).toBe(1);
    expect(day["reask:customers"]).toBe(3);
    expect(day["hours:10-19"]).toBe(1);
    expect(day["budget:250-499"]).toBe(1);
    const missed = await store.missed();
    expect(missed.map((m) => [m.step, m.lang, m.why, m.text]).sort()).toEqual(
      [
        ["customers", "fr", "unreadable", "blorp zzz"],
        ["customers", "fr", "question", "est-ce que je dois payer la tva sur les pubs ?"],
        ["customers", "fr", "unreadable", HOSTILE],
        ["time", "en", "unreadable", "flibber wobble"],
      ].sort(),
    );
    // the conversation id: the same for one person, another for another, and no session key in it
    const goal = missed.filter((m) => m.text === "blorp zzz" || m.text.startsWith("est-ce"));
    expect(new Set(goal.map((m) => m.conv)).size).toBe(1);
    expect(goal[0]!.conv).toBe(recorder.conversationOf("fr-goal"));
    const stored = JSON.stringify({ missed, counts: await all(store) });
    for (const owner of SEED) expect(stored).not.toContain(owner.key);
  });

  it("keeps the message a declined reading came from, not the no", async () => {
    const store = new MemoryInsights();
    const { coordinator, recorder } = await seedInsights(store, NOW);
    // fr-goal is at the goal question: free words are read as the goal in the owner's words, then confirmed
    const read = await coordinator.handle("fr-goal", { kind: "text", text: "je veux que les gens connaissent ma boulangerie", locale: "fr" });
    expect(read.events.some((e) => e.kind === "confirming")).toBe(true);
    await coordinator.handle("fr-goal", { kind: "text", text: "non", locale: "fr" });
    await recorder.idle();
    const declined = (await store.missed()).filter((m) => m.why === "declined");
    expect(declined.map((m) => m.text)).toEqual(["je veux que les gens connaissent ma boulangerie"]);
  });

  it("forget me removes that owner's messages, and only theirs", async () => {
    const store = new MemoryInsights();
    const { coordinator, recorder } = await seedInsights(store, NOW);
    await coordinator.handle("fr-goal", { kind: "text", text: "oublie-moi", locale: "fr" });
    await coordinator.handle("fr-goal", { kind: "text", text: "oui", locale: "fr" });
    await recorder.idle();
    const left = await store.missed();
    expect(left.some((m) => m.conv === recorder.conversationOf("fr-goal"))).toBe(false);
    expect(left.map((m) => m.text).sort()).toEqual([HOSTILE, "flibber wobble"].sort());
  });

  it("deletes what is older than COACH_INSIGHTS_DAYS, in lowdb files that outlive the process", async () => {
    const dir = tempDir();
    const old = new LowdbInsights(dir);
    await seedInsights(old, new Date("2026-08-01T10:00:00Z"));
    await seedInsights(old, NOW);
    expect((await old.missed()).length).toBe(8);
    const key = readFileSync(join(dir, "insights", "conversation-key"), "utf8");
    // a coach started again on the folder, 90 days kept: the August day goes, the November one stays
    const core = readSettings(CoreSettings, { COACH_DATA_DIR: dir, COACH_INSIGHTS: "on", COACH_INSIGHTS_DAYS: "90" });
    const opened = await openInsights(core, dir, quiet, () => NOW);
    expect(Object.keys(await all(opened!.store))).toEqual(["2026-11-30"]);
    expect((await opened!.store.missed()).every((m) => m.day === "2026-11-30")).toBe(true);
    expect((await opened!.store.missed()).length).toBe(4);
    expect(await opened!.store.secret()).toBe(key);
    await opened!.close();
  });
});
