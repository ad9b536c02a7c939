/**
 * Discord while the coach's memory (the session store) is out of reach, through the real
 * discord.js client and the fake Discord: /plan and /ask are answered "I can't reach my memory
 * right now, try again in a minute" (never the generic failure, never silence), and everything
 * works again once the store is back.
 */
import { Locale } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MemoryStore } from "../../../src/store/memory-store.ts";
import type { Revisioned } from "../../../src/store/session-store.ts";
import { StoreUnavailableError } from "../../../src/store/store-errors.ts";
import { startTestBed, type TestBed } from "./discord-test-bed.ts";
import { discordUser, GUILD_ID } from "./interaction-fixtures.ts";

class FlakyStore extends MemoryStore {
  down = false;
  override async read(key: string): Promise<Revisioned> {
    if (this.down) throw new StoreUnavailableError("Redis could not read a session (simulated outage)", { kind: "unreachable" });
    return super.read(key);
  }
}

const store = new FlakyStore();
let bed: TestBed;
beforeAll(async () => {
  bed = await startTestBed({ store });
});
afterAll(async () => {
  await bed?.close();
});

describe("while the session store is out of reach", () => {
  test("/plan and /ask say the coach cannot reach its memory, then work once it is back", async () => {
    const u = bed.user({ user: discordUser("444444444444444441", "dana"), guildId: GUILD_ID, locale: Locale.French });
    store.down = true;
    try {
      const plan = await u.slash("plan");
      expect(plan.text).toContain("Je n'arrive pas à joindre ma mémoire pour l'instant");
      const ask = await u.slash("ask", { question: "c'est juste une mode, non ?" });
      expect(ask.text).toContain("Je n'arrive pas à joindre ma mémoire pour l'instant");
      expect(ask.text).not.toContain(bed.dialogs.text.failed.fr);
    } finally {
      store.down = false;
    }
    expect((await u.slash("plan")).text).toContain("(1/9)");
  });
});
