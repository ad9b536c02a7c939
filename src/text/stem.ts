/**
 * A light, language-agnostic suffix stripper for French and English. It is not a linguistic
 * stemmer: it only has to map "coûte", "coûtent", "coûteux" or "costs", "costing" onto one key, the
 * same way for the content's words and for what users type.
 *
 * @example stem("employees") === stem("employee") // true
 */
const SUFFIXES = [
  "issements", "issement", "ications", "ication", "ational", "ements", "ement", "ations", "ation",
  "atrices", "atrice", "ateurs", "ateur", "eraient", "eraient", "erions", "eriez", "erons", "eront",
  "aient", "ments", "ment", "euses", "euse", "ences", "ence", "ances", "ance", "ables", "able",
  "istes", "iste", "ismes", "isme", "ities", "ity", "ites", "ite", "ives", "ive", "ings", "ing",
  "antes", "ante", "eurs", "eur", "ness", "ions", "iez", "ees", "ers", "eux", "ies", "ied", "ent", "ons", "ais", "ait", "ant", "ful",
  "ly", "ed", "er", "ez", "es", "ee", "e", "s", "x", "y",
];

const cache = new Map<string, string>();

export function stem(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let w = word;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (cache.size < 50_000) cache.set(word, w);
  return w;
}
