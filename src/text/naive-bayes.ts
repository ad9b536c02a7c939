/**
 * A small multinomial naive Bayes text classifier, trained at load from the phrasing sets in
 * dialogs/phrasings/, over the coach's own normalise and stem functions. It stands behind the
 * keyword rules: it answers only above a threshold set (in dialogs/objections.yaml) higher than any
 * negative it fired on in cross-validation, and it settles the rules' ties.
 */
import { normalize } from "./normalize.ts";
import { stem } from "./stem.ts";

/** One training example. */
export interface Example {
  label: string;
  text: string;
}

/** A label and its posterior probability. */
export interface Scored {
  label: string;
  p: number;
}

/**
 * The features of a text: the stems of its words (stopwords and numbers aside) and the pairs of
 * neighbouring stems.
 *
 * @example features("c'est juste une mode passagère", stop) // ["mod", "passager", "mod passager"] (with "c", "est", "juste", "une" as stopwords)
 */
export function features(text: string, stopwords: ReadonlySet<string>): string[] {
  const stems = normalize(text).split(" ").filter((w) => w !== "" && !stopwords.has(w) && !/^\d+$/.test(w)).map(stem);
  const out = [...stems];
  for (let i = 1; i < stems.length; i++) out.push(`${stems[i - 1]} ${stems[i]}`);
  return out;
}

export class NaiveBayes {
  private readonly labels: string[];
  private readonly logPrior = new Map<string, number>();
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();
  private readonly vocabulary = new Set<string>();

  /**
   * @param alpha Laplace smoothing
   */
  constructor(
    examples: readonly Example[],
    private readonly stopwords: ReadonlySet<string>,
    private readonly alpha = 0.5,
  ) {
    const docs = new Map<string, number>();
    for (const e of examples) {
      docs.set(e.label, (docs.get(e.label) ?? 0) + 1);
      const c = this.counts.get(e.label) ?? new Map<string, number>();
      for (const f of features(e.text, stopwords)) {
        c.set(f, (c.get(f) ?? 0) + 1);
        this.totals.set(e.label, (this.totals.get(e.label) ?? 0) + 1);
        this.vocabulary.add(f);
      }
      this.counts.set(e.label, c);
    }
    this.labels = [...docs.keys()].sort();
    for (const l of this.labels) this.logPrior.set(l, Math.log(docs.get(l)! / examples.length));
  }

  /** Every label with its posterior, best first; empty when the text has no known feature. */
  classify(text: string): Scored[] {
    const fs = features(text, this.stopwords).filter((f) => this.vocabulary.has(f));
    if (fs.length === 0) return [];
    const v = this.vocabulary.size;
    const logs = this.labels.map((label) => {
      const c = this.counts.get(label)!;
      const denominator = Math.log((this.totals.get(label) ?? 0) + this.alpha * v);
      let s = this.logPrior.get(label)!;
      for (const f of fs) s += Math.log((c.get(f) ?? 0) + this.alpha) - denominator;
      return { label, s };
    });
    const max = Math.max(...logs.map((x) => x.s));
    const sum = logs.reduce((acc, x) => acc + Math.exp(x.s - max), 0);
    return logs.map((x) => ({ label: x.label, p: Math.exp(x.s - max) / sum })).sort((a, b) => b.p - a.p);
  }
}
