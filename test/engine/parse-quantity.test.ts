import { describe, expect, it } from "vitest";
import { parseBudget, parseHours } from "../../src/engine/parse-quantity.ts";
import { content } from "../helpers/content.ts";

const words = () => content().quantityWords;

describe("hours a month", () => {
  it.each([
    ["10", 10],
    ["10 h", 10],
    ["10h", 10],
    ["10 heures", 10],
    ["10 heures par mois", 10],
    ["10 heures par semaine", 43.3],
    ["10h/sem", 43.3],
    ["10 heures la semaine", 43.3],
    ["2 jours par mois", 16],
    ["une journée par semaine", 34.6],
    ["une demi-journée par semaine", 17.3],
    ["environ 5 heures par semaine", 21.7],
    ["about 5 hours a week", 21.7],
    ["5 hours a week", 21.7],
    ["an hour a day", 21.7],
    ["half a day a week", 17.3],
    ["between 8 and 12 hours", 10],
    ["entre 8 et 12 heures", 10],
    ["8-12 h", 10],
    ["de 8 à 12 heures par mois", 10],
    ["2,5 heures par semaine", 10.8],
    ["deux jours par mois", 16],
    ["ten hours a month", 10],
    ["peut-être 2 heures par semaine", 8.7],
    ["on n'a pas le temps, peut-être 2 heures par semaine", 8.7],
    ["0", 0],
    ["aucune", 0],
    ["2 jours par mois et 3 heures par semaine", 29],
    ["120 heures par an", 10],
  ])("%s → %d h", (text, hours) => {
    expect(parseHours(text, words())).toEqual({ type: "hours", hoursPerMonth: hours });
  });

  it.each([["-3"], ["beaucoup"], [""], ["   "], ["lots"], ["je ne sais pas"], ["on est 3 employés ici"], ["1000 heures par semaine"], ["🙂"], ["c'est juste une mode"]])(
    "%j cannot be read",
    (text) => {
      expect(parseHours(text, words())).toBeNull();
    },
  );
});

describe("budget a month", () => {
  it.each([
    ["500", 500, null],
    ["500 $", 500, "$"],
    ["$500", 500, "$"],
    ["500$ par mois", 500, "$"],
    ["150 €", 150, "€"],
    ["150€/mois", 150, "€"],
    ["150 euros", 150, "€"],
    ["300 dollars", 300, "$"],
    ["200 CAD", 200, "CAD"],
    ["200 $ CA", 200, "CAD"],
    ["1 200 $ par an", 100, "$"],
    ["1,200 CAD a year", 100, "CAD"],
    ["2k$ par an", 166.67, "$"],
    ["100 $ par semaine", 433, "$"],
    ["entre 100 et 200 $", 150, "$"],
    ["aucun", 0, null],
    ["Aucun budget", 0, null],
    ["rien", 0, null],
    ["none", 0, null],
    ["nothing for now", 0, null],
    ["0", 0, null],
    ["0 €", 0, "€"],
    ["environ 250,50 €", 250.5, "€"],
  ])("%s → %d %s", (text, amount, currency) => {
    expect(parseBudget(text, words())).toEqual({ type: "money", amountPerMonth: amount, currency });
  });

  it.each([["-50 $"], ["beaucoup"], [""], ["pas sûr"], ["2 heures par semaine"], ["aucune idée"], ["$"]])("%j cannot be read", (text) => {
    expect(parseBudget(text, words())).toBeNull();
  });
});
