import { stripAccents } from "./normalize.ts";

/**
 * Splits text into tokens for quantity parsing: numbers ("1 000", "1.000", "1'000", "2,5" → "1000",
 * "1000", "1000", "2.5"), currency symbols and words; "/" reads as "par".
 *
 * @example quantityTokens("10h/sem") // ["10", "h", "par", "sem"]
 */
export function quantityTokens(text: string): string[] {
  let t = stripAccents(text.toLowerCase()).replace(/[\u2018\u2019\u02bc`´]/g, "'");
  t = t.replace(/(\d)[ \u00a0\u202f'](?=\d{3}(?!\d))/g, "$1"); // 1 000, 1'000 → 1000
  t = t.replace(/(?<![\d.])\d{1,3}(?:\.\d{3})+(?![.\d])/g, (m) => m.replace(/\./g, "")); // 1.000 € → 1000
  t = t.replace(/(\d),(?=\d{3}(?!\d))/g, "$1"); // 1,000 → 1000
  t = t.replace(/(\d),(?=\d)/g, "$1."); // 2,5 → 2.5
  t = t.replace(/\//g, " par ");
  t = t.replace(/(\d)-(?=\d)/g, "$1 - "); // 8-12
  t = t.replace(/(\d)-(?=[a-z])/g, "$1 "); // 10-ish
  t = t.replace(/(^|[^\d\w])-\s*(?=\d)/g, "$1 - "); // -3 stays a minus
  t = t.replace(/(\d)([a-z$€£])/g, "$1 $2").replace(/([a-z$€£])(\d)/g, "$1 $2");
  t = t.replace(/([$€£])/g, " $1 ");
  t = t.replace(/[^a-z0-9.$€£\s-]/g, " ").replace(/(?<!\d)\.|\.(?!\d)/g, " ");
  t = t.replace(/(?<=[a-z])-(?=[a-z])/g, " "); // demi-journée → demi journee
  return t.split(/\s+/).filter((x) => x !== "");
}

/** Tokens, and for each the clause it belongs to (clauses are cut at , ; : ! ? … and a full stop). */
export interface ClausedTokens {
  tokens: string[];
  clause: number[];
}

/**
 * The quantity tokens of a text with the clause of each: a negation or an "if" reaches only the
 * figures of its own clause ("on n'a pas le temps, peut-être 2 h par semaine": the 2 h stand).
 * Clauses end at punctuation and at "mais" / "but"; commas between digits ("1,000", "2,5") do not cut.
 *
 * @example clausedTokens("pas 10 h, mettons 3").clause // [0, 0, 0, 1, 1]
 */
export function clausedTokens(text: string): ClausedTokens {
  const pieces = text.split(/(?<!\d)[,;:!?…]|[,;:!?…](?!\d)|\.(?=\s|$)|\s[-–—]\s|\n|\s(?:mais|but|sinon|otherwise)\s/i);
  const tokens: string[] = [];
  const clause: number[] = [];
  pieces.forEach((piece, n) => {
    for (const t of quantityTokens(piece)) {
      tokens.push(t);
      clause.push(n);
    }
  });
  return { tokens, clause };
}
