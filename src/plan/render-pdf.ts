/**
 * The plan as a one-page PDF to hand over (print it, send it to whoever runs the accounts): the
 * answers, where to start and why, how often, what to post, the numbers to watch, the budget split,
 * a bar chart of the hours, the first month as a table, the recommendations and the numbered sources.
 *
 * It always fits on one page: every candidate layout (a font size and how much is said) is first
 * drawn on a scratch page as tall as needed, and the first whose height fits the real page is drawn
 * for real. Standard Helvetica only (WinAnsi, nothing to embed, nothing fetched): the text is mapped
 * to that character set first. Every word comes from dialogs/plan.yaml.
 */
import type { ReviewRecord } from "../engine/state.ts";
import { renderReview } from "./review.ts";
import PDFDocument from "pdfkit";
import type { Content } from "../content/compile.ts";
import type { Lang } from "../content/schema.ts";
import { fill } from "../text/template.ts";
import type { Answer } from "../vocabulary/answers.ts";
import type { Plan } from "../vocabulary/plan-shape.ts";
import { describeAnswer } from "./build-plan.ts";
import { cite as citeArticle } from "./cite.ts";

const WEEKS_PER_MONTH = 52 / 12;

/** Points of each page size pdfkit knows by name. */
const PAGE_SIZES = { A4: [595.28, 841.89], LETTER: [612, 792] } as const;
const MARGIN = 30;

const FONT = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" } as const;
const COLOR = {
  text: "#1e1e1e",
  muted: "#6b6b6b",
  accent: "#1f5a85",
  rule: "#b9c3cc",
  fill: "#eef2f5",
  yours: "#1f5a85",
  plan: "#e07b39",
  full: "#aab4bd",
} as const;

// ------------------------------------------------------------------ text for the standard fonts

/** The characters beyond Latin-1 that WinAnsi (the standard fonts' encoding) has. */
const WIN_ANSI_EXTRA = new Set("ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜");

const representable = (c: string) => {
  const code = c.codePointAt(0)!;
  return c === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c);
};

/**
 * Text the standard Helvetica can print: narrow, thin and figure spaces (French numbers use U+202F)
 * become no-break spaces, dashes and quotes that WinAnsi lacks become their nearest kin, accented
 * letters outside it lose their accent, and what is left outside it (an emoji in the owner's words)
 * is dropped rather than printed as garbage.
 *
 * @example winAnsi("1\u202f500 $") // "1\u00a0500 $"
 */
export function winAnsi(s: string): string {
  return s
    .replace(/[\u2000-\u200a\u202f\u205f\u3000]/g, "\u00a0")
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/[\u2010-\u2012]/g, "-")
    .replace(/[\u2032\u02bc]/g, "’")
    .replace(/[\u2033]/g, "”")
    .replace(/[\t\r]/g, " ")
    .replace(/[^\n\x20-\x7e\u00a0-\u00ff]/gu, (c) => {
      if (representable(c)) return c;
      const plain = c.normalize("NFKD").replace(/\p{M}/gu, "");
      return [...plain].every(representable) ? plain : "";
    });
}

/**
 * No line break where French typography forbids one (before « : ; ! ? » », after « « ») nor between
 * a number and its unit or currency ("100 $", "21.7 h").
 *
 * @example keepTogether("Budget : 100 $") // "Budget\u00a0: 100\u00a0$"
 */
export function keepTogether(s: string): string {
  return s
    .replace(/(\S) ([:;!?»])/g, "$1\u00a0$2")
    .replace(/« /g, "«\u00a0")
    .replace(/(\d) (\$|€|£|%|h\b|min\b)/g, "$1\u00a0$2");
}

/** A run of text, bold or not: templates mark bold as `**...**`. */
interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

/**
 * The runs of a template's output. The punctuation right after a bold run joins it ("**Label** :"
 * becomes "**Label :**"): a line may break between runs, and must not break before a colon.
 */
