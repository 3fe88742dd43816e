import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const SECRET = "a-production-secret-of-32-chars!";
const PG = "postgres://germoir:germoir@db.example:5432/germoir";

describe("loadConfig", () => {
  describe("demo sign-in (the persona picker)", () => {
    it("is refused with NODE_ENV=production, embedded or not", () => {
      for (const db of [{}, { DATABASE_URL: PG }]) {
        for (const v of ["true", "1", "yes"]) {
          expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: SECRET, DEMO_LOGIN: v, ...db })).toThrow(
            /DEMO_LOGIN est refusé quand NODE_ENV=production/,
          );
        }
      }
    });

    it("is off by default in production, even on the embedded database", () => {
      expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: SECRET }).demoLogin).toBe(false);
      expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: SECRET, DATABASE_URL: PG }).demoLogin).toBe(false);
      expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: SECRET, DEMO_LOGIN: "false" }).demoLogin).toBe(false);
    });

    it("is on by default only when embedded and not in production", () => {
      expect(loadConfig({}).demoLogin).toBe(true); // NODE_ENV defaults to development
      expect(loadConfig({ NODE_ENV: "development" }).demoLogin).toBe(true);
      expect(loadConfig({ NODE_ENV: "test" }).demoLogin).toBe(true);
      expect(loadConfig({ NODE_ENV: "development", DATABASE_URL: PG }).demoLogin).toBe(false);
      expect(loadConfig({ NODE_ENV: "test", DATABASE_URL: PG }).demoLogin).toBe(false);
    });

    it("follows an explicit DEMO_LOGIN outside production", () => {
      expect(loadConfig({ DATABASE_URL: PG, DEMO_LOGIN: "true" }).demoLogin).toBe(true);
      expect(loadConfig({ DEMO_LOGIN: "no" }).demoLogin).toBe(false);
      expect(() => loadConfig({ DEMO_LOGIN: "maybe" })).toThrow(/Configuration invalide :\nDEMO_LOGIN:/);
    });
  });

  describe("session secret", () => {
    it("is mandatory in production", () => {
      expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET est obligatoire quand NODE_ENV=production/);
      expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: PG })).toThrow(/SESSION_SECRET est obligatoire/);
    });

    it("must be long enough when given", () => {
      expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET:/);
    });

    it("is used as given in production, with a development fallback elsewhere", () => {
      const prod = loadConfig({ NODE_ENV: "production", SESSION_SECRET: SECRET, DATABASE_URL: PG });
      expect(prod.production).toBe(true);
      expect(prod.sessionSecret).toBe(SECRET);
      const dev = loadConfig({});
      expect(dev.production).toBe(false);
      expect(dev.sessionSecret.length).toBeGreaterThanOrEqual(16);
      expect(dev.sessionSecret).not.toBe(SECRET);
    });
  });

  describe("OpenID Connect", () => {
    it("is configured only with both an issuer and a client id", () => {
      expect(loadConfig({}).oidc).toBeUndefined();
      expect(loadConfig({ OIDC_ISSUER: "https://auth.example.gouv.fr/api/v2" }).oidc).toBeUndefined();
      expect(loadConfig({ OIDC_CLIENT_ID: "germoir" }).oidc).toBeUndefined();
      const c = loadConfig({ OIDC_ISSUER: "https://auth.example.gouv.fr/api/v2", OIDC_CLIENT_ID: "germoir", OIDC_CLIENT_SECRET: "s3cret" });
      expect(c.oidc).toEqual({
        issuer: "https://auth.example.gouv.fr/api/v2",
        clientId: "germoir",
        clientSecret: "s3cret",
        scopes: "openid email given_name usual_name siret organizational_unit uid",
        allowHttp: false,
      });
    });

    it("allows plain-http issuers only when asked, and refuses a malformed issuer", () => {
      const c = loadConfig({ OIDC_ISSUER: "http://127.0.0.1:4000", OIDC_CLIENT_ID: "germoir", OIDC_ALLOW_HTTP: "true" });
      expect(c.oidc?.allowHttp).toBe(true);
      expect(() => loadConfig({ OIDC_ISSUER: "not a url", OIDC_CLIENT_ID: "germoir" })).toThrow(/OIDC_ISSUER:/);
    });
  });

  it("derives embedded mode, base URL and data folders", () => {
    const embedded = loadConfig({ PORT: "4321", DATA_DIR: "/tmp/germoir-cfg" });
    expect(embedded.embedded).toBe(true);
    expect(embedded.seedDemo).toBe(true);
    expect(embedded.baseUrl).toBe("http://localhost:4321");
    expect(embedded.uploadDir).toBe(path.join("/tmp/germoir-cfg", "uploads"));
    const server = loadConfig({ DATABASE_URL: PG, BASE_URL: "https://germoir.grandest.fr" });
    expect(server.embedded).toBe(false);
    expect(server.seedDemo).toBe(false);
    expect(server.baseUrl).toBe("https://germoir.grandest.fr");
  });

  it("reads the mail settings: links from PUBLIC_URL (else BASE_URL), SMTP only when set", () => {
    const local = loadConfig({ PORT: "4321" });
    expect(local.publicUrl).toBe("http://localhost:4321");
    expect(local.mail.smtpUrl).toBeUndefined();
    expect(local.mail.from).toContain("Germoir <");
    expect(loadConfig({ BASE_URL: "https://germoir.grandest.fr/" }).publicUrl).toBe("https://germoir.grandest.fr");
    const c = loadConfig({ BASE_URL: "http://10.0.0.1:3000", PUBLIC_URL: "https://germoir.grandest.fr", SMTP_URL: "smtp://u:p@mail.grandest.fr:587", MAIL_FROM: "Lab <lab@grandest.fr>" });
    expect(c.publicUrl).toBe("https://germoir.grandest.fr");
    expect(c.mail).toEqual({ smtpUrl: "smtp://u:p@mail.grandest.fr:587", from: "Lab <lab@grandest.fr>" });
    expect(() => loadConfig({ SMTP_URL: "https://mail.grandest.fr" })).toThrow(/SMTP_URL:/);
    expect(() => loadConfig({ PUBLIC_URL: "pas une adresse" })).toThrow(/PUBLIC_URL:/);
  });
});
