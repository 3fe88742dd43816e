import { AsyncLocalStorage } from "node:async_hooks";
import type { AnyDb } from "./connect";

/** What a running transaction carries: its executor and what to do once it commits. */
export interface TransactionScope {
  trx: AnyDb;
  /** Run in order after COMMIT; dropped on ROLLBACK. */
  afterCommit: (() => unknown)[];
  /** Nesting depth: 0 for the outer transaction, 1.. for savepoints. */
  depth: number;
}

/**
 * The transaction of the use case running in this async context, if any. `db()` returns its
 * executor, so every data function called inside `transaction(...)` joins it.
 */
export const transactionScope = new AsyncLocalStorage<TransactionScope>();
