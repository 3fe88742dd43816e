import type { Config } from "./config";
import type { Database, AnyDb } from "./db/connect";
import type { Logger } from "./log";
import type { Jobs } from "./jobs/jobs";
import { transactionScope } from "./db/scope";

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

/**
 * The executor data functions run on: the use case's transaction when called inside
 * `transaction(...)` (src/kernel/db/transaction.ts), else the shared pool. Modules narrow it with
 * `withTables<T>()`, which a transaction keeps (it is a Kysely instance too).
 */
export function db(): AnyDb {
  return transactionScope.getStore()?.trx ?? runtime().database.db;
}

/** The pool, never the current transaction (for what must not wait for a commit: job queue, LISTEN). */
export function rootDb(): AnyDb {
  return runtime().database.db;
}
