import { describe, expect, it } from "vitest";
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { tempDirs } from "../helpers/temp-dirs.ts";
import { runTranscript } from "../helpers/transcript.ts";

const tempDir = tempDirs("coach-fr-");
const store = () => new LowdbStore({ dir: tempDir() });

describe("a whole interview in French, on the lowdb store", () => {
  it("walks the business, goal, time, budget, skills, owner and the page it has, with bad answers re-asked, and ends in a plan", async () => {
    const { last } = await runTranscript(
      `
      ~ Bonjour ! Je suis votre coach
      ~ (1/9) D'abord, votre entreprise : que faites-vous ?
      ~ 1. Restauration, boulangerie, alimentation
      > boulangerie
      ~ C'est noté : Restauration, boulangerie, alimentation.
      ~ (2/9) Qui sont vos clients, surtout ?
      @ customers
      > des gens du coin
      ~ C'est noté : Des gens du coin.
      ~ (3/9) Quel âge ont la plupart de vos clients ?
      @ age
      > de tous les âges
      ~ C'est noté : De tous les âges.
      ~ (4/9) Quel est votre objectif
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
      ~ (6/9) Quel budget
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
      ~ (9/9) Presque fini : l'entreprise est-elle déjà sur un réseau social ?
      @ presence
      > bof
      ~ Choisissez le numéro qui décrit le mieux votre présence
      @ presence
      > une page qu'on anime plus
      ~ C'est noté : Une page qu'on n'anime plus.
      ~ (10/10) Sur quel réseau est cette page ?
      @ where
      > facebook
      ~ C'est noté : Facebook.
      ~ Voici votre plan
      ~ # Votre plan médias sociaux
      ~ - **Réseau :** Facebook
      ~ ## Par où commencer
      ~ Réveillez votre page Facebook avant d'ouvrir quoi que ce soit d'autre
      ~ le reste de vos heures permet 5 publications par semaine sur Facebook
      ~ | Lundi | Reprendre les accès de la page Facebook |
      ~ - **120 $** : Formation (un cours en ligne ou un formateur)
      ~ Si c'est un stagiaire qui anime vos comptes, donnez-lui des directives claires par écrit
      ~ une ressource (un stagiaire), un réseau, trois mois
      ~ ## Sources
      ~ «Aveugles et faux prophètes», Guillaume, BriseGlace
      @ done
      `,
      store(),
    );
    const ids = last.plan!.recommendations.map((r) => r.id);
    expect(ids).toEqual(["train-the-team", "intern-needs-guidelines", "security-policy", "pilot-and-review"]);
    expect(last.plan).toMatchObject({ goal: "sales", hoursPerMonth: 43.3, budgetPerMonth: 300, currency: "$", skills: "personal", owner: "intern", networks: 1 });
    expect(last.plan?.network).toMatchObject({ id: "facebook", presence: "revive" });
    expect(last.plan?.budgetSplit.reduce((sum, b) => sum + b.amount, 0)).toBe(300);
  });

  it("goes back, keeps the other answers, and restarts only after a yes", async () => {
    await runTranscript(
      `
      > 1
      @ customers
      > 1
      @ age
      > 2
      @ goal
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
      ~ Plan partiel : il reste à répondre à Budget, Compétences, Responsable, Présence actuelle
      ~ Faire connaître l'entreprise (notoriété)
      ~ **Âge des clients :** Surtout de 35 à 54 ans
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
      ~ (1/9) D'abord, votre entreprise : que faites-vous ?
      @ trade
      > plan
      ~ Pas encore de plan
      ! **Métier :**
      `,
      store(),
    );
  });

  it("explains itself on « aide », names the commands, and asks the pending question again", async () => {
    await runTranscript(
      `
      > aide
      ~ Je vous pose quelques questions sur votre entreprise et ses clients, les cinq que tout plan doit régler (objectif, temps, budget, compétences, responsable) et où vous êtes déjà
      ~ Commandes à tout moment : « retour », « recommencer », « plan », « oublie-moi », « english ».
      ~ Je réponds aussi à vos doutes : C'est juste une mode
      ~ (1/9) D'abord, votre entreprise : que faites-vous ?
      ~ 1. Restauration, boulangerie, alimentation
      @ trade
      > #choice:pick:trade:professional
      > #choice:pick:customers:businesses
      ~ (3/8) Quel est votre objectif principal
      ~ 2. Développer les ventes
      @ goal
      > 2
      > 10 heures par mois
      @ budget
      > aide
      ~ Commandes à tout moment : « retour », « recommencer », « plan », « oublie-moi », « english ».
      ~ (5/8) Quel budget
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
      > #choice:pick:trade:personal
      > #choice:pick:customers:local
      > #choice:pick:age:older
      @ goal
      > euh je sais pas
      ~ Pas de souci : c'est justement la question que beaucoup d'entreprises sautent.
      ~ (4/9) Quel est votre objectif principal
      @ goal
      > je comprends pas la question
      ~ être mieux connu, vendre davantage, mieux comprendre vos clients ?
      ! Comprendre nos clients et notre marché.
      @ goal
      > peux-tu répéter?
      ~ (4/9) Quel est votre objectif principal
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
      @ presence
      > jsp
      ~ Cherchez le nom de l'entreprise sur Facebook ou Instagram
      @ presence
      > nulle part encore
      ~ C'est noté : Nulle part encore.
      @ done
      `,
      store(),
    );
    expect(last.plan).toMatchObject({ goal: "sales", hoursPerMonth: 10, budgetPerMonth: 0, skills: "none", owner: "undecided" });
  });

  it("resumes at the same question after the process is gone, and says so", async () => {
    await runTranscript(
      `
      > garage
      ~ C'est noté : Métiers, réparations, construction.
      > les deux
      ~ C'est noté : Les deux : des gens et des entreprises.
      > 35-54
      ~ C'est noté : Surtout de 35 à 54 ans.
      > attirer des talents
      ~ Attirer de nouveaux talents
      > 5 h
      @ budget
      -- restart process
      ~ Rebonjour ! On reprend là où on s'était arrêtés, à la question 6 sur 9
      ~ (6/9) Quel budget
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
