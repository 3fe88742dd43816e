// Moved: the words to model.ts, the tables to db/schema.ts and db/migrations.ts, the queries to db/runs.ts, db/themes.ts and db/curation.ts.
export * from "./model";
export * from "./db/schema";
export * from "./db/migrations";
export * from "./db/runs";
export * from "./db/themes";
export * from "./db/curation";
