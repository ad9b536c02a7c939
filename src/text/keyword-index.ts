import { editDistance } from "./edit-distance.ts";
import { normalize } from "./normalize.ts";
import { stem } from "./stem.ts";

/** Marks the stem of a stopword in a message: it counts inside a phrase, not as a term of its own. */
const STOP = "\u0000";

/** How far apart (beyond its own length) the words of a phrase may be in a message and still make the phrase. */
const PHRASE_SLACK = 3;

/** One thing to recognise: a word or a phrase (its words in any order) and what it is worth. */
export interface TermSpec {
  text: string;
  weight: number;
}

/** A candidate (an objection rule, a choice) and the terms that point to it. */
export interface IndexEntry<K extends string> {
  key: K;
  terms: readonly TermSpec[];
}

/** How well a text matched one entry. */
export interface KeywordHit<K extends string> {
  key: K;
  score: number;
  /** the content terms that matched, as written in dialogs/ */
  terms: string[];
  /** the weight of the strongest term that matched */
  strongest: number;
}

interface PreparedTerm {
  text: string;
  stems: string[];
  weight: number;
  /** the weight given in the content, before the bonus of a phrase */
  base: number;
}

/**
 * Tolerant keyword matching: case, accents, plurals and conjugations (via {@link stem}), small typos
 * (edit distance 1, or 2 on long words, against the index's own vocabulary) and word order (a phrase
 * matches when all its words are present).
 *
 * @example
 * const idx = new KeywordIndex([{ key: "fad", terms: [{ text: "mode passagère", weight: 1 }] }], new Set());
 * idx.match("c'est une mod passagere")[0]?.key // "fad"
 */
export class KeywordIndex<K extends string> {
  private readonly entries: { key: K; terms: PreparedTerm[] }[];
  private readonly vocabulary: Set<string>;
  private readonly byLength = new Map<number, string[]>();
  private readonly corrections = new Map<string, string | null>();
  /** each term, under its first stem: a message is checked only against the terms whose first stem it holds */
  private readonly byFirstStem = new Map<string, { entry: number; term: PreparedTerm }[]>();

  /**
   * @param stopwords words that count for nothing on their own (normalised)
   * @param keepAsIs stems never corrected as typos (real words close to a term's word), besides the stopwords
   * @param unstemmed words kept whole, never reduced to a stem another word shares ("restaure" is not "restaurant")
   */
  constructor(
    entries: readonly IndexEntry<K>[],
    private readonly stopwords: ReadonlySet<string>,
    private readonly keepAsIs: ReadonlySet<string> = new Set(),
    private readonly unstemmed: ReadonlySet<string> = new Set(),
  ) {
    this.entries = entries.map((e) => {
      // two spellings of one term ("stagiaire", "stagiaires") count once, at the higher weight
      const byStems = new Map<string, PreparedTerm>();
      for (const t of e.terms) {
        const stems = [...new Set(this.stems(t.text, true))].sort();
        if (stems.length === 0) continue;
        const k = stems.join(" ");
        // a phrase is more telling than a single word: each extra word adds a quarter, up to double
        const weight = t.weight * Math.min(2, 1 + 0.25 * (stems.length - 1));
        const prev = byStems.get(k);
        if (!prev || prev.weight < weight) byStems.set(k, { text: t.text, weight, stems, base: t.weight });
      }
      return { key: e.key, terms: [...byStems.values()] };
    });
    this.entries.forEach((e, entry) => {
      for (const term of e.terms) {
        const list = this.byFirstStem.get(term.stems[0]!) ?? [];
        list.push({ entry, term });
        this.byFirstStem.set(term.stems[0]!, list);
      }
    });
    this.vocabulary = new Set(this.entries.flatMap((e) => e.terms.flatMap((t) => t.stems)));
    for (const v of this.vocabulary) {
      const list = this.byLength.get(v.length) ?? [];
      list.push(v);
      this.byLength.set(v.length, list);
    }
  }

  /**
   * The corrected stems of a text and where each is (word positions); the last few texts are
   * remembered (a message is matched several times a turn).
   */
  private present(text: string): ReadonlyMap<string, readonly number[]> {
    const hit = this.recent.get(text);
    if (hit) return hit;
    const present = new Map<string, number[]>();
    const words = normalize(text).split(" ").filter((w) => w !== "");
    this.stems(text, false).forEach((s, i) => {
      // a stopword counts only inside a phrase: "non" is not the choice "None" (whose stem it shares)
      const c = this.stopwords.has(words[i]!) ? `${STOP}${s}` : this.correct(s);
      const at = present.get(c) ?? [];
      at.push(i);
      present.set(c, at);
    });
    if (this.recent.size >= 8) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(text, present);
    return present;
  }
  private readonly recent = new Map<string, ReadonlyMap<string, readonly number[]>>();

