import { CompiledQuery, sql } from "kysely";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimitName, RateLimitRule } from "../config";
import type { AnyDb } from "../db/connect";
import type { MigrationSet } from "../db/migrate";
import { runtime } from "../runtime";

/**
 * Rate limits, counted in PostgreSQL (the `rate_limits` table) by rate-limiter-flexible's
 * RateLimiterPostgres, so that every web process of a cluster shares the same counters. The
 * library's store talks to the database through our Kysely handle: the same code runs on
 * PostgreSQL (pg Pool) and on embedded PGlite (its pg adapter). If the database cannot answer,
 * an in-memory limiter of the same size takes over for that process (the library's insurance).
 */
export const rateLimitMigrations: MigrationSet = {
  "2026-12-04-00-kernel-rate-limits": {
    async up(db) {
      // The columns rate-limiter-flexible's PostgreSQL store expects (key, points, expire in ms).
      await sql`CREATE TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`.execute(db);
    },
  },
};

export type Refusal = { ok: false; retryAfterSeconds: number; limit: RateLimitName };
export type Decision = { ok: true; refund: () => Promise<void> } | Refusal;

export interface Who {
  /** The signed-in account, or the account a sign-in targets; none for an anonymous request. */
  account?: string | null;
  /** The client's address (behind a trusted proxy, the forwarded one). */
  ip?: string | null;
}

/** The store client rate-limiter-flexible calls (`query({ text, values })`), on our Kysely handle. */
function storeClient(db: AnyDb) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const r = await db.executeQuery(CompiledQuery.raw(q.text, q.values ?? []));
      return { rows: r.rows, rowCount: r.numAffectedRows !== undefined ? Number(r.numAffectedRows) : r.rows.length };
    },
  };
}

export class RateLimits {
  private limiters = new Map<string, RateLimiterAbstract>();
  constructor(
    private readonly db: AnyDb,
    private readonly rules: Record<RateLimitName, RateLimitRule>,
  ) {}

  private limiter(name: RateLimitName, scope: "account" | "ip", bucket: string): RateLimiterAbstract {
    const keyPrefix = `${bucket}:${scope}`;
    let l = this.limiters.get(keyPrefix);
    if (!l) {
      const rule = this.rules[name];
      const size = { points: rule[scope], duration: rule.seconds, keyPrefix };
      l = new RateLimiterPostgres({
        ...size,
        storeClient: storeClient(this.db),
        storeType: "pool",
        tableName: "rate_limits",
        tableCreated: true, // by the migration above
        clearExpiredByTimeout: true,
        insuranceLimiter: new RateLimiterMemory(size),
      });
      this.limiters.set(keyPrefix, l);
    }
    return l;
  }

  /**
   * Counts one request of `who` against the limit (per IP, then per account). Refused when
   * either is spent, with the seconds to wait. `bucket` separates counters that share a rule
   * (the two halves of a sign-in). `refund` gives the point back, for a request that did nothing.
   */
  async consume(name: RateLimitName, who: Who, bucket: string = name): Promise<Decision> {
    const spent: { limiter: RateLimiterAbstract; key: string }[] = [];
    const refund = async () => {
      await Promise.all(spent.map((s) => s.limiter.reward(s.key, 1).catch(() => undefined)));
    };
    for (const scope of ["ip", "account"] as const) {
      const key = who[scope];
      if (!key) continue;
      const limiter = this.limiter(name, scope, bucket);
      try {
        await limiter.consume(key.slice(0, 200), 1);
        spent.push({ limiter, key: key.slice(0, 200) });
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        await refund();
        return { ok: false, limit: name, retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
      }
    }
    return { ok: true, refund };
  }
}

const KEY = Symbol.for("germoir.rateLimits");
type Holder = { [KEY]?: { db: AnyDb; limits: RateLimits } };

/** The process's limits on the runtime's database (made once per database handle). */
export function rateLimits(): RateLimits {
  const rt = runtime();
  const holder = globalThis as Holder;
  if (holder[KEY]?.db !== rt.database.db) holder[KEY] = { db: rt.database.db, limits: new RateLimits(rt.database.db, rt.config.rateLimits) };
  return holder[KEY]!.limits;
}

/** « Trop de demandes… » with the wait in French. */
export function tooManyMessage(seconds: number): string {
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)}\u00a0minutes` : `${seconds}\u00a0seconde${seconds > 1 ? "s" : ""}`;
  return `Trop de demandes en peu de temps\u00a0: réessayez dans ${wait}.`;
}
