/**
 * Reads the two typed answers of the interview: hours a month and money a month. Every word it
 * knows (units, periods, number words, currencies) comes from dialogs/parsing.yaml.
 *
 * A time answer is a sum of terms; a term is a duration (a number or an article, then a unit:
 * "2 h", "une journée", "half a day", "1 h 30", "an hour and a half"), maybe a count of sessions
 * ("2 fois", "twice") and maybe a period ("par semaine", "a week"). A unit with no number before it
 * ("quelques heures", "several hours") is not a quantity: the answer is re-asked, never read as 1.
 */
import type { QuantityWords } from "../content/quantity-words.ts";
import { editDistance } from "../text/edit-distance.ts";
import { clausedTokens, type ClausedTokens } from "../text/quantity-tokens.ts";

/** What the coach understood of a time answer. */
export interface HoursAnswer {
  type: "hours";
  hoursPerMonth: number;
}

/** What the coach understood of a budget answer; `currency` as the owner gave it, or null. */
export interface BudgetAnswer {
  type: "money";
  amountPerMonth: number;
  currency: string | null;
}

/**
 * A message's tokens as the parsers read them: "about" words right after a number left out ("10 ish
 * hours" → "10 hours"), with the clause of each token kept.
 */
export function prepareTokens(text: string, words: QuantityWords): ClausedTokens {
  // the same message is read for several questions in one turn: its tokens once
  if (lastPrepared && lastPrepared.text === text && lastPrepared.words === words) return lastPrepared.tokens;
  const { tokens, clause } = clausedTokens(text);
  const keep = tokens.map((tok, i) => !(i > 0 && /^\d/.test(tokens[i - 1]!) && words.approxWords.has(tok)));
  const kept = tokens.filter((_, i) => keep[i]);
  const prepared = { tokens: kept.map((t, i) => fixTypo(kept, i, words) ?? t), clause: clause.filter((_, i) => keep[i]) };
  lastPrepared = { text, words, tokens: prepared };
  return prepared;
}
let lastPrepared: { text: string; words: QuantityWords; tokens: ClausedTokens } | undefined;

/**
 * A unit or period word typed with a slip ("3 heurs par semiane"), right after a number or "par"/"per"
 * (where nothing else is expected): the word it was meant to be; null otherwise. One letter off, or
 * two letters swapped, from a word of five letters or more with the same first letter.
 */
function fixTypo(tokens: readonly string[], i: number, words: QuantityWords): string | null {
  const t = tokens[i]!;
  const before = tokens[i - 1];
  if (t.length < 5 || !/^[a-z]+$/.test(t) || before === undefined) return null;
  if (!(/^\d/.test(before) || words.numberWords.has(before) || before === "par" || before === "per" || before === "a" || before === "chaque" || before === "every")) return null;
  const vocabulary = unitVocabulary(words);
  if (vocabulary.has(t)) return null;
  for (const v of vocabulary) if (v.length >= 5 && v[0] === t[0] && editDistance(t, v, 1) <= 1) return v;
  return null;
}

const vocabularies = new WeakMap<QuantityWords, Set<string>>();
function unitVocabulary(words: QuantityWords): Set<string> {
  let v = vocabularies.get(words);
  if (!v) {
    v = new Set([...words.units.flatMap((u) => u.phrases), ...words.periods.flatMap((p) => p.phrases)].flat().filter((w) => /^[a-z]+$/.test(w)));
    vocabularies.set(words, v);
  }
  return v;
}

const MAX_PHRASE = 5;

/** The length of the first phrase of `phrases` found at `tokens[i]`, longest first; 0 if none. */
function phraseAt(tokens: readonly string[], i: number, phrases: readonly string[][]): number {
  const first = tokens[i];
  if (first === undefined) return 0;
  let best = 0;
  for (const p of byFirstToken(phrases).get(first) ?? []) {
    if (p.length > best && p.every((w, k) => tokens[i + k] === w)) best = p.length;
  }
  return best;
}

/** The phrases of a list by their first token (built once per list): most positions are ruled out at once. */
const firstTokenIndex = new WeakMap<readonly string[][], Map<string, string[][]>>();
function byFirstToken(phrases: readonly string[][]): Map<string, string[][]> {
  let index = firstTokenIndex.get(phrases);
  if (!index) {
    index = new Map();
    for (const p of phrases) {
      if (p.length === 0) continue;
      const list = index.get(p[0]!) ?? [];
      list.push(p);
      index.set(p[0]!, list);
    }
    firstTokenIndex.set(phrases, index);
  }
  return index;
}

