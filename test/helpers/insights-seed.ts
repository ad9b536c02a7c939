/**
 * A seeded set of conversations for the insights tests and screenshots: played through the real
 * coordinator with an insights recorder, so the store holds what a coach with COACH_INSIGHTS=on
 * would have kept. Six owners:
 *
 * - `fr-plan` and `en-plan` finish their plan (fr-plan says "c'est une mode" on the way; en-plan
 *   "we're too small"); both answer every question (fr-plan is asked the age, en-plan too);
 * - `fr-goal` stops at the goal question after typing two messages the coach missed (one it could not
 *   read, one question it has no answer for);
 * - `en-time` stops at the time question after a message it could not read;
 * - `fr-script` stops at the customers question after a message holding markup and a mention;
 * - `en-open` only opens the chat (stops at the trade question).
 *
 * Expected: started 6, trade 5, customers 4, age 4, goal 3, time 2, plan 2; four missed messages
 * (three at customers, one at time).
 */
import { Coordinator } from "../../src/coordinator.ts";
import type { InsightsStore } from "../../src/insights/insights-store.ts";
import { InsightsRecorder } from "../../src/insights/recorder.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import type { Lang } from "../../src/vocabulary/lang.ts";
import { content } from "./content.ts";

/** The hostile message: it must show as text on the page, never as markup. */
export const HOSTILE = `<script>document.title="pwned"</script><b>bold</b> @everyone`;

/** What each seeded owner types after opening the chat. */
export const SEED: readonly { key: string; lang: Lang; says: readonly string[] }[] = [
  { key: "fr-plan", lang: "fr", says: ["1", "1", "2", "c'est juste une mode", "1", "10 h par mois", "100 $", "1", "1", "1"] },
  { key: "en-plan", lang: "en", says: ["2", "2", "3", "we're too small for this", "2", "25 hours a month", "300 $", "2", "1", "1"] },
  { key: "fr-goal", lang: "fr", says: ["1", "blorp zzz", "est-ce que je dois payer la tva sur les pubs ?", "1", "2"] },
  { key: "en-time", lang: "en", says: ["3", "1", "1", "1", "flibber wobble"] },
  { key: "fr-script", lang: "fr", says: ["1", HOSTILE] },
  { key: "en-open", lang: "en", says: [] },
];

export const SEED_FUNNEL = { started: 6, trade: 5, customers: 4, age: 4, goal: 3, time: 2, plan: 2 } as const;

/**
 * Plays the seeded conversations (or `only` some) into `store`; returns the recorder (its conversation
 * ids) and the coordinator, to say more (forget me).
 */
export async function seedInsights(store: InsightsStore, now: Date = new Date()): Promise<{ recorder: InsightsRecorder; coordinator: Coordinator }> {
  const recorder = new InsightsRecorder(store, await store.secret(), { info: () => undefined, warn: () => undefined, error: () => undefined });
  const coordinator = new Coordinator({ content: content(), store: new MemoryStore(), observer: recorder, now: () => now });
  for (const owner of SEED) {
    await coordinator.handle(owner.key, { kind: "open", locale: owner.lang });
    for (const text of owner.says) await coordinator.handle(owner.key, { kind: "text", text, locale: owner.lang });
  }
  await recorder.idle();
  return { recorder, coordinator };
}
