/**
 * Reads a figure for a time or budget question and says how sure the reading is: a figure the
 * owner negates ("je vais pas payer 2 000 $") or puts under an "if" is not an answer; a limit ("pas
 * plus de 200 $") is one, to confirm; a figure among many other words, a time of day taken for a
 * period ("le soir"), or sessions and a duration said apart are confirmed before they are saved.
 */
import type { Content } from "../content/compile.ts";
import type { ClausedTokens } from "../text/quantity-tokens.ts";
import type { PhraseList } from "../text/phrases.ts";
import type { Answer } from "../vocabulary/answers.ts";
import { normalize } from "../text/normalize.ts";
import {
  currencyIn, hasCurrency, hasTimeUnit, numbersIn, periodsIn, prepareTokens, readBudget, readHours,
  type MoneyTerm, type Span, type TimeTerm,
} from "./parse-quantity.ts";

/** How a figure was read, before the reader turns it into a value reading. */
export interface QuantityReading {
  answer: Answer;
  sure: boolean;
  /** why it is not sure (for logs and tests) */
  doubts: string[];
  /** the tokens the figure was read from */
  used: Span[];
}

/** What the message says about figures besides a reading: a figure negated, or hypothetical. */
export interface QuantityFlags {
  negated: boolean;
  hypothetical: boolean;
}

type Kind = "hours" | "budget";

/** The first token index of each phrase of `list` in the tokens. */
function hits(list: PhraseList, tokens: readonly string[]): Span[] {
  return list.find(tokens).map((h) => ({ start: h.start, end: h.end }));
}

/** True when a negation sits before `span` in its clause, not turned into a limit ("pas plus de 200 $"). */
function negationBefore(p: ClausedTokens, span: Span, negations: Span[], caps: Span[]): "negated" | "cap" | null {
  const clause = p.clause[span.start];
  const neg = negations.filter((n) => n.end <= span.start && p.clause[n.start] === clause && span.start - n.end <= 6);
  // the limit word ends right before the figure (or takes its "de": "plus de 200 $")
  const cap = caps.some((c) => c.start < span.start && Math.abs(span.start - c.end) <= 1 && p.clause[c.start] === clause);
  if (cap) return "cap";
  return neg.length > 0 ? "negated" : null;
}

/** True when one of `found` shares the clause of `span`. */
function sharesClause(p: ClausedTokens, span: Span, found: Span[]): boolean {
  return found.some((h) => p.clause[h.start] === p.clause[span.start]);
}

/**
 * How many words of the message the figure does not account for: words that are not stopwords,
 * hedges ("peut-être", "genre"), the question's name, negations or part of the figure.
 */
function extraWords(content: Content, p: ClausedTokens, used: Span[], also: Span[]): number {
  const covered = (k: number) => [...used, ...also].some((s) => k >= s.start && k < s.end);
  const ignorable = [
    ...hits(content.phrases.hedges, p.tokens), ...hits(content.phrases.fillers, p.tokens), ...hits(content.phrases.corrections, p.tokens),
    ...hits(content.phrases.smallTalk.thanks, p.tokens), ...hits(content.phrases.smallTalk.laugh, p.tokens),
    ...[...content.phrases.cues.values()].flatMap((c) => hits(c, p.tokens)),
  ];
  let extra = 0;
  p.tokens.forEach((t, k) => {
    if (covered(k) || ignorable.some((s) => k >= s.start && k < s.end)) return;
    if (content.stopwords.has(t) || /^[\d.$€£-]+$/.test(t) || t.length <= 1) return;
    extra++;
  });
  return extra;
}

/** An amount said after a negated one, in its stead: "pas 10 h par semaine, mettons 3", "not 2000, maybe 500". */
function insteadOf(p: ClausedTokens, content: Content, negated: Span): { value: number; span: Span } | null {
  const after = numbersIn(p.tokens, content.quantityWords).filter((n) => n.start >= negated.end && p.clause[n.start] !== p.clause[negated.start]);
  return after.length === 1 ? { value: after[0]!.value, span: after[0]! } : null;
}

/**
 * The figure of a time or budget answer, how sure it is, and whether the message negates a figure
 * or puts it under an "if".
 *
 * @example readQuantity(content, "hours", "je peux pas plus que 2 h par semaine") // 8.7 h a month, unsure ("limit")
 */