/** The first word of every key of a key set, so that most positions are ruled out at once. */
const firstWords = new WeakMap<object, Set<string>>();

/** The length of the longest key of `keys` (tokens joined by a space) found at `tokens[i]`; 0 if none. */
function keyAt(tokens: readonly string[], i: number, keys: ReadonlySet<string> | ReadonlyMap<string, unknown>): number {
  let first = firstWords.get(keys);
  if (!first) {
    first = new Set([...keys.keys()].map((k) => k.split(" ")[0]!));
    firstWords.set(keys, first);
  }
  if (!first.has(tokens[i] ?? "")) return 0;
  for (let n = Math.min(MAX_PHRASE, tokens.length - i); n > 0; n--) if (keys.has(tokens.slice(i, i + n).join(" "))) return n;
  return 0;
}

interface NumberRead {
  value: number;
  end: number;
  /** spelled out ("deux", "twenty"), not digits */
  spelled: boolean;
  /** starts with a hundred or more ("hundred", "mille"), with no smaller number before it */
  scaleFirst: boolean;
}

/** A number in digits, or spelled out and composed: "vingt-cinq" 25, "deux cent cinquante" 250, "a couple hundred" 200. */
function numberAt(tokens: readonly string[], i: number, words: QuantityWords): NumberRead | null {
  const t = tokens[i];
  if (t === undefined) return null;
  if (/^\d+(\.\d+)?$/.test(t)) {
    let value = Number(t);
    let end = i + 1;
    const scale = spelledAt(tokens, end, words); // "2 hundred", "3 mille"
    if (scale && scale.value >= 100 && scale.value > value) {
      value *= scale.value;
      end += scale.len;
    }
    return { value, end, spelled: false, scaleFirst: false };
  }
  const first = spelledAt(tokens, i, words);
  if (!first) return null;
  let total = 0;
  let group = first.value;
  let last = first.value;
  let end = i + first.len;
  for (let next = spelledAt(tokens, end, words); next; next = spelledAt(tokens, end, words)) {
    const w = next.value;
    if (w >= 100 && w > group && Number.isInteger(w)) {
      group *= w; // deux cents, fifteen hundred, trois mille
      if (w >= 1000) {
        total += group;
        group = 0;
      }
    } else if (last >= 20 && last % 10 === 0 && w < last && w >= 1) {
      group += w; // vingt-cinq, soixante-dix, cent cinquante
    } else break;
    last = w;
    end += next.len;
  }
  return { value: total + group, end, spelled: true, scaleFirst: first.value >= 100 };
}

function spelledAt(tokens: readonly string[], i: number, words: QuantityWords): { value: number; len: number } | null {
  const len = keyAt(tokens, i, words.numberWords);
  return len > 0 ? { value: words.numberWords.get(tokens.slice(i, i + len).join(" "))!, len } : null;
}

const articleAt = (tokens: readonly string[], i: number, words: QuantityWords) => keyAt(tokens, i, words.articleWords);

/** True when a vague word ("quelques", "few") ends right before `i`. */
function vagueBefore(tokens: readonly string[], i: number, words: QuantityWords): boolean {
  return words.vagueWords.some((p) => p.length <= i && p.every((w, k) => tokens[i - p.length + k] === w));
}

interface Quantity {
  value: number;
  end: number;
  negative: boolean;
  isArticle: boolean;
  /** "a few hundred", "several thousand": a number the owner did not give */
  vague: boolean;
}

/**
 * A number, a range ("between 8 and 12", "8-12", "de 8 à 12", "deux trois": its middle), a number
 * and a half ("one and a half", "deux et demi") or an article ("a", "une").
 */
