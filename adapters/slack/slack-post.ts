/**
 * Posting to Slack: a turn's replies as Block Kit messages (the plan also as a Markdown file and a
 * one-page PDF), in a
 * channel or a thread, with nothing that can ping anyone, and the few sentences of the adapter's own.
 */
import type { webApi } from "@slack/bolt";
import type { Content } from "../../src/content/compile.ts";
import type { Lang } from "../../src/content/schema.ts";
import type { Reply } from "../../src/vocabulary/replies.ts";
import { renderReplies, type ButtonScope, type Outgoing, type SlackMessage } from "./block-kit.ts";
import type { SlackDialog } from "./slack-dialog-schema.ts";
import { escapeSlack } from "./slack-text.ts";
import { pdfName, planPdf } from "../shared/plan-pdf.ts";

/** Where replies go: a channel (a DM is a channel too), and a thread in it when there is one. */
export interface Place {
  channel: string;
  threadTs?: string | undefined;
}

/** Posts messages for one workspace's client. */
export class SlackPoster {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly dialog: SlackDialog,
    private readonly content: Content,
  ) {}

  /** Posts a turn's replies in order; a plan also goes up as a Markdown file and a PDF. `after`: a grey line under the first message. */
  async deliver(replies: readonly Reply[], place: Place, scope: ButtonScope, lang: Lang, after?: SlackMessage["blocks"][number]): Promise<void> {
    const out = renderReplies(replies, scope);
    const first = out[0];
    if (after && first?.kind === "message") first.message.blocks.push(after);
    for (const o of out) await this.send(o, place, lang);
  }

  /** A short text of the adapter's own (already escaped). */
  async say(text: string, place: Place): Promise<void> {
    await this.post(place, { text, blocks: [] });
  }

  /** The person's direct-message channel with the coach. */
  async openDm(user: string): Promise<string> {
    const res = await this.client.conversations.open({ users: user });
    const id = res.channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    return id;
  }

  async update(channel: string, ts: string, text: string, blocks: SlackMessage["blocks"]): Promise<void> {
    await this.client.chat.update({ channel, ts, text, blocks });
  }

  private async send(out: Outgoing, place: Place, lang: Lang): Promise<void> {
    if (out.kind === "message") return this.post(place, out.message);
    for (const message of out.messages) await this.post(place, message);
    const file = this.dialog.planFile;
    const title = out.title || file.name[lang];
    const markdown = { filename: file.name[lang], title, content: out.markdown };
    const files = out.reply ? [markdown, { filename: pdfName(file.name[lang]), title, file: await planPdf(this.content, out.reply) }] : [markdown];
    const upload = { file_uploads: files, initial_comment: escapeSlack(file.comment[lang]) };
    await this.client.filesUploadV2(
      place.threadTs !== undefined ? { ...upload, channel_id: place.channel, thread_ts: place.threadTs } : { ...upload, channel_id: place.channel },
    );
  }

  private async post(place: Place, message: SlackMessage): Promise<void> {
    await this.client.chat.postMessage({
      channel: place.channel,
      ...(place.threadTs !== undefined ? { thread_ts: place.threadTs } : {}),
      text: message.text,
      ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}),
      parse: "none",
      link_names: false,
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}
