import { describe, expect, it } from "vitest";
import { parseBudget, parseHours } from "../../src/understand/parse-quantity.ts";
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
    // an afternoon, a morning, an evening: half a day ("a week" after it is the period, not 35 h)
    ["un après-midi par semaine", 17.3],
    ["an afternoon a week", 17.3],
    ["une soirée par semaine", 17.3],
    ["deux matinées par mois", 8],
    ["2 h tous les après-midi", 43.4],
    ["every afternoon for an hour", 21.7],
    // "about" glued to the number
    ["10ish hours a month", 10],
    ["10-ish hours a month", 10],
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
    // a unit with its own quantity: an article, "half", "demi"
    ["une heure", 1],
    ["an hour", 1],
    ["une journée", 8],
    ["half a day", 4],
    ["a half day a week", 17.3],
    ["demi-journée par semaine", 17.3],
    ["2 demi-journées par semaine", 34.6],
    ["deux jours", 16],
    ["a couple hours a week", 8.7],
    ["a couple of hours a week", 8.7],
    // minutes and hours with minutes: the same 21.7 days a month as "an hour a day"
    ["30 minutes par jour", 10.9],
    ["une demi-heure par jour", 10.9],
    ["half an hour a day", 10.9],
    ["15 min a day", 5.4],
    ["un quart d'heure par jour", 5.4],
    ["a quarter of an hour a day", 5.4],
    ["1 h 30", 1.5],
    ["1h30 par semaine", 6.5],
    ["1 heure 30 minutes par semaine", 6.5],
    ["90 min/semaine", 6.5],
    ["an hour and a half a week", 6.5],
    ["one and a half hours a week", 6.5],
    ["une heure et demie par semaine", 6.5],
    ["deux heures et demie", 2.5],
    ["une heure et quart par semaine", 5.4],
    ["2 hours and 30 minutes a week", 10.8],
    ["une journée et demie par mois", 12],
    // spelled numbers, ranges after the unit, counts of sessions, periods before the duration
    ["vingt-cinq heures", 25],
    ["twenty five hours a month", 25],
    ["a dozen hours a month", 12],
    ["deux trois heures", 2.5],
    ["une heure ou deux par semaine", 6.5],
    ["an hour or two a week", 6.5],
    ["3 h ou 4 h par semaine", 15.2],
    ["une à deux heures par semaine", 6.5],
    ["between one and two hours a week", 6.5],
    ["10-ish hours", 10],
    ["deux fois par semaine pendant une heure", 8.7],
    ["twice a week, 2 hours each time", 17.3],
    ["once a week for an hour", 4.3],
    ["2 x 1 h par semaine", 8.7],
    ["1 h le soir, 3 soirs par semaine", 13],
    ["3 times a week 30 minutes", 6.5],
    ["tous les jours 30 minutes", 10.9],
    ["chaque semaine, 5 h", 21.7],
    ["1 h le samedi", 4.3],
    ["2 h on saturdays", 8.7],
    ["3 h toutes les deux semaines", 6.5],
    ["every other week 4 hours", 8.7],
    ["2 h un jour sur deux", 21.7],
    ["deux semaines par mois", 70],
    ["a week a month", 35],
    ["j'ai 2 enfants, 3 h par semaine", 13],
    ["2 h par semaine pendant 3 mois", 8.7],
    ["an hour each weekday", 21.7],
  ])("%s → %d h", (text, hours) => {
    expect(parseHours(text, words())).toEqual({ type: "hours", hoursPerMonth: hours });
  });

  it.each([
    ["-3"], ["beaucoup"], [""], ["   "], ["lots"], ["je ne sais pas"], ["on est 3 employés ici"], ["1000 heures par semaine"], ["🙂"], ["c'est juste une mode"],
    // a unit with no number is not 1 of it
    ["quelques heures"], ["des heures"], ["pas beaucoup d'heures"], ["several hours"], ["a few hours a week"], ["some hours"], ["not many hours"],
    ["quelques minutes par jour"], ["plusieurs jours par mois"], ["heures"],
    // a frequency with no duration
    ["une fois par semaine"], ["twice a week"], ["un jour sur deux"], ["every other day"], ["1 soir par semaine"], ["an evening a week"],
    // figures that do not say which is which
    ["1:30"], ["10 15"], ["quelques fois par semaine, 1 h"],
  ])(
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
    ["pas une cenne", 0, null],
    ["gratuit", 0, null],
    ["free", 0, null],
    ["not a dime", 0, null],
    ["none", 0, null],
    ["nothing for now", 0, null],
    ["0", 0, null],
    ["0 €", 0, "€"],
    ["environ 250,50 €", 250.5, "€"],
    // spelled numbers and their multipliers
    ["a couple hundred bucks", 200, "$"],
    ["a couple of hundred dollars", 200, "$"],
    ["deux cents dollars", 200, "$"],
    ["deux cent cinquante $", 250, "$"],
    ["two hundred dollars", 200, "$"],
    ["a hundred a month", 100, null],
    ["one hundred dollars", 100, "$"],
    ["cent piasses", 100, "$"],
    ["une centaine de dollars", 100, "$"],
    ["fifteen hundred a year", 125, null],
    ["deux mille dollars par an", 166.67, "$"],
    ["a thousand bucks a year", 83.33, "$"],
    ["vingt-cinq euros", 25, "€"],
    ["twenty-five dollars", 25, "$"],
    ["soixante-quinze dollars", 75, "$"],
    ["quatre-vingts euros", 80, "€"],
    ["fifty bucks a month", 50, "$"],
    // thousands written the European and Swiss way
    ["1.000 €", 1000, "€"],
    ["1.000,50 €", 1000.5, "€"],
    ["1'000 CHF", 1000, "CHF"],
    ["$1.5k a year", 125, "$"],
    // the amount among other figures, ranges, periods
    ["on a 3 employés, 200 $ par mois", 200, "$"],
    ["100 $ à 200 $", 150, "$"],
    ["pas plus de 500", 500, null],
    ["300 $ par trimestre", 100, "$"],
    ["$20 a week", 86.6, "$"],
    ["500 dollars US", 500, "USD"],
    ["200 $ par mois pendant 3 mois", 200, "$"],
  ])("%s → %d %s", (text, amount, currency) => {
    expect(parseBudget(text, words())).toEqual({ type: "money", amountPerMonth: amount, currency });
  });

  it.each([
    ["-50 $"], ["beaucoup"], [""], ["pas sûr"], ["2 heures par semaine"], ["aucune idée"], ["$"],
    ["-50 dollars"], ["a lot"], ["not sure"], ["2 hours a week"], ["no idea"], ["a few bucks"], ["some money"],
    // vague hundreds are asked again, not read as 100
    ["a few hundred bucks"], ["several hundred dollars"], ["hundreds of dollars"], ["a few thousand a year"], ["one or two hundred dollars"],
    ["quelques centaines de dollars"], ["quelques milliers par an"], ["des milliers"],
    // two amounts: which one?
    ["100 $ pour la pub et 50 $ pour l'outil"], ["on a 3 employés et on peut mettre 200"],
  ])("%j cannot be read", (text) => {
    expect(parseBudget(text, words())).toBeNull();
  });
});
