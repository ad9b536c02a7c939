/**
 * Recognises a request by its words, the way a person types it: accents, case and punctuation do
 * not matter, and a phrase must appear as whole words ("plan" is not found in "planning").
 */
import { normalize } from "../../src/text/normalize.ts";

/** Phrases to recognise: `whole` must be the entire message, `within` may appear anywhere in it. */
export interface PhraseList {
  whole: readonly string[];
  within: readonly string[];
}

/**
 * True when `text` is one of `list.whole`, or holds one of `list.within` as whole words.
 *
 * @example matchesPhrases("Aide-moi à faire un plan !", { whole: ["plan"], within: ["faire un plan"] }) // true
 */
export function matchesPhrases(text: string, list: PhraseList): boolean {
  const said = normalize(text);
  if (said === "") return false;
  if (list.whole.some((p) => normalize(p) === said)) return true;
  const padded = ` ${said} `;
  return list.within.some((p) => {
    const phrase = normalize(p);
    return phrase !== "" && padded.includes(` ${phrase} `);
  });
}
