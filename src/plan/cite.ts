import type { Source } from "../content/schema.ts";

/**
 * How an article is cited: its title in quotes, then its author and blog where it names them.
 *
 * @example cite(source) // «Aveugles et faux prophètes», Guillaume, BriseGlace
 */
export function cite(source: Source): string {
  return [`«${source.title}»`, source.author, source.blog].filter(Boolean).join(", ");
}

/** Several articles cited at once, separated by semicolons. */
export function citeAll(ids: readonly string[], sources: ReadonlyMap<string, Source>): string {
  return ids.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined).map(cite).join("; ");
}
