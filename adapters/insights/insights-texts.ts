/**
 * The schema of dialogs/insights.yaml: every sentence of the insights page (fr + en), each with the
 * placeholders it may use. The type is derived from the schema.
 */
import { z } from "zod";
import { localized } from "../../src/content/schema.ts";
import { loadDialogFile } from "../shared/load-dialog-file.ts";

/** Each text of the page, and the placeholders it may use. */
const PLACEHOLDERS = {
  title: [], period: ["days", "kept"], periodLabel: [], periodOption: ["days"], show: [], otherLanguage: [],
  navFunnel: [], navDoubts: [], navValues: [], navInbox: [], navExports: [], privacy: ["days"], notFound: [], backHome: [],
  funnelTitle: [], funnelHelp: [], stageStarted: [], stageAnswered: ["step"], stagePlan: [], conditionalNote: [],
  colStage: [], colConversations: [], colOfStarted: [], colStopped: [], funnelEmpty: [],
  listeningTitle: [], listeningHelp: [], colQuestion: [], colReasked: [], colConfirmed: [], listeningEmpty: [],
  notUnderstood: ["n"], reviews: ["booked", "done"],
  doubtsTitle: [], doubtsHelp: [], doubtsByRule: [], doubtsByLang: [], doubtsByDay: [], doubtsEmpty: [],
  colTopic: [], colTotal: [], langFr: [], langEn: [], kindDoubt: [], kindQuestion: [], numbers: [],
  valuesTitle: [], valuesHelp: [], hoursTitle: [], budgetTitle: [], colRange: [], colOwners: [], valuesEmpty: [],
  inboxTitle: [], inboxHelp: [], filterQuestion: [], filterLanguage: [], filterWhy: [], filterConversation: [], filterStatus: [],
  filterAll: [], filterApply: [], filterClear: [], statusOpen: [], statusTaught: [], inboxCount: ["shown", "total"], inboxEmpty: [],
  colWhen: [], colLanguage: [], colWhy: [], colConversation: [], colMessage: [], colAction: [],
  whyNotUnderstood: [], whyUnreadable: [], whyQuestion: [], whyDeclined: [], stepPlan: [], stepAsk: [], teachLink: [], conversationLink: [],
  taughtAs: ["as"], taughtFlash: ["files"],
  teachTitle: [], teachBack: [], teachWhat: [], teachRule: [], teachChoice: [], teachValue: [], teachOffTopic: [],
  groupDoubts: [], groupQuestions: [], pick: [], unitHours: [], unitMoney: [], teachText: [], teachSubmit: [], teachNote: [],
  alreadyTaught: ["as"], errorPickRule: [], errorPickChoice: [], errorValue: [], errorKind: [], errorText: [], errorGone: [],
  asChoice: ["step", "choice"], asHours: ["value"], asMoney: ["value"], asOffTopic: [],
  exportsTitle: [], exportCounts: [], exportPhrasings: [],
  unauthorizedTitle: [], unauthorized: [],
} as const satisfies Record<string, readonly string[]>;

export type InsightsTextKey = keyof typeof PLACEHOLDERS;

const texts = Object.fromEntries(Object.entries(PLACEHOLDERS).map(([k, vars]) => [k, localized(vars)])) as {
  [K in InsightsTextKey]: ReturnType<typeof localized>;
};

export const InsightsPageFile = z.strictObject({ text: z.strictObject(texts) });
export type InsightsTexts = z.infer<typeof InsightsPageFile>["text"];

/**
 * Loads and checks dialogs/insights.yaml.
 * @throws ContentError naming the file, the field and its line
 */
export function loadInsightsTexts(dir?: string): InsightsTexts {
  return loadDialogFile("insights.yaml", InsightsPageFile, dir).text;
}
