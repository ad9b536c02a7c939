/**
 * The adapters' dialog files (dialogs/slack.yaml, dialogs/discord.yaml) are read by the same loader
 * as dialogs/reliability.yaml, which the core needs too: it lives in src/content/.
 */
export { loadDialogFile } from "../../src/content/load-dialog-file.ts";
