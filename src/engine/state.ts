/**
 * The session state: plain data, JSON all the way, validated by zod when it is read back, every field
 * bounded. Where the conversation stands is one explicit mode you can print:
 *
 *   asking(step)                       a question of the interview is waiting for its answer
 *   editing(step → resume)             an earlier answer is being changed; then back to `resume`
 *   done                               the plan is written
 *   confirming(step = reading) / base  a reading the coach is unsure of waits for yes or no
 *   confirmingCommand(what) / base     "restart" or "forget me" waits for yes or no
 *   choosingTopic(rules) / base        topics were offered: a typed number picks one
 *   choosingStep / base                "which answer do you want to change?"
 *   reviewing(step)                    a question of the pilot review is waiting (the plan is written)
 *   booking / base                     "shall I come back for the pilot review?"
 *   offeringReview / base              the review is due: start it, later, or no more reminders
 *
 * The overlays (the last four) keep the base mode they return to.
 */
import { z } from "zod";
import { Lang } from "../vocabulary/lang.ts";
import { Answer } from "../vocabulary/answers.ts";

export { Answer } from "../vocabulary/answers.ts";

const StepId = z.string().min(1).max(60);

export const Base = z.discriminatedUnion("is", [
  z.strictObject({ is: z.literal("asking"), step: StepId }),
  /** changing an earlier answer; afterwards the conversation goes back to `resume` (a question, or the finished plan when null) */
  z.strictObject({ is: z.literal("editing"), step: StepId, resume: StepId.nullable() }),
  z.strictObject({ is: z.literal("done") }),
  /** a question of the pilot review is waiting (dialogs/review.yaml); the plan is written */
  z.strictObject({ is: z.literal("reviewing"), step: StepId }),
]);
export type Base = z.infer<typeof Base>;

export const Mode = z.discriminatedUnion("is", [
  ...Base.options,
  z.strictObject({ is: z.literal("confirming"), step: StepId, reading: Answer, base: Base }),
  z.strictObject({ is: z.literal("confirmingCommand"), command: z.enum(["forget", "restart"]), base: Base }),
  z.strictObject({ is: z.literal("choosingTopic"), rules: z.array(z.string().max(60)).min(1).max(25), base: Base }),
  z.strictObject({ is: z.literal("choosingStep"), base: Base }),
  /** "shall I come back for the pilot review?": months or no */
  z.strictObject({ is: z.literal("booking"), base: Base }),
  /** the review has come due: start, later or no more reminders */
  z.strictObject({ is: z.literal("offeringReview"), base: Base }),
]);
export type Mode = z.infer<typeof Mode>;

export const FollowUp = z.strictObject({
  /** unasked: the plan is not written or the question not put yet; booked; declined */
  status: z.enum(["unasked", "booked", "declined"]),
  months: z.number().int().min(1).max(12).nullable(),
  /** when the review is due (ISO date-time) */
  dueAt: z.string().max(40).nullable(),
  /** when the coach wrote first for the review that is due; null: not yet */
  remindedAt: z.string().max(40).nullable(),
  /** the reminder could not reach the person: it waits for the next time they open the coach */
  waiting: z.boolean(),
});
export type FollowUp = z.infer<typeof FollowUp>;

