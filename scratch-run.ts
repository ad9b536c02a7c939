import { loadContent } from "./src/content/load.ts";
import { Coordinator } from "./src/coordinator.ts";
import { MemoryStore } from "./src/store/memory-store.ts";
const c = new Coordinator({ content: loadContent(), store: new MemoryStore() });
const k = "x";
await c.handle(k, { kind: "open", locale: "fr" });
for (const t of process.argv.slice(2)) {
  const o = await c.handle(k, { kind: "text", text: t, locale: "fr" });
  console.log(">", t, "| mode:", JSON.stringify(o.mode), "| events:", JSON.stringify(o.events));
}
