import type { Config } from "./config";
import type { Database, AnyDb } from "./db/connect";
import type { Logger } from "./log";
import type { Jobs } from "./jobs/jobs";

export interface Runtime {
  config: Config;
  database: Database;
  log: Logger;
  /** The job queue, once the server has started it. */
  jobs?: Jobs;
}

// The runtime lives on globalThis so that the server entry (run by tsx) and the
// bundled React Router build share one database handle.
const KEY = Symbol.for("germoir.runtime");
type Holder = { [KEY]?: Runtime };

export function setRuntime(rt: Runtime | undefined): void {
  (globalThis as Holder)[KEY] = rt;
}

export function runtime(): Runtime {
  const rt = (globalThis as Holder)[KEY];
  if (!rt) throw new Error("Germoir runtime not initialised (call boot() first)");
  return rt;
}

export function db(): AnyDb {
  return runtime().database.db;
}
