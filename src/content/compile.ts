/**
 * Turns validated content into what the engine uses: lookup tables and prepared matchers, built
 * once at start-up.
 */
import { KeywordIndex, type TermSpec } from "../text/keyword-index.ts";
import { PhraseList } from "../text/phrases.ts";
import { NaiveBayes, type Example } from "../text/naive-bayes.ts";
import { normalize } from "../text/normalize.ts";
import { stem } from "../text/stem.ts";
import { fill } from "../text/template.ts";
import type { QuantityWords } from "./quantity-words.ts";
import { quantityTokens } from "../text/quantity-tokens.ts";
import type { LanguageHints } from "../text/detect-language.ts";
import type { ObjectionRule, ObjectionsContent } from "./objections-schema.ts";
import type { Fact, MeasuresContent, NetworksContent, ThemesContent } from "./fit-schema.ts";
import type { ReviewContent } from "./review-schema.ts";
import {
  COMMANDS, LANGS, SMALL_TALK,
  type Command, type Interview, type Lang, type ListeningContent, type Messages, type ParsingContent, type PhrasingSet, type PlanContent,
  type SmallTalk, type Source, type Step, type Words,
} from "./schema.ts";

/** Everything the engine knows, checked and prepared. */
export interface Content {
  sources: ReadonlyMap<string, Source>;
  /** dated facts beyond the seeds, by id */
  facts: ReadonlyMap<string, Fact>;
  /** which network, how often (networks.yaml), what to post (themes.yaml), what to measure (measures.yaml) */
  networks: NetworksContent;
  themes: ThemesContent;
  measures: MeasuresContent;
  /** per network id: the words that name it in a message */
  networkMentions: ReadonlyMap<string, PhraseList>;
  /** the pilot review (review.yaml) */
  review: ReviewContent;
  /** the review's questions as steps the reader and the engine use: the quantities, then one per number watched (review-kpi-1...) */
  reviewSteps: readonly Step[];
  /** the review's words: booking yes and no, the commands, "typical" at the wage question */
  reviewPhrases: { yes: PhraseList; no: PhraseList; remind: PhraseList; change: PhraseList; stop: PhraseList; start: PhraseList; typical: PhraseList };
  steps: readonly Step[];
  plan: PlanContent;
  messages: Messages;
  objections: ObjectionsContent;
  rules: ReadonlyMap<string, ObjectionRule>;
  quantityWords: QuantityWords;
  languageHints: LanguageHints;
  /** a whole normalised message → what it asks for */
  commandWords: ReadonlyMap<string, Command | "yes" | "no">;
  languageWords: ReadonlyMap<string, Lang>;
  /** whole normalised messages that say "I don't know" or "I didn't understand" */
  unsureWords: ReadonlySet<string>;
  /** hesitation words left out before comparing a message with `unsureWords` */
  fillerWords: ReadonlySet<string>;
  /** dialogs/listening.yaml as written (its limits, say) */
  listening: ListeningContent;
  /** dialogs/listening.yaml and the phrases of messages.yaml, prepared to be found in a message's words */
  phrases: ReadingPhrases;
  /** the learned fallback of the doubt matcher; null when dialogs/phrasings/ is empty */
  learnedDoubts: NaiveBayes | null;
  /** the phrasing sets of dialogs/phrasings/, as loaded (the learned fallback's teaching material) */
  phrasings: readonly PhrasingSet[];
  /** words ignored by the keyword matchers (normalised) */
  stopwords: ReadonlySet<string>;
  choiceIndex: ReadonlyMap<string, KeywordIndex<string>>;
  /** per choice step: each choice's label and match words, normalised → the choices they name when typed alone */
  choiceExact: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** per choice step with `answerWords`: those words, matched like a choice's */
  answerWordIndex: ReadonlyMap<string, KeywordIndex<"answer">>;
  /** per choice step with `counts`: the words a count stands beside ("followers", "abonnés") */
  countWords: ReadonlyMap<string, PhraseList>;
  objectionIndex: KeywordIndex<string>;
}

const both = (w: Words) => [...w.fr, ...w.en];

/** The label the learned fallback gives to messages that voice no doubt (the phrasing sets' negatives). */
export const NOT_A_DOUBT = "(none)";

