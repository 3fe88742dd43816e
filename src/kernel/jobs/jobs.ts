import { CompiledQuery } from "kysely";
import PgBoss from "pg-boss";
import type { AnyDb } from "../db/connect";
import type { Logger } from "../log";
import { runtime } from "../runtime";

/** A background job handler: receives the job's data; throwing marks the job failed. */
export type JobHandler = (data: Record<string, unknown>, job: { id: string }) => Promise<void>;

export interface QueueSpec {
  /** Seconds before a running job is considered lost (default 15 minutes). */
  expireInSeconds?: number;
  /** Retries after a failure (default 0: a failed analysis is shown as failed and can be re-run). */
  retryLimit?: number;
  /** Seconds before a retry (pg-boss default), doubled at each retry with retryBackoff. */
  retryDelay?: number;
  retryBackoff?: boolean;
}

export interface Jobs {
  send(queue: string, data: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The job queue: pg-boss 10 on the application's own database connection (PostgreSQL or the
 * embedded PGlite), so jobs survive restarts and any process can enqueue. Only the process started
 * with `work: true` runs handlers (the single process, or the cluster's primary); web workers only
 * send. pg-boss polls every half second.
 */
export async function startJobs(opts: {
  db: AnyDb;
  log: Logger;
  queues: Record<string, QueueSpec>;
  handlers?: Record<string, JobHandler>;
  /** Create pg-boss's schema and the queues (the process that migrates). */
  migrate: boolean;
}): Promise<Jobs> {
  const { db, log } = opts;
  const boss = new PgBoss({
    db: {
      executeSql: async (text: string, values?: unknown[]) => db.executeQuery(CompiledQuery.raw(text, values ?? [])),
    },
    migrate: opts.migrate,
    supervise: opts.migrate,
    schedule: false,
    // Keeps the finished jobs one week, for diagnosis.
    deleteAfterDays: 7,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (err) => log.error("job queue error", { err }));
  await boss.start();
  if (opts.migrate) {
    for (const [name, spec] of Object.entries(opts.queues)) {
      await boss.createQueue(name, {
        name,
        retryLimit: spec.retryLimit ?? 0,
        expireInSeconds: spec.expireInSeconds ?? 15 * 60,
        ...(spec.retryDelay !== undefined ? { retryDelay: spec.retryDelay } : {}),
        ...(spec.retryBackoff !== undefined ? { retryBackoff: spec.retryBackoff } : {}),
      });
    }
  }
  for (const [name, handler] of Object.entries(opts.handlers ?? {})) {
    await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        const started = Date.now();
        try {
          await handler(job.data ?? {}, { id: job.id });
          log.info("job done", { queue: name, job: job.id, ms: Date.now() - started });
        } catch (err) {
          log.error("job failed", { queue: name, job: job.id, err });
          throw err;
        }
      }
    });
  }
  return {
    async send(queue, data) {
      const id = await boss.send(queue, data);
      if (!id) throw new Error(`job not queued: ${queue}`);
      return id;
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000, close: false });
    },
  };
}

/** Enqueues a job; the server has started the queue (see server/main.ts). */
export async function enqueue(queue: string, data: Record<string, unknown>): Promise<string> {
  const jobs = runtime().jobs;
  if (!jobs) throw new Error("the job queue is not started in this process");
  return jobs.send(queue, data);
}
