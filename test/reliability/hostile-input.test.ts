/**
 * Generated messages and button ids, hostile and odd, through the real coordinator and every
 * renderer (terminal, Slack Block Kit, Discord components): 10,000 in `npm test`, 100,000 with
 * `npm run fault:fuzz` (FUZZ_RUNS sets the number). Seeded: a failure prints the seed and the
 * input, and `FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run test/reliability/hostile-input.test.ts`
 * replays it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderReplies as renderDiscord, LIMITS as DISCORD } from "../../adapters/discord/render-replies.ts";
import { loadDiscordDialogs } from "../../adapters/discord/discord-dialogs.ts";
import { renderReplies as renderSlack, LIMITS as SLACK } from "../../adapters/slack/block-kit.ts";
import { renderReply } from "../../adapters/terminal/render.ts";
import { Coordinator } from "../../src/coordinator.ts";
import type { Input } from "../../src/vocabulary/inputs.ts";
import { decodeAction } from "../../adapters/shared/action-codec.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { fill } from "../../src/text/template.ts";
import { content } from "../helpers/content.ts";

const SEED = Number(process.env["FUZZ_SEED"] ?? 20261121);
const RUNS = Number(process.env["FUZZ_RUNS"] ?? 10_000);
const SESSIONS = 250;

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("", " ", "\n\t \r\n", "<!channel>", "<!here|here>", "@everyone", "@here", "<@U123>", "<@&987654321>", "<#C42|général>", "**gras** _it_ `code` ~~x~~ > quote", "# heading\n- item", "\u200b\u200c\u200d10\u200b h", "\u200e\u202e500 $\u202c", "🙂🙂🙂", "👍🏽", "\u0000\u0007\u001b[31mred\u001b[0m", "javascript:alert(1)", "<script>x</script>", "&amp;&lt;", "%s %d {goal} {hours|a|b}", "\\u0000", "null", "undefined", "NaN", "-3", "1e309", "999999999999999999999 $", "oublie-moi", "oui", "recommencer", "retour", "plan", "aide", "english", "français") },
  { weight: 3, arbitrary: fc.constantFrom("2", "10 h", "200 $", "1", "3", "je veux plus de clients", "c'est juste une mode", "too expensive", "none", "about 5 hours a week") },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  // around the length limit, built from a short random piece (generating 2,000 random graphemes per sample is slow)
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }), fc.integer({ min: 1990, max: 2100 })).map(([piece, n]) => piece.repeat(Math.ceil(n / piece.length)).slice(0, n)) },
  { weight: 1, arbitrary: fc.constant("é".repeat(100_000)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("<!channel> ", "@everyone ", "<@U1> "), fc.string({ maxLength: 30 })).map(([a, b]) => a + b) },
);

function buttonIds(): string[] {
  const ids: string[] = ["confirm:yes", "confirm:no", "confirm:forget:yes", "confirm:restart:yes", "confirm:restart:no", "confirm:time:yes", "confirm:goal:no",
    "cmd:back", "cmd:restart", "cmd:plan", "cmd:forget", "cmd:help", "lang:fr", "lang:en", "lang:de", "change:*", "change:goal", "change:time", "change:nope"];
  for (const s of content().steps) if (s.kind === "choice") for (const c of s.choices) ids.push(`pick:${s.id}:${c.id}`, `${s.id}:${c.id}`);
  for (const r of content().rules.keys()) ids.push(`topic:${r}`, `ask:${r}`);
  return ids;
}
const hostileButton = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...buttonIds()) },
  { weight: 1, arbitrary: fc.constantFrom("goal:", ":", "ask:", "ask:nope", "skills:team:extra", "owner:" + "x".repeat(200), "cmd:", "confirm:maybe", "", "pick:goal", "pick::", "topic:", "change:" + "y".repeat(90)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 120 }) },
);
const input = fc.oneof(
  { weight: 3, arbitrary: hostileText.map((text): Input => ({ kind: "text", text })) },
  // a button id the platform sends back: decoded at the edge; one that decodes to nothing never reaches the engine
  { weight: 1, arbitrary: hostileButton.map((id): Input => { const action = decodeAction(id); return action ? { kind: "action", action } : { kind: "text", text: id }; }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Input>({ kind: "open" }, { kind: "open", locale: "en" }, { kind: "export" }, { kind: "ask", text: "c'est une mode <!channel>" }, { kind: "ask", rule: "fad" }, { kind: "ask", rule: "nope" }),
  },
);

/** A cheap assertion for the hot loop (vitest's expect costs more than the turn it checks). */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}
const atMost = (n: number, max: number, what: string) => check(n <= max, `${what}: ${n} > ${max}`);

