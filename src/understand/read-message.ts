/**
 * Reads a message once into one typed reading: what it says for the question being asked (a value
 * and how sure), for another question (a correction, an answer given ahead), the doubt it voices, a
 * command, a wish to change language, a question put to the coach, a refusal, small talk. The
 * engine's policy (src/engine/policy.ts) then decides from the reading alone; nothing re-reads the text.
 */
import type { Content } from "../content/compile.ts";
import type { ChoiceStep, Lang, SmallTalk, Step } from "../content/schema.ts";
import { SMALL_TALK } from "../content/schema.ts";
import { detectLanguage } from "../text/detect-language.ts";
import { hasWordCharacters, normalize } from "../text/normalize.ts";
import type { Command } from "../vocabulary/actions.ts";
import { sameAnswer, type Answer } from "../vocabulary/answers.ts";
import { matchDoubt, type DoubtReading } from "./match-doubt.ts";
import { readChoice } from "./read-choice.ts";
import { hasCurrency, hasTimeUnit, prepareTokens } from "./parse-quantity.ts";
import { readPeriodOnly, readQuantity, readRate } from "./read-quantity.ts";

/** A value read for one question. */
export interface ValueReading {
  step: string;
  answer: Answer;
  /** sure: saved and said back; otherwise confirmed first */
  sure: boolean;
  /** why it is not sure ("a time of day taken for a period", "3 other words"...) */
  doubts: string[];
  /** the message's words that gave the answer (a doubt found only in them is not voiced) */
  words: ReadonlySet<string>;
  /** typed as a number, a label or one word alone */
  alone: boolean;
  /** other choices about as likely */
  alternatives: string[];
  /** the share of the message's words (stopwords aside) that gave the answer */
  share: number;
}

export interface Reading {
  text: string;
  /** the normalised words */
  words: string[];
  /** no letter or digit (emoji, punctuation) */
  empty: boolean;
  tooLong: boolean;
  /** the language the message is written in, when it says so clearly */
  lang: Lang | null;
  /** a wish to talk in a language: "english", "can we continue in english?" */
  switchTo: Lang | null;
  command: Command | null;
  yes: boolean;
  no: boolean;
  /** the whole message is a number */
  number: number | null;
  /** "je sais pas", "what do you mean?" */
  unsure: boolean;
  smallTalk: SmallTalk | null;
  /** asked as a question ("...?", "which network...") */
  question: boolean;
  /** a clause opens with a question word ("which network...", "c'est quoi...", "..., vous conseillez quoi ?") */
  questionOpens: boolean;
  /** "aucun des deux", "neither" */
  refusal: boolean;
  /** opens by saying what the business is: "we're a microbrewery in Sherbrooke", "on est une boucherie" */
  aboutBusiness: boolean;
  /** a figure turned down ("je vais pas payer 2000 $") */
  negated: boolean;
  /** a figure under an "if" */
  hypothetical: boolean;
  /** words of a correction: "actually", "finalement", "I meant" */
  correction: boolean;
  doubt: DoubtReading;
  /** the message's words the doubt was recognised by, and their share of the message (stopwords aside) */
  doubtWords: ReadonlySet<string>;
  doubtShare: number;
  /** the value for the question being asked */
  value: ValueReading | null;
  /** a value for another question: a correction, or an answer given ahead */
  other: ValueReading | null;
  /** "change my goal": the question to reopen */
  change: string | null;
  /** asks for a plan (an `ask` outside the interview) */
  planRequest: boolean;
}

/** What the reader needs to know of the conversation. */
export interface ReadContext {
  /** the question being asked; null once the plan is written, and outside the interview */
  step: string | null;
  answers: Readonly<Record<string, Answer>>;
}

const COMMAND_ORDER: readonly Command[] = ["forget", "restart", "plan", "help", "back"];

/**
 * @example read(content, "maybe 2 hrs a week, but what's the return on that?", { step: "time", answers: {} })
 * // value: 8.7 h a month (sure), doubt: roi-unclear
 */
