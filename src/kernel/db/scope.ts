// A namespace import, used lazily: route modules reach this file through the runtime, and the
// client bundle (where node:async_hooks does not exist) must be able to load it without using it.
import * as asyncHooks from "node:async_hooks";
import type { AsyncLocalStorage } from "node:async_hooks";
import type { AnyDb } from "./connect";

/** What a running transaction carries: its executor and what to do once it commits. */
export interface TransactionScope {
  trx: AnyDb;
  /** Run in order after COMMIT; dropped on ROLLBACK. */
  afterCommit: (() => unknown)[];
  /** Nesting depth: 0 for the outer transaction, 1.. for savepoints. */
  depth: number;
}

let storage: AsyncLocalStorage<TransactionScope> | undefined;
const store = () => (storage ??= new asyncHooks.AsyncLocalStorage<TransactionScope>());

/**
 * The transaction of the use case running in this async context, if any. `db()` returns its
 * executor, so every data function called inside `transaction(...)` joins it.
 */
export const transactionScope = {
  getStore: (): TransactionScope | undefined => store().getStore(),
  run: <T>(scope: TransactionScope, fn: () => T): T => store().run(scope, fn),
};
