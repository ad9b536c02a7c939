/**
 * HTML built with a tagged template that escapes every value it is given, unless the value is
 * already HTML made here: owners' raw messages, ids from a URL and texts from dialogs/ can never
 * become markup.
 *
 * @example html`<td>${message.text}</td>` // "<td>&lt;script&gt;…</td>" for a message "<script>…"
 */

const MARK = Symbol("html");

/** A piece of HTML made by `html` (or `trusted`), inserted as it is. */
export interface Html {
  readonly [MARK]: true;
  readonly value: string;
}

/** What may go into `html`: text (escaped), a number, HTML, a list of them; null, undefined and false print nothing. */
export type HtmlValue = string | number | Html | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** The text with &, <, >, " and ' escaped: safe between tags and inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const isHtml = (v: unknown): v is Html => typeof v === "object" && v !== null && MARK in v;

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return "";
  if (isHtml(v)) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}

/** HTML whose values are escaped (see the file's comment). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return { [MARK]: true, value: out };
}

/**
 * Markup written here, not taken from anyone (a JSON block already made safe for a script tag).
 * Never give it a user's text.
 */
export function trusted(markup: string): Html {
  return { [MARK]: true, value: markup };
}

/**
 * Data for the page's script, in a `<script type="application/json">` block: `<` is written as
 * \u003c, so no text inside can close the block.
 */
export function jsonBlock(id: string, data: unknown): Html {
  return html`<script type="application/json" id="${id}">${trusted(JSON.stringify(data).replace(/</g, "\\u003c"))}</script>`;
}
