/**
 * Engine replies as Discord messages, checked against Discord's limits for any replies (generated
 * with fast-check), and for the real content's questions.
 */
import { ComponentType } from "discord.js";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { decodeComponentId } from "../../../adapters/discord/component-id.ts";
import { loadDiscordDialogs, type DiscordDialogs } from "../../../adapters/discord/discord-dialogs.ts";
import { LIMITS, renderReplies, typedAnswerModal, type RenderContext } from "../../../adapters/discord/render-replies.ts";
import type { Content } from "../../../src/content/compile.ts";
import { loadContent } from "../../../src/content/load.ts";
import type { Choice, Reply } from "../../../src/vocabulary/replies.ts";
import type { Plan } from "../../../src/vocabulary/plan-shape.ts";
import { encodeAction } from "../../../adapters/shared/action-codec.ts";
import { arbitraryAction } from "../../helpers/arbitrary-actions.ts";

let content: Content;
let dialogs: DiscordDialogs;
beforeAll(() => {
  content = loadContent();
  dialogs = loadDiscordDialogs();
});

const OWNER = "123456789012345678";
const ctx = (o: Partial<RenderContext> = {}): RenderContext => ({ owner: OWNER, lang: "en", content, dialogs, shareable: true, ...o });

/** Words and paragraphs, sometimes far past 2000 characters. */
const prose = fc
  .array(fc.array(fc.stringMatching(/^[a-zA-Zéàç'«»-]{1,14}$/), { minLength: 1, maxLength: 120 }).map((w) => w.join(" ")), { minLength: 1, maxLength: 40 })
  .map((paragraphs) => paragraphs.join("\n\n"));
const choice = fc.record({ action: arbitraryAction, label: fc.string({ minLength: 1, maxLength: 150 }) });
const choices = fc.uniqueArray(choice, { maxLength: 60, selector: (c) => encodeAction(c.action) });
const reply: fc.Arbitrary<Reply> = fc.oneof(
  fc.record({ kind: fc.constant("text" as const), text: prose, choices }),
  fc.record({
    kind: fc.constant("question" as const),
    step: fc.constantFrom("goal", "time", "budget", "skills", "owner"),
    text: prose,
    choices,
    typed: fc.option(fc.record({ label: fc.string({ minLength: 1, maxLength: 80 }), placeholder: fc.string({ maxLength: 200 }) }), { nil: null }),
    controls: fc.constantFrom<Choice[]>([], [{ action: { kind: "command", command: "back" }, label: "Back" }]),
  }),
  fc.record({ kind: fc.constant("answer" as const), rule: fc.constant("fad"), text: prose, source: fc.constant("s"), choices }),
  fc.record({ kind: fc.constant("plan" as const), text: prose, plan: fc.constant({ lang: "en" } as Plan), answers: fc.constant({}) }),
);

describe("any replies fit Discord's limits", () => {
  test("content ≤ 2000, ≤ 5 rows, ≤ 5 buttons a row, ≤ 25 options a menu, labels and custom_ids within bounds, each id unique and owned", () => {
    fc.assert(
      fc.property(fc.array(reply, { minLength: 1, maxLength: 6 }), fc.boolean(), (replies, shareable) => {
        const messages = renderReplies(replies, ctx({ shareable }));
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) {
          expect(m.content.length).toBeGreaterThan(0);
          expect(m.content.length).toBeLessThanOrEqual(LIMITS.content);
          expect(m.components.length).toBeLessThanOrEqual(LIMITS.rows);
          const ids = new Set<string>();
          for (const row of m.components) {
            expect(row.components.length).toBeGreaterThan(0);
            expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
            for (const c of row.components) {
              expect(c.type === ComponentType.Button || c.type === ComponentType.StringSelect).toBe(true);
              if (!("custom_id" in c)) throw new Error("every component has a custom_id");
              expect(c.custom_id.length).toBeLessThanOrEqual(100);
              expect(ids.has(c.custom_id)).toBe(false);
              ids.add(c.custom_id);
              expect(decodeComponentId(c.custom_id)?.owner).toBe(OWNER);
              if (c.type === ComponentType.Button) expect((c.label ?? "").length).toBeLessThanOrEqual(LIMITS.buttonLabel);
              if (c.type === ComponentType.StringSelect) {
                expect(c.options.length).toBeGreaterThan(0);
                expect(c.options.length).toBeLessThanOrEqual(LIMITS.selectOptions);
                for (const o of c.options) expect(o.label.length).toBeLessThanOrEqual(LIMITS.selectOptionLabel);
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test("a plan of any length is shown whole, in order, with its Markdown file and its PDF attached once", () => {
    fc.assert(
      fc.property(prose, (text) => {
        const messages = renderReplies([{ kind: "plan", text, plan: { lang: "fr" } as Plan, answers: {} }], ctx({ lang: "fr" }));
        const squash = (s: string) => s.replace(/\s+/g, " ").trim();
        expect(squash(messages.map((m) => m.content).join(" "))).toBe(squash(text));
        expect(messages.flatMap((m) => m.files)).toEqual([
          { name: "plan-medias-sociaux.md", text },
          { name: "plan-medias-sociaux.pdf", pdfOf: expect.objectContaining({ kind: "plan", text }) },
        ]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("the real questions", () => {
  test("the goal's ten choices become a select menu; up to five choices are buttons", () => {
    const [goal] = renderReplies(
      [{ kind: "question", step: "goal", text: "Goal?", choices: content.steps[0]!.kind === "choice" ? content.steps[0]!.choices.map((c) => ({ action: { kind: "pick" as const, step: "goal", choice: c.id }, label: c.label.en })) : [], typed: { label: "Goal", placeholder: "" }, controls: [] }],
      ctx(),
    );
    const [menuRow, controls] = goal!.components;
    expect(menuRow!.components[0]!.type).toBe(ComponentType.StringSelect);
    expect(controls!.components.map((c) => ("label" in c ? c.label : ""))).toEqual(["✏️ In my own words"]);

    const yes = { kind: "confirm" as const, about: "time", yes: true };
    const [yesNo] = renderReplies([{ kind: "text", text: "Sure?", choices: [{ action: yes, label: "Yes" }, { action: { ...yes, yes: false }, label: "No" }] }], ctx());
    expect(yesNo!.components).toHaveLength(1);
    expect(yesNo!.components[0]!.components.map((c) => c.type)).toEqual([ComponentType.Button, ComponentType.Button]);
  });

  test("a typed answer's modal: Discord's 45-character title and label, the placeholder, the content's length limit", () => {
    const modal = typedAnswerModal({
      owner: OWNER,
      step: "goal",
      lang: "en",
      field: { label: "x".repeat(60), placeholder: "y".repeat(150) },
      dialogs,
      maxLength: content.messages.limits.maxMessageLength,
    });
    expect(modal.title.length).toBeLessThanOrEqual(LIMITS.modalTitle);
    const [label] = modal.components;
    if (label?.type !== ComponentType.Label || label.component.type !== ComponentType.TextInput) throw new Error("a labelled text input");
    expect(label.label.length).toBe(LIMITS.inputLabel);
    expect(label.component.placeholder?.length).toBe(LIMITS.inputPlaceholder);
    expect(label.component.max_length).toBe(content.messages.limits.maxMessageLength);
    expect(decodeComponentId(modal.custom_id)).toEqual({ kind: "modal", owner: OWNER, step: "goal" });
  });
});