function quantityAt(tokens: readonly string[], i: number, words: QuantityWords): Quantity | null {
  let j = i;
  const betweenLen = phraseAt(tokens, j, words.between);
  if (betweenLen > 0 && (numberAt(tokens, j + betweenLen, words) !== null || articleAt(tokens, j + betweenLen, words) > 0)) j += betweenLen;
  const negative = tokens[j] === "-" && numberAt(tokens, j + 1, words) !== null && (j === 0 || numberAt(tokens, j - 1, words) === null);
  if (negative) j++;
  let first = numberAt(tokens, j, words);
  let isArticle = false;
  if (first === null) {
    const art = articleAt(tokens, j, words);
    if (art === 0) return null;
    const after = numberAt(tokens, j + art, words);
    if (after?.spelled && after.value >= 1 && !unitAt(tokens, j + art, words)) {
      first = after; // "a hundred", "une centaine", "a dozen hours"
    } else {
      first = { value: 1, end: j + art, spelled: true, scaleFirst: false };
      isArticle = true;
    }
  }
  const vague = first.scaleFirst && vagueBefore(tokens, j, words);
  j = first.end;
  let value = first.value;
  // "one and a half", "deux et demi"
  const half = fractionAfter(tokens, j, words);
  if (half) {
    return { value: value + half.value, end: half.end, negative, isArticle: false, vague };
  }
  const andLen = tokens[j] === "-" ? 1 : phraseAt(tokens, j, words.and);
  const second = andLen > 0 ? numberAt(tokens, j + andLen, words) : first.spelled && !isArticle ? numberAt(tokens, j, words) : null;
  // "one or two hundred": the hundred goes with both, a range this does not read
  if (second !== null && isArticle && andLen > 0 && second.value >= 100) return { value, end: second.end, negative, isArticle: false, vague: true };
  if (second !== null && second.value > value && (andLen > 0 || second.spelled)) {
    value = (value + second.value) / 2; // "8 à 12", "deux trois heures", "une à deux heures"
    return { value, end: second.end, negative, isArticle: false, vague };
  }
  return { value, end: j, negative, isArticle, vague };
}

/** "and a half", "et demie", "et quart" at `j`: the fraction, or null. */
function fractionAfter(tokens: readonly string[], j: number, words: QuantityWords): { value: number; end: number } | null {
  const andLen = phraseAt(tokens, j, words.and);
  if (andLen === 0) return null;
  const k = j + andLen;
  const art = articleAt(tokens, k, words);
  const f = numberAt(tokens, k + art, words);
  if (f === null || !(f.value > 0 && f.value < 1)) return null;
  return { value: f.value, end: f.end };
}

function unitAt(tokens: readonly string[], i: number, words: QuantityWords): { hours: number; len: number } | null {
  let best: { hours: number; len: number } | null = null;
  for (const u of words.units) {
    const len = phraseAt(tokens, i, u.phrases);
    if (len > 0 && (!best || len > best.len)) best = { hours: u.hours, len };
  }
  return best;
}

interface PeriodRead {
  id: string;
  perMonth: number;
  end: number;
  /** a time of day taken as a period ("le soir", "after closing"): to be confirmed */
  loose: boolean;
}

function periodAt(tokens: readonly string[], i: number, words: QuantityWords): PeriodRead | null {
  let best: PeriodRead | null = null;
  for (const p of words.periods) {
    const len = phraseAt(tokens, i, p.phrases);
    if (len > 0 && (!best || i + len > best.end)) best = { id: p.id, perMonth: p.perMonth, end: i + len, loose: false };
    const looseLen = phraseAt(tokens, i, p.loose);
    if (looseLen > 0 && (!best || i + looseLen > best.end)) best = { id: p.id, perMonth: p.perMonth, end: i + looseLen, loose: true };
  }
  return best;
}

/** A count of sessions at `i`: "2 fois", "une fois", "3 times", "2 x", "twice". */
function countAt(tokens: readonly string[], i: number, words: QuantityWords): { n: number; end: number } | null {
  const len = keyAt(tokens, i, words.countWords);
  if (len > 0) return { n: words.countWords.get(tokens.slice(i, i + len).join(" "))!, end: i + len };
  const q = quantityAt(tokens, i, words);
  if (!q || q.negative) return null;
  const times = phraseAt(tokens, q.end, words.timesWords);
  return times > 0 ? { n: q.value, end: q.end + times } : null;
}

/** The period of a term: at `from`, or after a few filler words ("2 h, maximum, par semaine"), not past another quantity. */
function periodNear(tokens: readonly string[], from: number, words: QuantityWords): PeriodRead | null {
  for (let k = from; k < Math.min(tokens.length, from + 4); k++) {
    const p = periodAt(tokens, k, words);
    if (p) return p;
    if (numberAt(tokens, k, words) !== null || unitAt(tokens, k, words) !== null || countAt(tokens, k, words) !== null) return null;
  }
  return null;
}

