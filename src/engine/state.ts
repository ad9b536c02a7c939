/**
 * The session state: plain data, JSON all the way, validated by zod when it is read back. Its
 * persisted form carries a schema version so that stale sessions can be migrated or restarted.
 */
import { z } from "zod";
import { Lang } from "../content/schema.ts";

export const Answer = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("choice"), id: z.string() }),
  /** a goal kept in the owner's own words */
  z.strictObject({ type: z.literal("text"), text: z.string() }),
  z.strictObject({ type: z.literal("hours"), hoursPerMonth: z.number().nonnegative() }),
  z.strictObject({ type: z.literal("money"), amountPerMonth: z.number().nonnegative(), currency: z.string().nullable() }),
]);
export type Answer = z.infer<typeof Answer>;

export const SessionState = z.strictObject({
  lang: Lang,
  /** how the language was decided: only "default" still follows the language the user writes in */
  langSource: z.enum(["default", "hint", "detected", "chosen"]),
  /** the id of the question waiting for an answer; null once the interview is over */
  pending: z.string().nullable(),
  answers: z.record(z.string(), Answer),
  /** a destructive command waiting for yes or no */
  confirm: z.enum(["forget", "restart"]).nullable(),
  /** objection rules offered as choices ("did you mean...?"), so that a typed number can pick one */
  offer: z.array(z.string()).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  turns: z.number().int().nonnegative(),
});
export type SessionState = z.infer<typeof SessionState>;

/** The version of the persisted shape; bump it (and add a migration) when SessionState changes. */
export const STATE_VERSION = 1;

export const PersistedSession = z.strictObject({
  version: z.number().int(),
  state: z.unknown(),
  /**
   * Where the user talks with the coach, as the adapter names it (a channel thread, say): opaque to
   * the core, kept with the session so that every instance, and the next start, knows it.
   */
  place: z.string().max(500).optional(),
});
export type PersistedSession = { version: number; state: SessionState; place?: string };
