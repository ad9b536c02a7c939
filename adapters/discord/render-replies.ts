/**
 * Engine replies as Discord messages: text within Discord's 2000 characters, choices as buttons
 * (up to five) or select menus, typed answers as a button that opens a modal, and the plan split
 * into messages with its Markdown file attached. Pure: no client, no I/O.
 */
import {
  ButtonStyle, ComponentType, TextInputStyle,
  type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData, type APISelectMenuOption,
} from "discord.js";
import type { Content } from "../../src/content/compile.ts";
import type { Lang } from "../../src/content/schema.ts";
import type { ChoiceOption, Reply } from "../../src/engine/replies.ts";
import { fill } from "../../src/text/template.ts";
import { splitText } from "../shared/split-text.ts";
import { truncate } from "../shared/truncate-text.ts";
import { encodeComponentId } from "./component-id.ts";
import type { DiscordDialogs } from "./discord-dialogs.ts";

/** Discord's limits, as its API documents them. */
export const LIMITS = {
  content: 2000,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionLabel: 100,
  modalTitle: 45,
  inputLabel: 45,
  inputPlaceholder: 100,
  inputValue: 4000,
} as const;

/** A row of buttons, or one select menu, under a message. */
export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** One message to send: what Discord receives, before the ephemeral flag is added. */
export interface DiscordMessage {
  content: string;
  components: ActionRow[];
  /** attachments: the plan's Markdown file */
  files: { name: string; text: string }[];
}

/** What rendering needs besides the replies: whose conversation, which language, where. */
export interface RenderContext {
  /** the user the conversation belongs to; only they may press its buttons */
  owner: string;
  /** the conversation's language, for the adapter's own words */
  lang: Lang;
  content: Content;
  dialogs: DiscordDialogs;
  /** the interview is over: the plan is final */
  done: boolean;
  /** in a server, a finished plan gets a button that posts it in the channel */
  shareable: boolean;
}

/**
 * Groups one turn's replies into messages. Consecutive texts share a message; a reply with buttons
 * ends one (its buttons go under it); a plan gets messages of its own, the last with the file.
 *
 * @example renderReplies(outcome.replies, { owner, lang: outcome.lang, content, dialogs, done: outcome.done, shareable: true })
 */
export function renderReplies(replies: readonly Reply[], ctx: RenderContext): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let pending: string[] = [];
  const flush = (components: ActionRow[] = []) => {
    const text = pending.join("\n\n").trim();
    pending = [];
    if (text === "" && components.length === 0) return;
    const pieces = splitText(text, LIMITS.content);
    pieces.forEach((piece, i) => messages.push({ content: piece, components: i === pieces.length - 1 ? components : [], files: [] }));
  };
  let hasPlan = false;
  for (const reply of replies) {
    if (reply.kind === "plan") {
      flush();
      hasPlan = true;
      const pieces = splitText(reply.text, LIMITS.content);
      pieces.forEach((piece, i) =>
        messages.push({
          content: piece,
          components: [],
          files: i === pieces.length - 1 ? [{ name: ctx.dialogs.planFile[reply.plan.lang], text: reply.text }] : [],
        }),
      );
      continue;
    }
    pending.push(reply.text);
    const rows = replyRows(reply, ctx);
    if (rows.length > 0) flush(rows);
  }
  flush();
  const last = messages.at(-1);
  if (last && ctx.done) addRow(last, afterPlanControls(ctx, hasPlan));
  return messages;
}

/**
 * Once the plan is written, Discord users cannot type "plan", "back" or "restart": the last message
 * of a turn offers them as buttons, with the share button when the plan was just shown in a server.
 */
function afterPlanControls(ctx: RenderContext, hasPlan: boolean): APIButtonComponentWithCustomId[] {
  const labels = ctx.content.messages.commandLabels;
  const controls: APIButtonComponentWithCustomId[] = [];
  if (hasPlan && ctx.shareable) {
    controls.push(button(encodeComponentId({ kind: "share", owner: ctx.owner }), ctx.dialogs.text.shareButton[ctx.lang], ButtonStyle.Success));
  }
  if (!hasPlan) controls.push(choiceButton(ctx, { id: "cmd:plan", label: labels.plan[ctx.lang] }));
  controls.push(choiceButton(ctx, { id: "cmd:back", label: labels.back[ctx.lang] }));
  controls.push(choiceButton(ctx, { id: "cmd:restart", label: labels.restart[ctx.lang] }));
  return controls;
}

