import { describe, expect, it } from "vitest";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";
import { runTranscript } from "../helpers/transcript.ts";

const tempDir = tempDirs("coach-fr-");
const store = () => new LowdbStore({ dir: tempDir() });

describe("a whole interview in French, on the lowdb store", () => {
  it("walks goal, time, budget, skills and owner, with bad answers re-asked, and ends in a plan", async () => {
    const { last } = await runTranscript(
      `
      ~ Bonjour ! Je suis votre coach
      ~ (1/5) Quel est votre objectif
      ~ 2. Développer les ventes
      > je veux plus de clients
      ~ Votre objectif : Développer les ventes
      @ time
      > beaucoup
      ~ Je n'ai pas pu lire un nombre d'heures
      ~ « 2 jours par mois »
      @ time
      > -3
      ~ Je n'ai pas pu lire un nombre d'heures
      @ time
      > 10 heures par semaine
      ~ 43,3 h par mois (environ 10 h par semaine)
      ~ (3/5) Quel budget
      @ budget
      > euh
      ~ Je n'ai pas pu lire un montant
      @ budget
      > 300 $ par mois
      ~ 300 $ par mois
      @ skills
      > 2
      ~ Usage personnel seulement
      @ owner
      > un stagiaire
      ~ Un stagiaire
      ~ Voici votre plan
      ~ # Votre plan médias sociaux
      ~ Vos 43,3 h par mois suffisent pour un réseau, pas plus
      ~ _Source : «Aveugles et faux prophètes», Guillaume, BriseGlace_
      @ done
      `,
      store(),
    );
    const ids = last.plan!.recommendations.map((r) => r.id);
    expect(ids).toEqual([
      "define-objective", "time-per-network", "one-platform-first", "in-house-voice", "choose-help-carefully",
      "train-the-team", "intern-needs-guidelines", "launch-budget", "security-policy", "listen-first", "pilot-and-review",
    ]);
    expect(last.plan).toMatchObject({ goal: "sales", hoursPerMonth: 43.3, budgetPerMonth: 300, currency: "$", skills: "personal", owner: "intern", networks: 1 });
  });

  it("goes back, keeps the other answers, and restarts only after a yes", async () => {
    await runTranscript(
      `
      > 1
      @ time
      > 2 jours par mois
      ~ 16 h par mois
      @ budget
      > retour
      ~ On revient à la question précédente. Votre réponse actuelle : 16 h par mois
      @ time
      > 40 heures par mois
      ~ 40 h par mois
      @ budget
      > plan
      ~ Voici votre plan jusqu'ici
      ~ Plan partiel : il reste à répondre à Budget, Compétences, Responsable
      ~ Faire connaître l'entreprise (notoriété)
      @ budget
      > recommencer
      ~ Tout recommencer ? Vos réponses seront effacées.
      ~ 1. Oui
      > non
      ~ D'accord, on ne recommence pas
      @ budget
      > recommencer
      > oui
      ~ On recommence depuis le début.
      ~ (1/5) Quel est votre objectif
      @ goal
      > plan
      ~ Pas encore de plan
      `,
      store(),
    );
  });

  it("explains itself on « aide », names the commands, and asks the pending question again", async () => {
    await runTranscript(
      `
      > aide
      ~ Je vous pose cinq questions (objectif, temps, budget, compétences, responsable)
      ~ Commandes à tout moment : « retour », « recommencer », « plan », « oublie-moi », « english ».
      ~ Je réponds aussi à vos doutes : C'est juste une mode
      ~ (1/5) Quel est votre objectif principal
      ~ 2. Développer les ventes
      @ goal
      > 2
      > 10 heures par mois
      @ budget
      > aide
      ~ Commandes à tout moment : « retour », « recommencer », « plan », « oublie-moi », « english ».
      ~ (3/5) Quel budget
      ! C'est noté
      @ budget
      > 0
      ~ aucun budget pour l'instant
      @ skills
      `,
      store(),
    );
  });

  it("aide qui ne sait pas ou n'a pas compris, sans rien enregistrer ; une vraie phrase reste lue comme d'habitude", async () => {
    const { last } = await runTranscript(
      `
      > euh je sais pas
      ~ Pas de souci : c'est justement la question que beaucoup d'entreprises sautent.
      ~ (1/5) Quel est votre objectif principal
      @ goal
      > je comprends pas la question
      ~ être mieux connu, vendre davantage, mieux comprendre vos clients ?
      ! Comprendre nos clients et notre marché.
      @ goal
      > peux-tu répéter?
      ~ (1/5) Quel est votre objectif principal
      @ goal
      > 2
      ~ C'est noté. Votre objectif : Développer les ventes.
      > aucune idée
      ~ Une estimation suffit.
      @ time
      > 10 heures par mois
      ~ C'est noté : 10 h par mois
      > je sais pas
      ~ Une estimation suffit, et « 0 » est une réponse valable.
      @ budget
      > 0
      > jsp
      ~ « Usage personnel seulement » (ou « Aucune ») est la bonne réponse
      @ skills
      > 1
      > bof, peux-tu répéter?
      ~ choisissez « Pas encore décidé »
      @ owner
      > je sais pas
      ~ C'est noté : Pas encore décidé.
      @ done
      `,
      store(),
    );
    expect(last.plan).toMatchObject({ goal: "sales", hoursPerMonth: 10, budgetPerMonth: 0, skills: "none", owner: "undecided" });
  });

  it("resumes at the same question after the process is gone, and says so", async () => {
    await runTranscript(
      `
      > attirer des talents
      ~ Attirer de nouveaux talents
      > 5 h
      @ budget
      -- restart process
      ~ Rebonjour ! On reprend là où on s'était arrêtés, à la question 3 sur 5
      ~ (3/5) Quel budget
      @ budget
      > aucun
      ~ aucun budget pour l'instant
      @ skills
      `,
      store(),
    );
  });

  it("forgets the user after a confirmation", async () => {
    const s = store();
    await runTranscript(
      `
      > 1
      > oublie-moi
      ~ Je vais effacer tout ce que je garde sur vous
      > oui
      ~ C'est fait : je n'ai plus rien sur vous
      `,
      s,
    );
    expect(await s.keys()).toEqual([]);
  });
});
