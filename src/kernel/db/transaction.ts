import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from "kysely";
import { rootDb } from "../runtime";
import { runtime } from "../runtime";
import { transactionScope, type TransactionScope } from "./scope";

/**
 * Runs a use case in one transaction: every data function it calls (through `db()`) joins it, so
 * its writes — in any module's tables — are committed together or not at all. Called inside
 * another transaction, it opens a savepoint: a failure rolls back only its own writes (the caller
 * may catch it and go on) and its `onCommit` hooks are dropped with them.
 *
 * After COMMIT, the hooks registered with `onCommit` run in order (job queue sends, deliveries);
 * a failing hook is logged, never reported to the user: what they did is committed.
 */
export async function transaction<T>(fn: () => Promise<T>): Promise<T> {
  const outer = transactionScope.getStore();
  if (outer) return savepoint(outer, fn);
  const afterCommit: (() => unknown)[] = [];
  const result = await rootDb()
    .transaction()
    .execute(async (raw) => {
      const trx = activeFaults ? raw.withPlugin(activeFaults.plugin) : raw;
      const scope: TransactionScope = { trx, afterCommit, depth: 0 };
      const value = await transactionScope.run(scope, fn);
      if (activeFaults?.beforeCommit) throw new InjectedFault("before commit");
      return value;
    });
  await runHooks(afterCommit);
  return result;
}

async function savepoint<T>(outer: TransactionScope, fn: () => Promise<T>): Promise<T> {
  const name = sql.id(`germoir_sp_${outer.depth + 1}`);
  await sql`SAVEPOINT ${name}`.execute(outer.trx);
  const scope: TransactionScope = { trx: outer.trx, afterCommit: [], depth: outer.depth + 1 };
  let value: T;
  try {
    value = await transactionScope.run(scope, fn);
  } catch (err) {
    // The transaction itself may be unusable (connection lost): the caller gets the first error.
    await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(outer.trx).catch(() => undefined);
    throw err;
  }
  await sql`RELEASE SAVEPOINT ${name}`.execute(outer.trx);
  outer.afterCommit.push(...scope.afterCommit);
  return value;
}

async function runHooks(hooks: (() => unknown)[]) {
  for (const hook of hooks) {
    try {
      await hook();
    } catch (err) {
      runtime().log.error("after-commit step failed", { err });
    }
  }
}

/**
 * Runs `fn` once the current transaction commits (never if it rolls back); at once outside a
 * transaction. For what is not a row of ours: a job queue send, a delivery kick. (NOTIFY needs
 * none of this: PostgreSQL delivers it at COMMIT.)
 */
export async function onCommit(fn: () => unknown): Promise<void> {
  const scope = transactionScope.getStore();
  if (scope) scope.afterCommit.push(fn);
  else await runHooks([fn]);
}

/** True inside `transaction(...)`. */
export function inTransaction(): boolean {
  return !!transactionScope.getStore();
}

/** For data functions that are only correct as part of a larger write (a half would be a lie). */
export function assertTransaction(what = "this write"): void {
  if (!transactionScope.getStore()) throw new Error(`${what} must run inside transaction(...)`);
}

// ---------------------------------------------------------------- database errors

const pgCode = (err: unknown): string | undefined =>
  err && typeof err === "object" && "code" in err && typeof (err as { code: unknown }).code === "string" ? (err as { code: string }).code : undefined;

/** A unique or exclusion constraint refused the row (23505, 23P01): a real conflict. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const code = pgCode(err);
  if (code !== "23505" && code !== "23P01") return false;
  return !constraint || (err as { constraint?: string }).constraint === constraint;
}

/** A RAISE from one of our triggers with a given SQLSTATE (e.g. 'GE001' for an immutable row). */
export function isRaised(err: unknown, code: string): boolean {
  return pgCode(err) === code;
}

// ---------------------------------------------------------------- fault injection (tests only)

/** The error a planned fault throws. */
export class InjectedFault extends Error {
  constructor(where: string) {
    super(`injected fault: ${where}`);
  }
}

interface ActiveFaults {
  plugin: KyselyPlugin;
  beforeCommit: boolean;
  statements: number;
}
let activeFaults: ActiveFaults | null = null;

/**
 * Test-only: from now on, transactions count their statements and the `failAt`-th one (1-based,
 * counted across the transactions run until `stop()`) throws `InjectedFault` instead of running;
 * `beforeCommit` fails every transaction just before its COMMIT. `stop()` returns how many
 * statements ran (or were refused) inside transactions. Refused outside vitest.
 */
export function injectFaults(plan: { failAt?: number; beforeCommit?: boolean }): { stop(): number } {
  if (!process.env.VITEST) throw new Error("fault injection is for tests only");
  const state: ActiveFaults = {
    statements: 0,
    beforeCommit: !!plan.beforeCommit,
    plugin: {
      transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
        state.statements++;
        if (plan.failAt === state.statements) throw new InjectedFault(`statement ${state.statements}`);
        return args.node;
      },
      transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
        return Promise.resolve(args.result);
      },
    },
  };
  activeFaults = state;
  return {
    stop() {
      if (activeFaults === state) activeFaults = null;
      return state.statements;
    },
  };
}
