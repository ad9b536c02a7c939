import type { Lang } from "../vocabulary/lang.ts";

/** Values a template may use; a missing value renders as an empty string. */
export type TemplateVars = Readonly<Record<string, string | number | undefined>>;

const plurals = { fr: new Intl.PluralRules("fr"), en: new Intl.PluralRules("en") };
const numbers = {
  fr: new Intl.NumberFormat("fr-CA", { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en-CA", { maximumFractionDigits: 1 }),
};

/** A number as the owner's language writes it: "21,7" in French, "21.7" in English (`digits`: up to that many decimals). */
export function formatNumber(n: number, lang: Lang, digits?: number): string {
  const f = digits === undefined ? numbers[lang] : new Intl.NumberFormat(lang === "fr" ? "fr-CA" : "en-CA", { maximumFractionDigits: digits });
  return f.format(n).replace(/[\u202f\u00a0]/g, " ");
}

/**
 * Fills `{name}` with a value and `{name|singular|plural}` with the word that agrees with the number.
 *
 * @example fill("{networks} {networks|réseau|réseaux}", { networks: 2 }, "fr") // "2 réseaux"
 */
export function fill(template: string, vars: TemplateVars, lang: Lang): string {
  return template.replace(/\{([a-zA-Z]+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g, (_, name: string, one?: string, other?: string) => {
    const v = vars[name];
    if (one !== undefined && other !== undefined) {
      const n = typeof v === "number" ? v : Number(v);
      return plurals[lang].select(Number.isFinite(n) ? n : 2) === "one" ? one : other;
    }
    if (v === undefined) return "";
    return typeof v === "number" ? formatNumber(v, lang) : v;
  });
}
