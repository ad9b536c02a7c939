/**
 * Engine replies as Discord messages: text within Discord's 2000 characters, choices as buttons
 * (up to five) or select menus, typed answers as a button that opens a modal, and the plan split
 * into messages with its Markdown file attached. Pure: no client, no I/O.
 */
import { tablesAsLines } from "../shared/markdown-tables.ts";
import {
  ButtonStyle, ComponentType, TextInputStyle,
  type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData, type APISelectMenuOption,
} from "discord.js";
import type { Content } from "../../src/content/compile.ts";
import type { Lang } from "../../src/content/schema.ts";
import type { TypedFieldText } from "../../src/content/typed-field.ts";
import type { Choice, Reply } from "../../src/vocabulary/replies.ts";
import { encodeAction } from "../shared/action-codec.ts";
import { fill } from "../../src/text/template.ts";
import { splitText } from "../shared/split-text.ts";
import { truncate } from "../shared/truncate-text.ts";
import { encodeComponentId } from "./component-id.ts";
import type { DiscordDialogs } from "./discord-dialogs.ts";
import { planFiles, type PlanFile } from "./plan-files.ts";

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
  /** attachments: the plan's Markdown file and its PDF */
  files: PlanFile[];
}

/** What rendering needs besides the replies: whose conversation, which language, where. */
export interface RenderContext {
  /** the user the conversation belongs to; only they may press its buttons */
  owner: string;
  /** the conversation's language, for the adapter's own words */
  lang: Lang;
  content: Content;
  dialogs: DiscordDialogs;
  /** in a server, a finished plan gets a button that posts it in the channel */
  shareable: boolean;
}

/**
 * Groups one turn's replies into messages. Consecutive texts share a message; a reply with buttons
 * ends one (its buttons go under it); a plan gets messages of its own, the last with the file.
 *
 * @example renderReplies(outcome.replies, { owner, lang: outcome.lang, content, dialogs, shareable: outcome.done && inGuild })
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
      const pieces = splitText(tablesAsLines(reply.text), LIMITS.content);
      pieces.forEach((piece, i) =>
        messages.push({
          content: piece,
          components: [],
          files: i === pieces.length - 1 ? planFiles(ctx.dialogs.planFile[reply.plan.lang], reply) : [],
        }),
      );
      continue;
    }
    pending.push(reply.text);
    const rows = replyRows(reply, ctx);
    if (rows.length > 0) flush(rows);
  }
  flush();
  // a finished plan shown in a server can be posted in the channel, for everyone
  const last = messages.at(-1);
  if (last && hasPlan && ctx.shareable) {
    addRow(last, [button(encodeComponentId({ kind: "share", owner: ctx.owner }), ctx.dialogs.text.shareButton[ctx.lang], ButtonStyle.Success)]);
  }
  return messages;
}

/** The rows of buttons and menus under one reply: its choices, then (for a question) its typed-answer button and controls. */
function replyRows(reply: Exclude<Reply, { kind: "plan" }>, ctx: RenderContext): ActionRow[] {
  const controls: APIButtonComponentWithCustomId[] = [];
  if (reply.kind === "question") {
    if (reply.typed) {
      const label = reply.choices.length > 0 ? ctx.dialogs.text.ownWordsButton : ctx.dialogs.text.answerButton;
      controls.push(button(encodeComponentId({ kind: "typed", owner: ctx.owner, lang: ctx.lang, step: reply.step }), label[ctx.lang], ButtonStyle.Primary));
    }
    // a control already among the choices is not shown twice (a custom_id must be unique in a message)
    const offered = new Set(reply.choices.map((c) => encodeAction(c.action)));
    controls.push(...reply.controls.filter((c) => !offered.has(encodeAction(c.action))).map((c) => choiceButton(ctx, c)));
  }
  const rows: ActionRow[] = [];
  const room = LIMITS.rows - (controls.length > 0 ? 1 : 0);
  if (reply.choices.length > 0 && reply.choices.length <= LIMITS.buttonsPerRow) {
    rows.push(row(reply.choices.map((c) => choiceButton(ctx, c))));
  } else if (reply.choices.length > 0) {
    for (let i = 0; i * LIMITS.selectOptions < reply.choices.length && rows.length < room; i++) {
      const options = reply.choices.slice(i * LIMITS.selectOptions, (i + 1) * LIMITS.selectOptions).map(
        (c): APISelectMenuOption => ({ label: truncate(c.label, LIMITS.selectOptionLabel), value: encodeAction(c.action) }),
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
  field: TypedFieldText;
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

function choiceButton(ctx: RenderContext, c: Choice): APIButtonComponentWithCustomId {
  const a = c.action;
  // saying yes to forget me or to a restart is destructive; a question's own choices are the main ones
  const style = a.kind === "confirm" && a.yes && (a.about === "forget" || a.about === "restart") ? ButtonStyle.Danger : a.kind === "pick" ? ButtonStyle.Primary : ButtonStyle.Secondary;
  return button(encodeComponentId({ kind: "choice", owner: ctx.owner, action: a }), c.label, style);
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
