/**
 * The coach's interview written the Bot Framework way, for the side-by-side benchmark
 * only: a WaterfallDialog with a ChoicePrompt and a NumberPrompt, state in ConversationState on
 * MemoryStorage, driven through botbuilder's TestAdapter.
 *
 * It asks the same questions with the same words (taken from dialogs/), says the same
 * acknowledgements, and ends with the same plan (built by our plan builder), so that what differs
 * between the two engines is the dialog machinery: prompts, recognizers and state handling.
 *
 * Two ways of reading answers: `"microsoft"` (ChoicePrompt and NumberPrompt, with Microsoft's
 * recognizers, as a Bot Framework developer would write it) and `"coach"` (a TextPrompt for every
 * question, whose validator reads the answer with the coach's own parsers: its hours and budget
 * parsers, its choice matching), so that the comparison with the coach is like for like.
 */
import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from "botbuilder-core";
import {
  ChoicePrompt, DialogSet, DialogTurnStatus, ListStyle, NumberPrompt, TextPrompt, WaterfallDialog,
  type Choice, type DialogState, type FoundChoice, type PromptValidatorContext, type WaterfallStepContext,
} from "botbuilder-dialogs";
import type { Content } from "../src/content/compile.ts";
import type { ChoiceStep, Lang, Step } from "../src/content/schema.ts";
import { readQuantity } from "../src/understand/read-quantity.ts";
import { normalize } from "../src/text/normalize.ts";
import type { Answer } from "../src/engine/state.ts";
import { buildPlan, describeAnswer } from "../src/plan/build-plan.ts";
import { renderPlanMarkdown } from "../src/plan/render-markdown.ts";
import { fill } from "../src/text/template.ts";

/** One conversation's turns, as the benchmark drives them. */
export interface BotbuilderInterview {
  /**
   * Sends one user message in conversation `conversationId` and returns how many activities the
   * bot sent back. The first message of a conversation opens the interview (welcome and question 1).
   */
  turn(conversationId: string, text: string): Promise<number>;
  /** The storage, for the memory figure (how much one conversation keeps). */
  readonly storage: MemoryStorage;
}

const CULTURE: Record<Lang, string> = { fr: "fr-fr", en: "en-us" };
const ANSWERS = "answers";
/** Where the "coach" validator leaves the answer it read, for the next waterfall step of the same turn. */
const READ_ANSWER = Symbol("read answer");

/** How the bot reads answers: Microsoft's recognizers, or the coach's own parsers in a TextPrompt. */
export type Recognizers = "microsoft" | "coach";

/**
 * A choice read with the coach's own rules: its number, its label or one of its words alone, else
 * the choice's keyword index (the matcher the coach's engine uses); null when unclear.
 */
function coachChoice(content: Content, s: ChoiceStep, raw: string): string | null {
  const norm = normalize(raw);
  if (/^\d+$/.test(norm)) return s.choices[Number(norm) - 1]?.id ?? null;
  const exact = s.choices.filter((ch) => [ch.label.fr, ch.label.en, ...ch.match.fr, ...ch.match.en].some((w) => normalize(w) === norm));
  if (exact.length === 1) return exact[0]!.id;
  const [first, second] = content.choiceIndex.get(s.id)?.match(raw) ?? [];
  return first && !(second && second.score >= first.score) ? first.key : null;
}

/**
 * Builds the bot. Each step of dialogs/interview.yaml becomes a prompt, asked in order (a step's
 * `askWhen` is not followed: the benchmark's answers ask every step, bench/interview-script.ts): a
 * choice step a ChoicePrompt (its labels as choices, its `match` words as synonyms), a quantity step
 * a NumberPrompt (which reads "10 h" as 10 and "200 $" as 200; the currency is not kept).
 *
 * @example
 * const bot = createBotbuilderInterview(loadContent(), "fr");
 * for (const text of INTERVIEW_TEXTS) await bot.turn("c1", text);
 */