/** The rows of buttons and menus under one reply. */
function replyRows(reply: Exclude<Reply, { kind: "plan" }>, ctx: RenderContext): ActionRow[] {
  const controls: APIButtonComponentWithCustomId[] = [];
  if (reply.kind === "question") {
    if (reply.typed) {
      const label = reply.choices.length > 0 ? ctx.dialogs.text.ownWordsButton : ctx.dialogs.text.answerButton;
      controls.push(button(encodeComponentId({ kind: "typed", owner: ctx.owner, lang: ctx.lang, step: reply.step }), label[ctx.lang], ButtonStyle.Primary));
    }
    if (ctx.content.steps[0]?.id !== reply.step && !reply.choices.some((c) => c.id === "cmd:back")) {
      controls.push(choiceButton(ctx, { id: "cmd:back", label: ctx.content.messages.commandLabels.back[ctx.lang] }));
    }
  }
  const rows: ActionRow[] = [];
  const room = LIMITS.rows - (controls.length > 0 ? 1 : 0);
  if (reply.choices.length > 0 && reply.choices.length <= LIMITS.buttonsPerRow) {
    rows.push(row(reply.choices.map((c) => choiceButton(ctx, c))));
  } else if (reply.choices.length > 0) {
    for (let i = 0; i * LIMITS.selectOptions < reply.choices.length && rows.length < room; i++) {
      const options = reply.choices.slice(i * LIMITS.selectOptions, (i + 1) * LIMITS.selectOptions).map(
        (c): APISelectMenuOption => ({ label: truncate(c.label, LIMITS.selectOptionLabel), value: c.id }),
      );
      rows.push({
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: encodeComponentId({ kind: "select", owner: ctx.owner, index: i }),
            placeholder: ctx.dialogs.text.selectPlaceholder[ctx.lang],
            options,
          },
        ],
      });
    }
  }
  if (controls.length > 0) rows.push(row(controls));
  return rows;
}

/**
 * The modal of a question's typed answer: one text input, labelled as the engine says.
 * @example typedAnswerModal({ owner, step: "time", lang: "en", field: { label: "Hours a month", placeholder: "e.g. 10" }, dialogs })
 */
export function typedAnswerModal(o: {
  owner: string;
  step: string;
  lang: Lang;
  field: { label: string; placeholder: string };
  dialogs: DiscordDialogs;
  maxLength: number;
}): APIModalInteractionResponseCallbackData {
  return {
    custom_id: encodeComponentId({ kind: "modal", owner: o.owner, step: o.step }),
    title: truncate(o.dialogs.text.modalTitle[o.lang], LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.Label,
        label: truncate(o.field.label, LIMITS.inputLabel),
        component: {
          type: ComponentType.TextInput,
          custom_id: ANSWER_INPUT,
          style: TextInputStyle.Paragraph,
          required: true,
          max_length: Math.min(o.maxLength, LIMITS.inputValue),
          ...(o.field.placeholder ? { placeholder: truncate(o.field.placeholder, LIMITS.inputPlaceholder) } : {}),
        },
      },
    ],
  };
}

/** The custom_id of the modal's text input. */
export const ANSWER_INPUT = "answer";

/** A message of the adapter's own, in `lang`, with `{vars}` filled. */
export function notice(text: { fr: string; en: string }, lang: Lang, vars: Record<string, string> = {}): string {
  return fill(text[lang], vars, lang);
}

function choiceButton(ctx: RenderContext, c: ChoiceOption): APIButtonComponentWithCustomId {
  const style = c.id === "confirm:yes" ? ButtonStyle.Danger : /^(confirm|cmd|ask):/.test(c.id) ? ButtonStyle.Secondary : ButtonStyle.Primary;
  return button(encodeComponentId({ kind: "choice", owner: ctx.owner, choice: c.id }), c.label, style);
}

function button(customId: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label: truncate(label, LIMITS.buttonLabel), style };
}

function row(components: APIButtonComponentWithCustomId[]): ActionRow {
  return { type: ComponentType.ActionRow, components };
}

/** Adds a row of buttons, leaving out any the message already has (a custom_id must be unique in it). */
function addRow(message: DiscordMessage, buttons: APIButtonComponentWithCustomId[]): void {
  const present = new Set(message.components.flatMap((r) => r.components.flatMap((c) => ("custom_id" in c ? [c.custom_id] : []))));
  const fresh = buttons.filter((b) => !present.has(b.custom_id));
  if (fresh.length > 0 && message.components.length < LIMITS.rows) message.components.push(row(fresh));
}
