/**
 * The roadmaps module's public face: a lab's roadmaps (axes, flagship projects, levers, connected
 * projects and initiatives, milestones), their progress computed from evidence and explained,
 * its history, and the public tracker (`/traceur/<lab>`) with its live feed and Atom feed.
 * It hears the projects' stage changes through `projectChanged`, registered in src/wiring.ts.
 */
export { roadmapRights, type RoadmapRights } from "./permissions";
export {
  createRoadmap,
  itemAction,
  itemPage,
  labRoadmaps,
  milestoneEvidenceFile,
  projectChanged,
  roadmapAction,
  roadmapExport,
  roadmapPage,
  trackerFeed,
  trackerPage,
  trackerStream,
  type TrackerPage,
} from "./service";
export { atomFeed } from "./atom";
export { publicRoadmapProgressPage, publicRoadmapProgressStats, type PublicProgressRow, type PublicProgressFilter } from "./opendata";
export { importPage, importsPage, importTemplate, recoverInterruptedImports, roadmapImportJob, runImport, startImport, ROADMAP_IMPORT_QUEUE } from "./import";
export { roadmapsMigrations } from "./db/migrations";
export * from "./rules";
export type { Roadmap, RoadmapItem, Milestone } from "./db/schema";
