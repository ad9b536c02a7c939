/**
 * Text normalisation shared by every matcher: the coach compares words, not spellings.
 *
 * @example normalize("C'est JUSTE une Mode!") // "c est juste une mode"
 */
export function normalize(text: string): string {
  return stripAccents(text.toLowerCase())
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[^a-z0-9\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Removes diacritics: "sécurité" → "securite", "ça" → "ca". Keeps every other character. */
export function stripAccents(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").replace(/æ/g, "ae");
}

/** Splits normalised text into words. */
export function words(text: string): string[] {
  const n = normalize(text);
  return n === "" ? [] : n.split(" ");
}

/** True when the text holds at least one letter or digit (not only emoji, marks or spaces). */
export function hasWordCharacters(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
