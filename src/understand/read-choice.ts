/**
 * Reads a choice question's answer from typed text: its number, its label, or words that point to
 * one choice, and how sure that is. A choice the owner negates ("pas vendre pantoute", "not sales")
 * is left out; a goal that fits no choice is kept in the owner's own words, to confirm.
 */
import type { Content } from "../content/compile.ts";
import type { ChoiceStep } from "../content/schema.ts";
import { normalize } from "../text/normalize.ts";
import { MAX_OWN_WORDS, type Answer } from "../vocabulary/answers.ts";

export interface ChoiceReading {
  answer: Answer;
  sure: boolean;
  doubts: string[];
  /** the message's words that named the choice, with those that answer the question itself */
  words: ReadonlySet<string>;
  /** typed as its number, its label or one of its words alone: nothing else to read */
  alone: boolean;
  /** the other choices about as likely, when the reading hesitates */
  alternatives: string[];
  /** the words of the content that matched (for logs) */
  terms: string[];
}

/** Stands for a word left out, so that the words around it stay apart. */
const GAP = "xgapx";

/**
 * The text with each negated word left out ("pas vendre pantoute, je veux que les parents sachent"
 * → "pantoute , je veux que les parents sachent"), and the words naming social media themselves.
 */
function withoutNegated(content: Content, text: string, negated: string[] = []): string {
  const out: string[] = [];
  for (const clause of text.split(/[,.;!?\n]+/)) {
    const words = normalize(clause).split(" ").filter((w) => w !== "");
    const drop = new Set<number>();
    for (const h of content.phrases.subjectWords.find(words)) for (let k = h.start; k < h.end; k++) drop.add(k);
    // "on engage pas": the word right before a spoken-French "pas"
    for (const n of content.phrases.negationsAfter.find(words)) {
      const before = n.start - 1;
      if (before >= 0 && !content.stopwords.has(words[before]!)) drop.add(before);
    }
    for (const n of content.phrases.negations.find(words)) {
      // the next content words of the clause (at most two) are what is negated
      let taken = 0;
      for (let k = n.end; k < words.length && taken < 2; k++) {
        if (content.stopwords.has(words[k]!)) continue;
        drop.add(k);
        taken++;
      }
    }
    // a placeholder keeps the other words where they were (a phrase's words must stay near one another)
    out.push(words.map((w, k) => (drop.has(k) ? GAP : w)).join(" "));
    negated.push(...words.filter((w, k) => drop.has(k) && !content.phrases.subjectWords.within([w])));
  }
  return out.join(` ${GAP} `);
}

/** Content words: not stopwords, hedges or fillers. */
function contentWords(content: Content, text: string): string[] {
  const words = normalize(text).split(" ").filter((w) => w !== "");
  const skip = new Set<number>();
  for (const list of [content.phrases.hedges, content.phrases.fillers, content.phrases.smallTalk.laugh, content.phrases.smallTalk.thanks, content.phrases.subjectWords]) {
    for (const h of list.find(words)) for (let k = h.start; k < h.end; k++) skip.add(k);
  }
  return words.filter((w, k) => !skip.has(k) && !content.stopwords.has(w) && !/^\d+$/.test(w));
}

/**
 * @example readChoice(content, goalStep, "je veux recruter") // talent, sure
 * @example readChoice(content, goalStep, "not sales, more about keeping the regulars happy") // relations: "sales" is negated
 */
