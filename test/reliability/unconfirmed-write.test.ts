/**
 * A write whose reply was lost (the connection to Redis broke after the command left): the person
 * was told "I can't reach my memory, try again", yet the answer may have been saved. When they
 * send it again, it must not be taken for the answer to the next question (a "2" for the goal
 * read as 2 hours a month): they are told it was saved after all, and shown where they are.
 */
import { describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import type { StoredSession } from "../../src/store/session-store.ts";
import { StoreUnavailableError } from "../../src/store/store-errors.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { aboutBusiness, open, say } from "../helpers/inputs.ts";
import { seen } from "../helpers/transcript.ts";

/** A store whose next write is lost on the way back: applied (or not), then reported as a broken connection. */
class LossyStore extends MemoryStore {
  nextWrite: "applied-then-lost" | "lost-before" | null = null;
  override async writeIf(key: string, value: StoredSession, revision: string | null, ttlSeconds?: number, writtenAt?: Date): Promise<boolean> {
    const fault = this.nextWrite;
    this.nextWrite = null;
    if (fault === "lost-before") throw new StoreUnavailableError("Redis could not write a session (Socket closed unexpectedly)", { kind: "unreachable", maybeApplied: true });
    const done = await super.writeIf(key, value, revision, ttlSeconds, writtenAt);
    if (fault === "applied-then-lost") throw new StoreUnavailableError("Redis could not write a session (Socket closed unexpectedly)", { kind: "unreachable", maybeApplied: true });
    return done;
  }
}

describe("an answer whose write was applied but whose reply was lost", () => {
  it("sent again, is not taken for the next question's answer: the person is told it was saved, and where they are", async () => {
    const store = new LossyStore();
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    await c.handle("u", open());
    for (const input of aboutBusiness()) await c.handle("u", input);
    store.nextWrite = "applied-then-lost";
    const lost = await c.handle("u", say("2"));
    expect(seen(lost)).toContain("Je n'arrive pas à joindre ma mémoire pour l'instant");
    const again = await c.handle("u", say("2"));
    expect(seen(again)).toContain("Finalement, votre message précédent a bien été enregistré");
    expect(seen(again)).toContain("(5/9) Combien d'heures par mois");
    expect(again.step).toBe("time");
    const time = await c.handle("u", say("10 heures par mois"));
    expect(seen(time)).toContain("C'est noté : 10 h par mois");
    const plan = await c.handle("u", say("mon plan"));
    expect(seen(plan)).toContain("Développer les ventes");
    expect(seen(plan)).not.toContain("2 h par mois");
  });

  it("when the write did not land, the answer sent again is simply taken", async () => {
    const store = new LossyStore();
    const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
    await c.handle("u", open());
    for (const input of aboutBusiness()) await c.handle("u", input);
    store.nextWrite = "lost-before";
    expect(seen(await c.handle("u", say("2")))).toContain("Je n'arrive pas à joindre ma mémoire");
    const again = await c.handle("u", say("2"));
    expect(seen(again)).not.toContain("Finalement");
    expect(seen(again)).toContain("Votre objectif : Développer les ventes");
    expect(again.step).toBe("time");
  });
});