export function readQuantity(content: Content, kind: Kind, text: string): { reading: QuantityReading | null; flags: QuantityFlags } {
  const words = content.quantityWords;
  const p = prepareTokens(text, words);
  const flags0: QuantityFlags = { negated: false, hypothetical: false };
  // no figure at all (no number, no article before a unit, no zero word): nothing to read
  if (!mayHoldFigure(p.tokens, content)) return { reading: null, flags: flags0 };
  const phrases = content.phrases;
  const selfCorrections = hits(phrases.selfCorrections, p.tokens);
  // "non" in "3 h, non 4 h" takes a figure back rather than turning the next one down
  const negations = hits(phrases.negations, p.tokens).filter((n) => !selfCorrections.some((c) => c.start <= n.start && n.end <= c.end));
  const caps = hits(phrases.caps, p.tokens);
  const counterfactuals = hits(phrases.counterfactuals, p.tokens);
  const conditionals = hits(phrases.conditionals, p.tokens);
  const flags: QuantityFlags = { negated: false, hypothetical: false };
  // a budget question answered in hours, or a time question answered in money, is not read here
  if (kind === "hours" && hasCurrency(p.tokens, words) && !hasTimeUnit(p.tokens, words)) return { reading: null, flags };
  if (kind === "budget" && hasTimeUnit(p.tokens, words) && !hasCurrency(p.tokens, words)) return { reading: null, flags };

  const exclude: Span[] = [];
  const doubts: string[] = [];
  for (let round = 0; round < 6; round++) {
    const read = kind === "hours" ? readHours(p, words, exclude) : readBudget(p, words, exclude);
    if (!read) return { reading: null, flags };
    const terms: (TimeTerm | MoneyTerm)[] = read.terms;
    if (read.zeroFirst || terms.length === 0) {
      // "zéro, je suis sur les chantiers de 7 h à 19 h", "rien pantoute": zero, whatever the reason says
      const answer = kind === "hours" ? { type: "hours" as const, hoursPerMonth: 0, given: { amount: 0, per: "month" } } : read.answer;
      return { reading: { answer, sure: true, doubts: [], used: [{ start: 0, end: p.tokens.length }] }, flags };
    }
    // "3 h, non 4 h par semaine", "200 $, non attends, 150 $": the owner takes the first figure back
    const takenBack = takenBackBefore(terms, selfCorrections);
    if (takenBack > 0) {
      exclude.push(...terms.filter((t) => t.end <= takenBack).map((t) => ({ start: t.start, end: t.end })));
      continue;
    }
    // a figure turned down beside another: "3 h par semaine, pas 7 h par mois", "more like 300, not 75"
    const turnedDown = terms.filter((t) => negationBefore(p, t, negations, caps) === "negated");
    if (turnedDown.length > 0 && turnedDown.length < terms.length) {
      exclude.push(...turnedDown.map((t) => ({ start: t.start, end: t.end })));
      continue;
    }
    // two amounts, neither turned down: which one is meant is not known
    if ("ambiguous" in read && read.ambiguous) return { reading: null, flags };
    // "j'ai dit 7 h mais c'est plus une couple d'heures par semaine": a correction keeps the last clause's figures
    const clauses = new Set(terms.map((t) => p.clause[t.start]));
    if (clauses.size > 1 && content.phrases.corrections.within(p.tokens)) {
      const last = Math.max(...terms.map((t) => p.clause[t.start]!));
      exclude.push(...terms.filter((t) => p.clause[t.start] !== last).map((t) => ({ start: t.start, end: t.end })));
      continue;
    }
    // "un jour par mois, bref une journée complète": the same figure said twice is said once
    if (terms.length === 2 && "hours" in terms[0]! && "hours" in terms[1]! && terms[0].hours === terms[1].hours) {
      exclude.push({ start: terms[1]!.start, end: terms[1]!.end });
      continue;
    }
    const span: Span = { start: Math.min(...terms.map((t) => t.start)), end: Math.max(...terms.map((t) => t.end)) };
    // "si j'avais 10 heures par semaine...": a figure contrary to fact is not an answer
    if (sharesClause(p, span, counterfactuals)) {
      flags.hypothetical = true;
      return { reading: null, flags };
    }
    // "if I force myself, maybe 2 hours a week": an answer under a condition, to confirm
    if (sharesClause(p, span, conditionals)) doubts.push("under an if");
    const negation = negationBefore(p, span, negations, caps);
    if (negation === "negated") {
      flags.negated = true;
      const instead = insteadOf(p, content, span);
      if (instead && terms.length === 1) {
        // the figure said in its stead, with the negated one's unit and period
        const t = terms[0]!;
        const answer: Answer =
          "per" in t
            ? { type: "hours", hoursPerMonth: Math.round(instead.value * perMonthOf(content, t.per) * 10) / 10, given: { amount: instead.value, per: t.per } }
            : { type: "money", amountPerMonth: Math.round((instead.value * t.amount) / firstNumber(p, content, t) * 100) / 100, currency: read.answer.type === "money" ? read.answer.currency : null };
        return { reading: { answer, sure: false, doubts: ["said instead of a figure turned down"], used: [span, instead.span] }, flags };
      }
      exclude.push(span);
      continue;
    }
    if (negation === "cap") doubts.push("a limit");
    // "cinq cents par mois... euh non, par an": something after the figure is taken back
    if (selfCorrections.some((c) => c.start >= span.end)) doubts.push("taken back after the figure");
    if ("loosePeriod" in read && read.loosePeriod) doubts.push("a time of day taken for a period");
    if ("combined" in read && read.combined) doubts.push("sessions and a duration said apart");
    if ("clock" in read && read.clock.length > 0) doubts.push("times of day left out");
    const capSpans = caps.filter((c) => c.start < span.start && Math.abs(span.start - c.end) <= 1);
    const extra = extraWords(content, p, [span], [...capSpans, ...negations, ...exclude, ...conditionals, ...("clock" in read ? read.clock : [])]);
    if (extra >= 2) doubts.push(`${extra} other words`);
    // "une couple d'heures par semaine, mettons trois", "3 h, non 4 h par semaine": another figure left unread
    const apart = [span, ...exclude, ...("clock" in read ? read.clock : [])];
    const stray = numbersIn(p.tokens, content.quantityWords).filter((n) => !apart.some((s) => n.start < s.end && s.start < n.end));
    // a year said beside hours ("depuis 1974") is not another figure for them
    if (stray.some((n) => kind === "budget" || !isYear(n.value))) doubts.push("another figure left out");
    return { reading: { answer: read.answer, sure: doubts.length === 0, doubts, used: [span] }, flags };
  }
  return { reading: null, flags };
}

