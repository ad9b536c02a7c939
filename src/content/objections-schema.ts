/** The zod schema of dialogs/objections.yaml: the rule base that answers owners' objections. */
import { z } from "zod";
import { Condition, id, PLAN_VARS, Text, Words, localized } from "./schema.ts";

/** One way to apply an answer to the owner's figures: when its steps are answered and `when` holds. */
const WithPlan = z.strictObject({ needs: z.array(id).min(1), when: Condition.optional(), text: localized(PLAN_VARS) });

/**
 * The survey facts of dialogs/facts.yaml an answer rests on, by id: one list for both languages, or
 * one per language (a French answer cites Quebec and French surveys where there are some).
 */
const FactRefs = z.preprocess(
  (v) => (Array.isArray(v) ? { fr: v, en: v } : v),
  z.strictObject({ fr: z.array(id), en: z.array(id) }),
);

/**
 * `doubt`: an objection an owner voices ("it's just a fad"); `question`: something an owner asks the
 * coach ("which network should I pick?"). A question is answered during the interview only when the
 * message is asked as a question, and never instead of an answer to the question being asked.
 */
export const RuleKind = z.enum(["doubt", "question"]);
export type RuleKind = z.infer<typeof RuleKind>;

export const ObjectionRule = z.strictObject({
  id,
  kind: RuleKind.default("doubt"),
  /** a short name of the concern, shown when the coach offers topics or asks which one was meant */
  topic: Text,
  /** strong words count 1, weak ones count `weakWeight`: a phrase matches when all its words are there, in any order */
  match: z.strictObject({
    strong: Words,
    weak: Words.default({ fr: [], en: [] }),
    /** phrases that say the opposite of the concern ("she's all for it" beside "my boss"): the rule is not matched when one is in the message */
    unless: Words.default({ fr: [], en: [] }),
  }),
  answer: Text,
  /**
   * added when the owner's answers are known: the answer applied to their figures. One entry, or a
   * list of which the first that applies is used (as the variants of a plan recommendation)
   */
  withPlan: z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(WithPlan).min(1).optional()),
  sources: z.array(z.string()).min(1),
  /** dated survey facts (dialogs/facts.yaml) the answer rests on: each is said with its source, after the answer */
  facts: FactRefs.default({ fr: [], en: [] }),
  /** the plan recommendation this concern relates to */
  recommendation: id.optional(),
  /** other rules to suggest after this answer */
  related: z.array(id).default([]),
});
export type ObjectionRule = z.infer<typeof ObjectionRule>;

export const ObjectionsFile = z.strictObject({
  /** confidence = score / (score + 1); under `threshold` nothing matches */
  threshold: z.number().min(0).max(1),
  weakWeight: z.number().positive().max(1),
  /** when the second rule's confidence is within this of the first's, the coach asks which one */
  ambiguityMargin: z.number().min(0).max(1),
  /** a typed choice of at least this many words may also voice a concern, answered with it */
  concernMinWords: z.number().int().positive(),
  /**
   * word senses that voice no doubt ("security guard", "expert-comptable"): taken out of a message
   * before the doubt is looked for, so their words count for no rule
   */
  notDoubtSenses: z.strictObject({ fr: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }),
  /**
   * During the interview, when a typed answer names a choice only to object to it, the coach answers
   * the objection and asks the question again instead of saving the choice (the rule: in
   * dialogs/objections.yaml, beside the setting).
   */
  objectionOverAnswer: z.strictObject({
    /** the objection's confidence must be at least this */
    minConfidence: z.number().min(0).max(1),
  }),
  /**
   * The naive Bayes classifier behind the rules, trained at load on dialogs/phrasings/: it answers a
   * message the rules do not recognise only at or above `threshold`, and settles a tie between rules
   * at or above `tieThreshold`. Both are chosen by `npm run eval:rules -- --calibrate` (leave one
   * phrasing set out): higher than any negative it fired on.
   */
  learned: z.strictObject({
    alpha: z.number().positive(),
    threshold: z.number().min(0).max(1),
    tieThreshold: z.number().min(0).max(1),
  }),
  text: z.strictObject({
    noMatch: Text,
    whichOne: Text,
    related: Text,
    /** when the owner's plan holds the rule's recommendation: where to find it ({point}: its number) */
    inYourPlan: localized(["point"]),
    backToQuestion: Text,
    askMore: Text,
    alsoNoted: Text,
    /** the same, before a question asked beside an answer */
    alsoAsked: Text,
    /** how a survey fact is said after an answer: its text, then where it comes from */
    fact: localized(["fact", "source"]),
  }),
  rules: z.array(ObjectionRule).min(1),
});
export type ObjectionsContent = z.infer<typeof ObjectionsFile>;
