import type { Lang } from "../content/schema.ts";
import { formatNumber } from "../text/template.ts";

/**
 * An amount with the currency the owner gave: symbols go before the number in English and after it
 * in French; codes (CAD, USD...) always after.
 *
 * @example formatMoney(500, "$", "fr") // "500 $"
 */
export function formatMoney(amount: number, currency: string | null, lang: Lang, digits?: number): string {
  const n = digits === undefined ? formatNumber(amount, lang) : formatNumber(Math.round(amount * 10 ** digits) / 10 ** digits, lang, digits);
  if (!currency) return n;
  if (/^[A-Z]{3}$/.test(currency)) return `${n} ${currency}`;
  return lang === "en" ? `${currency}${n}` : `${n} ${currency}`;
}