export function readChoice(content: Content, step: ChoiceStep, text: string, doubtWords: ReadonlySet<string> = new Set(), pending = true): ChoiceReading | null {
  const norm = normalize(text);
  if (/^\d+$/.test(norm)) {
    const id = step.choices[Number(norm) - 1]?.id;
    return id ? { answer: { type: "choice", id }, sure: true, doubts: [], words: new Set(), alone: true, alternatives: [], terms: [norm] } : null;
  }
  // a label or a match word typed alone, even one the matchers skip as a stopword ("me")
  const exact = content.choiceExact.get(step.id)?.get(norm) ?? [];
  if (exact.length === 1) {
    return { answer: { type: "choice", id: exact[0]! }, sure: true, doubts: [], words: new Set(norm.split(" ")), alone: true, alternatives: [], terms: [norm] };
  }
  const index = content.choiceIndex.get(step.id);
  if (!index) return null;
  // "moi, non attends, plutôt Julie", "an intern... wait no, Me.": a choice taken back is not the answer
  const all = norm.split(" ");
  const back = content.phrases.selfCorrections.find(all).filter((h) => h.start > 0 && h.end < all.length && index.match(all.slice(0, h.start).join(" ")).length > 0).at(-1);
  if (back) {
    const after = all.slice(back.end).join(" ");
    return index.match(after).length > 0 ? readChoice(content, step, after, doubtWords, pending) : null;
  }
  const original = index.match(text);
  const negationWords = new Set(content.phrases.negations.find(norm.split(" ")).map((h) => h.phrase));
  // terms that hold a negation themselves ("pas vraiment", "not really", "personne ne sait") are read as written
  const withNegation = original
    .map((h) => ({ ...h, terms: h.terms.filter((t) => normalize(t).split(" ").some((w) => negationWords.has(w))) }))
    .filter((h) => h.terms.length > 0);
  const negatedWords: string[] = [];
  const stripped = index.match(withoutNegated(content, text, negatedWords));
  // a choice the owner negates stays out, whatever other word points to it ("surtout pas le recrutement, on a plus d'employés qu'il en faut")
  const turnedDown = new Set(negatedWords.length > 0 ? index.match(negatedWords.join(" ")).map((h) => h.key) : []);
  const scores = new Map<string, { score: number; terms: string[] }>();
  for (const h of [...stripped.filter((x) => !turnedDown.has(x.key)), ...withNegation]) {
    const prev = scores.get(h.key) ?? { score: 0, terms: [] };
    scores.set(h.key, { score: Math.max(prev.score, h.score), terms: [...new Set([...prev.terms, ...h.terms])] });
  }
  // a count is read at its own question only: "3k followers" said about one's skills answers those
  const counted = pending ? countedChoice(content, step, norm) : null;
  if (counted && !turnedDown.has(counted.choice)) {
    const prev = scores.get(counted.choice) ?? { score: 0, terms: [] };
    scores.set(counted.choice, { score: Math.max(prev.score, 1), terms: [...prev.terms, counted.term] });
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
  const [first, second] = ranked;
  const words = contentWords(content, text);
  if (!first) {
    if (step.freeText !== "keep" || words.filter((w) => w.length >= 3).length < 2) return null;
    // kept as written, less control and invisible formatting characters
    const own = text.replace(/[\p{Cc}\p{Cf}]/gu, " ").trim().replace(/\s+/g, " ").slice(0, MAX_OWN_WORDS);
    return { answer: { type: "text", text: own }, sure: false, doubts: ["in the owner's own words"], words: new Set(), alone: false, alternatives: [], terms: [] };
  }
  const doubts: string[] = [];
  const alternatives = ranked.filter(([, v], i) => i > 0 && v.score >= first[1].score * 0.75).map(([k]) => k);
  if (second && second[1].score >= first[1].score) doubts.push("several choices as likely");
  // "on va engager une pigiste": words of two choices, however strong each is, are checked with the owner
  else if (second) doubts.push("another choice named");
  const named = new Set([
    ...index.wordsOf(text, first[0]),
    ...(content.answerWordIndex.get(step.id)?.wordsOf(text) ?? []),
    ...(counted?.choice === first[0] ? counted.term.split(" ") : []),
  ]);
  // the words a doubt voiced beside the answer explain themselves ("une agence, mais ça coûte cher")
  const rest = words.filter((w) => !doubtWords.has(w) || named.has(w));
  const share = rest.length === 0 ? 1 : rest.filter((w) => named.has(w)).length / rest.length;
  // an owner explains their answer ("vendre plus de pain pis de tartes, c tout"): one choice named,
  // nothing else pointing elsewhere and no doubt voiced, a third of the words is enough
  const question = /\?\s*$/.test(text);
  const alone = alternatives.length === 0 && !second && doubtWords.size === 0 && !question;
  const enough = alone ? content.listening.limits.choiceShareAlone : content.listening.limits.choiceShare;
  if (rest.length > 2 && share < enough) doubts.push(`the choice's words are ${Math.round(share * 100)} % of the message`);
  if (question) doubts.push("asked as a question");
  return { answer: { type: "choice", id: first[0] }, sure: doubts.length === 0, doubts, words: named, alone: false, alternatives, terms: first[1].terms };
}

/**
 * A count beside one of the step's count words ("about 350 followers", "1,2k abonnés", "a page with
 * 40 likes"), read into the band's choice; the term is the count and its word, as written.
 */
function countedChoice(content: Content, step: ChoiceStep, norm: string): { choice: string; term: string } | null {
  if (!step.counts) return null;
  const words = norm.split(" ");
  const nouns = content.countWords.get(step.id);
  if (!nouns) return null;
  for (const h of nouns.find(words)) {
    // the count is within three words before the noun ("350 followers", "about 350 loyal followers") or right after it ("followers: 350")
    for (const k of [h.start - 1, h.start - 2, h.start - 3, h.end]) {
      const n = countAt(words, k);
      if (n === null) continue;
      const band = [...step.counts.bands].sort((a, b) => b.from - a.from).find((b) => n >= b.from);
      if (band) return { choice: band.choice, term: `${words[k]} ${words.slice(h.start, h.end).join(" ")}` };
    }
  }
  return null;
}

/** The count at word `k`: digits, a "k" for thousands ("2k"), or a thousands group after it ("1 200"). */
function countAt(words: readonly string[], k: number): number | null {
  const w = words[k];
  if (w === undefined) return null;
  const m = /^(\d+)(k?)$/.exec(w);
  if (!m) return null;
  let n = Number(m[1]);
  if (m[2] === "k") n *= 1000;
  else if (/^\d{3}$/.test(words[k + 1] ?? "") && n < 1000) n = n * 1000 + Number(words[k + 1]);
  return n;
}
