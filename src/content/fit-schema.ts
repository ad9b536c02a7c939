/**
 * The zod schemas of what fits a plan to one business: dated facts beyond the seeds (facts.yaml),
 * which network to start on and how often to post (networks.yaml), what to post (themes.yaml) and
 * what to measure (measures.yaml).
 */
import { z } from "zod";
import { Condition, id, Text } from "./schema.ts";
import { Lang } from "../vocabulary/lang.ts";

/** One dated figure from a published survey, with where it comes from. */
export const Fact = z.strictObject({
  id,
  topic: z.enum(["age-by-network", "b2b-linkedin", "local-discovery", "wages", "agency-fees", "freelance-rates"]),
  /** the claim, with its figures, in both languages */
  text: Text,
  /** the figure as a plan quotes it: a shorter extract of `text` */
  short: Text.optional(),
  publisher: z.string().min(1),
  title: z.string().min(1),
  author: z.string().optional(),
  /** the year the data was collected; null when the publisher does not say */
  year: z.number().int().min(1990).max(2100).nullable(),
  published: z.string().optional(),
  url: z.url(),
  readAt: z.url().optional(),
  lang: Lang,
  confidence: z.enum(["high", "medium"]),
  note: z.string().optional(),
});
export type Fact = z.infer<typeof Fact>;
export const FactsFile = z.strictObject({ facts: z.array(Fact).min(1) });

/** Fact ids per language: a French plan cites Quebec and French surveys where there are some. */
const FactRefs = z.strictObject({ fr: z.array(id), en: z.array(id) });

export const Network = z.strictObject({
  id,
  name: z.string().min(1),
  /** hours to prepare one post and answer on it (a working assumption, said as one) */
  hoursPerPost: z.number().positive(),
  maxPostsPerWeek: z.number().int().min(1).max(14),
  /** where its statistics are read */
  stats: Text,
});
export type Network = z.infer<typeof Network>;

export const NetworkReason = z.strictObject({
  id,
  when: Condition.optional(),
  /** points added to each network named (negative points take away) */
  points: z.record(id, z.number()),
  why: Text,
  facts: FactRefs,
});
export type NetworkReason = z.infer<typeof NetworkReason>;

export const NetworksFile = z.strictObject({
  networks: z.array(Network).min(1),
  /** words that name each network in a message */
  mentions: z.record(id, z.array(z.string().min(1)).min(1)),
  reasons: z.array(NetworkReason).min(1),
  presence: z.strictObject({
    step: id,
    where: id,
    points: z.record(id, z.number()),
    existing: z.array(id),
  }),
  cadence: z.strictObject({
    listeningShare: z.number().min(0).max(1),
    listeningMinHoursPerWeek: z.number().min(0),
    listeningMaxHoursPerWeek: z.number().positive(),
    postDays: z.record(z.string().regex(/^[1-7]$/), z.array(z.number().int().min(1).max(7)).min(1)),
  }),
});
export type NetworksContent = z.infer<typeof NetworksFile>;

export const Theme = z.strictObject({
  goals: z.array(id).optional(),
  text: Text,
  /** how the calendar names it; by default the text up to its first comma, colon or parenthesis */
  short: Text.optional(),
});
export type Theme = z.infer<typeof Theme>;
export const ThemesFile = z.strictObject({
  max: z.number().int().min(1).max(8),
  always: Text,
  alwaysShort: Text,
  trades: z.record(id, z.array(Theme).min(2)),
});
export type ThemesContent = z.infer<typeof ThemesFile>;

export const Kpi = z.strictObject({
  label: Text,
  /** "stats": the chosen network's statistics page; otherwise where to read it, said as written */
  where: z.union([z.literal("stats"), Text]),
  target: Text,
});
export type Kpi = z.infer<typeof Kpi>;
export const MeasuresFile = z.strictObject({
  kpis: z.record(id, Kpi),
  goals: z.record(id, z.array(id).min(1).max(3)),
});
export type MeasuresContent = z.infer<typeof MeasuresFile>;

