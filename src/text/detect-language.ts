import type { Lang } from "../content/schema.ts";
import { normalize } from "./normalize.ts";

/** Word lists that tell French from English, from dialogs/. */
export interface LanguageHints {
  fr: ReadonlySet<string>;
  en: ReadonlySet<string>;
}

/**
 * Guesses the language of a message from its function words and accents; null when the message
 * gives no clear signal ("10", "ok", an emoji).
 *
 * @example detectLanguage("on n'a pas le temps", hints) // "fr"
 */
export function detectLanguage(text: string, hints: LanguageHints): Lang | null {
  let fr = /[éèêàùçôîœ]/i.test(text) ? 1 : 0;
  let en = 0;
  for (const w of normalize(text).split(" ")) {
    if (hints.fr.has(w)) fr++;
    if (hints.en.has(w)) en++;
  }
  if (fr === en) return null;
  return fr > en ? "fr" : "en";
}
