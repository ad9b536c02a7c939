import { LANGS, type Lang } from "../../src/content/schema.ts";

/**
 * The coach's language for a platform locale: "fr", "fr-CA", "fr_FR" give French, "en-US" English;
 * a locale the coach does not speak (or none) gives undefined, and the caller decides: Slack lets
 * the engine follow the language the person writes in, Discord falls back to English.
 *
 * @example langFromLocale("fr-CA") // "fr"
 * @example langFromLocale("de") // undefined
 */
export function langFromLocale(locale: string | null | undefined): Lang | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === base);
}
