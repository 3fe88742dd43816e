/**
 * The development server (`npm run dev`: server/main.ts --dev, Vite in middleware mode) answers a
 * malformed address with our French 400 page, as production does, never with a stack trace.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({}, { args: ["--dev"], startupMs: 240_000 });
}, 300_000);
afterAll(async () => {
  await server?.stop();
});

it("answers /%E0%A4%A with our 400 page in dev mode, without a stack trace", async () => {
  for (const path of ["/%E0%A4%A", "/idees/%E0%A4%A", "/%"]) {
    const r = await fetch(server.url + path);
    const html = await r.text();
    expect(r.status, path).toBe(400);
    expect(html, path).toContain("L’adresse demandée est mal formée.");
    expect(html, path).not.toMatch(/URIError|at [\w.]+ \(|node_modules|\/work\//);
  }
});