export function read(content: Content, text: string, ctx: ReadContext): Reading {
  const trimmed = text.trim();
  const tooLong = text.length > content.messages.limits.maxMessageLength;
  // a message over the limit is refused unread: not even normalised (it may be 100,000 characters)
  const words = tooLong ? [] : normalize(trimmed).split(" ").filter((w) => w !== "");
  const p = content.phrases;
  const limits = content.listening.limits;
  const empty = !hasWordCharacters(trimmed);
  const base: Reading = {
    text: trimmed, words, empty, tooLong, lang: null, switchTo: null,
    command: null, yes: false, no: false, number: null, unsure: false, smallTalk: null, question: false, questionOpens: false, refusal: false, aboutBusiness: false,
    negated: false, hypothetical: false, correction: false, doubt: { kind: "none", confidence: 0 }, doubtWords: new Set(), doubtShare: 0, value: null, other: null,
    change: null, planRequest: false,
  };
  if (empty) return { ...base, smallTalk: trimmed === "" ? null : "laugh" };
  if (base.tooLong) return base;

  const short = words.length <= limits.maxWordsForCommand;
  const core = withoutFillers(content, words);
  const r: Reading = { ...base };
  r.lang = detectLanguage(trimmed, content.languageHints);
  r.switchTo = content.languageWords.get(core.join(" ")) ?? (words.length <= limits.maxWordsForLanguageWish ? languageWish(content, words) : null);
  r.command = command(content, words, core, short);
  r.yes = p.yes.isWhole(core) || (core.length <= 5 && p.yes.at(core, 0) !== null && !p.no.within(core));
  r.no = p.no.isWhole(core) || (core.length <= 6 && p.no.at(core, 0) !== null);
  r.number = /^\d{1,3}$/.test(core.join(" ")) ? Number(core.join(" ")) : null;
  r.unsure = p.unsure.isWhole(core) || firstClauseUnsure(content, trimmed);
  r.smallTalk = smallTalk(content, words);
  // a clause that opens with a question word: "agence ou en interne, vous conseillez quoi ?"
  r.questionOpens = trimmed.split(/[,.;!?]/).some((clause) => {
    const cw = withoutFillers(content, normalize(clause).split(" ").filter((w) => w !== ""));
    return cw.length > 0 && p.questionStarts.at(cw, 0) !== null;
  });
  r.question = /\?\s*\W*$/u.test(trimmed) || r.questionOpens;
  r.refusal = p.refusals.within(words);
  r.aboutBusiness = p.aboutBusiness.at(core, 0) !== null;
  r.correction = p.corrections.within(words);
  r.planRequest = p.planWhole.isWhole(core) || p.planWithin.within(words);
  r.doubt = matchDoubt(content, trimmed);
  if (r.doubt.kind !== "none") {
    const ids = r.doubt.kind === "match" ? [r.doubt.id] : r.doubt.ids;
    r.doubtWords = new Set(ids.flatMap((id) => [...content.objectionIndex.wordsOf(trimmed, id)]));
    r.doubtShare = content.objectionIndex.share(trimmed, r.doubtWords);
  }

  const cued = cuedSteps(content, words);
  const step = ctx.step === null ? undefined : (content.steps.find((s) => s.id === ctx.step) ?? content.reviewSteps.find((s) => s.id === ctx.step));
  if (step) {
    const v = readValue(content, step, trimmed, ctx, r.doubtWords);
    r.value = v.value;
    r.negated = v.negated;
    r.hypothetical = v.hypothetical;
  }
  // during the pilot review, a figure answers the review's question, never corrects the plan's
  const reviewing = step !== undefined && content.reviewSteps.includes(step);
  r.other = reviewing ? null : readOther(content, trimmed, ctx, cued, r);
  // two doubts about as likely, one of them only by the answer's own words ("an agency, but it's expensive"): the other
  if (r.doubt.kind === "ambiguous" && r.value && r.value.words.size > 0) {
    const v = r.value;
    const left = r.doubt.ids.filter((id) => ![...content.objectionIndex.wordsOf(trimmed, id)].every((w) => v.words.has(w)));
    if (left.length === 1) {
      r.doubt = { kind: "match", id: left[0]!, confidence: r.doubt.confidence, by: "rules", terms: r.doubt.terms, strong: true };
      r.doubtWords = content.objectionIndex.wordsOf(trimmed, left[0]!);
    }
  }
  // "oh wait the hours, I meant 7 a week": the question the message names, not the one being asked
  if (r.other && r.value && cued.includes(r.other.step) && !cued.includes(r.value.step)) r.value = null;
  for (const v of [r.value, r.other]) if (v && v.words.size > 0) v.share = content.objectionIndex.share(trimmed, v.words);
  if (!r.value && !r.other && cued.length === 1 && (p.changeWords.within(words) || r.correction)) r.change = cued[0]!;
  return r;
}

