import cluster, { type Worker } from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import express from "express";
import { createRequestHandler } from "@react-router/express";
import { RouterContextProvider } from "react-router";
import { boot } from "../src/boot";
import { loadConfig } from "../src/kernel/config";
import { requestContext } from "../src/kernel/http/context";
import { isCrossSite, securityHeaders } from "../src/kernel/http/security";
import { MALFORMED_URL, SERVER_ERROR, errorPageHtml, isMalformedPath } from "../src/kernel/http/error-page";
import { startScheduler } from "../src/scheduler";
import { preflightHeaders } from "../src/opendata/api";
import { seedDemoIfEmpty } from "../src/demo/seed";
import { startJobs } from "../src/kernel/jobs/jobs";
import { closeAllStreams } from "../src/kernel/live/hub";
import type { Runtime } from "../src/kernel/runtime";
import { THEMES_QUEUE, recoverInterruptedRuns, themeJob } from "../src/themes/runner";
import { ROADMAP_IMPORT_QUEUE, recoverInterruptedImports, roadmapImportJob } from "../src/roadmaps";
import { MAIL_QUEUE, closeTransports, mailJob, mailQueueSpec, resumePendingMail } from "../src/kernel/mail/mail";
import { SURVEY_THEMES_QUEUE, recoverSurveyThemeRuns, surveyThemesJob } from "../src/surveys/job";
import { EVENTS_IMPORT_QUEUE, importJob } from "../src/events";

/**
 * The job queue. The process that migrates (single, or the cluster's primary) creates the queues
 * and runs the handlers; web workers only enqueue.
 */
async function startQueue(rt: Runtime, role: "single" | "primary" | "worker") {
  const runs = role !== "worker";
  if (runs) await recoverInterruptedRuns();
  if (runs) await recoverInterruptedImports();
  if (runs) await recoverSurveyThemeRuns();
  rt.jobs = await startJobs({
    db: rt.database.db,
    log: rt.log,
    queues: { [THEMES_QUEUE]: { expireInSeconds: 30 * 60 }, [MAIL_QUEUE]: mailQueueSpec, [ROADMAP_IMPORT_QUEUE]: { expireInSeconds: 10 * 60 }, [SURVEY_THEMES_QUEUE]: { expireInSeconds: 30 * 60 }, [EVENTS_IMPORT_QUEUE]: { expireInSeconds: 5 * 60 } },
    handlers: runs ? { [THEMES_QUEUE]: themeJob, [MAIL_QUEUE]: mailJob, [ROADMAP_IMPORT_QUEUE]: roadmapImportJob, [SURVEY_THEMES_QUEUE]: surveyThemesJob, [EVENTS_IMPORT_QUEUE]: importJob } : {},
    migrate: runs,
  });
  if (runs && rt.config.production && !rt.config.mail.smtpUrl) rt.log.warn("SMTP_URL is not set: mails are kept in the local outbox, not sent");
  // Mails written to the outbox but not delivered (a crash, a stop, the demo's seed) go out now.
  if (runs) {
    const pending = await resumePendingMail();
    if (pending) rt.log.info("pending mail resumed", { mails: pending });
  }
}

const dev = process.argv.includes("--dev");
const config = loadConfig();
// WEB_CONCURRENCY > 1 runs a primary process (migrations, demo data, scheduler) and that many
// web workers sharing the port. PGlite is single-process, so embedded mode always runs one.
const workers = dev ? 1 : config.webConcurrency;

if (cluster.isPrimary && workers > 1) await runPrimary(workers);
else await runWeb(cluster.isWorker ? "worker" : "single");

