import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const rateLimit = z
  .string()
  .regex(/^\d+,\d+\/\d+$/, "<par compte>,<par adresse IP>/<secondes> attendu, par exemple 10,100/60")
  .transform((v) => {
    const [account, ip, seconds] = v.split(/[,/]/).map(Number);
    return { account, ip, seconds: Math.max(1, seconds) };
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  BASE_URL: z.string().url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Web worker processes (node:cluster). PostgreSQL only: PGlite lives in a single process. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  DATA_DIR: z.string().default("./data"),
  SESSION_SECRET: z.string().min(16).optional(),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().default("openid email given_name usual_name siret organizational_unit uid"),
  OIDC_ALLOW_HTTP: bool.default(false),
  DEMO_LOGIN: bool.optional(),
  SEED_DEMO: bool.optional(),
  INSTANCE_NAME: z.string().default("Germoir"),
  INSTANCE_TAGLINE: z.string().default("La plateforme des laboratoires d'innovation publique"),
  INSTANCE_LOGO_URL: z.string().optional(),
  INSTANCE_OPERATOR: z.string().default("Préfecture de la région Grand Est\nRégion Grand Est"),
  SHOW_MARIANNE: bool.default(true),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Absolute address used in the links of emails (defaults to BASE_URL). */
  PUBLIC_URL: z.string().url().optional(),
  /** SMTP server (smtp://user:pass@host:587, smtps://…:465); without it, mails stay in the local outbox. */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "smtp:// ou smtps:// attendu")
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  // Legal pages and personal data (the operator's values; the defaults are the demonstration's).
  LEGAL_PUBLISHER: z.string().min(1).default("Préfecture de la région Grand Est (démonstration)"),
  LEGAL_PUBLISHER_ADDRESS: z.string().min(1).default("5 place de la République, 67000 Strasbourg"),
  LEGAL_PUBLICATION_DIRECTOR: z.string().min(1).default("La préfète de la région Grand Est"),
  LEGAL_HOST: z.string().min(1).default("Hébergement de démonstration, non précisé"),
  LEGAL_HOST_ADDRESS: z.string().default(""),
  /** The licence the software is distributed under, as the operator received it (none is declared in the repository yet). */
  LEGAL_SOFTWARE_LICENCE: z.string().min(1).optional(),
  PRIVACY_CONTROLLER: z.string().min(1).optional(),
  PRIVACY_CONTROLLER_ADDRESS: z.string().min(1).optional(),
  PRIVACY_DPO_CONTACT: z.string().min(3).default("dpd@exemple.gouv.fr"),
  ACCESSIBILITY_CONTACT: z.string().min(3).default("accessibilite@exemple.gouv.fr"),
  ACCESSIBILITY_DECLARATION_DATE: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date AAAA-MM-JJ attendue").default("2026-12-04"),
  RETENTION_MAIL_BODY_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  RETENTION_READ_NOTIFICATION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  RETENTION_DELETION_LOG_DAYS: z.coerce.number().int().min(1).max(3650).default(1095),
  /** Rate limits on (default) or off: only for benches that measure pages, not limits. */
  RATE_LIMITS: bool.default(true),
  /** Scales every rate limit (benches and load tests raise it; 0 is refused). */
  RATE_LIMIT_FACTOR: z.coerce.number().positive().max(1_000_000).default(1),
  /** One limit each: "<per account>,<per IP>/<seconds>", e.g. RATE_LIMIT_SUBMIT="10,100/60". */
  RATE_LIMIT_SIGN_IN: rateLimit.optional(),
  RATE_LIMIT_SEARCH: rateLimit.optional(),
  RATE_LIMIT_SIMILAR: rateLimit.optional(),
  RATE_LIMIT_SUBMIT: rateLimit.optional(),
  RATE_LIMIT_COMMENT: rateLimit.optional(),
  RATE_LIMIT_MESSAGE: rateLimit.optional(),
  RATE_LIMIT_BOARD_NOTE: rateLimit.optional(),
  /** The public API and the open data files, per IP (the « account » is a token's lab when one is sent). */
  RATE_LIMIT_API: rateLimit.optional(),
});

export interface RateLimitRule {
  /** Requests allowed per signed-in account (or per targeted account at sign-in) in the window. */
  account: number;
  /** Requests allowed per client IP address in the window (several agents may share one). */
  ip: number;
  seconds: number;
}

/**
 * Defaults that no normal use reaches (an agent does not submit ten ideas a minute) and that the
 * test suite, which signs in and posts from one loopback address, does not reach either.
 */