/** The phrases the reader looks for in a message (both languages together). */
export interface ReadingPhrases {
  negations: PhraseList;
  negationsAfter: PhraseList;
  caps: PhraseList;
  counterfactuals: PhraseList;
  conditionals: PhraseList;
  hedges: PhraseList;
  corrections: PhraseList;
  /** "non", "wait no", "I mean": what follows takes back what came before it in the message */
  selfCorrections: PhraseList;
  changeWords: PhraseList;
  refusals: PhraseList;
  questionStarts: PhraseList;
  subjectWords: PhraseList;
  aboutBusiness: PhraseList;
  smallTalk: Readonly<Record<SmallTalk, PhraseList>>;
  languageWish: Readonly<Record<Lang, PhraseList>>;
  commandsWithin: Readonly<Record<Command, PhraseList>>;
  yes: PhraseList;
  no: PhraseList;
  unsure: PhraseList;
  fillers: PhraseList;
  planWhole: PhraseList;
  planWithin: PhraseList;
  /** per step: the words that name the question */
  cues: ReadonlyMap<string, PhraseList>;
}

interface RawContent {
  sources: { sources: Source[] };
  review: ReviewContent;
  facts: { facts: Fact[] };
  networks: NetworksContent;
  themes: ThemesContent;
  measures: MeasuresContent;
  interview: Interview;
  plan: PlanContent;
  parsing: ParsingContent;
  messages: Messages;
  objections: ObjectionsContent;
  listening: ListeningContent;
  phrasings?: readonly PhrasingSet[];
}

