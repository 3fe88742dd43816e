import crypto from "node:crypto";
import path from "node:path";
import express from "express";
import { createRequestHandler } from "@react-router/express";
import { RouterContextProvider } from "react-router";
import { boot } from "../src/boot";
import { requestContext } from "../src/kernel/http/context";
import { isCrossSite, securityHeaders } from "../src/kernel/http/security";
import { startScheduler } from "../src/scheduler";
import { seedDemoIfEmpty } from "../src/demo/seed";

const dev = process.argv.includes("--dev");
const rt = await boot();
const { config, log } = rt;
let ready = false;

if (config.seedDemo) {
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

let handler: express.RequestHandler;
if (dev) {
  const vite = await import("vite");
  const server = await vite.createServer({ server: { middlewareMode: true } });
  app.use(server.middlewares);
  handler = createRequestHandler({
    build: () => server.ssrLoadModule("virtual:react-router/server-build") as never,
    getLoadContext: (_req, res) => loadContext(res),
  });
} else {
  const clientDir = path.resolve("build/client");
  app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  // @ts-expect-error built at runtime
  const build = await import("../build/server/index.js");
  handler = createRequestHandler({ build, getLoadContext: (_req, res) => loadContext(res) });
}

function loadContext(res: express.Response) {
  const ctx = new RouterContextProvider();
  ctx.set(requestContext, { nonce: res.locals.nonce as string, requestId: res.locals.requestId as string });
  return ctx;
}

app.all("/{*splat}", handler);

const stopScheduler = startScheduler();
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
  stopScheduler();
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(async () => {
    await rt.database.close().catch((err) => log.error("database close failed", { err }));
    log.info("stopped");
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
