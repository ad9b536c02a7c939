/**
 * Engine replies as Slack messages: text as mrkdwn sections, choices as buttons in actions blocks,
 * the plan as its own message(s). Every limit Slack sets on a message is kept here:
 * section text ≤ 3000 characters, ≤ 50 blocks per message, ≤ 25 buttons per actions block,
 * button labels ≤ 75 characters, block and action ids ≤ 255, button values ≤ 2000.
 */
import type { PlanReply } from "../shared/plan-pdf.ts";
import type { types } from "@slack/bolt";
import type { Action } from "../../src/vocabulary/actions.ts";
import type { Choice, Reply } from "../../src/vocabulary/replies.ts";
import { decodeAction, encodeAction } from "../shared/action-codec.ts";
import { splitText } from "../shared/split-text.ts";
import { markdownToMrkdwn } from "./markdown-to-mrkdwn.ts";
import { tablesAsLines } from "../shared/markdown-tables.ts";
import { truncate } from "../shared/truncate-text.ts";
import { escapeSlack } from "./slack-text.ts";

/** Slack's limits, from the Block Kit reference. */
export const LIMITS = {
  sectionText: 3000,
  blocksPerMessage: 50,
  elementsPerActions: 25,
  buttonLabel: 75,
  id: 255,
  buttonValue: 2000,
  /** the notification text of a message with blocks; Slack truncates at 40,000, we keep it short */
  fallbackText: 3000,
} as const;

/** One chat.postMessage: the blocks and the notification text. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** What one turn posts: messages, and the plan as messages plus a Markdown file. */
export type Outgoing =
  | { kind: "message"; message: SlackMessage }
  | { kind: "plan"; messages: SlackMessage[]; markdown: string; title: string; reply?: PlanReply };

/**
 * Whose buttons these are. Buttons of an interview ("turn") belong to one person: the block id
 * carries their user id, so a click by anyone else is refused. Topic buttons under an answer in a
 * channel ("topic") may be pressed by anyone.
 */
export type ButtonScope = { kind: "turn"; owner: string } | { kind: "topic" };

/** What a pressed button stands for, read back from its block id and value. */
export type PressedButton = { kind: "turn"; owner: string; action: Action } | { kind: "topic"; action: Action };

type KnownBlock = types.KnownBlock;
type ActionsBlock = types.ActionsBlock;
type SectionBlock = types.SectionBlock;
type ContextBlock = types.ContextBlock;
type Button = types.Button;

const TURN = "turn";
const TOPIC = "topic";

/** Block ids of turn buttons start with this; Bolt listeners match on it. */
export const TURN_BLOCK = /^turn:/;
/** Block ids of topic buttons start with this. */
export const TOPIC_BLOCK = /^topic:/;

/** A mrkdwn text object that Slack shows as written: no auto-linked names, no parsed mentions. */
function mrkdwn(text: string): { type: "mrkdwn"; text: string; verbatim: true } {
  return { type: "mrkdwn", text, verbatim: true };
}

/** Sections for an already formatted mrkdwn text, split at paragraph, line or word boundaries. */
export function sections(formatted: string): SectionBlock[] {
  return splitText(formatted, LIMITS.sectionText).map((piece) => ({ type: "section", text: mrkdwn(piece) }));
}

/** A small grey line under a message. */
export function contextLine(formatted: string): ContextBlock {
  return { type: "context", elements: [mrkdwn(truncate(formatted, LIMITS.sectionText))] };
}

/** Buttons for choices, 25 to an actions block; `seq` keeps block ids unique within a message. */
export function buttons(choices: readonly Choice[], scope: ButtonScope, seq: { next: number }): ActionsBlock[] {
  const blocks: ActionsBlock[] = [];
  for (let start = 0; start < choices.length; start += LIMITS.elementsPerActions) {
    const chunk = choices.slice(start, start + LIMITS.elementsPerActions);
    const n = seq.next++;
    const blockId = scope.kind === "turn" ? `${TURN}:${scope.owner}:${n}` : `${TOPIC}:${n}`;
    blocks.push({
      type: "actions",
      block_id: blockId.slice(0, LIMITS.id),
      elements: chunk.map(
        (c, i): Button => ({
          type: "button",
          action_id: `choice-${start + i}`,
          text: { type: "plain_text", text: truncate(c.label, LIMITS.buttonLabel), emoji: true },
          value: encodeAction(c.action).slice(0, LIMITS.buttonValue),
        }),
      ),
    });
  }
  return blocks;
}

/** Reads a pressed button back: its scope from the block id, the choice id from its value. */
export function readPressedButton(blockId: string, value: string | undefined): PressedButton | null {
  const action = value ? decodeAction(value) : null;
  if (!action) return null;
  const [kind, owner] = blockId.split(":");
  if (kind === TOPIC) return { kind: "topic", action };
  if (kind === TURN && owner) return { kind: "turn", owner, action };
  return null;
}

/** The notification text: the plain texts, escaped, cut to a sensible length. */
function fallback(plain: readonly string[]): string {
  return escapeSlack(truncate(plain.join("\n\n").trim(), LIMITS.fallbackText));
}

/**
 * A turn's replies as what to post, in order. Consecutive replies share one message (one
 * notification per turn, within Slack's rate limits); the plan gets its own messages and a file.
 */
export function renderReplies(replies: readonly Reply[], scope: ButtonScope): Outgoing[] {
  const out: Outgoing[] = [];
  let blocks: KnownBlock[] = [];
  let plain: string[] = [];
  let seq = { next: 0 };
  const flush = () => {
    if (blocks.length > 0) out.push({ kind: "message", message: { text: fallback(plain), blocks } });
    blocks = [];
    plain = [];
    seq = { next: 0 };
  };
  const add = (more: KnownBlock[], text: string) => {
    if (blocks.length + more.length > LIMITS.blocksPerMessage) flush();
    blocks.push(...more);
    plain.push(text);
  };
  for (const reply of replies) {
    if (reply.kind === "plan") {
      flush();
      out.push({ ...renderPlan(reply.text), reply });
      continue;
    }
    const text = reply.text.trim();
    const body: KnownBlock[] = text === "" ? [] : sections(escapeSlack(text));
    const choices = reply.kind === "question" ? [...reply.choices, ...reply.controls] : reply.choices;
    add([...body, ...buttons(choices, scope, seq)], text);
  }
  flush();
  return out;
}

/** The plan's Markdown as one or more messages (≤ 50 sections each) and the file to upload. */
export function renderPlan(markdown: string): Extract<Outgoing, { kind: "plan" }> {
  const all = sections(markdownToMrkdwn(tablesAsLines(markdown)));
  const messages: SlackMessage[] = [];
  for (let i = 0; i < all.length; i += LIMITS.blocksPerMessage) {
    const chunk = all.slice(i, i + LIMITS.blocksPerMessage);
    const first = chunk[0]?.text?.text ?? "";
    messages.push({ text: truncate(first, LIMITS.fallbackText), blocks: chunk });
  }
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? "";
  return { kind: "plan", messages, markdown, title };
}

/**
 * The blocks of a message whose button was pressed: every actions block is replaced by one line
 * saying what was chosen, so old buttons cannot be pressed twice.
 */
export function withChoiceMade(blocks: readonly KnownBlock[], chosenLine: string): KnownBlock[] {
  const kept = blocks.filter((b) => b.type !== "actions");
  return [...kept, contextLine(escapeSlack(chosenLine))].slice(-LIMITS.blocksPerMessage);
}