/** The words without hesitations ("euh", "um") and laughs, for whole-message comparisons. */
function withoutFillers(content: Content, words: string[]): string[] {
  const skip = new Set<number>();
  for (const list of [content.phrases.fillers, content.phrases.smallTalk.laugh]) for (const h of list.find(words)) for (let k = h.start; k < h.end; k++) skip.add(k);
  const core = words.filter((_, k) => !skip.has(k));
  return core.length > 0 ? core : words;
}

function languageWish(content: Content, words: string[]): Lang | null {
  const fr = content.phrases.languageWish.fr.within(words);
  const en = content.phrases.languageWish.en.within(words);
  return fr === en ? null : fr ? "fr" : "en";
}

/** A command: the whole message, or said inside a short one ("hmm actually no, back"; "back" only at its start or end). */
function command(content: Content, words: string[], core: string[], short: boolean): Command | null {
  const whole = content.commandWords.get(core.join(" "));
  if (whole && whole !== "yes" && whole !== "no") return whole;
  if (!short) return null;
  for (const c of COMMAND_ORDER) {
    const found = content.phrases.commandsWithin[c].find(words);
    if (c === "back" ? found.some((h) => h.start <= 3 || h.end === words.length) : found.length > 0) return c;
  }
  return null;
}

/** "je sais pas, qui tu me conseilles ?": the first clause says "I don't know". */
function firstClauseUnsure(content: Content, text: string): boolean {
  const first = text.split(/[,.;!?]/)[0] ?? "";
  const words = withoutFillers(content, normalize(first).split(" ").filter((w) => w !== ""));
  return words.length > 0 && words.length < normalize(text).split(" ").length && content.phrases.unsure.isWhole(words);
}

/** Small talk: the message holds only thanks, greetings, "ok", goodbyes or laughs (the first kind found wins). */
function smallTalk(content: Content, words: string[]): SmallTalk | null {
  const covered = new Set<number>();
  const kinds: SmallTalk[] = [];
  for (const kind of SMALL_TALK) {
    const found = content.phrases.smallTalk[kind].find(words);
    if (found.length > 0) kinds.push(kind);
    for (const h of found) for (let k = h.start; k < h.end; k++) covered.add(k);
  }
  for (const h of content.phrases.fillers.find(words)) for (let k = h.start; k < h.end; k++) covered.add(k);
  const rest = words.filter((w, k) => !covered.has(k) && !content.stopwords.has(w));
  return kinds.length > 0 && rest.length === 0 ? kinds[0]! : null;
}

/** The questions the message names by their cue words ("pour le budget", "the hours", "mon objectif"). */
function cuedSteps(content: Content, words: string[]): string[] {
  return content.steps.filter((s) => content.phrases.cues.get(s.id)?.within(words)).map((s) => s.id);
}

