import { expect, test } from "vitest";
import { markdownToMrkdwn } from "../../../adapters/slack/markdown-to-mrkdwn.ts";

test("headings become bold lines, **bold** becomes *bold*, dashes become bullets", () => {
  const md = ["# Votre plan", "", "## Vos réponses", "", "- **Objectif :** Développer les ventes", "", "1. Écoutez d'abord.", "   _Source : «Article»_"].join("\n");
  expect(markdownToMrkdwn(md)).toBe(
    ["*Votre plan*", "", "*Vos réponses*", "", "• *Objectif :* Développer les ventes", "", "1. Écoutez d'abord.", "   _Source : «Article»_"].join("\n"),
  );
});

test("the owner's own words in the plan are escaped before formatting", () => {
  expect(markdownToMrkdwn("- **Objectif :** «<!channel> R&D»")).toBe("• *Objectif :* «&lt;!channel&gt; R&amp;D»");
});

test("bold inside a heading does not double the asterisks", () => {
  expect(markdownToMrkdwn("## **Plan** B")).toBe("*Plan B*");
});
