import type { Lang } from "../vocabulary/lang.ts";
import { normalize } from "./normalize.ts";

/** Word lists that tell French from English, from dialogs/. */
export interface LanguageHints {
  /** function words and common words (dialogs/messages.yaml `detectLanguage`) */
  fr: ReadonlySet<string>;
  en: ReadonlySet<string>;
  /**
   * words of the objection rules' and the choices' keywords listed in one language only; consulted
   * when the function words say nothing
   */
  keywords?: { fr: ReadonlySet<string>; en: ReadonlySet<string> };
}

/**
 * Guesses the language of a message from its function words and accents and, when they give no
 * clear signal, from the coach's keywords that belong to one language only ("hackers", "viruses":
 * English); null when the message still gives no clear signal ("10", "ok", an emoji).
 *
 * @example detectLanguage("on n'a pas le temps", hints) // "fr"
 * @example detectLanguage("securty risks, viruses", hints) // "en": "risks" and "viruses" are English keywords
 */
export function detectLanguage(text: string, hints: LanguageHints): Lang | null {
  const words = normalize(text).split(" ");
  const byFunctionWords = leaning(/[éèêàùçôîœ]/i.test(text) ? 1 : 0, words, hints.fr, hints.en);
  if (byFunctionWords || !hints.keywords) return byFunctionWords;
  return leaning(0, words, hints.keywords.fr, hints.keywords.en);
}

function leaning(frStart: number, words: readonly string[], fr: ReadonlySet<string>, en: ReadonlySet<string>): Lang | null {
  let f = frStart;
  let e = 0;
  for (const w of words) {
    if (fr.has(w)) f++;
    if (en.has(w)) e++;
  }
  if (f === e) return null;
  return f > e ? "fr" : "en";
}
