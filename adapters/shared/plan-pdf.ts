/**
 * The plan's one-page PDF, attached beside its Markdown file on Slack and Discord (the terminal
 * writes it with `npm run coach -- plan --out plan.pdf`). Named after the Markdown file.
 */
import type { Content } from "../../src/content/compile.ts";
import { renderPlanPdf } from "../../src/plan/render-pdf.ts";
import type { Reply } from "../../src/vocabulary/replies.ts";

export type PlanReply = Extract<Reply, { kind: "plan" }>;

/** "plan-medias-sociaux.md" → "plan-medias-sociaux.pdf" */
export function pdfName(markdownName: string): string {
  return markdownName.replace(/\.md$/i, "") + ".pdf";
}

/** The PDF of a plan reply: the plan on page 1, the newest pilot review on page 2. */
export function planPdf(content: Content, reply: PlanReply): Promise<Buffer> {
  return renderPlanPdf(content, reply.plan, reply.answers, { reviews: reply.reviews ?? [] });
}