/** A duration in hours: "2 h", "une journée", "half a day", "1 h 30", "an hour and a half", "une heure ou deux". */
function durationAt(tokens: readonly string[], i: number, words: QuantityWords): { hours: number; end: number; vague: boolean } | null {
  const q = quantityAt(tokens, i, words);
  if (!q || q.negative) return null;
  let j = q.end;
  const art = q.value < 1 && !q.isArticle ? articleAt(tokens, j, words) : 0; // "half a day", "half an hour"
  if (art > 0 && unitAt(tokens, j + art, words)) j += art;
  const unit = unitAt(tokens, j, words);
  if (!unit) return null;
  j += unit.len;
  let hours = q.value * unit.hours;
  const minute = words.units.find((u) => Math.abs(u.hours * 60 - unit.hours) < unit.hours * 1e-3);
  for (let rounds = 0; rounds < 4; rounds++) {
    const half = fractionAfter(tokens, j, words); // "an hour and a half", "deux heures et demie"
    if (half && !unitAt(tokens, half.end, words)) {
      hours += half.value * unit.hours;
      j = half.end;
      continue;
    }
    const andLen = phraseAt(tokens, j, words.and);
    const k = j + andLen;
    if (countAt(tokens, k, words)) break;
    const n = numberAt(tokens, k, words);
    if (!n) break;
    const u2 = unitAt(tokens, n.end, words);
    if (u2 && u2.hours < unit.hours) {
      hours += n.value * u2.hours; // "1 h 30 min", "un jour et 4 heures"
      j = n.end + u2.len;
    } else if (andLen > 0 && n.value > q.value && (!u2 || u2.hours === unit.hours) && rounds === 0) {
      hours = ((q.value + n.value) / 2) * unit.hours; // "une heure ou deux", "3 h ou 4 h"
      j = n.end + (u2?.len ?? 0);
    } else if (!u2 && andLen === 0 && minute && !n.spelled && Number.isInteger(n.value) && n.value > 0 && n.value < 60) {
      hours += n.value * minute.hours; // "1 h 30", "1h30"
      j = n.end;
    } else break;
  }
  return { hours, end: j, vague: q.vague };
}

/** One figure found in a time answer, with where it is in the tokens. */
export interface TimeTerm {
  /** hours a month; null for a count of sessions with no duration ("deux soirs par semaine") */
  hours: number | null;
  /** hours per period, and the period's id ("month" when none was said) */
  amount: number;
  per: string;
  start: number;
  end: number;
  /** where its quantity ends, before any period */
  quantityEnd: number;
  /** a number with no unit: "10" (no period) or "10 par semaine" (loose) */
  bare: boolean;
  loose: boolean;
  vague: boolean;
  /** its period is a time of day ("le soir"): a guess to confirm */
  loosePeriod: boolean;
  /** a count of sessions and its period, when the duration is said elsewhere ("deux soirs par semaine ... une heure chaque fois") */
  sessions: { n: number; perMonth: number; per: string } | null;
}