/** A review done: when, its answers, the verdict, and the plan it reviewed (as the owner then had it). */
export const ReviewRecord = z.strictObject({
  at: z.string().max(40),
  answers: z.record(StepId, Answer).refine((a) => Object.keys(a).length <= 10, "too many review answers"),
  /** the numbers watched, in the order asked (kpi ids of measures.yaml) */
  kpis: z.array(z.string().max(60)).max(3),
  verdict: z.string().max(60),
  plan: z.strictObject({
    network: z.string().max(40).nullable(),
    alternative: z.string().max(40).nullable(),
    postsPerWeek: z.number().nonnegative().max(100).nullable(),
    hoursPerMonth: z.number().nonnegative().max(10_000).nullable(),
    currency: z.string().max(8).nullable(),
  }),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;

export const SessionState = z.strictObject({
  lang: Lang,
  /** how the language was decided: only "default" still follows the language the user writes in */
  langSource: z.enum(["default", "hint", "detected", "chosen"]),
  answers: z.record(StepId, Answer).refine((a) => Object.keys(a).length <= 40, "too many answers"),
  mode: Mode,
  createdAt: z.string().max(40),
  updatedAt: z.string().max(40),
  turns: z.number().int().nonnegative().max(1e9),
  /** the networks the owner has named anywhere in the conversation (ids of networks.yaml), in order */
  mentioned: z.array(z.string().max(40)).max(12).default([]),
  /** the pilot review: whether the owner wants one, when, and whether the coach has written for it */
  followUp: FollowUp.default({ status: "unasked", months: null, dueAt: null, remindedAt: null, waiting: false }),
  /** the answers of the review under way */
  reviewAnswers: z.record(StepId, Answer).refine((a) => Object.keys(a).length <= 10, "too many review answers").default({}),
  /** the reviews done, oldest first */
  reviews: z.array(ReviewRecord).max(12).default([]),
});
export type SessionState = z.infer<typeof SessionState>;

/** The version of the persisted shape; bump it (and add a migration) when SessionState changes. */
export const STATE_VERSION = 4;

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

/** The mode an overlay returns to (a base mode is its own). */
export function baseOf(mode: Mode): Base {
  return "base" in mode ? mode.base : mode;
}

/** The question a base mode is asking or editing; null once the plan is written. */
export function stepOf(base: Base): string | null {
  return base.is === "done" ? null : base.step;
}

/**
 * The mode as one line, for logs and tests.
 *
 * @example printMode({ is: "confirming", step: "time", reading: { type: "hours", hoursPerMonth: 13 }, base: { is: "asking", step: "time" } })
 * // "confirming(time) / asking(time)"
 */
export function printMode(mode: Mode): string {
  switch (mode.is) {
    case "asking":
      return `asking(${mode.step})`;
    case "editing":
      return `editing(${mode.step} → ${mode.resume ?? "done"})`;
    case "done":
      return "done";
    case "reviewing":
      return `reviewing(${mode.step})`;
    case "booking":
      return `booking / ${printMode(mode.base)}`;
    case "offeringReview":
      return `offeringReview / ${printMode(mode.base)}`;
    case "confirming":
      return `confirming(${mode.step}) / ${printMode(mode.base)}`;
    case "confirmingCommand":
      return `confirmingCommand(${mode.command}) / ${printMode(mode.base)}`;
    case "choosingTopic":
      return `choosingTopic(${mode.rules.join(",")}) / ${printMode(mode.base)}`;
    case "choosingStep":
      return `choosingStep / ${printMode(mode.base)}`;
  }
}

// ------------------------------------------------------------------ version 1

/** The shape written by version 1 (nullable fields instead of a mode). */
const StateV1 = z.object({
  lang: Lang,
  langSource: z.enum(["default", "hint", "detected", "chosen"]),
  pending: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  confirm: z.enum(["forget", "restart"]).nullable(),
  offer: z.array(z.string()).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  turns: z.number().int().nonnegative(),
});

/**
 * A version 1 state in today's shape: `pending` becomes asking(step) or done, a pending `confirm` a
 * confirmingCommand, an `offer` a choosingTopic. Returns undefined when it is not a version 1 state.
 */
export function migrateFromV1(raw: unknown): unknown {
  const v1 = StateV1.safeParse(raw);
  if (!v1.success) return undefined;
  const s = v1.data;
  const base: Base = s.pending === null ? { is: "done" } : { is: "asking", step: s.pending };
  const mode: Mode = s.confirm ? { is: "confirmingCommand", command: s.confirm, base } : s.offer && s.offer.length > 0 ? { is: "choosingTopic", rules: s.offer.slice(0, 25), base } : base;
  return { lang: s.lang, langSource: s.langSource, answers: s.answers, mode, createdAt: s.createdAt, updatedAt: s.updatedAt, turns: s.turns };
}
