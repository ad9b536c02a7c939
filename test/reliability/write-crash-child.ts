/**
 * Run by crash-safe.test.ts: writes version 1 of a session through the lowdb store, then starts
 * writing version 2 and is killed (SIGKILL, by itself) when half of the new bytes are on the disk,
 * as a power cut or the OOM killer would stop it. The parent then reads what is left.
 */
import { LowdbStore } from "../../src/store/lowdb-store.ts";
import { nodeFileOps, type FileOps } from "../../src/store/session-file.ts";
import { putDocument } from "../../src/store/session-store.ts";

const dir = process.argv[2]!;
let crashing = false;
/** Node's file operations, except that once `crashing`, a write stops the process half-way. */
const io: FileOps = {
  ...nodeFileOps,
  open: async (path, flags) => {
    const handle = await nodeFileOps.open(path, flags);
    if (!crashing) return handle;
    return new Proxy(handle, {
      get(target, prop, receiver) {
        if (prop !== "writeFile") return Reflect.get(target, prop, receiver) as unknown;
        return async (data: string) => {
          const bytes = Buffer.from(data, "utf8");
          await target.write(bytes, 0, Math.floor(bytes.length / 2));
          await target.sync();
          process.kill(process.pid, "SIGKILL");
          await new Promise(() => undefined);
        };
      },
    });
  },
};
const store = new LowdbStore({ dir, io });
await putDocument(store, "terminal:local:kim", { version: 1, state: { answer: "version 1", pad: "a".repeat(200_000) } });
crashing = true;
await putDocument(store, "terminal:local:kim", { version: 1, state: { answer: "version 2", pad: "b".repeat(200_000) } });
process.stdout.write("not killed\n");
