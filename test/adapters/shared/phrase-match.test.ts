import { expect, test } from "vitest";
import { matchesPhrases } from "../../../adapters/shared/phrase-match.ts";
import { loadSlackDialog, planRequestPhrases } from "../../../adapters/slack/slack-dialog-schema.ts";

const plan = planRequestPhrases(loadSlackDialog());

test("the plan requests of dialogs/slack.yaml, as people type them", () => {
  for (const said of ["plan", "Plan !", "aide-moi à faire un plan", "Aide moi a faire un plan stp", "help me make a plan", "Can you build my plan?", "mon plan"]) {
    expect(matchesPhrases(said, plan), said).toBe(true);
  }
});

test("questions that only mention the word are not plan requests", () => {
  for (const said of ["c'est quoi un plan marketing ?", "is planning worth it?", "c'est pas juste une mode?", "", "   "]) {
    expect(matchesPhrases(said, plan), said).toBe(false);
  }
});
