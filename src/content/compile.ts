/**
 * Turns validated content into what the engine uses: lookup tables and prepared matchers, built
 * once at start-up.
 */
import { KeywordIndex, type TermSpec } from "../text/keyword-index.ts";
import { normalize } from "../text/normalize.ts";
import { stem } from "../text/stem.ts";
import { quantityTokens, type QuantityWords } from "../engine/parse-quantity.ts";
import type { LanguageHints } from "../text/detect-language.ts";
import type { ObjectionRule, ObjectionsContent } from "./objections-schema.ts";
import {
  COMMANDS, LANGS,
  type Command, type Interview, type Lang, type Messages, type ParsingContent, type PlanContent, type Source,
  type Step, type Words,
} from "./schema.ts";

/** Everything the engine knows, checked and prepared. */
export interface Content {
  sources: ReadonlyMap<string, Source>;
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
  choiceIndex: ReadonlyMap<string, KeywordIndex<string>>;
  /** per choice step with `answerWords`: those words, matched like a choice's */
  answerWordIndex: ReadonlyMap<string, KeywordIndex<"answer">>;
  objectionIndex: KeywordIndex<string>;
}

const both = (w: Words) => [...w.fr, ...w.en];

interface RawContent {
  sources: { sources: Source[] };
  interview: Interview;
  plan: PlanContent;
  parsing: ParsingContent;
  messages: Messages;
  objections: ObjectionsContent;
}

export function compileContent(raw: RawContent): Content {
  const m = raw.messages;
  const stopwords = new Set(both(m.stopwords).map(normalize));
  // words the typo tolerance leaves alone: the stopwords and the ordinary words listed as not typos
  const keepAsIs = new Set([...stopwords, ...both(m.notTypos).map((w) => stem(normalize(w)))]);
  const commandWords = new Map<string, Command | "yes" | "no">();
  for (const c of [...COMMANDS, "yes", "no"] as const) for (const w of both(m.commands[c])) if (normalize(w) !== "") commandWords.set(normalize(w), c);
  const languageWords = new Map<string, Lang>();
  for (const lang of LANGS) for (const w of m.switchLanguage[lang]) languageWords.set(normalize(w), lang);

  const choiceIndex = new Map<string, KeywordIndex<string>>();
  const answerWordIndex = new Map<string, KeywordIndex<"answer">>();
  for (const step of raw.interview.steps) {
    if (step.kind !== "choice") continue;
    const answerWords = both(step.answerWords);
    if (answerWords.length > 0) {
      answerWordIndex.set(step.id, new KeywordIndex([{ key: "answer", terms: answerWords.map((text) => ({ text, weight: 1 })) }], stopwords, keepAsIs));
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
    units: p.units.map((u) => ({ id: u.id, hours: u.hours, phrases: phrases(u.words) })),
    periods: p.periods.map((x) => ({ id: x.id, perMonth: x.perMonth, phrases: phrases(x.words) })),
    timesWords: phrases(p.times.words),
    countWords: new Map(Object.entries(p.times.counts).map(([k, v]) => [quantityTokens(k).join(" "), v])),
    zeroHours: new Set(p.zeroWords.hours.map((w) => quantityTokens(w).join(" "))),
    zeroBudget: new Set(p.zeroWords.budget.map((w) => quantityTokens(w).join(" "))),
    currencies: p.currencies.map((c) => ({ symbol: c.symbol, phrases: phrases(c.words) })),
    hoursPerMonthMax: p.limits.hoursPerMonthMax,
    budgetPerMonthMax: p.limits.budgetPerMonthMax,
  };

  return {
    sources: new Map(raw.sources.sources.map((s) => [s.id, s])),
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
    answerWordIndex,
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
