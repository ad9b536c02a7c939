/**
 * The zod schemas of everything under dialogs/. They are the single source of truth: every content
 * type in src/ is derived from them with `z.infer`.
 */
import { z } from "zod";

export { LANGS, Lang } from "../vocabulary/lang.ts";
import { Lang } from "../vocabulary/lang.ts";

/** A content id: lower-case words joined by dashes ("too-small", "define-objective"). */
export const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case words joined by dashes");

/** Placeholders of a template: `{name}` or the plural form `{name|singular|plural}`. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([a-zA-Z]+)(?:\|[^{}|]*\|[^{}|]*)?\}/g)].map((m) => m[1]!);
}

/** A sentence in both languages, whose placeholders must be among `vars`. */
export function localized(vars: readonly string[] = []) {
  const one = z
    .string()
    .trim()
    .min(1)
    .superRefine((s, ctx) => {
      for (const p of placeholders(s)) {
        if (!vars.includes(p)) {
          ctx.addIssue({
            code: "custom",
            message: `unknown placeholder {${p}}; this text can use ${vars.length ? vars.map((v) => `{${v}}`).join(", ") : "none"}`,
          });
        }
      }
    });
  return z.strictObject({ fr: one, en: one });
}
export const Text = localized();
export type Text = z.infer<typeof Text>;

/** Words or phrases to recognise, per language. */
export const Words = z.strictObject({ fr: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });
export type Words = z.infer<typeof Words>;

// ---------------------------------------------------------------- sources.yaml

export const Source = z.strictObject({
  id: z.string().regex(/^\d{3}$/, "a source id is the seed's three-digit number, e.g. 001"),
  file: z.string().min(1),
  title: z.string().min(1),
  /** true when the article has no title of its own and `title` is its first heading */
  untitled: z.boolean().default(false),
  author: z.string().optional(),
  blog: z.string().optional(),
  date: z.string().optional(),
});
export type Source = z.infer<typeof Source>;
export const SourcesFile = z.strictObject({ sources: z.array(Source).min(1) });

// ---------------------------------------------------------------- interview.yaml

export const Choice = z.strictObject({
  id,
  label: Text,
  /** words that pick this choice when typed; the label always does */
  match: Words.default({ fr: [], en: [] }),
  /** what to measure for this goal (goal choices only) */
  measure: Text.optional(),
  sources: z.array(z.string()).default([]),
});
export type Choice = z.infer<typeof Choice>;

/** A condition on the answers, evaluated by src/plan/conditions.ts. */
export type Condition =
  | { answer: { step: string; in: string[] } }
  | { networks: { below?: number | undefined; atLeast?: number | undefined } }
  | { hours: { below?: number | undefined; atLeast?: number | undefined } }
  | { budget: { below?: number | undefined; atLeast?: number | undefined } }
  | { any: Condition[] }
  | { all: Condition[] }
  | { not: Condition };

