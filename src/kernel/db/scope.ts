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

// One storage per process, on globalThis as the runtime is: the server entry (run by tsx, which
// wires the modules at boot) and the bundled app hold two copies of this file. A listener wired at
// boot (a committee's decision applier, a project's change heard by the roadmaps) runs from the
// entry's copy inside a use case begun by the bundle's: with a storage per copy, its `db()` missed
// the transaction and wrote beside it, on another connection.
const KEY = Symbol.for("germoir.transactionScope");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<TransactionScope> };
const store = () => (holder[KEY] ??= new asyncHooks.AsyncLocalStorage<TransactionScope>());

/**
 * The transaction of the use case running in this async context, if any. `db()` returns its
 * executor, so every data function called inside `transaction(...)` joins it.
 */
export const transactionScope = {
  getStore: (): TransactionScope | undefined => store().getStore(),
  run: <T>(scope: TransactionScope, fn: () => T): T => store().run(scope, fn),
};
