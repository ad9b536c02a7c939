/**
 * Chat messages on Slack and Discord do not draw Markdown tables: a table of the plan (the first
 * month: a day a row, a week a column) becomes, for each column, its header in bold then one line
 * per filled cell, "row — cell". The file attached keeps the table.
 */

const cellsOf = (line: string) => line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
const isTableLine = (line: string) => /^\s*\|.*\|\s*$/.test(line);
const isRule = (line: string) => /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);

/**
 * @example tablesAsLines("| Day | Week 1 |\n|---|---|\n| Monday | Open the page |") // "**Week 1**\n- Monday — Open the page"
 */
export function tablesAsLines(markdown: string): string {
  const lines = markdown.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!(isTableLine(lines[i]!) && i + 1 < lines.length && isRule(lines[i + 1]!))) {
      out.push(lines[i]!);
      continue;
    }
    const header = cellsOf(lines[i]!);
    const rows: string[][] = [];
    i += 2;
    while (i < lines.length && isTableLine(lines[i]!)) rows.push(cellsOf(lines[i++]!));
    i--;
    header.slice(1).forEach((title, j) => {
      const filled = rows.filter((r) => (r[j + 1] ?? "") !== "");
      if (filled.length === 0) return;
      if (j > 0) out.push("");
      out.push(`**${title}**`, ...filled.map((r) => `- ${r[0]} — ${r[j + 1]}`));
    });
  }
  return out.join("\n");
}