const range = z
  .strictObject({ below: z.number().optional(), atLeast: z.number().optional() })
  .refine((r) => r.below !== undefined || r.atLeast !== undefined, "give below, atLeast or both");

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ answer: z.strictObject({ step: id, in: z.array(z.string()).min(1) }) }),
    z.strictObject({ networks: range }),
    z.strictObject({ hours: range }),
    z.strictObject({ budget: range }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

const stepBase = {
  id,
  /** how the coach names the question in a sentence: "votre temps", "your time" */
  name: Text,
  /** words that name the question in a message: a correction names it, "change my goal" reopens it */
  cues: Words.default({ fr: [], en: [] }),
  prompt: Text,
  /** said when the answer could not be read: which forms work */
  reprompt: Text,
  /** said when the owner does not know or did not understand ("je sais pas", "what do you mean?"): a way to decide */
  unsure: Text,
  /** asked only when this holds on the answers given so far ("age" only when customers are people) */
  askWhen: Condition.optional(),
};

export const ChoiceStep = z.strictObject({
  ...stepBase,
  kind: z.literal("choice"),
  /** "keep": a typed answer that matches no choice is kept in the owner's own words */
  freeText: z.enum(["keep", "reject"]).default("reject"),
  choices: z.array(Choice).min(2).max(25),
  ack: localized(["answer"]),
  /** with freeText "keep": the label and an example of the typed-answer field (a Discord modal, say) */
  field: z.strictObject({ label: Text, placeholder: Text }).optional(),
  /**
   * words that answer the question itself ("handle" for who will run it): they count with a choice's
   * words when a message names a choice and voices a concern (objectionOverAnswer, objections.yaml)
   */
  answerWords: Words.default({ fr: [], en: [] }),
  /**
   * a count beside one of `words` points to a choice by its band ("about 350 followers" → the band
   * from 200): each band's choice applies from its `from` up to the next band's
   */
  counts: z
    .strictObject({
      words: Words,
      bands: z.array(z.strictObject({ from: z.number().min(0), choice: z.string().min(1) })).min(1),
    })
    .optional(),
});
export const QuantityStep = z.strictObject({
  ...stepBase,
  kind: z.literal("quantity"),
  /** the parser, registered in src/understand/read-value.ts */
  parse: z.enum(["hours", "budget", "rate"]),
  /** said back once the answer is read; {answer} is the quantity as understood */
  ack: localized(["answer"]),
  /** the label and an example for a typed-answer field (a Discord modal, say) */
  field: z.strictObject({ label: Text, placeholder: Text }),
});
export const Step = z.discriminatedUnion("kind", [ChoiceStep, QuantityStep]);
export type Step = z.infer<typeof Step>;
export type ChoiceStep = z.infer<typeof ChoiceStep>;
export type QuantityStep = z.infer<typeof QuantityStep>;

/** The questions every plan needs; their order and wording are the content's to choose. */
export const REQUIRED_STEPS = {
  goal: "choice",
  time: "quantity",
  budget: "quantity",
  skills: "choice",
  owner: "choice",
} as const;
export type StepId = keyof typeof REQUIRED_STEPS;

export const InterviewFile = z
  .strictObject({ steps: z.array(Step).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["steps", i, "id"], message: `duplicate step id "${s.id}"` });
      seen.add(s.id);
      if (s.kind === "choice") {
        const ids = new Set<string>();
        s.choices.forEach((c, j) => {
          if (ids.has(c.id)) ctx.addIssue({ code: "custom", path: ["steps", i, "choices", j, "id"], message: `duplicate choice id "${c.id}"` });
          ids.add(c.id);
        });
      }
    });
    for (const [stepId, kind] of Object.entries(REQUIRED_STEPS)) {
      const step = file.steps.find((s) => s.id === stepId);
      if (!step) ctx.addIssue({ code: "custom", path: ["steps"], message: `the interview needs a "${stepId}" step` });
      else if (step.kind !== kind) ctx.addIssue({ code: "custom", path: ["steps"], message: `the "${stepId}" step must be of kind "${kind}"` });
    }
    const time = file.steps.find((s) => s.id === "time");
    if (time?.kind === "quantity" && time.parse !== "hours") ctx.addIssue({ code: "custom", path: ["steps"], message: 'the "time" step must use parse: hours' });
    const budget = file.steps.find((s) => s.id === "budget");
    if (budget?.kind === "quantity" && budget.parse !== "budget") ctx.addIssue({ code: "custom", path: ["steps"], message: 'the "budget" step must use parse: budget' });
  });
export type Interview = z.infer<typeof InterviewFile>;

// ---------------------------------------------------------------- plan.yaml

/**
 * What a recommendation's text (and an objection rule's `withPlan`) may say: the owner's own figures,
 * and three parts of their plan as it stands: `cadence` (what the hours allow on the starting network,
 * as the plan says it), `themes` (the content ideas, by their short names) and `kpis` (the numbers
 * to watch for the goal).
 */
export const PLAN_VARS = [
  "goal", "measure", "hours", "hoursPerWeek", "networks", "hoursPerNetwork", "budget", "skills", "owner", "network", "postsPerWeek",
  "cadence", "themes", "kpis",
] as const;

export const Recommendation = z.strictObject({
  id,
  /** the answers this needs before it can be written (step ids) */
  needs: z.array(id).default([]),
  when: Condition.optional(),
  sources: z.array(z.string()).min(1),
  /** the first variant whose `when` holds is used */
  variants: z.array(z.strictObject({ when: Condition.optional(), text: localized(PLAN_VARS) })).min(1),
});
export type Recommendation = z.infer<typeof Recommendation>;

