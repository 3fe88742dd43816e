import path from "node:path";
import { loadConfig, type Config } from "./kernel/config";
import { connectPglite, connectPostgres, type Database } from "./kernel/db/connect";
import { kernelMigrations, migrateToLatest } from "./kernel/db/migrate";
import { createLogger } from "./kernel/log";
import { setRuntime, type Runtime } from "./kernel/runtime";
import { organizationsMigrations } from "./organizations/organizations";
import { accountsMigrations } from "./accounts/accounts";
import { labsMigrations } from "./labs/labs";
import { campaignsMigrations } from "./campaigns/campaigns";
import { ideasMigrations } from "./ideas/ideas";
import { juryMigrations } from "./jury/jury";
import { notificationsMigrations } from "./notifications/notifications";
import { themesMigrations } from "./themes";
import { minilabsMigrations } from "./minilabs/minilabs";
import { sessionsMigrations } from "./minilabs/sessions";
import { boardMigrations } from "./minilabs/board";
import { arbitrationMigrations } from "./arbitration/arbitration";
import { communitiesMigrations } from "./communities/communities";
import { mailMigrations } from "./kernel/mail/outbox";
import { onceMigrations } from "./kernel/db/once";
import { mailPreferencesMigrations } from "./notifications/preferences";
import { privacyMigrations } from "./privacy/db/migrations";
import { requestsMigrations } from "./requests/db/migrations";
import { projectsMigrations } from "./projects/db/migrations";
import { committeesMigrations } from "./committees/db/migrations";
import { roadmapsMigrations } from "./roadmaps/db/migrations";
import { resourcesMigrations } from "./resources/db/migrations";
import { skillsMigrations } from "./skills/db/migrations";
import { registrationsMigrations } from "./registrations/db/migrations";
import { trainingsMigrations } from "./trainings/db/migrations";
import { rateLimitMigrations } from "./kernel/http/rate-limit";
import { opendataMigrations } from "./opendata";
import { surveysMigrations } from "./surveys/db/migrations";
import { eventsMigrations } from "./events/db/migrations";
import { wireModules } from "./wiring";

/** Every module's migrations, applied in name order. */
export const allMigrations = [
  kernelMigrations,
  organizationsMigrations,
  accountsMigrations,
  labsMigrations,
  campaignsMigrations,
  ideasMigrations,
  juryMigrations,
  notificationsMigrations,
  themesMigrations,
  minilabsMigrations,
  sessionsMigrations,
  boardMigrations,
  arbitrationMigrations,
  communitiesMigrations,
  mailMigrations,
  mailPreferencesMigrations,
  privacyMigrations,
  requestsMigrations,
  projectsMigrations,
  committeesMigrations,
  roadmapsMigrations,
  resourcesMigrations,
  skillsMigrations,
  registrationsMigrations,
  trainingsMigrations,
  opendataMigrations,
  surveysMigrations,
  eventsMigrations,
  rateLimitMigrations,
  onceMigrations,
];

export async function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? connectPostgres(config.databaseUrl, config.databasePoolSize)
    : connectPglite(path.join(config.dataDir, "pglite"));
}

/**
 * Connects, migrates and installs the runtime. Cluster workers pass `migrate: false`: the
 * primary process has migrated before forking them.
 */
export async function boot(opts: { config?: Config; database?: Database; migrate?: boolean; logFields?: Record<string, unknown> } = {}): Promise<Runtime> {
  const config = opts.config ?? loadConfig();
  const log = createLogger(config.logLevel, { service: "germoir", ...opts.logFields });
  const database = opts.database ?? (await openDatabase(config));
  if (opts.migrate !== false) {
    const applied = await migrateToLatest(database.db, allMigrations);
    if (applied.length) log.info("migrations applied", { migrations: applied, database: database.kind });
  }
  const rt: Runtime = { config, database, log };
  setRuntime(rt);
  wireModules();
  return rt;
}