function readValue(content: Content, step: Step, text: string, ctx: ReadContext, doubtWords: ReadonlySet<string>): { value: ValueReading | null; negated: boolean; hypothetical: boolean } {
  if (step.kind === "quantity") {
    const { reading, flags } = step.parse === "rate" ? readRate(content, text) : readQuantity(content, step.parse, text);
    const value: ValueReading | null = reading
      ? { step: step.id, answer: withCurrency(reading.answer, ctx.answers[step.id]), sure: reading.sure, doubts: reading.doubts, words: new Set(), alone: false, alternatives: [], share: 0 }
      : null;
    if (!value && step.id === "time") {
      const period = readPeriodOnly(content, text, ctx.answers["time"]);
      if (period) return { value: { step: step.id, answer: period, sure: false, doubts: ["a period alone"], words: new Set(), alone: false, alternatives: [], share: 0 }, ...flags };
    }
    return { value, ...flags };
  }
  // "si j'avais les moyens ce serait une agence": a choice contrary to fact is not an answer
  if (content.phrases.counterfactuals.within(normalize(text).split(" "))) return { value: null, negated: false, hypothetical: true };
  const c = readChoice(content, step, text, doubtWords);
  return { value: c ? { step: step.id, answer: c.answer, sure: c.sure, doubts: c.doubts, words: c.words, alone: c.alone, alternatives: c.alternatives, share: 0 } : null, negated: false, hypothetical: false };
}

/**
 * A value for a question other than the one asked: one the message names ("oh wait the hours, I
 * meant 7 a week"), a figure whose unit says which ("10 heures par semaine" at the budget question),
 * or, after the plan, a choice said with a correction ("we did hire a freelancer in the end").
 */
function readOther(content: Content, text: string, ctx: ReadContext, cued: string[], r: Reading): ValueReading | null {
  const candidates = content.steps.filter((s) => s.id !== ctx.step);
  const found: ValueReading[] = [];
  for (const s of candidates) {
    const named = cued.includes(s.id);
    if (s.kind === "quantity" && s.parse !== "rate") {
      const { reading } = readQuantity(content, s.parse, text);
      const v = reading ?? null;
      const saysUnit = unitSays(content, text, s.parse);
      if (v && (named || saysUnit)) {
        // a change to an answer already given is sure only when the message also says it corrects
        const sure = v.sure && named && (r.correction || ctx.answers[s.id] === undefined);
        found.push({ step: s.id, answer: withCurrency(v.answer, ctx.answers[s.id]), sure, doubts: named ? v.doubts : [...v.doubts, "the question is not named"], words: new Set(), alone: false, alternatives: [], share: 0 });
      } else if (!v && s.id === "time" && (named || r.correction)) {
        const period = readPeriodOnly(content, text, ctx.answers["time"]);
        if (period) found.push({ step: s.id, answer: period, sure: named && r.correction, doubts: ["a period alone"], words: new Set(), alone: false, alternatives: [], share: 0 });
      }
    } else if (named || (ctx.step === null && r.correction)) {
      const c = readChoice(content, s as ChoiceStep, text, new Set(), false);
      if (c && c.answer.type === "choice" && !c.alone) {
        found.push({ step: s.id, answer: c.answer, sure: c.sure && named && r.correction, doubts: [...c.doubts, ...(named ? [] : ["the question is not named"])], words: c.words, alone: false, alternatives: c.alternatives, share: 0 });
      }
    }
  }
  // a value equal to what is saved changes nothing
  const fresh = found.filter((v) => !sameAnswer(ctx.answers[v.step], v.answer));
  const named = fresh.filter((v) => cued.includes(v.step));
  if (named.length === 1) return named[0]!;
  if (fresh.length === 1) return fresh[0]!;
  // several questions could be meant: the choice whose words make up most of the message, if one does
  for (const v of fresh) if (v.words.size > 0) v.share = content.objectionIndex.share(text, v.words);
  const ranked = [...fresh].sort((a, b) => b.share - a.share);
  return ranked.length > 1 && ranked[0]!.share > ranked[1]!.share ? { ...ranked[0]!, sure: false } : null;
}

/** A new amount said without a currency keeps the currency of the one it replaces ("I meant 75 a week" after "$75"). */
function withCurrency(answer: Answer, saved: Answer | undefined): Answer {
  return answer.type === "money" && answer.currency === null && saved?.type === "money" ? { ...answer, currency: saved.currency } : answer;
}

/** True when the figure's unit says which question it answers: hours for the time, a currency for the budget. */
function unitSays(content: Content, text: string, kind: "hours" | "budget"): boolean {
  const tokens = prepareTokens(text, content.quantityWords).tokens;
  return kind === "budget" ? hasCurrency(tokens, content.quantityWords) : hasTimeUnit(tokens, content.quantityWords);
}
