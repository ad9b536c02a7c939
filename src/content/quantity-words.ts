/**
 * The words of dialogs/parsing.yaml as the time and budget parsers (src/understand/parse-quantity.ts)
 * use them, prepared once at load by src/content/compile.ts.
 */

/** dialogs/parsing.yaml with every phrase split into tokens the way user text is. */
export interface QuantityWords {
  /** number phrases, their tokens joined by a space: "vingt", "a couple of" */
  numberWords: ReadonlyMap<string, number>;
  /** "a", "une": 1 before a unit ("a day a week") or a count ("une fois") */
  articleWords: ReadonlySet<string>;
  /** before a unit or a hundred ("quelques heures", "a few hundred"): too vague to read */
  vagueWords: readonly string[][];
  /** right after a number, words that only say "about" ("10ish", "10-ish hours"): left out */
  approxWords: ReadonlySet<string>;
  between: readonly string[][];
  and: readonly string[][];
  thousandWords: readonly string[][];
  /** before a number from 1900 to 2099: a year ("depuis 1974") */
  yearWords: ReadonlySet<string>;
  lengthWords: ReadonlySet<string>;
  units: readonly { id: string; hours: number; phrases: string[][] }[];
  /** `loose`: a time of day ("le soir", "after closing") read as this period, but to be confirmed */
  periods: readonly { id: string; perMonth: number; phrases: string[][]; loose: string[][] }[];
  /** after a number, a count of sessions: "2 fois", "3 times", "2 x" */
  timesWords: readonly string[][];
  /** a count in one word: "once", "twice" */
  countWords: ReadonlyMap<string, number>;
  zeroHours: ReadonlySet<string>;
  zeroBudget: ReadonlySet<string>;
  /** after a zero word, words that start the reason given for it ("none honestly, ...") */
  zeroReasons: ReadonlySet<string>;
  /** times of day: after a figure, `marks` make it one ("9 am", "6 h du soir"); `dayParts` may follow one in a span ("6 h le matin à 6 h le soir"); `links` join two ("à", "to", "jusqu'à") */
  clock: { marks: readonly string[][]; dayParts: readonly string[][]; links: readonly string[][] };
  currencies: readonly { symbol: string; phrases: string[][] }[];
  hoursPerMonthMax: number;
  budgetPerMonthMax: number;
}