function termAt(tokens: readonly string[], i: number, words: QuantityWords, before: PeriodRead | null): TimeTerm | null {
  const count = countAt(tokens, i, words);
  if (count) {
    // "deux fois par semaine pendant une heure", "2 x 1 h par semaine", "twice a week for an hour"
    let j = count.end;
    const p1 = periodAt(tokens, j, words);
    if (p1) j = p1.end;
    for (let k = j; k < Math.min(tokens.length, j + 3); k++) {
      const d = durationAt(tokens, k, words);
      if (d) {
        const p2 = p1 ? null : periodNear(tokens, d.end, words);
        const period = p1 ?? p2 ?? before;
        const per = period?.perMonth ?? 1;
        return {
          hours: count.n * d.hours * per, amount: count.n * d.hours, per: period?.id ?? "month", start: i, end: p2?.end ?? d.end,
          quantityEnd: count.end, bare: false, loose: false, vague: d.vague, loosePeriod: period?.loose ?? false, sessions: null,
        };
      }
      if (numberAt(tokens, k, words) !== null || periodAt(tokens, k, words)) break;
    }
    const period = p1 ?? before;
    return {
      hours: null, amount: 0, per: period?.id ?? "month", start: i, end: j, quantityEnd: count.end, bare: false, loose: false, vague: false,
      loosePeriod: period?.loose ?? false, sessions: period ? { n: count.n, perMonth: period.perMonth, per: period.id } : null,
    };
  }
  const d = durationAt(tokens, i, words);
  if (d) {
    // "1 h deux fois par semaine", "1 h le soir, 3 soirs par semaine"
    let j = d.end;
    let times = 1;
    for (let k = j; k < Math.min(tokens.length, j + 3); k++) {
      const c = countAt(tokens, k, words);
      if (c) {
        times = c.n;
        j = c.end;
        break;
      }
      if (periodAt(tokens, k, words) || numberAt(tokens, k, words) !== null || unitAt(tokens, k, words)) break;
    }
    const p = periodNear(tokens, j, words);
    const period = p ?? before;
    return {
      hours: times * d.hours * (period?.perMonth ?? 1), amount: times * d.hours, per: period?.id ?? "month", start: i, end: p?.end ?? j,
      quantityEnd: d.end, bare: false, loose: false, vague: d.vague, loosePeriod: period?.loose ?? false, sessions: null,
    };
  }
  const q = quantityAt(tokens, i, words);
  if (!q || q.isArticle) return null;
  const base = { start: i, quantityEnd: q.end, vague: q.vague, sessions: null };
  if (q.negative) return { ...base, hours: -1, amount: -1, per: "month", end: q.end, bare: false, loose: false, loosePeriod: false };
  const p = periodAt(tokens, q.end, words); // "10 par semaine"; not "1 soir par semaine"
  return {
    ...base, hours: q.value * (p?.perMonth ?? 1), amount: q.value, per: p?.id ?? "month", end: p?.end ?? q.end, bare: !p, loose: !!p,
    loosePeriod: p?.loose ?? false,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A span of tokens that are times of day, not durations: "de 7 h à 19 h", "9 to 5", "7 am". */
export interface Span {
  start: number;
  end: number;
}

/**
 * The times of day in the tokens: a figure with "am"/"pm"/"du matin"... after it, and two figures
 * linked by "à"/"to"/"-" of which the second is later in the day ("7 h à 19 h", "de 9 à 5", "6 h le
 * matin à 6 h le soir"). They say when, not how long: the time parser leaves them out.
 */
export function clockSpans(tokens: readonly string[], words: QuantityWords): Span[] {
  const spans: Span[] = [];
  const timeAt = (k: number): { value: number; end: number; marked: boolean; h: boolean } | null => {
    const t = tokens[k];
    if (t === undefined || !/^\d{1,2}(\.\d+)?$/.test(t) || Number(t) > 24) return null;
    let end = k + 1;
    const h = tokens[end] === "h" || tokens[end] === "hr" || tokens[end] === "heure" || tokens[end] === "heures";
    if (h) end++;
    if (h && /^\d{2}$/.test(tokens[end] ?? "")) end++; // 7 h 30
    const mark = phraseAt(tokens, end, words.clock.marks);
    if (mark > 0) return { value: Number(t), end: end + mark, marked: true, h };
    return { value: Number(t), end: end + phraseAt(tokens, end, words.clock.dayParts), marked: false, h };
  };
  for (let i = 0; i < tokens.length; i++) {
    const from = tokens[i] === "de" || tokens[i] === "from" ? i + 1 : i;
    const a = timeAt(from);
    if (!a) continue;
    const link = phraseAt(tokens, a.end, words.clock.links);
    const b = link > 0 ? timeAt(a.end + link) : null;
    if (b && (a.marked || b.marked || b.value > 12 || b.value <= a.value || (a.h && b.h && from > i))) {
      spans.push({ start: i, end: b.end });
      i = b.end - 1;
    } else if (a.marked) {
      spans.push({ start: i, end: a.end });
      i = a.end - 1;
    }
  }
  return spans;
}

/** What the coach read in a time answer, and how. */
export interface HoursRead {
  answer: HoursAnswer & { given: { amount: number; per: string } };
  /** the figures it was read from (spans of tokens) */
  terms: TimeTerm[];
  /** times of day left out ("de 7 h à 19 h") */
  clock: Span[];
  /** "zéro", "none" opened the message: the rest is a reason, not a figure */
  zeroFirst: boolean;
  /** a count of sessions and a duration said apart were multiplied ("deux soirs par semaine ... une heure chaque fois") */
  combined: boolean;
  /** a time of day was taken for the period ("le soir") */
  loosePeriod: boolean;
}

/**
 * The length of the zero phrase that opens the answer ("zéro", "none", "aucune heure"), when its
 * clause ends there or a reason follows it ("none honestly, ..."); 0 otherwise.
 */
function zeroFirst(prepared: ClausedTokens, zero: ReadonlySet<string>, words: QuantityWords): number {
  const { tokens, clause } = prepared;
  for (let n = Math.min(MAX_PHRASE, tokens.length); n > 0; n--) {
    if (!zero.has(tokens.slice(0, n).join(" "))) continue;
    const next = tokens[n];
    if (next === undefined) return n;
    return clause[n] !== clause[n - 1] || words.zeroReasons.has(next) ? n : 0;
  }
  return 0;
}

/**
 * Reads a time answer from prepared tokens: hours a month, the figures it came from and how sure
 * the reading can be; null when no figure can be read (no number, a unit with no number, a negative
 * one, more hours than a month has).
 */
export function readHours(prepared: ClausedTokens, words: QuantityWords, exclude: readonly Span[] = []): HoursRead | null {
  const all = prepared.tokens;
  if (all.length === 0) return null;
  if (words.zeroHours.has(all.join(" ")) || zeroFirst(prepared, words.zeroHours, words) > 0) {
    const whole = words.zeroHours.has(all.join(" "));
    return { answer: { type: "hours", hoursPerMonth: 0, given: { amount: 0, per: "month" } }, terms: [], clock: [], zeroFirst: !whole, combined: false, loosePeriod: false };
  }
  const clock = clockSpans(all, words);
  // times of day and excluded figures are blanked out, so that positions stay the same
  const blank = [...clock, ...exclude];
  const tokens = all.map((t, k) => (blank.some((s) => k >= s.start && k < s.end) ? "·" : t));
  const terms: TimeTerm[] = [];
  let before: PeriodRead | null = null; // "chaque semaine, 5 h"
  for (let i = 0; i < tokens.length; ) {
    // "quelques heures", "several hours", "des jours": a unit with no number
    const vague = phraseAt(tokens, i, words.vagueWords);
    if (vague && (unitAt(tokens, i + vague, words) || countAt(tokens, i + vague, words) || phraseAt(tokens, i + vague, words.timesWords))) return null;
    const term = termAt(tokens, i, words, before);
    const period = periodAt(tokens, i, words);
    if (period && (!term || period.end > term.quantityEnd)) {
      // a period before its duration ("tous les jours, 30 minutes"), or one that looks like a
      // duration ("un jour sur deux", "une semaine sur deux")
      before = period;
      i = period.end;
      continue;
    }
    if (!term) {
      i++;
      continue;
    }
    if (term.vague || (term.hours !== null && term.hours < 0)) return null;
    if (term.hours !== null || term.sessions) terms.push(term);
    before = null;
    i = Math.max(term.end, i + 1);
  }
  // a count of sessions with its period, and a duration with none, said apart: "deux soirs par
  // semaine après la fermeture, genre une heure chaque fois"
  let combined = false;
  const sessions = terms.filter((t) => t.hours === null);
  let timed = terms.filter((t) => t.hours !== null);
  // ("1 h le soir, 3 soirs par semaine": the time of day was only where the hour goes)
  if (sessions.length === 1 && timed.length === 1 && (timed[0]!.per === "month" || timed[0]!.loosePeriod) && !timed[0]!.bare) {
    const s = sessions[0]!.sessions!;
    const d = timed[0]!;
    combined = !d.loosePeriod;
    timed = [{ ...d, hours: s.n * d.amount * s.perMonth, amount: s.n * d.amount, per: s.per, loosePeriod: sessions[0]!.loosePeriod, start: Math.min(d.start, sessions[0]!.start), end: Math.max(d.end, sessions[0]!.end) }];
  }
  // a bare number counts only as the whole short answer ("10", "environ 10"), not inside a sentence
  // ("on est 3"); a number and a period ("10 par semaine") only with no duration ("2 h par semaine pendant 3 mois")
  let read = tokens.length > 3 ? timed.filter((t) => !t.bare) : timed;
  if (read.some((t) => !t.bare && !t.loose)) read = read.filter((t) => !t.loose);
  if (read.length === 0 || (read.length > 1 && read.some((t) => t.bare))) return null; // "1:30", "10 15"
  const total = read.reduce((sum, t) => sum + t.hours!, 0);
  if (!Number.isFinite(total) || total > words.hoursPerMonthMax) return null;
  const one = read.length === 1 ? read[0]! : null;
  return {
    answer: { type: "hours", hoursPerMonth: round1(total), given: one ? { amount: round1(one.amount), per: one.per } : { amount: round1(total), per: "month" } },
    terms: read,
    clock,
    zeroFirst: false,
    combined,
    loosePeriod: read.some((t) => t.loosePeriod),
  };
}

/**
 * Hours a month from what the owner typed; null when it cannot be read.
 *
 * @example parseHours("about 5 hours a week", words) // { type: "hours", hoursPerMonth: 21.7 }
 */
export function parseHours(text: string, words: QuantityWords): HoursAnswer | null {
  const r = readHours(prepareTokens(text, words), words);
  return r ? { type: "hours", hoursPerMonth: r.answer.hoursPerMonth } : null;
}

/** The currency phrase that ends right before `i` or starts at `i`, if any. */
function currencyNear(tokens: readonly string[], i: number, words: QuantityWords): { before: boolean; after: number } {
  let before = false;
  let after = 0;
  for (const c of words.currencies) {
    for (const p of c.phrases) if (p.length <= i && p.every((w, k) => tokens[i - p.length + k] === w)) before = true;
    after = Math.max(after, phraseAt(tokens, i, c.phrases));
  }
  return { before, after };
}

/** One amount found in a budget answer, with where it is in the tokens. */
export interface MoneyTerm {
  amount: number;
  start: number;
  end: number;
  /** 2: with a currency; 1: with a period; 0: a bare number */
  rank: number;
}

/** What the coach read in a budget answer, and how. */
export interface MoneyRead {
  answer: BudgetAnswer;
  terms: MoneyTerm[];
  zeroFirst: boolean;
  /** two amounts as likely (`terms` holds both): which is meant is not known ("100 $ pour la pub et 50 $ pour l'outil") */
  ambiguous: boolean;
}

/**
 * Reads a budget answer from prepared tokens: money a month with its currency as given, and the
 * amounts it came from; 0 for "aucun", "none"... Null when it cannot be read, is vague ("a few
 * hundred") or gives two different amounts.
 */
export function readBudget(prepared: ClausedTokens, words: QuantityWords, exclude: readonly Span[] = []): MoneyRead | null {
  const tokens = prepared.tokens.map((t, k) => (exclude.some((s) => k >= s.start && k < s.end) ? "·" : t));
  let currency: string | null = null;
  for (let i = 0; i < tokens.length && currency === null; i++) {
    let bestLen = 0;
    for (const c of words.currencies) {
      const len = phraseAt(tokens, i, c.phrases);
      if (len > bestLen) {
        bestLen = len;
        currency = c.symbol;
      }
    }
  }
  if (tokens.length > 0 && (words.zeroBudget.has(tokens.join(" ")) || zeroFirst(prepared, words.zeroBudget, words) > 0)) {
    return { answer: { type: "money", amountPerMonth: 0, currency }, terms: [], zeroFirst: !words.zeroBudget.has(tokens.join(" ")), ambiguous: false };
  }
  const amounts: MoneyTerm[] = [];
  for (let i = 0; i < tokens.length; ) {
    // "depuis 1974", "in 2027": a year
    if (/^(19|20)\d\d$/.test(tokens[i]!) && i > 0 && words.yearWords.has(tokens[i - 1]!)) {
      i++;
      continue;
    }
    const q = quantityAt(tokens, i, words);
    if (!q || q.isArticle) {
      i++;
      continue;
    }
    if (q.negative || q.vague) return null;
    // "dans trois mois", "for 2 years": how long, not how much
    if (words.lengthWords.has(tokens[q.end] ?? "")) {
      i = q.end;
      continue;
    }
    let j = q.end;
    let value = q.value;
    const art = q.value < 1 ? articleAt(tokens, j, words) : 0;
    if (unitAt(tokens, j + art, words) || countAt(tokens, i, words)) {
      i = j; // "2 heures", "2 fois": a time, not money
      continue;
    }
    if (tokens[j] === "k") {
      value *= 1000;
      j++;
    } else {
      const len = phraseAt(tokens, j, words.thousandWords);
      if (len > 0) {
        value *= 1000;
        j += len;
      }
    }
    const cur = currencyNear(tokens, i, words);
    const curAfter = currencyNear(tokens, j, words);
    j += curAfter.after;
    // "100 $ à 200 $"
    const andLen = phraseAt(tokens, j, words.and);
    const second = andLen > 0 ? numberAt(tokens, j + andLen, words) : null;
    if (second && second.value > value && currencyNear(tokens, second.end, words).after > 0) {
      value = (value + second.value) / 2;
      j = second.end + currencyNear(tokens, second.end, words).after;
    }
    const period = periodNear(tokens, j, words);
    const amount = Math.round(value * (period?.perMonth ?? 1) * 100) / 100;
    if (!Number.isFinite(amount) || amount > words.budgetPerMonthMax) return null;
    amounts.push({ amount, start: i, end: period?.end ?? j, rank: cur.before || curAfter.after > 0 ? 2 : period ? 1 : 0 });
    i = Math.max(period?.end ?? j, i + 1);
  }
  // "on a 3 employés, 200 $ par mois": the amount with a currency, else with a period; two of them are re-asked
  const best = Math.max(...amounts.map((a) => a.rank));
  const pick = amounts.filter((a) => a.rank === best);
  if (pick.length === 0) return null;
  return { answer: { type: "money", amountPerMonth: pick[0]!.amount, currency }, terms: pick, zeroFirst: false, ambiguous: pick.length > 1 };
}

/**
 * Money a month from what the owner typed, with its currency as given; null when it cannot be read.
 *
 * @example parseBudget("2k$ par an", words) // { type: "money", amountPerMonth: 166.67, currency: "$" }
 */
export function parseBudget(text: string, words: QuantityWords): BudgetAnswer | null {
  const r = readBudget(prepareTokens(text, words), words);
  return r && !r.ambiguous ? r.answer : null;
}

/** Where a number, a period, a unit or a currency is in the tokens. */
export interface Found extends Span {
  value: number;
}

/** Every number of the tokens (digits or spelled out), left to right. */
export function numbersIn(tokens: readonly string[], words: QuantityWords): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < tokens.length; ) {
    const n = numberAt(tokens, i, words);
    if (n) {
      found.push({ start: i, end: n.end, value: n.value });
      i = n.end;
    } else i++;
  }
  return found;
}