export function createBotbuilderInterview(content: Content, lang: Lang, recognizers: Recognizers = "microsoft"): BotbuilderInterview {
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const dialogs = new DialogSet(conversationState.createProperty<DialogState>("dialogState"));
  const culture = CULTURE[lang];
  const choicePrompt = new ChoicePrompt("choice", undefined, culture);
  choicePrompt.style = ListStyle.suggestedAction;
  dialogs.add(choicePrompt);
  dialogs.add(new NumberPrompt("number", async (p: PromptValidatorContext<number>) => p.recognized.succeeded && (p.recognized.value ?? -1) >= 0, culture));
  const text = content.messages.text;
  const steps = content.steps;
  // the "coach" way: one TextPrompt per question, its validator reading with the coach's parsers
  for (const s of steps) {
    dialogs.add(
      new TextPrompt(`text:${s.id}`, async (p: PromptValidatorContext<string>) => {
        if (!p.recognized.succeeded || p.recognized.value === undefined) return false;
        const raw = p.recognized.value;
        const answer: Answer | null = s.kind === "choice" ? ((id) => (id ? { type: "choice" as const, id } : null))(coachChoice(content, s, raw)) : (s.parse === "rate" ? null : (readQuantity(content, s.parse, raw).reading?.answer ?? null));
        if (answer) p.context.turnState.set(READ_ANSWER, answer);
        return answer !== null;
      }),
    );
  }

  /** The answer the previous prompt returned, in the engine's Answer shape. */
  const answerOf = (w: WaterfallStepContext, s: Step, result: unknown): Answer =>
    recognizers === "coach"
      ? (w.context.turnState.get(READ_ANSWER) as Answer)
      : s.kind === "choice"
        ? { type: "choice", id: s.choices[(result as FoundChoice).index]!.id }
        : s.parse === "hours"
          ? { type: "hours", hoursPerMonth: result as number }
          : { type: "money", amountPerMonth: result as number, currency: null };

  const ask = (w: WaterfallStepContext, s: Step) =>
    recognizers === "coach"
      ? w.prompt(`text:${s.id}`, {
          prompt: `${fill(text.progress[lang], { number: steps.indexOf(s) + 1, total: steps.length }, lang)} ${s.prompt[lang]}`,
          retryPrompt: s.reprompt[lang],
        })
      : s.kind === "choice"
      ? w.prompt("choice", {
          prompt: `${fill(text.progress[lang], { number: steps.indexOf(s) + 1, total: steps.length }, lang)} ${s.prompt[lang]}`,
          retryPrompt: s.reprompt[lang],
          choices: s.choices.map((c): Choice => ({ value: c.label[lang], synonyms: c.match[lang] })),
        })
      : w.prompt("number", {
          prompt: `${fill(text.progress[lang], { number: steps.indexOf(s) + 1, total: steps.length }, lang)} ${s.prompt[lang]}`,
          retryPrompt: s.reprompt[lang],
        });

  /** Keeps the previous step's answer (in the dialog's own state) and acknowledges it. */
  const record = async (w: WaterfallStepContext, index: number): Promise<Record<string, Answer>> => {
    const previous = steps[index - 1]!;
    // the waterfall's own per-dialog values, persisted with the dialog state
    const values = w.values as Record<string, unknown>;
    const answers = (values[ANSWERS] ?? {}) as Record<string, Answer>;
    const answer = answerOf(w, previous, w.result);
    answers[previous.id] = answer;
    values[ANSWERS] = answers;
    await w.context.sendActivity(fill(previous.ack[lang], { answer: describeAnswer(content, previous.id, answer, lang) }, lang));
    return answers;
  };

  const waterfall = steps.map((s, i) => async (w: WaterfallStepContext) => {
    if (i > 0) await record(w, i);
    return ask(w, s);
  });
  waterfall.push(async (w: WaterfallStepContext) => {
    const answers = await record(w, steps.length);
    const plan = buildPlan(content, answers, lang);
    await w.context.sendActivity(text.planReady[lang]);
    await w.context.sendActivity(renderPlanMarkdown(content, plan, answers));
    await w.context.sendActivity(text.afterPlan[lang]);
    return w.endDialog(plan);
  });
  dialogs.add(new WaterfallDialog("interview", waterfall));

  const adapter = new TestAdapter(async (context: TurnContext) => {
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) {
      await context.sendActivity(`${text.welcome[lang]}\n${text.otherLanguage[lang]}`);
      await dc.beginDialog("interview");
    }
    await conversationState.saveChanges(context);
  });

  return {
    storage,
    async turn(conversationId, userText) {
      await adapter.processActivity({
        type: "message",
        text: userText,
        locale: culture,
        conversation: { id: conversationId, name: conversationId, isGroup: false, conversationType: "personal" },
        from: { id: `user-${conversationId}`, name: "owner" },
      });
      return adapter.activeQueue.splice(0).length;
    },
  };
}
