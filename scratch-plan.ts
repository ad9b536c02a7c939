import { loadContent } from "./src/content/load.ts";
import { Coordinator } from "./src/coordinator.ts";
import { MemoryStore } from "./src/store/memory-store.ts";
const c = new Coordinator({ content: loadContent(), store: new MemoryStore() });
const k = "x";
const [lang, ...msgs] = process.argv.slice(2);
await c.handle(k, { kind: "open", locale: lang as "fr" });
for (const t of msgs) {
  const o = await c.handle(k, { kind: "text", text: t, locale: lang as "fr" });
  if (!o.events.some((e) => e.kind === "saved")) console.error("NOT SAVED:", t, JSON.stringify(o.mode), JSON.stringify(o.events));
}
const o = await c.handle(k, { kind: "export" });
const r = o.replies.find((x) => x.kind === "plan");
console.log(r && "text" in r ? r.text : "no plan");
