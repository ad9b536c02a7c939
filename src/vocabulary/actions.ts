/**
 * What a button does, as typed data. The engine puts actions on the choices it offers; adapters
 * encode them into a platform's button value or custom_id only at the edge
 * (adapters/shared/action-codec.ts) and hand them back as `{ kind: "action" }` inputs.
 */
import { z } from "zod";

export const COMMANDS = ["back", "restart", "help", "plan", "forget"] as const;
export const Command = z.enum(COMMANDS);
export type Command = z.infer<typeof Command>;

/** What a yes/no confirms: a destructive command, or the reading of a question's answer (its step id). */
export const ConfirmAbout = z.string().min(1).max(60);

const stepId = z.string().min(1).max(60);

export const Action = z.discriminatedUnion("kind", [
  /** answers a choice question */
  z.strictObject({ kind: z.literal("pick"), step: stepId, choice: z.string().min(1).max(60) }),
  /** yes or no to what the coach is confirming */
  z.strictObject({ kind: z.literal("confirm"), about: ConfirmAbout, yes: z.boolean() }),
  z.strictObject({ kind: z.literal("command"), command: Command }),
  /** the answer to one doubt of the rule base */
  z.strictObject({ kind: z.literal("topic"), rule: z.string().min(1).max(60) }),
  z.strictObject({ kind: z.literal("lang"), lang: z.enum(["fr", "en"]) }),
  /** change one earlier answer (the question comes back, then the conversation goes on where it was); null: ask which */
  z.strictObject({ kind: z.literal("change"), step: stepId.nullable() }),
  /** books the pilot review in so many months; 0: no reminder */
  z.strictObject({ kind: z.literal("book"), months: z.number().int().min(0).max(12) }),
  /** at the reminder: start the review now, in a week, or never */
  z.strictObject({ kind: z.literal("review"), what: z.enum(["start", "later", "stop"]) }),
]);
export type Action = z.infer<typeof Action>;