const isYear = (n: number) => Number.isInteger(n) && n >= 1900 && n <= 2100;

/** Where the last self-correction between two figures ends (0 when none sits between two). */
function takenBackBefore(terms: readonly Span[], corrections: readonly Span[]): number {
  let at = 0;
  for (const c of corrections) {
    if (terms.some((t) => t.end <= c.start) && terms.some((t) => t.start >= c.end)) at = Math.max(at, c.end);
  }
  return at;
}

/** A cheap first look: a digit, a number word, an article (before a unit) or a zero word somewhere. */
function mayHoldFigure(tokens: readonly string[], content: Content): boolean {
  const w = content.quantityWords;
  return tokens.some((t) => /\d/.test(t) || w.articleWords.has(t) || w.zeroHours.has(t) || w.zeroBudget.has(t) || w.countWords.has(t) || firstWordsOf(w.numberWords).has(t) || firstWordsOf(w.zeroHours).has(t) || firstWordsOf(w.zeroBudget).has(t));
}
const firstWordCache = new WeakMap<object, Set<string>>();
function firstWordsOf(keys: ReadonlySet<string> | ReadonlyMap<string, unknown>): Set<string> {
  let first = firstWordCache.get(keys);
  if (!first) {
    first = new Set([...keys.keys()].map((k) => k.split(" ")[0]!));
    firstWordCache.set(keys, first);
  }
  return first;
}

function perMonthOf(content: Content, per: string): number {
  return content.quantityWords.periods.find((x) => x.id === per)?.perMonth ?? 1;
}

/** The value of the first number of a money term (to scale an amount said in its stead). */
function firstNumber(p: ClausedTokens, content: Content, t: MoneyTerm): number {
  const n = numbersIn(p.tokens.slice(t.start, t.end), content.quantityWords)[0];
  return n && n.value > 0 ? n.value : t.amount;
}

/**
 * A period said alone to correct a time answer ("no, I said per EVENING", "par semaine, pas par
 * mois"): the saved amount per its new period; null when the message names no period.
 */
export function readPeriodOnly(content: Content, text: string, saved: Answer | undefined): Answer | null {
  if (saved?.type !== "hours" || !saved.given) return null;
  const p = prepareTokens(text, content.quantityWords);
  if (numbersIn(p.tokens, content.quantityWords).length > 0) return null;
  const negations = hits(content.phrases.negations, p.tokens);
  // "per week, not per month": the period that is not negated
  const periods = periodsIn(p.tokens, content.quantityWords).filter((x) => !negations.some((n) => n.end <= x.start && x.start - n.end <= 1));
  const period = periods[0];
  if (!period || period.id === saved.given.per) return null;
  return { type: "hours", hoursPerMonth: Math.round(saved.given.amount * period.perMonth * 10) / 10, given: { amount: saved.given.amount, per: period.id } };
}

/**
 * What an hour is worth, for the pilot review: "25 $ de l'heure", "about 30 bucks", or a word that
 * says "the typical wage" (null amount). Sure when the message holds one figure.
 *
 * @example readRate(content, "25 $ de l'heure") // 25 $ an hour, sure
 */
export function readRate(content: Content, text: string): { reading: QuantityReading | null; flags: QuantityFlags } {
  const flags: QuantityFlags = { negated: false, hypothetical: false };
  const words = normalize(text).split(" ").filter((w) => w !== "");
  if (content.reviewPhrases.typical.within(words)) {
    return { reading: { answer: { type: "rate", amountPerHour: null, currency: null }, sure: true, doubts: [], used: [] }, flags };
  }
  const p = prepareTokens(text, content.quantityWords);
  const numbers = numbersIn(p.tokens, content.quantityWords).filter((n) => n.value > 0 && n.value <= 10_000);
  const first = numbers[0];
  if (!first) return { reading: null, flags };
  const answer: Answer = { type: "rate", amountPerHour: first.value, currency: currencyIn(p.tokens, content.quantityWords) };
  return { reading: { answer, sure: numbers.length === 1, doubts: numbers.length === 1 ? [] : ["several figures"], used: [first] }, flags };
}
