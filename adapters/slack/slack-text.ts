/**
 * Slack's text rules, both ways. Slack reads `&`, `<` and `>` as control characters: `<!channel>`,
 * `<@U123>` and `<https://x|label>` are markup. Text we send is escaped so that it can never become
 * markup; text we receive is turned back into what the person saw.
 */

/**
 * Escapes the three control characters, so that the text shows as written and can never notify
 * anyone (`<!channel>` becomes `&lt;!channel&gt;`).
 *
 * @example escapeSlack("R&D <!here>") // "R&amp;D &lt;!here&gt;"
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A message as Slack delivers it, turned into the plain text the person saw: mentions and links
 * become their readable form (`<!channel>` → `@channel`, `<@U1|ana>` → `@ana`, `<#C1|general>` →
 * `#general`, `<https://a.b|site>` → `site`), then `&amp;` `&lt;` `&gt;` are decoded. Mentions of
 * `botUserId` are removed (that is how the coach is addressed, not what is said).
 *
 * @example slackToPlain("<@UBOT> is it a fad &amp; a cost?", "UBOT") // "is it a fad & a cost?"
 */
export function slackToPlain(text: string, botUserId?: string): string {
  const plain = text.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const [target = "", label] = splitLabel(inner);
    if (target.startsWith("@")) {
      if (botUserId !== undefined && target === `@${botUserId}`) return "";
      return label ? `@${label}` : target;
    }
    if (target.startsWith("#")) return label ? `#${label}` : target;
    if (target.startsWith("!")) {
      const special = target.slice(1).split("^")[0] ?? "";
      if (label) return label.startsWith("@") ? label : `@${label}`;
      return special === "subteam" ? "@team" : special === "date" ? "" : `@${special}`;
    }
    return label ?? target;
  });
  return plain
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf("|");
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}