/** Everything a Slack message shows: no live mention or broadcast can be in it. */
function checkSlack(outcomeReplies: Parameters<typeof renderSlack>[0]): void {
  for (const out of renderSlack(outcomeReplies, { kind: "turn", owner: "U1" })) {
    const messages = out.kind === "plan" ? out.messages : [out.message];
    for (const m of messages) {
      atMost(m.blocks.length, SLACK.blocksPerMessage, "m.blocks.length");
      const texts = [m.text];
      for (const b of m.blocks) {
        if (b.type === "section" && b.text) {
          atMost(b.text.text.length, SLACK.sectionText, "b.text.text.length");
          texts.push(b.text.text);
        }
        if (b.type === "actions") {
          atMost(b.elements.length, SLACK.elementsPerActions, "b.elements.length");
          atMost((b.block_id ?? "").length, SLACK.id, "block_id");
          for (const e of b.elements) {
            if (e.type !== "button") continue;
            atMost(e.text.text.length, SLACK.buttonLabel, "e.text.text.length");
            atMost((e.value ?? "").length, SLACK.buttonValue, "button value");
            atMost((e.action_id ?? "").length, SLACK.id, "action_id");
            texts.push(e.text.text);
          }
        }
        if (b.type === "context") for (const e of b.elements) if ("text" in e) texts.push(e.text);
      }
      for (const t of texts) check(!/<[!@#]/.test(t), `live mention in Slack text: ${t.slice(0, 80)}`);
    }
  }
}

function checkDiscord(replies: Parameters<typeof renderDiscord>[0], lang: "fr" | "en", done: boolean, dialogs: ReturnType<typeof loadDiscordDialogs>): void {
  for (const m of renderDiscord(replies, { owner: "111111111111111111", lang, content: content(), dialogs, shareable: done })) {
    atMost(m.content.length, DISCORD.content, "m.content.length");
    atMost(m.components.length, DISCORD.rows, "m.components.length");
    for (const row of m.components) {
      atMost(row.components.length, DISCORD.buttonsPerRow, "row.components.length");
      for (const c of row.components) {
        const id = "custom_id" in c ? c.custom_id : "";
        atMost(id.length, 100, "id.length");
        if ("label" in c && c.label !== undefined) atMost(c.label.length, DISCORD.buttonLabel, "c.label.length");
        // a select menu: its options, their labels and values, its placeholder
        if ("options" in c && Array.isArray(c.options)) {
          atMost(c.options.length, DISCORD.selectOptions, "select options");
          for (const o of c.options) {
            atMost(o.label.length, DISCORD.selectOptionLabel, "select option label");
            atMost(o.value.length, 100, "select option value");
            atMost(o.description?.length ?? 0, 100, "select option description");
          }
          atMost(c.placeholder?.length ?? 0, 150, "select placeholder");
        }
      }
    }
  }
}

describe("hostile and odd input", () => {
  it(`${RUNS.toLocaleString("en")} generated messages and button ids: no throw, no broken limit, no live mention (seed ${SEED})`, async () => {
    const inputs = fc.sample(input, { seed: SEED, numRuns: RUNS });
    const c = new Coordinator({ content: content(), store: new MemoryStore(), maxQueuedPerSession: 1_000_000 });
    const dialogs = loadDiscordDialogs();
    const maxLength = content().messages.limits.maxMessageLength;
    const tooLong = { fr: fill(content().messages.text.tooLong.fr, { max: maxLength }, "fr"), en: fill(content().messages.text.tooLong.en, { max: maxLength }, "en") };
    let tooLongSeen = 0;
    for (let i = 0; i < inputs.length; i++) {
      const inp = inputs[i]!;
      let outcome;
      try {
        outcome = await c.handle(`fuzz:${i % SESSIONS}`, inp);
        for (const r of outcome.replies) {
          check(typeof r.text === "string" && r.text.trim().length > 0, "an empty reply");
          renderReply(r);
        }
        if (inp.kind === "text" && inp.text.length > maxLength) {
          check(outcome.replies[0]!.text === tooLong[outcome.lang], `no "too long" message (${outcome.mode}): ${outcome.replies[0]!.text.slice(0, 80)}`);
          tooLongSeen++;
        }
        checkSlack(outcome.replies);
        checkDiscord(outcome.replies, outcome.lang, outcome.done, dialogs);
      } catch (err) {
        throw new Error(`seed ${SEED}, input #${i}: ${JSON.stringify(inp).slice(0, 300)}\n${(err as Error).message}`);
      }
    }
    expect(tooLongSeen).toBeGreaterThan(100);
  }, 170_000);
});