export function compileContent(raw: RawContent): Content {
  const m = raw.messages;
  const stopwords = new Set(both(m.stopwords).map(normalize));
  // words the typo tolerance leaves alone: the stopwords and the ordinary words listed as not typos
  // words kept whole (never stemmed) are never typo-corrected either: "restaure" stays itself
  const unstemmed = new Set(both(m.notStemmed).map((w) => normalize(w)));
  const keepAsIs = new Set([...stopwords, ...both(m.notTypos).map((w) => stem(normalize(w))), ...unstemmed]);
  const commandWords = new Map<string, Command | "yes" | "no">();
  for (const c of [...COMMANDS, "yes", "no"] as const) for (const w of both(m.commands[c])) if (normalize(w) !== "") commandWords.set(normalize(w), c);
  const languageWords = new Map<string, Lang>();
  for (const lang of LANGS) for (const w of m.switchLanguage[lang]) languageWords.set(normalize(w), lang);

  const choiceIndex = new Map<string, KeywordIndex<string>>();
  const choiceExact = new Map<string, Map<string, string[]>>();
  const answerWordIndex = new Map<string, KeywordIndex<"answer">>();
  const countWords = new Map<string, PhraseList>();
  const reviewSteps = reviewStepsOf(raw.review);
  for (const step of [...raw.interview.steps, ...reviewSteps]) {
    if (step.kind !== "choice") continue;
    const exact = new Map<string, string[]>();
    for (const c of step.choices) {
      for (const w of [c.label.fr, c.label.en, ...both(c.match)]) {
        const k = normalize(w);
        const ids = exact.get(k) ?? [];
        if (!ids.includes(c.id)) ids.push(c.id);
        exact.set(k, ids);
      }
    }
    choiceExact.set(step.id, exact);
    if (step.counts) countWords.set(step.id, new PhraseList(both(step.counts.words)));
    const answerWords = both(step.answerWords);
    if (answerWords.length > 0) {
      answerWordIndex.set(step.id, new KeywordIndex([{ key: "answer", terms: answerWords.map((text) => ({ text, weight: 1 })) }], stopwords, keepAsIs, unstemmed));
    }
    choiceIndex.set(
      step.id,
      new KeywordIndex(
        step.choices.map((c) => ({
          key: c.id,
          terms: [
            ...LANGS.map((l) => ({ text: c.label[l], weight: 2 })),
            ...both(c.match).map((text) => ({ text, weight: 1 })),
          ],
        })),
        stopwords,
        keepAsIs,
        unstemmed,
      ),
    );
  }

  const o = raw.objections;
  const objectionIndex = new KeywordIndex(
    o.rules.map((r) => ({
      key: r.id,
      terms: [
        ...both(r.match.strong).map((text): TermSpec => ({ text, weight: 1 })),
        ...both(r.match.weak).map((text): TermSpec => ({ text, weight: o.weakWeight })),
      ],
    })),
    stopwords,
    keepAsIs,
    unstemmed,
  );

  const p = raw.parsing;
  const phrases = (list: string[]) => list.map(quantityTokens).filter((t) => t.length > 0);
  const quantityWords: QuantityWords = {
    numberWords: new Map(Object.entries(p.numberWords).map(([k, v]) => [quantityTokens(k).join(" "), v])),
    articleWords: new Set(p.articleWords.map((w) => quantityTokens(w).join(" "))),
    vagueWords: phrases(p.vagueWords),
    approxWords: new Set(p.approxWords.map((w) => quantityTokens(w).join(" "))),
    between: phrases(p.rangeWords.between),
    and: phrases(p.rangeWords.and),
    thousandWords: phrases(p.thousandWords),
    yearWords: new Set(p.yearWords.map((w) => quantityTokens(w).join(" "))),
    lengthWords: new Set(p.lengthWords.map((w) => quantityTokens(w).join(" "))),
    units: p.units.map((u) => ({ id: u.id, hours: u.hours, phrases: phrases(u.words) })),
    periods: p.periods.map((x) => ({ id: x.id, perMonth: x.perMonth, phrases: phrases(x.words), loose: phrases(x.loose) })),
    timesWords: phrases(p.times.words),
    countWords: new Map(Object.entries(p.times.counts).map(([k, v]) => [quantityTokens(k).join(" "), v])),
    zeroHours: new Set(p.zeroWords.hours.map((w) => quantityTokens(w).join(" "))),
    zeroBudget: new Set(p.zeroWords.budget.map((w) => quantityTokens(w).join(" "))),
    zeroReasons: new Set(p.zeroWords.reasons.map((w) => quantityTokens(w).join(" "))),
    clock: { marks: phrases(p.clock.marks), dayParts: phrases(p.clock.dayParts), links: [...phrases(p.clock.links), ["-"]] },
    currencies: p.currencies.map((c) => ({ symbol: c.symbol, phrases: phrases(c.words) })),
    hoursPerMonthMax: p.limits.hoursPerMonthMax,
    budgetPerMonthMax: p.limits.budgetPerMonthMax,
  };

  const l = raw.listening;
  const list = (w: Words) => new PhraseList(both(w));
  const phrasesFor = <K extends string>(keys: readonly K[], of: (k: K) => Words) => Object.fromEntries(keys.map((k) => [k, list(of(k))])) as Record<K, PhraseList>;
  const reading: ReadingPhrases = {
    negations: list(l.negations),
    negationsAfter: list(l.negationsAfter),
    caps: list(l.caps),
    counterfactuals: list(l.counterfactuals),
    conditionals: list(l.conditionals),
    hedges: list(l.hedges),
    corrections: list(l.corrections),
    selfCorrections: list(l.selfCorrections),
    changeWords: list(l.changeWords),
    refusals: list(l.refusals),
    questionStarts: list(l.questionStarts),
    subjectWords: list(l.subjectWords),
    aboutBusiness: list(l.aboutBusiness),
    smallTalk: phrasesFor(SMALL_TALK, (k) => l.smallTalk[k]),
    languageWish: phrasesFor(LANGS, (k) => l.languageWish[k]),
    commandsWithin: phrasesFor(COMMANDS, (k) => l.commandsWithin[k]),
    yes: list(m.commands.yes),
    no: list(m.commands.no),
    unsure: list(m.unsure),
    fillers: list(m.fillers),
    planWhole: list(m.planRequest.whole),
    planWithin: list(m.planRequest.within),
    cues: new Map(raw.interview.steps.map((st) => [st.id, list(st.cues)])),
  };
  const phrasings = raw.phrasings ?? [];
  const examples: Example[] = phrasings.flatMap((set) => [
    ...Object.entries(set.positives).flatMap(([label, texts]) => [...texts.fr, ...texts.en].map((text) => ({ label, text }))),
    ...[...set.negatives.fr, ...set.negatives.en].map((text) => ({ label: NOT_A_DOUBT, text })),
  ]);

  return {
    listening: l,
    phrases: reading,
    learnedDoubts: examples.length > 0 ? new NaiveBayes(examples, stopwords, o.learned.alpha) : null,
    phrasings,
    stopwords,
    sources: new Map(raw.sources.sources.map((s) => [s.id, s])),
    facts: new Map(raw.facts.facts.map((f) => [f.id, f])),
    networks: raw.networks,
    themes: raw.themes,
    measures: raw.measures,
    networkMentions: new Map(Object.entries(raw.networks.mentions).map(([k, words]) => [k, new PhraseList(words)])),
    review: raw.review,
    reviewSteps,
    reviewPhrases: {
      yes: list(raw.review.booking.yes),
      no: list(raw.review.booking.no),
      remind: list(raw.review.commands.remind),
      change: list(raw.review.commands.change),
      stop: list(raw.review.commands.stop),
      start: list(raw.review.commands.start),
      typical: list(raw.review.typicalWords),
    },
    steps: raw.interview.steps,
    plan: raw.plan,
    messages: m,
    objections: o,
    rules: new Map(o.rules.map((r) => [r.id, r])),
    quantityWords,
    languageHints: {
      fr: new Set(m.detectLanguage.fr.map(normalize)),
      en: new Set(m.detectLanguage.en.map(normalize)),
      keywords: keywordLanguages(raw.interview, o, stopwords),
    },
    commandWords,
    languageWords,
    unsureWords: new Set(both(m.unsure).map(normalize).filter((w) => w !== "")),
    fillerWords: new Set(both(m.fillers).map(normalize)),
    choiceIndex,
    choiceExact,
    answerWordIndex,
    countWords,
    objectionIndex,
  };
}