/** The parts of a plan fitted to the business: which network, how often, what, how to measure, a first month, the budget. */
export const PlanFit = z.strictObject({
  sources: z.strictObject({ network: z.array(z.string()), cadence: z.array(z.string()), themes: z.array(z.string()), kpis: z.array(z.string()), calendar: z.array(z.string()), budget: z.array(z.string()) }),
  headings: z.strictObject({ network: Text, cadence: Text, themes: Text, kpis: Text, calendar: Text, budget: Text }),
  network: z.strictObject({
    open: localized(["network"]),
    revive: localized(["network"]),
    continue: localized(["network"]),
    /** with no hours yet: where to start, the day someone has time */
    later: localized(["network"]),
    /** the other networks the owner named: {networks} is their names, {network} the one chosen */
    mentioned: localized(["networks", "network"]),
    alternative: localized(["network"]),
    /** said after the facts: the survey figures are about people in general, not this business's customers */
    caveat: localized(["network"]),
  }),
  cadence: z.strictObject({
    /** no hours: nothing that needs time */
    none: Text,
    /** fewer than one post a week */
    monthly: localized(["network", "postsPerMonth", "listening"]),
    /** hours for listening and answering, none left for posts */
    listenOnly: localized(["network", "listening"]),
    weekly: localized(["network", "postsPerWeek", "hoursPerPost", "listening"]),
    /** what to drop, by posts a week: the first whose `below` is above the cadence */
    drop: z.array(z.strictObject({ below: z.number().positive(), text: Text })).default([]),
    /** the assumption behind the time per post, said once */
    assumption: Text,
  }),
  kpi: z.strictObject({ line: localized(["label", "where", "target"]), start: Text }),
  calendar: z.strictObject({
    dayNames: z.strictObject({ fr: z.array(z.string()).length(7), en: z.array(z.string()).length(7) }),
    week: localized(["week"]),
    header: z.strictObject({ week: Text, day: Text, task: Text }),
    /** week 1, by presence: open a page, revive one, or keep the one that runs */
    firstWeek: z.strictObject({
      focus: z.strictObject({ open: localized(["network"]), revive: localized(["network"]), continue: localized(["network"]) }),
      tasks: z.strictObject({
        open: z.array(localized(["network"])).min(1).max(7),
        revive: z.array(localized(["network"])).min(1).max(7),
        continue: z.array(localized(["network"])).min(1).max(7),
      }),
    }),
    postingFocus: localized(["network"]),
    post: localized(["theme"]),
    listen: localized(["minutes"]),
    review: Text,
    /** said instead of a calendar when there are no hours */
    noTime: Text,
  }),
  budget: z.strictObject({
    /** below this amount a month, the whole budget goes to the first line that applies */
    minimumToSplit: z.number().nonnegative(),
    lines: z
      .array(z.strictObject({ id, when: Condition.optional(), share: z.number().min(0).max(1), label: localized(["network"]) }))
      .min(1),
    none: Text,
  }),
  /** how an answer reads inside a sentence ("vous faire connaître", not the button's label) */
  phrases: z.record(id, z.record(id, Text)).default({}),
});
export type PlanFit = z.infer<typeof PlanFit>;

/** What only the one-page PDF of the plan says (src/plan/render-pdf.ts); its headings are the Markdown's. */
export const PlanPdf = z.strictObject({
  pageSize: z.strictObject({ fr: z.enum(["A4", "LETTER"]), en: z.enum(["A4", "LETTER"]) }),
  /** a number to watch in short, when the page is short of room ("**" marks bold) */
  kpiShort: localized(["label", "target"]),
  budgetLine: localized(["amount", "label"]),
  chart: z.strictObject({
    title: Text,
    yours: Text,
    plan: Text,
    full: Text,
    value: localized(["hours"]),
    /** the articles the full pace (hoursPerNetwork) comes from */
    sources: z.array(z.string()).min(1),
  }),
});
export type PlanPdf = z.infer<typeof PlanPdf>;

