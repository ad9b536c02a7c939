/**
 * Words that share a doubt's vocabulary without voicing it: a sense that is not the doubt
 * ("gardien de sécurité", notDoubtSenses) and a phrase that says the opposite of the concern ("my
 * boss is all for it", a rule's `unless`) are not answered; the doubt itself still is.
 */
import { describe, expect, it } from "vitest";
import { matchDoubt } from "../../src/understand/match-doubt.ts";
import { content } from "../helpers/content.ts";

const doubt = (text: string) => {
  const r = matchDoubt(content(), text);
  return r.kind === "match" ? r.id : r.kind === "ambiguous" ? `ambiguous:${r.ids.join(",")}` : null;
};

describe("words that share a doubt's vocabulary", () => {
  it.each([
    "Mon neveu est gardien de sécurité, il va m'aider à filmer.",
    "I'm a locksmith and I want to post tips on keeping your home secure.",
    "Mon expert-comptable trouve que l'année a été bonne.",
    "Our business plan says we open a second shop next year.",
    "My boss asked me to set up the page and she's all for it.",
    "Ma patronne est super contente de l'idée, elle veut qu'on commence.",
  ])("'%s' voices no doubt", (text) => {
    expect(doubt(text)).toBeNull();
  });

  it.each([
    ["Et la sécurité de nos comptes, on se fait pirater ?", "security"],
    ["My boss will never approve this.", "management-buy-in"],
    ["Ma patronne va jamais accepter ça.", "management-buy-in"],
    ["My partners aren't on board with social media.", "management-buy-in"],
    ["Tout le monde se dit expert en médias sociaux.", "experts"],
  ])("'%s' still voices its doubt", (text, id) => {
    expect(doubt(text)).toBe(id);
  });
});
