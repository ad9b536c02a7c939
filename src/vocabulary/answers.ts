/**
 * What an owner's answer is, once understood: a choice, a goal in their own words, hours a month, or
 * money a month. Plain JSON, checked by zod whenever it is read back, with every field bounded.
 */
import { z } from "zod";

/** How long a goal kept in the owner's own words may be (the interview's message limit is larger). */
export const MAX_OWN_WORDS = 500;

/** How a time answer was given, so that "no, I said per EVENING" can redo the sum with another period. */
export const GivenHours = z.strictObject({
  /** hours per period, as said */
  amount: z.number().nonnegative().max(10_000),
  /** the period's id in dialogs/parsing.yaml ("day", "week", "month"...) */
  per: z.string().max(40),
});
export type GivenHours = z.infer<typeof GivenHours>;

export const Answer = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("choice"), id: z.string().min(1).max(60) }),
  /** a goal kept in the owner's own words */
  z.strictObject({ type: z.literal("text"), text: z.string().min(1).max(MAX_OWN_WORDS) }),
  z.strictObject({ type: z.literal("hours"), hoursPerMonth: z.number().nonnegative().max(10_000), given: GivenHours.optional() }),
  z.strictObject({
    type: z.literal("money"),
    amountPerMonth: z.number().nonnegative().max(1e9),
    currency: z.string().max(8).nullable(),
  }),
  /** what an hour is worth (the pilot review); null: the typical wage the coach cites */
  z.strictObject({ type: z.literal("rate"), amountPerHour: z.number().nonnegative().max(1e5).nullable(), currency: z.string().max(8).nullable() }),
]);
export type Answer = z.infer<typeof Answer>;

/** Two answers say the same thing (the way they were given aside). */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  if (!a || !b || a.type !== b.type) return a === b;
  switch (a.type) {
    case "choice":
      return a.id === (b as typeof a).id;
    case "text":
      return a.text === (b as typeof a).text;
    case "hours":
      return a.hoursPerMonth === (b as typeof a).hoursPerMonth;
    case "money":
      return a.amountPerMonth === (b as typeof a).amountPerMonth && a.currency === (b as typeof a).currency;
    case "rate":
      return a.amountPerHour === (b as typeof a).amountPerHour && a.currency === (b as typeof a).currency;
  }
}
