/** The pilot review in the plan's documents: under the plan in the Markdown, on a page of its own in the PDF. */
import { describe, expect, it } from "vitest";
import { Coordinator } from "../../src/coordinator.ts";
import { renderPlanPdf } from "../../src/plan/render-pdf.ts";
import { MemoryStore } from "../../src/store/memory-store.ts";
import { content } from "../helpers/content.ts";
import { aboutBusiness, noPage, open, press, say } from "../helpers/inputs.ts";
import { readPdf, squash } from "../helpers/pdf-reader.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";

const tempDir = tempDirs("coach-review-pdf-");

describe("a plan with its pilot review", () => {
  it("prints the plan on page 1 and the newest review, its verdict and its costs with their sources on page 2", async () => {
    let now = Date.parse("2026-11-30T15:00:00Z");
    const c = new Coordinator({ content: content(), store: new MemoryStore(), now: () => new Date(now) });
    for (const i of [open("en"), ...aboutBusiness({ trade: "trades", customers: "local", age: "middle" }, "en"), say("get known"), say("8 hours a month"), say("$50 a month"), press("pick:skills:none"), press("pick:owner:self"), noPage("en"), press("book:3")]) {
      await c.handle("u", i);
    }
    now = Date.parse("2027-03-01T15:00:00Z");
    await c.handle("u", { kind: "remind" });
    await c.handle("u", press("review:start"));
    for (const t of ["6 hours a month", "$50", "1", "2", "4", "$30 an hour"]) await c.handle("u", say(t));
    const out = await c.handle("u", { kind: "export" });
    const reply = out.replies.find((r) => r.kind === "plan");
    expect(reply?.kind === "plan" && reply.reviews).toHaveLength(1);
    if (reply?.kind !== "plan") throw new Error("no plan");
    expect(reply.text).toContain("## Pilot review of March 1, 2027");
    const pdf = readPdf(await renderPlanPdf(content(), reply.plan, out.answers, { reviews: reply.reviews }), tempDir());
    expect(pdf.pages).toBe(2);
    const text = squash(pdf.text);
    const page2 = text.slice(text.indexOf("Pilot review of March 1, 2027"));
    expect(page2).toContain("Verdict: Keep going.");
    expect(page2).toContain("Your 6 h a month at $30 an hour: $180 a month, plus $50 spent.");
    expect(page2).toMatch(/U\.S\. Bureau of Labor Statistics .* 2024/);
    // without a review, the plan alone, on one page
    expect(readPdf(await renderPlanPdf(content(), reply.plan, out.answers), tempDir()).pages).toBe(1);
  });
});
