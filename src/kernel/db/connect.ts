import fs from "node:fs";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";

/** Each module declares its own tables and narrows the shared handle with `db.withTables<T>()`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type AnyDb = Kysely<{}>;

export interface Database {
  db: AnyDb;
  kind: "postgres" | "pglite";
  /**
   * Receives the NOTIFY payloads of a channel sent by any process on this database (after their
   * transaction commits). `onGap` is called when notifications may have been lost (the listening
   * connection dropped and came back): listeners then reload what they show.
   */
  listen(channel: string, onPayload: (payload: string) => void, onGap?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a gzipped tar (tests copy a seeded database this way). */
  dump?(): Promise<Blob>;
}

// Dates stay JS Dates; bigint counts come back as numbers (never above 2^53 here).
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function connectPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection closed by the server (restart, administrator, dropped database) must not
  // crash the process: the pool drops that client and opens a new one when needed.
  pool.on("error", (err) => {
    process.stderr.write(`${JSON.stringify({ level: "warn", msg: "idle database connection closed", err: err.message })}\n`);
  });
  const db = new Kysely<{}>({ dialect: new PostgresDialect({ pool }) });
  const listener = new PgListener(url);
  return {
    db,
    kind: "postgres",
    listen: (channel, onPayload, onGap) => listener.listen(channel, onPayload, onGap),
    close: async () => {
      await listener.close();
      await db.destroy();
    },
  };
}

type Subscription = { onPayload: (payload: string) => void; onGap?: () => void };

/**
 * One dedicated connection per process for LISTEN (a pooled connection cannot hold it), opened on
 * the first subscription. If it drops, it reconnects with a growing delay, listens again and tells
 * the subscribers that they may have missed notifications.
 */
class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private subs = new Map<string, Set<Subscription>>();
  private closed = false;
  private retryMs = 250;
  constructor(private readonly url: string) {}

  async listen(channel: string, onPayload: (payload: string) => void, onGap?: () => void) {
    const sub: Subscription = { onPayload, onGap };
    let set = this.subs.get(channel);
    const first = !set;
    if (!set) this.subs.set(channel, (set = new Set()));
    set.add(sub);
    const client = await this.connect();
    if (first) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      set.delete(sub);
      if (set.size === 0 && this.subs.get(channel) === set) {
        this.subs.delete(channel);
        await this.client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      }
    };
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on("notification", (n) => {
        for (const s of this.subs.get(n.channel) ?? []) s.onPayload(n.payload ?? "");
      });
      client.on("error", () => this.lost(client));
      client.on("end", () => this.lost(client));
      await client.connect();
      for (const channel of this.subs.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      this.client = client;
      this.retryMs = 250;
      return client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private lost(client: pg.Client) {
    if (this.client !== client || this.closed) return;
    this.client = null;
    process.stderr.write(`${JSON.stringify({ level: "warn", msg: "LISTEN connection lost, reconnecting" })}\n`);
    const retry = () => {
      if (this.closed || this.subs.size === 0) return;
      this.connect().then(
        () => {
          for (const set of this.subs.values()) for (const s of set) s.onGap?.();
        },
        () => {
          this.retryMs = Math.min(this.retryMs * 2, 10_000);
          setTimeout(retry, this.retryMs).unref();
        },
      );
    };
    setTimeout(retry, this.retryMs).unref();
  }

  async close() {
    this.closed = true;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in a data folder, or in memory with "memory://".
 * Same SQL and migrations as production.
 */
export async function connectPglite(dir: string, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  const [{ PGlite }, { unaccent }, { pg_trgm }, { createPgConfig }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/unaccent"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/node-postgres"),
  ]);
  if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir, { extensions: { unaccent, pg_trgm }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  const pool = new pg.Pool({ ...(createPgConfig(pglite) as unknown as pg.PoolConfig), max: 1 });
  const db = new Kysely<{}>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    // One process holds the database: PGlite's own LISTEN delivers what any query NOTIFYs.
    listen: async (channel, onPayload) => {
      const off = await pglite.listen(channel, onPayload);
      return async () => off();
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
    dump: () => pglite.dumpDataDir("gzip"),
  };
}