/** Migrates and seeds once, then forks the web workers and keeps them running. */
async function runPrimary(count: number) {
  const rt = await boot({ config, logFields: { role: "primary" } });
  const { log } = rt;
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty();
    if (seeded) log.info("demo data loaded", seeded);
  }
  // The scheduler and the jobs run here, once, not in every worker.
  await startQueue(rt, "primary");
  const stopScheduler = startScheduler();
  const live = new Set<Worker>();
  const startedAt = new Map<Worker, number>();
  let quickFailures = 0;
  let stopping = false;

  const fork = () => {
    const w = cluster.fork();
    live.add(w);
    startedAt.set(w, Date.now());
  };
  cluster.on("exit", (w, code, signal) => {
    live.delete(w);
    if (stopping) {
      if (live.size === 0) void finish(0);
      return;
    }
    const lived = Date.now() - (startedAt.get(w) ?? 0);
    startedAt.delete(w);
    quickFailures = lived < 10_000 ? quickFailures + 1 : 0;
    log.error("worker exited", { pid: w.process.pid, code, signal, restart: quickFailures < 5 });
    if (quickFailures >= 5) return void shutdown("workers keep failing", 1);
    setTimeout(() => !stopping && fork(), 1000);
  });
  for (let i = 0; i < count; i++) fork();
  log.info("primary started", { workers: count, database: rt.database.kind });

  let exitCode = 0;
  let schedulerStopped: Promise<void> = Promise.resolve();
  async function finish(code: number) {
    await schedulerStopped;
    await rt.jobs?.stop().catch((err) => log.error("job queue stop failed", { err }));
    await rt.database.close().catch((err) => log.error("database close failed", { err }));
    log.info("stopped");
    process.exit(code || exitCode);
  }
  function shutdown(reason: string, code = 0) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    log.info("shutting down", { reason });
    schedulerStopped = stopScheduler();
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    if (live.size === 0) return void finish(code);
    // Each worker finishes its requests and closes its own pool (see runWeb's shutdown).
    for (const w of live) w.process.kill("SIGTERM");
  }
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

