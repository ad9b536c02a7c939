/**
 * Run by disk-errors.test.ts under `ulimit -n 256`: stores 30 sessions, uses up every file
 * descriptor the process may open, sends each user a turn, frees the descriptors, sends the turn
 * again, and prints what happened as JSON on stdout.
 */
import { closeSync, existsSync, openSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Coordinator } from "../../src/coordinator.ts";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { content, FIXED_NOW } from "../helpers/content.ts";
import { aboutBusiness, open, say } from "../helpers/inputs.ts";

const dir = process.argv[2]!;
const USERS = 30;
const store = new LowdbStore({ dir });
const c = new Coordinator({ content: content(), store, now: () => new Date(FIXED_NOW) });
const users = Array.from({ length: USERS }, (_, i) => `terminal:local:user-${i}`);
for (const u of users) {
  await c.handle(u, open());
  for (const input of aboutBusiness()) await c.handle(u, input);
  await c.handle(u, say("je veux plus de clients"));
}

// every descriptor left, taken
const held: number[] = [];
for (;;) {
  try {
    held.push(openSync("/dev/null", "r"));
  } catch {
    break;
  }
}
const during = await Promise.all(users.map((u) => c.handle(u, say("10 heures par mois"))));
for (const fd of held) closeSync(fd);
const after = await Promise.all(users.map((u) => c.handle(u, say("10 heures par mois"))));

const aside = join(dir, "sessions", "aside");
process.stdout.write(
  JSON.stringify({
    users: USERS,
    refusedWhileExhausted: during.filter((o) => o.replies.some((r) => r.text.includes("Je n'arrive pas à joindre ma mémoire"))).length,
    stepsWhileExhausted: during.map((o) => o.step),
    stepsAfter: after.map((o) => o.step),
    asideCopies: existsSync(aside) ? readdirSync(aside, { recursive: true }).length : 0,
  }) + "\n",
);