export function runsOf(s: string): Run[] {
  const runs: Run[] = [];
  s.split("**").forEach((text, i) => {
    const bold = i % 2 === 1;
    const prev = runs[runs.length - 1];
    const punct = /^[ \u00a0]?[:;,.]/.exec(text);
    if (!bold && prev?.bold && punct) {
      prev.text += punct[0];
      text = text.slice(punct[0].length);
    }
    if (text !== "") runs.push({ text, bold });
  });
  return runs;
}

/** The first sentence of a text (a recommendation, a cadence), for when the page is short of room. */
export function firstSentence(s: string): string {
  const m = /^(.+?[.!?])\s+(?=[A-ZÀ-ÖØ-Ý«"“(])/su.exec(s);
  return m ? m[1]! : s;
}

const truncate = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

// ------------------------------------------------------------------ figures

/**
 * The hours a month the plan uses: the listening and answering, plus the posts a week at the
 * network's time per post. Null before there is a network and a cadence.
 *
 * @example hoursUsedPerMonth(content, plan) // 19.5 for 3 LinkedIn posts a week and 1.5 h of listening
 */
export function hoursUsedPerMonth(content: Content, plan: Plan): number | null {
  if (!plan.network || plan.postsPerWeek === null || plan.listeningHoursPerWeek === null) return null;
  const net = content.networks.networks.find((n) => n.id === plan.network!.id);
  if (!net) return null;
  return Math.round((plan.postsPerWeek * net.hoursPerPost + plan.listeningHoursPerWeek) * WEEKS_PER_MONTH * 10) / 10;
}

// ------------------------------------------------------------------ layout

/** How much the page says, from everything (0) to the least (3), and at which body size. */
interface Fit {
  /** body text size, in points */
  size: number;
  /**
   * 0: everything; 1: without the second-choice network, the caveat and the calendar's legend;
   * 2: recommendations and cadence to their first sentence, the numbers to watch in short;
   * 3: also the owner's own words shortened and only the first `recommendations`.
   */
  level: 0 | 1 | 2 | 3;
  recommendations: number;
}

/**
 * The layouts to try, in groups in order of preference: everything at sizes 9 to 7.5 pt, then less
 * said at sizes 9 to 7, then shorter at 8.5 to 6.5, then at 6.5 with fewer and fewer recommendations.
 * Within a group each layout is no taller than the one before it.
 */
function candidates(recommendations: number): Fit[][] {
  const sized = (level: Fit["level"], sizes: number[]) => sizes.map((size) => ({ size, level, recommendations }));
  const last: Fit[] = [];
  for (let n = recommendations; n >= 0; n--) last.push({ size: 6.5, level: 3, recommendations: n });
  return [sized(0, [9, 8.5, 8, 7.5]), sized(1, [9, 8.5, 8, 7.5, 7]), sized(2, [8.5, 8, 7.5, 7, 6.5]), last];
}

/** Numbers the articles and surveys cited, in order of first use. */
class Citations {
  readonly list: { id: string; source: string }[] = [];
  ref(id: string, source: string): string {
    let n = this.list.findIndex((c) => c.id === id);
    if (n < 0) n = this.list.push({ id, source }) - 1;
    return `[${n + 1}]`;
  }
  articles(content: Content, ids: readonly string[]): string {
    return ids
      .flatMap((id) => {
        const s = content.sources.get(id);
        return s ? [this.ref(`seed-${id}`, citeArticle(s))] : [];
      })
      .join("");
  }
}

type Doc = PDFKit.PDFDocument;

/** Draws on one document at one body size; every method returns the y below what it drew. */
class Pen {
  constructor(
    readonly doc: Doc,
    readonly size: number,
  ) {}

  get small() {
    return Math.max(5.5, this.size - 1);
  }
  get tiny() {
    return Math.max(5, this.size - 1.8);
  }
  get gap() {
    return this.size * 0.55;
  }

  /** A paragraph of runs, wrapped in `width`. */
  text(runs: Run[], x: number, y: number, width: number, size = this.size): number {
    const doc = this.doc;
    const mapped = runs.map((r) => ({ ...r, text: winAnsi(keepTogether(r.text)) }));
    // a space that starts a run goes to the end of the run before: a line may break between runs,
    // and a line must not start with a space
    for (let i = 1; i < mapped.length; i++) {
      const lead = /^ +/.exec(mapped[i]!.text)?.[0];
      if (lead) {
        mapped[i - 1]!.text += lead;
        mapped[i]!.text = mapped[i]!.text.slice(lead.length);
      }
    }
    const parts = mapped.filter((r) => r.text !== "");
    if (parts.length === 0) return y;
    doc.fontSize(size);
    parts.forEach((r, i) => {
      doc.font(r.bold ? FONT.bold : r.italic ? FONT.italic : FONT.regular).fillColor(r.color ?? COLOR.text);
      const options = { width, continued: i < parts.length - 1, lineGap: size * 0.12 };
      if (i === 0) doc.text(r.text, x, y, options);
      else doc.text(r.text, options);
    });
    return doc.y;
  }

  /** A heading, with the numbers of the articles it stands on after it. */
  heading(title: string, refs: string, x: number, y: number, width: number): number {
    const doc = this.doc;
    const size = this.size + 1.3;
    doc.font(FONT.bold).fontSize(size).fillColor(COLOR.accent);
    const t = winAnsi(title);
    doc.text(t, x, y, { width, lineBreak: false });
    if (refs) {
      const w = doc.widthOfString(t);
      doc.font(FONT.regular).fontSize(this.tiny).fillColor(COLOR.muted).text(refs, x + w + 3, y + (size - this.tiny) * 0.75, { lineBreak: false });
    }
    return y + size * 1.25;
  }

  /** Items with a bullet (or a number) hanging on the left. */
  list(items: Run[][], x: number, y: number, width: number, numbered = false, size = this.size, itemGap = 0.15): number {
    const indent = size * (numbered ? 1.4 : 0.95);
    items.forEach((runs, i) => {
      this.doc.font(FONT.regular).fontSize(size).fillColor(COLOR.accent).text(numbered ? `${i + 1}.` : "•", x, y, { lineBreak: false });
      y = this.text(runs, x + indent, y, width - indent, size) + size * itemGap;
    });
    return y;
  }
}

interface Parts {
  content: Content;
  plan: Plan;
  answers: Readonly<Record<string, Answer>>;
  lang: Lang;
}

/** Draws the whole page from the top margin down; returns the y below the last line. */
function layout(doc: Doc, parts: Parts, fit: Fit, width: number): number {
  const { content, plan, answers, lang } = parts;
  const pen = new Pen(doc, fit.size);
  const cited = new Citations();
  const l = content.plan.labels;
  const f = content.plan.fit;
  const pdf = content.plan.pdf;
  const h = f.headings;
  const x0 = MARGIN;
  let y = MARGIN;

  // the title, and the answers in one compact block
  const titleSize = fit.size * 1.9;
  doc.font(FONT.bold).fontSize(titleSize).fillColor(COLOR.accent).text(winAnsi(content.plan.title[lang]), x0, y, { width, lineBreak: false });
  y += titleSize * 1.3;
  const labels = l as unknown as Record<string, { fr: string; en: string } | undefined>;
  const items: Run[][] = [];
  for (const step of content.steps) {
    const a = answers[step.id];
    const label = labels[step.id]?.[lang];
    if (!a || !label) continue;
    const said = describeAnswer(content, step.id, a, lang);
    items.push([{ text: `${label} `, bold: true }, { text: fit.level >= 3 ? truncate(said, 60) : said }]);
  }
  if (plan.networks !== null && plan.network === null) {
    items.push([{ text: plan.networks === 0 ? l.networksNone[lang] : fill(l.networks[lang], { networks: plan.networks }, lang) }]);
  }
  const answerRuns: Run[] = [{ text: `${l.summary[lang]}  `, bold: true, color: COLOR.accent }];
  items.forEach((item, i) => {
    // between two answers a dot that stays with the answer before it: a line breaks after it
    const last = item[item.length - 1]!;
    if (i < items.length - 1) item[item.length - 1] = { ...last, text: `${last.text}\u00a0\u00a0·   ` };
    answerRuns.push(...item);
  });
  const pad = fit.size * 0.6;
  const boxTop = y;
  let boxBottom = pen.text(answerRuns, x0 + pad, boxTop, width - pad, pen.small);
  if (plan.missing.length > 0) {
    const missing = plan.missing.map((id) => (labels[id]?.[lang] ?? id).replace(/\s*:\s*$/, "")).join(", ");
    boxBottom = pen.text([{ text: fill(l.missing[lang], { missing }, lang), italic: true }], x0 + pad, boxBottom + 1, width - pad, pen.small);
  }
  // a bar down the left of the block (a background would have to be drawn before its height is known)
  doc.save().rect(x0, boxTop - 1, 2, boxBottom - boxTop).fill(COLOR.accent).restore();
  y = boxBottom + pen.gap * 1.2;

  // two columns: where to start, how often, what to post | the numbers to watch, the budget, the hours
  const colGap = 16;
  const leftW = Math.round((width - colGap) * 0.54);
  const rightW = width - colGap - leftW;
  const xr = x0 + leftW + colGap;
  let yl = y;
  let yr = y;
  const from = (key: keyof typeof f.sources) => cited.articles(content, f.sources[key]);

  if (plan.network) {
    const n = plan.network;
    yl = pen.heading(h.network[lang], from("network"), x0, yl, leftW);
    const fact = n.facts[0];
    const runs: Run[] = [{ text: n.why }];
    if (fact) runs.push({ text: ` ${fact.text} ` }, { text: cited.ref(fact.id, fact.source), color: COLOR.muted });
    yl = pen.text(runs, x0, yl, leftW);
    if (fit.level === 0) {
      const second = n.alternative ? fill(f.network.alternative[lang], { network: n.alternative.name }, lang).trim() : "";
      const caveat = n.facts.length > 0 ? fill(f.network.caveat[lang], { network: n.name }, lang) : "";
      const more = [caveat, second].filter(Boolean).join(" ");
      if (more) yl = pen.text([{ text: more, color: COLOR.muted }], x0, yl + pen.size * 0.25, leftW, pen.small);
    }
    yl += pen.gap;
  }
  if (plan.cadenceText) {
    yl = pen.heading(h.cadence[lang], from("cadence"), x0, yl, leftW);
    yl = pen.text([{ text: fit.level >= 2 ? firstSentence(plan.cadenceText) : plan.cadenceText }], x0, yl, leftW) + pen.gap;
  }
  if (plan.themes.length > 0) {
    yl = pen.heading(h.themes[lang], from("themes"), x0, yl, leftW);
    yl = pen.list(plan.themes.map((t) => [{ text: t }]), x0, yl, leftW) + pen.gap;
  }

  if (plan.kpis.length > 0) {
    yr = pen.heading(h.kpis[lang], from("kpis"), xr, yr, rightW);
    const line = fit.level >= 2 ? pdf.kpiShort[lang] : f.kpi.line[lang];
    yr = pen.list(plan.kpis.map((k) => runsOf(fill(line, { label: k.label, where: k.where, target: k.target }, lang))), xr, yr, rightW);
    if (fit.level <= 1) yr = pen.text([{ text: f.kpi.start[lang], italic: true }], xr, yr + pen.size * 0.1, rightW, pen.small);
    yr += pen.gap;
  }
  if (plan.budgetPerMonth !== null) {
    yr = pen.heading(h.budget[lang], plan.budgetSplit.length > 0 ? from("budget") : "", xr, yr, rightW);
    if (plan.budgetSplit.length === 0) yr = pen.text([{ text: f.budget.none[lang] }], xr, yr, rightW);
    else yr = pen.list(plan.budgetSplit.map((b) => runsOf(fill(pdf.budgetLine[lang], { amount: b.text, label: b.label }, lang))), xr, yr, rightW);
    yr += pen.gap;
  }
  if (plan.hoursPerMonth !== null) yr = chart(pen, parts, cited, xr, yr, rightW) + pen.gap;

  y = Math.max(yl, yr) + pen.gap * 0.4;

  // the first month: a day a row, a week a column
  if (plan.network && plan.postsPerWeek !== null) {
    const cal = f.calendar;
    y = pen.heading(h.calendar[lang], from("calendar"), x0, y, width);
    if (plan.calendar.length === 0) y = pen.text([{ text: cal.noTime[lang] }], x0, y, width);
    else {
      y = calendarTable(pen, parts, x0, y, width);
    }
    y += pen.gap;
  }

  // the recommendations, short
  const recs = plan.recommendations.slice(0, fit.recommendations);
  if (recs.length > 0) {
    y = pen.heading(l.recommendations[lang], "", x0, y, width);
    const items = recs.map((r): Run[] => [{ text: `${fit.level >= 2 ? firstSentence(r.text) : r.text} ` }, { text: cited.articles(content, r.sources), color: COLOR.muted }]);
    y = pen.list(items, x0, y, width, true, fit.size, 0.25) + pen.gap;
  }

  // the sources, numbered, at the bottom
  if (cited.list.length > 0) {
    doc.save().moveTo(x0, y - pen.gap * 0.5).lineTo(x0 + width, y - pen.gap * 0.5).lineWidth(0.5).strokeColor(COLOR.rule).stroke().restore();
    y = pen.text([{ text: l.sources[lang], bold: true, color: COLOR.accent }], x0, y, width, pen.tiny + 0.5);
    y = pen.list(cited.list.map((c) => [{ text: c.source, color: COLOR.muted }]), x0, y, width, true, pen.tiny, 0.05);
  }
  return y;
}

/** Horizontal bars: the owner's hours a month, what the plan uses, what one network takes at full pace. */
function chart(pen: Pen, parts: Parts, cited: Citations, x: number, y: number, width: number): number {
  const { content, plan, lang } = parts;
  const c = content.plan.pdf.chart;
  const doc = pen.doc;
  const used = hoursUsedPerMonth(content, plan);
  const bars: { label: string; ref: string; hours: number; color: string }[] = [{ label: c.yours[lang], ref: "", hours: plan.hoursPerMonth ?? 0, color: COLOR.yours }];
  if (used !== null) bars.push({ label: c.plan[lang], ref: "", hours: used, color: COLOR.plan });
  bars.push({ label: c.full[lang], ref: cited.articles(content, c.sources), hours: content.plan.hoursPerNetwork, color: COLOR.full });

  y = pen.heading(c.title[lang], "", x, y, width);
  const size = pen.small;
  const value = (hrs: number) => winAnsi(fill(c.value[lang], { hours: Math.round(hrs * 10) / 10 }, lang));
  doc.font(FONT.regular).fontSize(size);
  const labelW = Math.min(width * 0.46, Math.max(...bars.map((b) => doc.widthOfString(winAnsi(`${b.label} ${b.ref}`)))) + 4);
  const valueW = Math.max(...bars.map((b) => doc.widthOfString(value(b.hours)))) + 4;
  const barMax = Math.max(10, width - labelW - valueW);
  const most = Math.max(...bars.map((b) => b.hours), 1);
  const barH = size * 1.25;
  for (const b of bars) {
    const labelH = doc.font(FONT.regular).fontSize(size).heightOfString(winAnsi(`${b.label} ${b.ref}`), { width: labelW - 4 });
    const rowH = Math.max(barH, labelH);
    pen.text([{ text: `${b.label} ` }, { text: b.ref, color: COLOR.muted }], x, y + (rowH - labelH) / 2, labelW - 4, size);
    const w = Math.max(b.hours > 0 ? 1 : 0, (b.hours / most) * barMax);
    if (w > 0) doc.save().rect(x + labelW, y + (rowH - barH) / 2, w, barH).fill(b.color).restore();
    doc.font(FONT.regular).fontSize(size).fillColor(COLOR.text).text(value(b.hours), x + labelW + w + 3, y + (rowH - size) / 2, { lineBreak: false });
    y += rowH + size * 0.35;
  }
  return y;
}

/** The first month as a grid: a day a row (only days with something to do), a week a column. */
function calendarTable(pen: Pen, parts: Parts, x: number, y: number, width: number): number {
  const { content, plan, lang } = parts;
  const cal = content.plan.fit.calendar;
  const doc = pen.doc;
  const size = pen.small;
  const pad = size * 0.35;
  const days = [...new Set(plan.calendar.flatMap((w) => w.days.map((d) => d.day)))].sort((a, b) => a - b);
  const dayName = (d: number) => {
    const name = cal.dayNames[lang][d - 1]!;
    return name.charAt(0).toUpperCase() + name.slice(1);
  };
  const header = [cal.header.day[lang], ...plan.calendar.map((w) => fill(cal.week[lang], { week: w.week }, lang))];
  const rows = days.map((d) => [dayName(d), ...plan.calendar.map((w) => w.days.filter((x) => x.day === d).map((x) => x.task).join(" ; "))]);
  doc.font(FONT.bold).fontSize(size);
  const firstW = Math.max(...[header[0]!, ...rows.map((r) => r[0]!)].map((s) => doc.widthOfString(winAnsi(s)))) + 2 * pad + 1;
  const otherW = (width - firstW) / plan.calendar.length;
  const colX = (i: number) => (i === 0 ? x : x + firstW + (i - 1) * otherW);
  const colW = (i: number) => (i === 0 ? firstW : otherW);
  const rowHeight = (cells: string[], bold: (i: number) => boolean) =>
    Math.max(...cells.map((s, i) => doc.font(bold(i) ? FONT.bold : FONT.regular).fontSize(size).heightOfString(winAnsi(s) || " ", { width: colW(i) - 2 * pad, lineGap: size * 0.12 }))) + 2 * pad;

  const drawRow = (cells: string[], top: number, isHeader: boolean): number => {
    const bold = (i: number) => isHeader || i === 0;
    const hgt = rowHeight(cells, bold);
    if (isHeader) doc.save().rect(x, top, width, hgt).fill(COLOR.fill).restore();
    cells.forEach((s, i) => {
      if (s) pen.text([{ text: s, bold: bold(i), color: isHeader ? COLOR.accent : COLOR.text }], colX(i) + pad, top + pad, colW(i) - 2 * pad, size);
    });
    return top + hgt;
  };
  const top = y;
  const lines = [top];
  y = drawRow(header, y, true);
  lines.push(y);
  for (const r of rows) {
    y = drawRow(r, y, false);
    lines.push(y);
  }
  // the grid
  doc.save().lineWidth(0.5).strokeColor(COLOR.rule);
  for (const ly of lines) doc.moveTo(x, ly).lineTo(x + width, ly);
  for (let i = 0; i <= header.length; i++) {
    const lx = i === header.length ? x + width : colX(i);
    doc.moveTo(lx, top).lineTo(lx, y);
  }
  doc.stroke().restore();
  return y;
}

// ------------------------------------------------------------------ the document

function newDocument(size: readonly [number, number], lang: Lang, title: string): Doc {
  return new PDFDocument({
    size: [size[0], size[1]],
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang,
    info: { Title: winAnsi(title) },
    displayTitle: true,
  });
}

/**
 * The layout this plan gets: the first that fits the page, each measured by drawing it on a scratch
 * page tall enough that nothing wraps onto a second one. A group whose last layout does not fit is
 * skipped; within a group, a binary search.
 */
function chooseFit(parts: Parts, size: readonly [number, number], width: number): Fit {
  const limit = size[1] - MARGIN;
  const fits = (fit: Fit) => layout(newDocument([size[0], 20 * size[1]], parts.lang, ""), parts, fit, width) <= limit;
  const groups = candidates(parts.plan.recommendations.length);
  for (const group of groups) {
    if (fits(group[0]!)) return group[0]!;
    if (group.length === 1 || !fits(group[group.length - 1]!)) continue;
    // group[lo] does not fit, group[hi] does
    let lo = 0;
    let hi = group.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (fits(group[mid]!)) hi = mid;
      else lo = mid;
    }
    return group[hi]!;
  }
  // nothing fits (never seen with dialogs/ as it is): the least said
  const last = groups[groups.length - 1]!;
  return last[last.length - 1]!;
}

export interface PdfOptions {
  /** the document's creation date (PDF metadata); pdfkit's clock when left out */
  createdAt?: Date;
  /** the pilot reviews done: the newest goes on a second page, under the plan it reviews */
  reviews?: readonly ReviewRecord[];
}

/**
 * The plan on one page, in the plan's language: A4 or Letter as dialogs/plan.yaml says for that
 * language. No network access: the standard fonts ship with pdfkit.
 *
 * @example writeFileSync("plan.pdf", await renderPlanPdf(content, plan, answers))
 */
export async function renderPlanPdf(content: Content, plan: Plan, answers: Readonly<Record<string, Answer>>, options: PdfOptions = {}): Promise<Buffer> {
  const lang = plan.lang;
  const size = PAGE_SIZES[content.plan.pdf.pageSize[lang]];
  const width = size[0] - 2 * MARGIN;
  const parts: Parts = { content, plan, answers, lang };
  const fit = chooseFit(parts, size, width);
  const doc = newDocument(size, lang, content.plan.title[lang]);
  if (options.createdAt) doc.info.CreationDate = options.createdAt;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  layout(doc, parts, fit, width);
  const review = options.reviews?.at(-1);
  if (review) reviewPage(doc, content, review, lang, width);
  doc.end();
  return done;
}

/** The newest pilot review on a page of its own: its Markdown lines as text, the sources numbered at the end. */
function reviewPage(doc: Doc, content: Content, review: ReviewRecord, lang: Lang, width: number): void {
  doc.addPage();
  const sources: { id: string; source: string }[] = [];
  const cite = (id: string, source: string) => {
    let n = sources.findIndex((s) => s.id === id);
    if (n < 0) n = sources.push({ id, source }) - 1;
    return `[${n + 1}]`;
  };
  const lines = renderReview(content, review, lang, cite);
  for (const line of lines) {
    const heading = /^(#+)\s+(.*)$/.exec(line);
    const text = winAnsi((heading ? heading[2]! : line).replace(/\*\*/g, ""));
    if (text.trim() === "") {
      doc.moveDown(0.4);
      continue;
    }
    doc.font(heading ? "Helvetica-Bold" : "Helvetica").fontSize(heading ? (heading[1]!.length === 2 ? 14 : 11) : 9.5).fillColor(heading ? COLOR.accent : "#000000");
    doc.text(text, MARGIN, undefined, { width });
  }
  doc.moveDown(0.6).font("Helvetica").fontSize(7.5).fillColor("#555555");
  sources.forEach((s, i) => doc.text(winAnsi(`${i + 1}. ${s.source}`), MARGIN, undefined, { width }));
}
