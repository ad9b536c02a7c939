/**
 * The plan's Markdown as Slack mrkdwn. Slack has no headings and marks bold with one asterisk, so
 * headings become bold lines, `**x**` becomes `*x*` and list dashes become bullets. Everything is
 * escaped first: the plan may hold the owner's own words.
 */
import { escapeSlack } from "./slack-text.ts";

/**
 * @example markdownToMrkdwn("# Plan\n\n- **Goal:** R&D") // "*Plan*\n\n• *Goal:* R&amp;D"
 */
export function markdownToMrkdwn(markdown: string): string {
  return escapeSlack(markdown)
    .split("\n")
    .map((line) => {
      const bolded = line.replace(/\*\*(.+?)\*\*/g, "*$1*").replace(/__(.+?)__/g, "*$1*");
      const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(bolded);
      if (heading) return `*${(heading[1] ?? "").replace(/\*/g, "")}*`;
      return bolded.replace(/^(\s*)[-*+]\s+/, "$1• ");
    })
    .join("\n");
}
