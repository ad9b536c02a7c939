/**
 * Engine replies as Block Kit: whatever the engine says, every message stays within Slack's
 * limits, and buttons read back as the choice they stand for.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { LIMITS, readPressedButton, renderPlan, renderReplies, withChoiceMade, type Outgoing, type SlackMessage } from "../../../adapters/slack/block-kit.ts";
import { markdownToMrkdwn } from "../../../adapters/slack/markdown-to-mrkdwn.ts";
import { tablesAsLines } from "../../../adapters/shared/markdown-tables.ts";
import type { Reply } from "../../../src/vocabulary/replies.ts";
import { arbitraryAction } from "../../helpers/arbitrary-actions.ts";
import { sessionKey } from "../../../src/store/session-store.ts";
import { Coordinator } from "../../../src/coordinator.ts";
import { MemoryStore } from "../../../src/store/memory-store.ts";
import { sharedContent } from "./slack-harness.ts";
import { planOf } from "../../helpers/inputs.ts";

const choice = fc.record({ action: arbitraryAction, label: fc.string({ minLength: 1, maxLength: 200 }) });
const reply: fc.Arbitrary<Reply> = fc.oneof(
  fc.record({ kind: fc.constant("text" as const), text: fc.string({ maxLength: 9000 }), choices: fc.array(choice, { maxLength: 60 }) }),
  fc.record({ kind: fc.constant("plan" as const), text: fc.string({ maxLength: 20000 }), plan: fc.constant(null as never) }),
);

function messagesOf(out: Outgoing[]): SlackMessage[] {
  return out.flatMap((o) => (o.kind === "message" ? [o.message] : o.messages));
}

describe("Slack's limits", () => {
  test("any replies render within the limits: blocks, section text, buttons, ids, values", () => {
    fc.assert(
      fc.property(fc.array(reply, { maxLength: 6 }), (replies) => {
        for (const m of messagesOf(renderReplies(replies, { kind: "turn", owner: "U0123456789" }))) {
          expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
          expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText * 5); // escaped: each character at most "&amp;"
          const ids = new Set<string>();
          for (const b of m.blocks) {
            if (b.type === "section") expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
            if (b.type === "actions") {
              expect(b.elements.length).toBeLessThanOrEqual(LIMITS.elementsPerActions);
              expect(b.block_id?.length ?? 0).toBeLessThanOrEqual(LIMITS.id);
              expect(ids.has(b.block_id ?? "")).toBe(false);
              ids.add(b.block_id ?? "");
              for (const e of b.elements) {
                if (e.type !== "button") throw new Error("only buttons are rendered");
                expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
                expect(e.action_id?.length ?? 0).toBeLessThanOrEqual(LIMITS.id);
                expect(e.value?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonValue);
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test("every choice becomes exactly one button, in order, and reads back as itself", () => {
    fc.assert(
      fc.property(fc.array(choice, { minLength: 1, maxLength: 80 }), (choices) => {
        const [out] = renderReplies([{ kind: "text", text: "?", choices }], { kind: "turn", owner: "U1" });
        const buttons = out?.kind === "message" ? out.message.blocks.flatMap((b) => (b.type === "actions" ? b.elements.map((e) => ({ block: b.block_id ?? "", e })) : [])) : [];
        expect(buttons.map(({ block, e }) => (e.type === "button" ? readPressedButton(block, e.value) : null))).toEqual(
          choices.map((c) => ({ kind: "turn", owner: "U1", action: c.action })),
        );
      }),
    );
  });
});

test("a long label is cut at a word with an ellipsis, not mid-word", () => {
  const label = "Une agence ou un pigiste qui connaît déjà notre marché et nos clients depuis des années";
  const [out] = renderReplies([{ kind: "text", text: "Qui ?", choices: [{ action: { kind: "pick", step: "owner", choice: "agency" }, label }] }], { kind: "topic" });
  const actions = out?.kind === "message" ? out.message.blocks.find((b) => b.type === "actions") : undefined;
  const button = actions?.type === "actions" ? actions.elements[0] : undefined;
  expect(button?.type === "button" ? button.text.text : "").toBe("Une agence ou un pigiste qui connaît déjà notre marché et nos clients…");
});

test("a real plan, made ten times longer, splits cleanly at paragraph boundaries into sections and messages", async () => {
  const coordinator = new Coordinator({ content: sharedContent(), store: new MemoryStore() });
  const key = sessionKey("slack", "T1", "ULONG");
  for (const text of ["bonjour", "boulangerie", "des gens du coin", "tous les âges", "je veux plus de clients", "10 h par semaine", "aucun", "1", "2", "nulle part encore"]) await coordinator.handle(key, { kind: "text", text });
  const { markdown = "", done = false } = (await planOf(coordinator, key)) ?? {};
  expect(done).toBe(true);
  const long = Array.from({ length: 10 }, () => markdown).join("\n");
  const out = renderPlan(long);
  const sections = out.messages.flatMap((m) => m.blocks.map((b) => (b.type === "section" ? (b.text?.text ?? "") : "")));
  expect(sections.length).toBeGreaterThan(10);
  // the first month's table is drawn as lines in a chat message (the file keeps the table)
  const formatted = markdownToMrkdwn(tablesAsLines(long));
  expect(formatted).toContain("*Semaine 1*\n• Lundi — ");
  sections.forEach((s, i) => {
    expect(s.length).toBeLessThanOrEqual(LIMITS.sectionText);
    // every piece but the last ends where a line ended: no sentence or word is cut in two
    if (i < sections.length - 1) expect(formatted).toContain(`${s}\n`);
  });
  // and nothing is lost or added
  expect(sections.join("\n").split(/\s+/)).toEqual(formatted.trim().split(/\s+/));
  expect(out.markdown).toBe(long);
  expect(out.title).toBe("Votre plan médias sociaux");
});

test("once a button is pressed, its buttons make way for the choice", () => {
  const [out] = renderReplies([{ kind: "text", text: "Objectif ?", choices: [{ action: { kind: "pick", step: "goal", choice: "sales" }, label: "Ventes" }] }], { kind: "turn", owner: "U1" });
  const blocks = out?.kind === "message" ? out.message.blocks : [];
  expect(withChoiceMade(blocks, "Votre choix : Ventes <3")).toEqual([
    blocks[0],
    { type: "context", elements: [{ type: "mrkdwn", text: "Votre choix : Ventes &lt;3", verbatim: true }] },
  ]);
});

test("a plan longer than 50 sections continues in a second message", () => {
  const paragraph = "Mot ".repeat(700).trim();
  const out = renderPlan(Array.from({ length: 60 }, (_, i) => `${i + 1}. ${paragraph}`).join("\n\n"));
  expect(out.messages.map((m) => m.blocks.length)).toEqual([50, 10]);
  expect(out.messages[1]?.text.startsWith("51. Mot Mot")).toBe(true);
});
