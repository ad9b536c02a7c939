/**
 * The lifecycle every platform adapter has. Adapters are built by the composition root
 * (adapters/main.ts) around a coordinator; the core never builds or picks a transport.
 */
export interface Adapter {
  /** a short name for logs: "slack", "discord", "terminal" */
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}