  /**
   * True when every word of the term is in the text, near one another: a phrase's words in any
   * order, but within a few words of each other ("va passer" is not in "on va embaucher quelqu'un,
   * qu'il passe ses journées...").
   */
  private holds(term: PreparedTerm, present: ReadonlyMap<string, readonly number[]>): boolean {
    if (term.stems.length === 1) return present.has(term.stems[0]!);
    const at = (x: string) => [...(present.get(x) ?? []), ...(present.get(`${STOP}${x}`) ?? [])];
    if (!term.stems.every((x) => at(x).length > 0)) return false;
    const reach = term.stems.length + PHRASE_SLACK;
    return at(term.stems[0]!).some((p) => term.stems.every((x) => at(x).some((q) => Math.abs(q - p) <= reach)));
  }

  /** Every entry with a positive score, best first (ties keep content order). */
  match(text: string): KeywordHit<K>[] {
    const present = this.present(text);
    const found = new Map<number, { score: number; strongest: number; terms: PreparedTerm[] }>();
    const checked = new Set<PreparedTerm>();
    for (const s of present.keys()) {
      for (const { entry, term } of this.byFirstStem.get(s.startsWith(STOP) ? s.slice(1) : s) ?? []) {
        if (checked.has(term)) continue;
        checked.add(term);
        if (!this.holds(term, present)) continue;
        const f = found.get(entry) ?? { score: 0, strongest: 0, terms: [] };
        f.score += term.weight;
        f.strongest = Math.max(f.strongest, term.base);
        f.terms.push(term);
        found.set(entry, f);
      }
    }
    const hits: KeywordHit<K>[] = [];
    // in content order: the terms as listed, the entries as listed (ties keep content order)
    for (const [entry, f] of [...found].sort((a, b) => a[0] - b[0])) {
      const order = this.entries[entry]!.terms;
      const terms = order.filter((t) => f.terms.includes(t)).map((t) => t.text);
      hits.push({ key: this.entries[entry]!.key, score: f.score, terms, strongest: f.strongest });
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  /**
   * The words of a text (normalised) that belong to a term found in it: a term of `key`, or of any
   * entry when `key` is omitted.
   *
   * @example idx.wordsOf("our website is enough", "traffic") // Set { "website" }
   */
  wordsOf(text: string, key?: K): Set<string> {
    const all = normalize(text).split(" ").filter((w) => w !== "");
    const present = this.present(text);
    const stems = new Set<string>();
    for (const e of this.entries) {
      if (key !== undefined && e.key !== key) continue;
      for (const t of e.terms) if (this.holds(t, present)) for (const s of t.stems) stems.add(s);
    }
    return new Set(all.filter((w) => stems.has(this.correct(this.stem(w)))));
  }

  /**
   * The share of a text's words, stopwords aside, that are in `words`; 0 when it has no word besides
   * stopwords.
   *
   * @example idx.share("je veux plus de clients", idx.wordsOf("je veux plus de clients", "sales")) // 1
   */
  share(text: string, words: ReadonlySet<string>): number {
    const counted = normalize(text).split(" ").filter((w) => w !== "" && !this.stopwords.has(w));
    return counted.length === 0 ? 0 : counted.filter((w) => words.has(w)).length / counted.length;
  }

  /**
   * The stems of a text. A message keeps every word; a term keeps its stopwords only when it is a
   * phrase ("no time" needs "no" as much as "time"), since a lone stopword would match anything.
   */
  private stems(text: string, isTerm: boolean): string[] {
    const all = normalize(text).split(" ").filter((w) => w !== "");
    if (!isTerm || all.length > 1) return all.map((w) => this.stem(w));
    return all.filter((w) => !this.stopwords.has(w)).map((w) => this.stem(w));
  }

  private stem(word: string): string {
    return this.unstemmed.has(word) ? word : stem(word);
  }

  /** A stem not in the vocabulary, replaced by the nearest one: one edit from 5 letters, two from 8, same first letter. */
  private correct(s: string): string {
    if (this.vocabulary.has(s) || s.length < 5 || this.stopwords.has(s) || this.keepAsIs.has(s) || /\d/.test(s)) return s;
    const cached = this.corrections.get(s);
    if (cached !== undefined) return cached ?? s;
    const max = s.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = max + 1;
    for (let len = s.length - max; len <= s.length + max; len++) {
      for (const v of this.byLength.get(len) ?? []) {
        if (v.length < 5 || v[0] !== s[0]) continue;
        const d = editDistance(s, v, max);
        if (d < bestDistance) {
          best = v;
          bestDistance = d;
        }
      }
    }
    if (this.corrections.size < 20_000) this.corrections.set(s, best);
    return best ?? s;
  }
}