/** The web server: alone ("single"), or as one of the primary's workers. */
async function runWeb(role: "single" | "worker") {
  const rt = await boot({
    config,
    // Workers start on a migrated, seeded database: the primary did it before forking.
    migrate: role === "single",
    logFields: role === "worker" ? { worker: cluster.worker!.id } : undefined,
  });
  const { log } = rt;
  if (config.webConcurrencyIgnored) log.warn("WEB_CONCURRENCY ignored: the embedded database (PGlite) runs in a single process");
  let ready = false;

  if (role === "single" && config.seedDemo) {
    const seeded = await seedDemoIfEmpty();
    if (seeded) log.info("demo data loaded", seeded);
  }

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.get("/healthz", (_req, res) => {
    res.status(ready ? 200 : 503).json({ status: ready ? "ok" : "starting", database: rt.database.kind });
  });

  // Request id, CSP nonce, security headers, structured access log.
  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.locals.requestId = crypto.randomUUID();
    res.locals.nonce = crypto.randomBytes(16).toString("base64");
    securityHeaders(config, res.locals.nonce as string, dev).forEach(([k, v]) => res.setHeader(k, v));
    res.on("finish", () => {
      (res.statusCode >= 500 ? log.error : log.info)("request", {
        id: res.locals.requestId,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - start) / 1e6,
      });
    });
    next();
  });

  // A malformed address is answered here, in dev as in production: never Express's (or Vite's)
  // error page with its stack trace.
  app.use((req, res, next) => {
    if (isMalformedPath(req.originalUrl)) {
      res.status(400).type("html").send(errorPageHtml(400, MALFORMED_URL.title, MALFORMED_URL.message, config.instance.name));
      return;
    }
    next();
  });

  app.use((req, res, next) => {
    if (isCrossSite(req.method, req.headers.origin, req.headers.host)) {
      res.status(403).type("text/plain; charset=utf-8").send("Requête refusée : elle ne vient pas de ce site.");
      return;
    }
    next();
  });

  // Bodies are bounded before anything reads them.
  const maxBody = config.uploadMaxBytes * 6 + 1024 * 1024;
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const len = req.headers["content-length"];
    if (len === undefined) {
      if (req.headers["transfer-encoding"]) {
        res.status(411).type("text/plain; charset=utf-8").send("Longueur de requête requise.");
        return;
      }
      return next();
    }
    if (!/^\d+$/.test(len) || Number(len) > maxBody) {
      res.status(413).type("text/plain; charset=utf-8").send("La requête est trop volumineuse.");
      return;
    }
    next();
  });

  // CORS preflight of the public API and the open data files: GET from any origin, with a token.
  app.use((req, res, next) => {
    if (req.method !== "OPTIONS" || !/^\/(api\/v1|donnees)\//.test(req.path)) return next();
    res.status(204).set(preflightHeaders).end();
  });

  // Requests whose handlers are still running: shutdown waits for them before closing the
  // database, even when their client has already gone.
  let inflight = 0;
  const tracked =
    (h: express.RequestHandler): express.RequestHandler =>
    async (req, res, next) => {
      inflight++;
      try {
        await h(req, res, next);
      } finally {
        inflight--;
      }
    };

  // Bare JSON twins of the idea pages for `npm run bench:web` (same queries, no rendering).
  if (process.env.BENCH_ROUTES === "true") {
    const { benchRoutes } = await import("./bench-routes");
    app.use(benchRoutes(tracked));
  }

  let handler: express.RequestHandler;
  if (dev) {
    const vite = await import("vite");
    const server = await vite.createServer({ server: { middlewareMode: true } });
    app.use(server.middlewares);
    handler = createRequestHandler({
      build: () => server.ssrLoadModule("virtual:react-router/server-build") as never,
      getLoadContext: (req, res) => loadContext(req, res),
    });
  } else {
    const clientDir = path.resolve("build/client");
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    // Other files of the client build (favicon…) are listed once: the build does not change
    // while the server runs, and page requests no longer cost a stat() of the disk each.
    const files = new Set(listFiles(clientDir).filter((f) => !f.startsWith("/assets/")));
    const serveFile = express.static(clientDir, { maxAge: "1h", index: false });
    app.use((req, res, next) => (files.has(req.path) ? serveFile(req, res, next) : next()));
    // @ts-expect-error built at runtime
    const build = await import("../build/server/index.js");
    handler = createRequestHandler({ build, getLoadContext: (req, res) => loadContext(req, res) });
  }

  function loadContext(req: express.Request, res: express.Response) {
    const ctx = new RouterContextProvider();
    ctx.set(requestContext, { nonce: res.locals.nonce as string, requestId: res.locals.requestId as string, ip: req.ip });
    return ctx;
  }

  app.all("/{*splat}", tracked(handler));

  // Last: whatever an Express middleware throws gets our page, never a stack trace.
  app.use((err: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: unknown })?.status;
    const clientError = err instanceof URIError || (typeof status === "number" && status >= 400 && status < 500);
    if (!clientError) log.error("request failed", { id: res.locals.requestId, path: req.path, err });
    const page = clientError ? MALFORMED_URL : SERVER_ERROR;
    const code = clientError ? 400 : 500;
    res.status(code).type("html").send(errorPageHtml(code, page.title, page.message, config.instance.name));
  });

  await startQueue(rt, role);
  const stopScheduler = role === "single" ? startScheduler() : async () => {};
  const server = app.listen(config.port, config.host, () => {
    ready = true;
    log.info("listening", { url: `http://localhost:${config.port}`, database: rt.database.kind, demoLogin: config.demoLogin });
  });

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    ready = false;
    log.info("shutting down", { signal });
    const schedulerStopped = stopScheduler();
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    // Live streams (boards) never end by themselves: end them so their requests finish.
    closeAllStreams();
    server.close(async () => {
      while (inflight > 0) await new Promise((r) => setTimeout(r, 20));
      await schedulerStopped;
      await rt.jobs?.stop().catch((err) => log.error("job queue stop failed", { err }));
      closeTransports();
      await rt.database.close().catch((err) => log.error("database close failed", { err }));
      log.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/** Files under dir, as URL paths ("/favicon.ico"). */
function listFiles(dir: string, prefix = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}/${e.name}`) : [`${prefix}/${e.name}`],
  );
}