/** Every period of the tokens ("par semaine", "a day", "le soir"), left to right. */
export function periodsIn(tokens: readonly string[], words: QuantityWords): (Span & { id: string; perMonth: number; loose: boolean })[] {
  const found: (Span & { id: string; perMonth: number; loose: boolean })[] = [];
  for (let i = 0; i < tokens.length; ) {
    const p = periodAt(tokens, i, words);
    if (p) {
      found.push({ start: i, end: p.end, id: p.id, perMonth: p.perMonth, loose: p.loose });
      i = p.end;
    } else i++;
  }
  return found;
}

/**
 * True when the tokens hold a duration ("2 h", "une journée", "half a day") or a count of sessions
 * ("2 fois", "twice"): a figure that is time, not money. "a week" alone is a period, not a duration.
 */
export function hasTimeUnit(tokens: readonly string[], words: QuantityWords): boolean {
  return tokens.some((_, i) => (durationAt(tokens, i, words) !== null && periodAt(tokens, i, words) === null) || countAt(tokens, i, words) !== null);
}

/** True when a currency ("$", "euros", "piasses") is among the tokens. */
export function hasCurrency(tokens: readonly string[], words: QuantityWords): boolean {
  return tokens.some((_, i) => words.currencies.some((c) => phraseAt(tokens, i, c.phrases) > 0));
}

/** The currency a message names first ("$", "€", "CAD"...), or null. */
export function currencyIn(tokens: readonly string[], words: QuantityWords): string | null {
  for (let i = 0; i < tokens.length; i++) {
    for (const c of words.currencies) if (phraseAt(tokens, i, c.phrases) > 0) return c.symbol;
  }
  return null;
}
