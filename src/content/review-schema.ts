/**
 * The zod schema of dialogs/review.yaml: booking the pilot review, the reminder, the review's
 * questions, the verdicts and the cost comparison.
 */
import { z } from "zod";
import { Choice, id, localized, Text, Words } from "./schema.ts";

const range = z
  .strictObject({ below: z.number().optional(), atLeast: z.number().optional() })
  .refine((r) => r.below !== undefined || r.atLeast !== undefined, "give below, atLeast or both");

/** A condition on a review, evaluated by src/plan/review.ts. */
export type ReviewCondition =
  | { hoursSpent: { below?: number | undefined; atLeast?: number | undefined } }
  | { hoursRatio: { below?: number | undefined; atLeast?: number | undefined } }
  | { progress: { below?: number | undefined; atLeast?: number | undefined } }
  | { down: { below?: number | undefined; atLeast?: number | undefined } }
  | { known: { below?: number | undefined; atLeast?: number | undefined } }
  | { alternative: boolean }
  | { any: ReviewCondition[] }
  | { all: ReviewCondition[] }
  | { not: ReviewCondition };

export const ReviewCondition: z.ZodType<ReviewCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ hoursSpent: range }),
    z.strictObject({ hoursRatio: range }),
    z.strictObject({ progress: range }),
    z.strictObject({ down: range }),
    z.strictObject({ known: range }),
    z.strictObject({ alternative: z.boolean() }),
    z.strictObject({ any: z.array(ReviewCondition).min(1) }),
    z.strictObject({ all: z.array(ReviewCondition).min(1) }),
    z.strictObject({ not: ReviewCondition }),
  ]),
);

const ReviewQuantityStep = z.strictObject({
  id,
  kind: z.literal("quantity"),
  parse: z.enum(["hours", "budget", "rate"]),
  name: Text,
  /** {planned}: the hours a month the plan had */
  prompt: localized(["planned"]),
  reprompt: Text,
  unsure: Text,
  ack: localized(["answer"]),
  field: z.strictObject({ label: Text, placeholder: Text }),
});

const CostPlace = z.strictObject({
  wagePerHour: z.number().positive(),
  wageFact: id,
  /** the yearly wage was divided by this many working hours (said in the review) */
  wageHoursPerYear: z.number().positive().optional(),
  agencyPerMonth: z.number().positive(),
  agencyFact: id,
  /** a day rate times this many days a month (said in the review) */
  agencyDaysPerMonth: z.number().positive().optional(),
});

export const ReviewFile = z.strictObject({
  booking: z.strictObject({
    months: z.array(z.number().int().min(1).max(12)).min(1).max(5),
    recommended: z.number().int().min(1).max(12),
    /** a figure is read as months only in a message this short ("dans 3 mois s'il vous plaît") */
    maxWords: z.number().int().min(1).max(20),
    ask: Text,
    option: localized(["months"]),
    recommendedOption: localized(["months"]),
    decline: Text,
    booked: localized(["date"]),
    declined: Text,
    already: localized(["date"]),
    yes: Words,
    no: Words,
  }),
  commands: z.strictObject({ remind: Words, change: Words, stop: Words, start: Words }),
  reminder: z.strictObject({
    text: localized(["months", "network", "postsPerWeek"]),
    posts: localized(["n"]),
    start: Text,
    later: Text,
    stop: Text,
    laterDays: z.number().int().min(1).max(60),
    postponed: localized(["date"]),
    stopped: Text,
    notYet: Text,
    sendBetween: z.tuple([z.number().int().min(0).max(23), z.number().int().min(1).max(24)]),
  }),
  steps: z.array(ReviewQuantityStep).min(1),
  typicalWords: Words,
  kpiStep: z.strictObject({
    /** how the coach names the question in a sentence */
    name: localized(["n"]),
    prompt: localized(["label", "target"]),
    reprompt: Text,
    unsure: Text,
    ack: localized(["answer"]),
    choices: z.array(Choice).min(2).max(6),
  }),
  verdicts: z
    .array(z.strictObject({ id, when: ReviewCondition.optional(), label: Text, why: localized(["network", "alternative"]), sources: z.array(z.string()).min(1) }))
    .min(1)
    .refine((v) => v.at(-1)?.when === undefined, "the last verdict applies when no other does: give it no `when`"),
  costs: z.strictObject({
    byCurrency: z.record(z.string().min(1).max(8), z.strictObject({ fr: CostPlace, en: CostPlace })),
    heading: Text,
    yours: localized(["hours", "wage", "cost", "money"]),
    hire: localized(["wage", "cost"]),
    agency: localized(["cost"]),
    derived: localized(["hoursPerYear"]),
    agencyDerived: localized(["days"]),
  }),
  record: z.strictObject({
    heading: localized(["date"]),
    spent: localized(["hours", "planned", "money"]),
    kpi: localized(["label", "trend"]),
    verdict: localized(["verdict", "why"]),
    done: Text,
    next: Text,
  }),
});
export type ReviewContent = z.infer<typeof ReviewFile>;
