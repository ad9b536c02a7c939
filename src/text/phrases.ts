import { normalize } from "./normalize.ts";

/** Where a phrase was found in a message's words: [start, end). */
export interface PhraseHit {
  phrase: string;
  start: number;
  end: number;
}

/**
 * Finds listed phrases in a message as whole words, after normalisation (case, accents and
 * punctuation do not matter): "back" is in "hmm actually no, back" but not in "get our customers
 * back"... unless the caller asks for it anywhere.
 *
 * @example new PhraseList(["in english", "english please"]).find(words("sorry, in English?")) // [{ phrase: "in english", start: 1, end: 3 }]
 */
export class PhraseList {
  /** the phrases, by their first word */
  private readonly byFirst = new Map<string, { text: string; words: string[] }[]>();
  private readonly whole: Set<string>;

  constructor(phrases: readonly string[]) {
    const list = [...new Set(phrases.map(normalize))].filter((p) => p !== "").map((text) => ({ text, words: text.split(" ") }));
    for (const p of list) {
      const same = this.byFirst.get(p.words[0]!) ?? [];
      same.push(p);
      this.byFirst.set(p.words[0]!, same);
    }
    this.whole = new Set(list.map((p) => p.text));
  }

  /** True when the whole message (its normalised words joined) is one of the phrases. */
  isWhole(words: readonly string[]): boolean {
    return this.whole.has(words.join(" "));
  }

  /** Every occurrence of every phrase, in order of position; overlapping ones all kept. */
  find(words: readonly string[]): PhraseHit[] {
    const hits: PhraseHit[] = [];
    for (let i = 0; i < words.length; i++) {
      for (const p of this.byFirst.get(words[i]!) ?? []) {
        if (p.words.every((w, k) => words[i + k] === w)) hits.push({ phrase: p.text, start: i, end: i + p.words.length });
      }
    }
    return hits;
  }

  /** True when one of the phrases is in the message. */
  within(words: readonly string[]): boolean {
    return this.find(words).length > 0;
  }

  /** The phrase that starts exactly at `i`, longest first. */
  at(words: readonly string[], i: number): PhraseHit | null {
    let best: PhraseHit | null = null;
    for (const p of this.byFirst.get(words[i] ?? "") ?? []) {
      if (p.words.every((w, k) => words[i + k] === w) && (!best || p.words.length > best.end - best.start)) best = { phrase: p.text, start: i, end: i + p.words.length };
    }
    return best;
  }
}
