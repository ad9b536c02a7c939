import { loadContent } from "../../src/content/load.ts";
const c = loadContent();
for (const t of process.argv.slice(2)) console.log(t, "=>", JSON.stringify(c.objectionIndex.match(t).slice(0, 4)));
