/**
 * `npm start`: the composition root. Starts every platform adapter whose settings are present;
 * with none configured, opens the local coaching chat in the terminal.
 */
import { main as terminal } from "./terminal/cli.ts";

await terminal(process.argv.slice(2));
