/**
 * Reads the two typed answers of the interview: hours a month and money a month. Every word it
 * knows (units, periods, number words, currencies) comes from dialogs/parsing.yaml.
 */
import { stripAccents } from "../text/normalize.ts";

/** dialogs/parsing.yaml with every phrase split into tokens the way user text is. */
export interface QuantityWords {
  numberWords: ReadonlyMap<string, number>;
  articleWords: ReadonlySet<string>;
  between: readonly string[][];
  and: readonly string[][];
  thousandWords: readonly string[][];
  units: readonly { id: string; hours: number; phrases: string[][] }[];
  periods: readonly { id: string; perMonth: number; phrases: string[][] }[];
  zeroHours: ReadonlySet<string>;
  zeroBudget: ReadonlySet<string>;
  currencies: readonly { symbol: string; phrases: string[][] }[];
  hoursPerMonthMax: number;
  budgetPerMonthMax: number;
}

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
 * Splits text into tokens for quantity parsing: numbers ("1 000", "2,5" → "1000", "2.5"),
 * currency symbols and words; "/" reads as "par".
 *
 * @example quantityTokens("10h/sem") // ["10", "h", "par", "sem"]
 */
export function quantityTokens(text: string): string[] {
  let t = stripAccents(text.toLowerCase()).replace(/[\u2018\u2019`´]/g, "'");
  t = t.replace(/(\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, "$1"); // 1 000 → 1000
  t = t.replace(/(\d),(?=\d{3}(?!\d))/g, "$1"); // 1,000 → 1000
  t = t.replace(/(\d),(?=\d)/g, "$1."); // 2,5 → 2.5
  t = t.replace(/\//g, " par ");
  t = t.replace(/(\d)-(?=\d)/g, "$1 - "); // 8-12
  t = t.replace(/(^|[^\d\w])-\s*(?=\d)/g, "$1 - "); // -3 stays a minus
  t = t.replace(/(\d)([a-z$€£])/g, "$1 $2").replace(/([a-z$€£])(\d)/g, "$1 $2");
  t = t.replace(/([$€£])/g, " $1 ");
  t = t.replace(/[^a-z0-9.$€£\s-]/g, " ").replace(/(?<!\d)\.|\.(?!\d)/g, " ");
  t = t.replace(/(?<=[a-z])-(?=[a-z])/g, " "); // demi-journée → demi journee
  return t.split(/\s+/).filter((x) => x !== "");
}

/** The length of the first phrase of `phrases` found at `tokens[i]`, longest first; 0 if none. */
function phraseAt(tokens: readonly string[], i: number, phrases: readonly string[][]): number {
  let best = 0;
  for (const p of phrases) {
    if (p.length > best && p.every((w, k) => tokens[i + k] === w)) best = p.length;
  }
  return best;
}

function numberAt(tokens: readonly string[], i: number, words: QuantityWords): number | null {
  const t = tokens[i];
  if (t === undefined) return null;
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return words.numberWords.get(t) ?? null;
}

interface Quantity {
  value: number;
  end: number;
  negative: boolean;
  isArticle: boolean;
}

/** A number, a range ("between 8 and 12", "8-12", "de 8 à 12": its middle) or an article ("a", "une"). */
function quantityAt(tokens: readonly string[], i: number, words: QuantityWords): Quantity | null {
  let j = i;
  const betweenLen = phraseAt(tokens, j, words.between);
  if (betweenLen > 0 && numberAt(tokens, j + betweenLen, words) !== null) j += betweenLen;
  const negative = tokens[j] === "-" && numberAt(tokens, j + 1, words) !== null && (j === 0 || numberAt(tokens, j - 1, words) === null);
  if (negative) j++;
  const first = numberAt(tokens, j, words);
  if (first === null) {
    if (words.articleWords.has(tokens[j] ?? "")) return { value: 1, end: j + 1, negative: false, isArticle: true };
    return null;
  }
  j++;
  let value = first;
  const andLen = tokens[j] === "-" ? 1 : phraseAt(tokens, j, words.and);
  if (andLen > 0) {
    const second = numberAt(tokens, j + andLen, words);
    if (second !== null && second >= first) {
      value = (first + second) / 2;
      j += andLen + 1;
    }
  }
  return { value, end: j, negative, isArticle: false };
}

function periodNear(tokens: readonly string[], from: number, words: QuantityWords): { perMonth: number; end: number } | null {
  for (let k = from; k < Math.min(tokens.length, from + 4); k++) {
    for (const p of words.periods) {
      const len = phraseAt(tokens, k, p.phrases);
      if (len > 0) return { perMonth: p.perMonth, end: k + len };
    }
  }
  return null;
}

function unitAt(tokens: readonly string[], i: number, words: QuantityWords): { hours: number; len: number } | null {
  let best: { hours: number; len: number } | null = null;
  for (const u of words.units) {
    const len = phraseAt(tokens, i, u.phrases);
    if (len > 0 && (!best || len > best.len)) best = { hours: u.hours, len };
  }
  return best;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Hours a month from what the owner typed; null when it cannot be read (no number, a negative one,
 * more hours than a month has).
 *
 * @example parseHours("about 5 hours a week", words) // { type: "hours", hoursPerMonth: 21.7 }
 */
export function parseHours(text: string, words: QuantityWords): HoursAnswer | null {
  const tokens = quantityTokens(text);
  if (tokens.length > 0 && words.zeroHours.has(tokens.join(" "))) return { type: "hours", hoursPerMonth: 0 };
  let total = 0;
  let found = false;
  for (let i = 0; i < tokens.length; ) {
    const unitFirst = unitAt(tokens, i, words); // "half a day a week": a unit with no number
    const q = unitFirst ? null : quantityAt(tokens, i, words);
    if (!q && !unitFirst) {
      i++;
      continue;
    }
    if (q?.negative) return null;
    let j = q ? q.end : i;
    const unit = unitFirst ?? unitAt(tokens, j, words);
    if (unit) j += unit.len;
    else if (q?.isArticle) {
      i = j;
      continue;
    }
    const period = periodNear(tokens, j, words);
    if (period) j = period.end;
    // a bare number counts only as a short answer ("10", "environ 10"), not inside a sentence ("on est 3")
    if (!unit && !period && tokens.length > 3) {
      i = j;
      continue;
    }
    total += (q?.value ?? 1) * (unit?.hours ?? 1) * (period?.perMonth ?? 1);
    found = true;
    i = j;
  }
  if (!found || !Number.isFinite(total) || total > words.hoursPerMonthMax) return null;
  return { type: "hours", hoursPerMonth: round1(total) };
}

/**
 * Money a month from what the owner typed, with its currency as given; 0 for "aucun", "none"...
 *
 * @example parseBudget("2k$ par an", words) // { type: "money", amountPerMonth: 166.67, currency: "$" }
 */
export function parseBudget(text: string, words: QuantityWords): BudgetAnswer | null {
  const tokens = quantityTokens(text);
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
  if (tokens.length > 0 && words.zeroBudget.has(tokens.join(" "))) return { type: "money", amountPerMonth: 0, currency };
  for (let i = 0; i < tokens.length; i++) {
    const q = quantityAt(tokens, i, words);
    if (!q || q.isArticle) continue;
    if (q.negative) return null;
    let j = q.end;
    let value = q.value;
    if (unitAt(tokens, j, words)) continue; // "2 heures": a time, not money
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
    const period = periodNear(tokens, j, words);
    const amount = Math.round(value * (period?.perMonth ?? 1) * 100) / 100;
    if (!Number.isFinite(amount) || amount > words.budgetPerMonthMax) return null;
    return { type: "money", amountPerMonth: amount, currency };
  }
  return null;
}
