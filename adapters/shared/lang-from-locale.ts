import type { Lang } from "../../src/content/schema.ts";

/**
 * The coach's language for a platform locale: any French locale ("fr", "fr-CA", "fr_FR") gives
 * French, anything else (or nothing) English.
 *
 * @example langFromLocale("fr-CA") // "fr"
 * @example langFromLocale("en-GB") // "en"
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  return /^fr(?:[-_]|$)/i.test(locale ?? "") ? "fr" : "en";
}