export const PlanFile = z.strictObject({
  hoursPerNetwork: z.number().positive(),
  fit: PlanFit,
  title: Text,
  /** headings and labels of the written plan; row labels carry their own colon ("Objectif :") */
  labels: z.strictObject({
    summary: Text,
    goal: Text,
    time: Text,
    budget: Text,
    skills: Text,
    owner: Text,
    /** the business questions' rows, when asked */
    trade: Text.optional(),
    customers: Text.optional(),
    age: Text.optional(),
    presence: Text.optional(),
    where: Text.optional(),
    /** the list of the facts cited, at the end */
    sources: Text,
    networks: localized(["networks"]),
    /** the same line when the hours do not cover one network at the full cadence */
    networksNone: Text,
    recommendations: Text,
    source: Text,
    customGoalMeasure: Text,
    missing: localized(["missing"]),
  }),
  /** the one-page PDF: its page size by language and the few words only it says */
  pdf: PlanPdf,
  /** how figures read back to the owner */
  formats: z.strictObject({
    hours: localized(["hours", "hoursPerWeek"]),
    money: localized(["budget"]),
    noMoney: Text,
    /** what an hour is worth (the pilot review); `typicalRate`: the owner said "typical" */
    rate: localized(["amount"]),
    typicalRate: Text,
    /** between the items of a list said inside a sentence (the themes, the numbers to watch) */
    listSeparator: z.strictObject({ fr: z.string().min(1), en: z.string().min(1) }),
  }),
  recommendations: z.array(Recommendation).min(1),
});
export type PlanContent = z.infer<typeof PlanFile>;

// ---------------------------------------------------------------- parsing.yaml

export const ParsingFile = z.strictObject({
  numberWords: z.record(z.string(), z.number().nonnegative()),
  /** "a"/"un": a number only when a unit follows ("a day a week") */
  articleWords: z.array(z.string()),
  /** before a unit or a hundred ("quelques heures", "a few hundred"): too vague to read, asked again */
  vagueWords: z.array(z.string()),
  /** right after a number, words that only say "about" ("10ish"): left out */
  approxWords: z.array(z.string()).default([]),
  rangeWords: z.strictObject({ between: z.array(z.string()), and: z.array(z.string()) }),
  thousandWords: z.array(z.string()),
  /** before a number from 1900 to 2099: a year, not an amount */
  yearWords: z.array(z.string()).default([]),
  /** a number right before one of these is a length of time, not money: "dans trois mois", "for 2 years" */
  lengthWords: z.array(z.string()).default([]),
  units: z.array(z.strictObject({ id, hours: z.number().positive(), words: z.array(z.string()).min(1) })).min(1),
  periods: z
    .array(
      z.strictObject({
        id,
        perMonth: z.number().positive(),
        words: z.array(z.string()).min(1),
        /** times of day read as this period ("le soir", "after closing"): the reading is confirmed with the owner */
        loose: z.array(z.string()).default([]),
      }),
    )
    .min(1),
  /** times of day, which say when and not how long: "de 7 h à 19 h", "9 to 5", "7 am" */
  clock: z.strictObject({
    /** after a figure, make it a time of day: "am", "du matin" */
    marks: z.array(z.string()),
    /** may follow a time of day in a span: "6 h le matin à 6 h le soir" */
    dayParts: z.array(z.string()),
    /** join two times of day: "à", "to", "jusqu'à" */
    links: z.array(z.string()),
  }),
  /** a count of sessions: "2 fois", "3 times" (words after a number), "twice" (counts) */
  times: z.strictObject({ words: z.array(z.string()), counts: z.record(z.string(), z.number().positive()) }),
  zeroWords: z.strictObject({ reasons: z.array(z.string()).default([]), hours: z.array(z.string()), budget: z.array(z.string()) }),
  currencies: z.array(z.strictObject({ symbol: z.string().min(1), words: z.array(z.string()).min(1) })),
  limits: z.strictObject({ hoursPerMonthMax: z.number().positive(), budgetPerMonthMax: z.number().positive() }),
});
export type ParsingContent = z.infer<typeof ParsingFile>;

// ---------------------------------------------------------------- messages.yaml

export { COMMANDS, type Command } from "../vocabulary/actions.ts";