/**
 * The words of the objection rules' and the choices' keywords that are listed in one language only
 * ("viruses", "risks": English; "pirates", "risques": French), stopwords and numbers aside: a
 * language signal for short messages without function words.
 */
function keywordLanguages(interview: Interview, objections: ObjectionsContent, stopwords: ReadonlySet<string>): LanguageHints["keywords"] {
  const lists: Words[] = [
    ...objections.rules.flatMap((r) => [r.match.strong, r.match.weak]),
    ...interview.steps.flatMap((s) => (s.kind === "choice" ? s.choices.flatMap((c) => [c.match, { fr: [c.label.fr], en: [c.label.en] }]) : [])),
  ];
  const wordsOf = (lang: Lang) => new Set(lists.flatMap((w) => w[lang]).flatMap((t) => normalize(t).split(" ")).filter((w) => /^[a-z]+$/.test(w) && !stopwords.has(w)));
  const fr = wordsOf("fr");
  const en = wordsOf("en");
  return { fr: new Set([...fr].filter((w) => !en.has(w))), en: new Set([...en].filter((w) => !fr.has(w))) };
}

/** The most numbers a plan watches, so the most number questions a review asks. */
export const MAX_REVIEW_KPIS = 3;

/**
 * The review's questions as steps: its quantities as written (their prompts are filled when asked),
 * and one choice step per number watched, from the kpiStep template.
 */
function reviewStepsOf(r: ReviewContent): Step[] {
  const empty = { fr: [], en: [] };
  const quantities: Step[] = r.steps.map((s) => ({ ...s, cues: empty }));
  const kpis: Step[] = Array.from({ length: MAX_REVIEW_KPIS }, (_, i) => ({
    id: `review-kpi-${i + 1}`,
    kind: "choice" as const,
    freeText: "reject" as const,
    name: { fr: fill(r.kpiStep.name.fr, { n: i + 1 }, "fr"), en: fill(r.kpiStep.name.en, { n: i + 1 }, "en") },
    cues: empty,
    prompt: r.kpiStep.prompt,
    reprompt: r.kpiStep.reprompt,
    unsure: r.kpiStep.unsure,
    ack: r.kpiStep.ack,
    choices: r.kpiStep.choices,
    answerWords: empty,
  }));
  // the wage is asked last
  return [...quantities.filter((s) => s.kind !== "quantity" || s.parse !== "rate"), ...kpis, ...quantities.filter((s) => s.kind === "quantity" && s.parse === "rate")];
}