export const defaultRateLimits = {
  signIn: { account: 30, ip: 60, seconds: 60 },
  search: { account: 60, ip: 300, seconds: 60 },
  similar: { account: 120, ip: 600, seconds: 60 },
  submit: { account: 10, ip: 100, seconds: 60 },
  comment: { account: 20, ip: 200, seconds: 60 },
  message: { account: 20, ip: 200, seconds: 60 },
  boardNote: { account: 60, ip: 600, seconds: 60 },
  api: { account: 600, ip: 300, seconds: 60 },
} satisfies Record<string, RateLimitRule>;
export type RateLimitName = keyof typeof defaultRateLimits;

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  const production = e.NODE_ENV === "production";
  const demoLogin = e.DEMO_LOGIN ?? (embedded && !production);
  if (demoLogin && production) {
    throw new Error(
      "DEMO_LOGIN est refusé quand NODE_ENV=production : le sélecteur de personas ne doit jamais être exposé en production.",
    );
  }
  if (production && !e.SESSION_SECRET) {
    throw new Error("SESSION_SECRET est obligatoire quand NODE_ENV=production.");
  }
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    baseUrl: e.BASE_URL ?? `http://localhost:${e.PORT}`,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    webConcurrency: embedded ? 1 : (e.WEB_CONCURRENCY ?? 1),
    /** Asked for more than one worker on the embedded database: refused, logged at start. */
    webConcurrencyIgnored: embedded && (e.WEB_CONCURRENCY ?? 1) > 1,
    embedded,
    dataDir,
    uploadDir: path.join(dataDir, "uploads"),
    sessionSecret: e.SESSION_SECRET ?? "germoir-development-secret-not-for-production",
    sessionDays: e.SESSION_DAYS,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET ?? "",
            scopes: e.OIDC_SCOPES,
            allowHttp: e.OIDC_ALLOW_HTTP,
          }
        : undefined,
    demoLogin,
    seedDemo: e.SEED_DEMO ?? embedded,
    instance: {
      name: e.INSTANCE_NAME,
      tagline: e.INSTANCE_TAGLINE,
      logoUrl: e.INSTANCE_LOGO_URL,
      operator: e.INSTANCE_OPERATOR,
      showMarianne: e.SHOW_MARIANNE,
    },
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    publicUrl: (e.PUBLIC_URL ?? e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `${e.INSTANCE_NAME} <ne-pas-repondre@germoir.localhost>`,
    },
    logLevel: e.LOG_LEVEL,
    legal: {
      publisher: e.LEGAL_PUBLISHER,
      publisherAddress: e.LEGAL_PUBLISHER_ADDRESS,
      publicationDirector: e.LEGAL_PUBLICATION_DIRECTOR,
      host: e.LEGAL_HOST,
      hostAddress: e.LEGAL_HOST_ADDRESS,
      softwareLicence: e.LEGAL_SOFTWARE_LICENCE ?? null,
      controller: e.PRIVACY_CONTROLLER ?? e.LEGAL_PUBLISHER,
      controllerAddress: e.PRIVACY_CONTROLLER_ADDRESS ?? e.LEGAL_PUBLISHER_ADDRESS,
      dpoContact: e.PRIVACY_DPO_CONTACT,
      accessibilityContact: e.ACCESSIBILITY_CONTACT,
      accessibilityDate: e.ACCESSIBILITY_DECLARATION_DATE,
    },
    /** Days each kind of personal data is kept (sessions: SESSION_DAYS), read by the purge job and the privacy page. */
    retention: {
      sessionDays: e.SESSION_DAYS,
      mailBodyDays: e.RETENTION_MAIL_BODY_DAYS,
      readNotificationDays: e.RETENTION_READ_NOTIFICATION_DAYS,
      deletionLogDays: e.RETENTION_DELETION_LOG_DAYS,
    },
    rateLimits: rateLimits(e),
    rateLimitsEnabled: e.RATE_LIMITS,
  };
}

function rateLimits(e: z.infer<typeof envSchema>): Record<RateLimitName, RateLimitRule> {
  const set: Record<RateLimitName, RateLimitRule | undefined> = {
    signIn: e.RATE_LIMIT_SIGN_IN,
    search: e.RATE_LIMIT_SEARCH,
    similar: e.RATE_LIMIT_SIMILAR,
    submit: e.RATE_LIMIT_SUBMIT,
    comment: e.RATE_LIMIT_COMMENT,
    message: e.RATE_LIMIT_MESSAGE,
    boardNote: e.RATE_LIMIT_BOARD_NOTE,
    api: e.RATE_LIMIT_API,
  };
  const scale = (n: number) => Math.max(1, Math.round(n * e.RATE_LIMIT_FACTOR));
  return Object.fromEntries(
    (Object.keys(defaultRateLimits) as RateLimitName[]).map((name) => {
      const rule = set[name] ?? defaultRateLimits[name];
      return [name, { account: scale(rule.account), ip: scale(rule.ip), seconds: rule.seconds }];
    }),
  ) as Record<RateLimitName, RateLimitRule>;
}
