/**
 * The plan's files on Discord: its Markdown and its one-page PDF, attached to the last message of
 * the plan (and of a plan shared in the channel).
 */
import { AttachmentBuilder } from "discord.js";
import type { Content } from "../../src/content/compile.ts";
import { pdfName, planPdf, type PlanReply } from "../shared/plan-pdf.ts";

/** A file to attach: text as it is, or the PDF of a plan reply (drawn when sent). */
export type PlanFile = { name: string; text: string } | { name: string; pdfOf: PlanReply };

/** The Markdown file named `markdownName`, then the PDF named after it. */
export function planFiles(markdownName: string, reply: PlanReply): PlanFile[] {
  return [
    { name: markdownName, text: reply.text },
    { name: pdfName(markdownName), pdfOf: reply },
  ];
}

/** The files as discord.js attachments (the PDFs drawn now). */
export function attachments(content: Content, files: readonly PlanFile[]): Promise<AttachmentBuilder[]> {
  return Promise.all(
    files.map(async (f) => new AttachmentBuilder("text" in f ? Buffer.from(f.text, "utf8") : await planPdf(content, f.pdfOf), { name: f.name })),
  );
}