export const MessagesFile = z.strictObject({
  defaultLang: Lang,
  languageNames: z.strictObject({ fr: z.string(), en: z.string() }),
  /** words that switch the conversation to a language, at any time */
  switchLanguage: Words,
  /** function words that tell the languages apart */
  detectLanguage: Words,
  /** words ignored by the keyword matchers */
  stopwords: Words,
  /** a whole message equal to one of these (fillers aside) says "I don't know" or "I didn't understand" */
  unsure: Words,
  /** hesitation words left out before a message is compared with `unsure` ("euh", "um") */
  fillers: Words.default({ fr: [], en: [] }),
  /** real words one letter away from a word the rules or choices use: never taken for a typo of it */
  notTypos: Words.default({ fr: [], en: [] }),
  /** words the matchers keep whole, since their stem is another word's ("restaure", "restaurer": not "restaurant") */
  notStemmed: Words.default({ fr: [], en: [] }),
  /** a whole message equal to one of these runs the command */
  commands: z.strictObject({
    back: Words, restart: Words, help: Words, plan: Words, forget: Words, yes: Words, no: Words,
  }),
  /** a question asked outside the interview that asks for a plan: the whole message, or words within it */
  planRequest: z.strictObject({ whole: Words, within: Words }),
  commandLabels: z.strictObject({
    back: Text, restart: Text, help: Text, plan: Text, forget: Text, yes: Text, no: Text,
    readingRight: Text, readingWrong: Text, change: Text,
  }),
  text: z.strictObject({
    welcome: Text,
    /** one line to a new conversation when insights are on (COACH_INSIGHTS=on) */
    insightsNotice: Text,
    otherLanguage: Text,
    progress: localized(["number", "total"]),
    resumed: localized(["number", "total"]),
    sessionReset: Text,
    customGoal: localized(["answer"]),
    staleChoice: Text,
    backAtStart: Text,
    backTo: localized(["answer"]),
    restartConfirm: Text,
    restarted: Text,
    forgetConfirm: Text,
    forgotten: Text,
    notForgotten: Text,
    notRestarted: Text,
    languageSwitched: Text,
    planReady: Text,
    planSoFar: Text,
    planEmpty: Text,
    afterPlan: Text,
    help: localized(["topics"]),
    confirmReading: localized(["answer", "question"]),
    confirmOwnWords: localized(["answer", "question"]),
    confirmChange: localized(["question", "old", "answer"]),
    changed: localized(["question", "old", "answer"]),
    notedAhead: localized(["question", "answer"]),
    planUpdated: Text,
    readingDeclined: Text,
    changeWhich: Text,
    changeWhat: localized(["question", "answer"]),
    negatedFigure: Text,
    hypothetical: Text,
    refused: Text,
    questionNoted: localized(["left"]),
    questionAfterPlan: Text,
    smallTalk: z.strictObject({ thanks: Text, greeting: Text, ack: Text, bye: Text, laugh: Text, wait: Text }),
    aboutBusiness: Text,
    resumedDone: Text,
    tooLong: localized(["max"]),
    expired: localized(["days"]),
    throttled: Text,
  }),
  limits: z.strictObject({ maxMessageLength: z.number().int().positive() }),
});
export type Messages = z.infer<typeof MessagesFile>;

// ---------------------------------------------------------------- listening.yaml

/** The words the coach reads a message with (src/understand/), before it decides what to do. */
export const ListeningFile = z.strictObject({
  negations: Words,
  negationsAfter: Words,
  caps: Words,
  counterfactuals: Words,
  conditionals: Words,
  hedges: Words,
  corrections: Words,
  selfCorrections: Words,
  changeWords: Words,
  refusals: Words,
  questionStarts: Words,
  subjectWords: Words,
  smallTalk: z.strictObject({ thanks: Words, greeting: Words, ack: Words, bye: Words, laugh: Words, wait: Words }),
  aboutBusiness: Words,
  languageWish: z.strictObject({ fr: Words, en: Words }),
  commandsWithin: z.strictObject({ back: Words, restart: Words, plan: Words, forget: Words, help: Words }),
  limits: z.strictObject({
    maxWordsForCommand: z.number().int().positive(),
    maxWordsForLanguageWish: z.number().int().positive(),
    choiceShare: z.number().min(0).max(1),
    choiceShareAlone: z.number().min(0).max(1),
    minWordsForDoubtBesideAnswer: z.number().int().positive(),
    doubtBesideAnswerConfidence: z.number().min(0).max(1),
  }),
});
export type ListeningContent = z.infer<typeof ListeningFile>;
export const SMALL_TALK = ["wait", "thanks", "greeting", "ack", "bye", "laugh"] as const;
export type SmallTalk = (typeof SMALL_TALK)[number];

// ---------------------------------------------------------------- phrasings/*.yaml

/**
 * A phrasing set: how owners voice each doubt (rule id → phrasings per language), and messages that
 * voice none. They teach the learned fallback (dialogs/phrasings/) and measure the matcher.
 */
const PerLang = z.strictObject({ fr: z.array(z.string()), en: z.array(z.string()) });
export const PhrasingSet = z.strictObject({ positives: z.record(z.string(), PerLang), negatives: PerLang });
export type PhrasingSet = z.infer<typeof PhrasingSet>;
