import { sql, type Generated, type Selectable } from "kysely";
import { db } from "../kernel/runtime";
import type { MigrationSet } from "../kernel/db/migrate";
import { isUuid } from "../kernel/ids";
import { fileTable, type StoredFileMeta } from "../kernel/db/files";

export type ProposalStatus = "draft" | "submitted";
export const proposalStatuses: Record<ProposalStatus, string> = {
  draft: "Brouillon",
  submitted: "Soumise pour restitution",
};
export const isAdoption = (o: DecisionOutcome) => o === "adopted" || o === "adopted_modified";
export type DecisionOutcome = "adopted" | "adopted_modified" | "deferred" | "rejected";
export const decisionOutcomes: Record<DecisionOutcome, string> = {
  adopted: "Adoptée",
  adopted_modified: "Adoptée avec modifications",
  deferred: "Reportée",
  rejected: "Refusée",
};
export const outcomeKeys = Object.keys(decisionOutcomes) as DecisionOutcome[];

/**
 * Where a proposal stands, in a few words: a draft, submitted and awaiting its decision, or decided
 * (the outcome of its current decision, « corrigée » after a correction). `tone` picks the badge.
 */
export function proposalStanding(p: { status: ProposalStatus }, current: { outcome: DecisionOutcome; corrects_id: string | null } | undefined): { label: string; tone: "new" | "info" | "success" | "warning" | "error" } {
  if (p.status === "draft") return { label: proposalStatuses.draft, tone: "new" };
  if (!current) return { label: proposalStatuses.submitted, tone: "info" };
  const label = `${decisionOutcomes[current.outcome]}${current.corrects_id ? " (décision corrigée)" : ""}`;
  return { label, tone: isAdoption(current.outcome) ? "success" : current.outcome === "deferred" ? "warning" : "error" };
}

export type ArbitrationTables = {
  proposals: {
    id: Generated<string>;
    minilab_id: string;
    author_id: string;
    title: string;
    problem: string;
    solution: string;
    impact: string;
    resources: string;
    /** Cost estimate in whole euros, when the Mini-Lab gave one. */
    cost_eur: number | null;
    directorate: string;
    status: ProposalStatus;
    submitted_at: Date | null;
    submitted_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  proposal_attachments: {
    id: Generated<string>;
    proposal_id: string;
    filename: string;
    mime: string;
    size: number;
    content: Buffer;
    uploaded_by: string;
    created_at: Generated<Date>;
  };
  decisions: {
    id: Generated<string>;
    proposal_id: string;
    outcome: DecisionOutcome;
    reason: string;
    follow_up_owner_id: string | null;
    follow_up_due: Date | null;
    /** The decision this one corrects (the latest decision of a proposal is its current one). */
    corrects_id: string | null;
    decided_by: string;
    decided_at: Generated<Date>;
  };
};

export type Proposal = Selectable<ArbitrationTables["proposals"]>;
export type Decision = Selectable<ArbitrationTables["decisions"]>;
export type ProposalAttachmentMeta = StoredFileMeta;

const q = () => db().withTables<ArbitrationTables>();

export const arbitrationMigrations: MigrationSet = {
  "2026-11-27-21-arbitration": {
    async up(d) {
      await sql`CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minilab_id uuid NOT NULL REFERENCES minilabs(id),
        author_id uuid NOT NULL REFERENCES users(id),
        title text NOT NULL,
        problem text NOT NULL,
        solution text NOT NULL,
        impact text NOT NULL,
        resources text NOT NULL,
        cost_eur integer CHECK (cost_eur IS NULL OR cost_eur >= 0),
        directorate text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft','submitted')),
        submitted_at timestamptz,
        submitted_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'draft') = (submitted_at IS NULL))
      )`.execute(d);
      await sql`CREATE INDEX proposals_minilab_idx ON proposals (minilab_id, created_at)`.execute(d);
      await sql`CREATE TABLE proposal_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        filename text NOT NULL,
        mime text NOT NULL,
        size integer NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(d);
      await sql`CREATE INDEX proposal_attachments_idx ON proposal_attachments (proposal_id)`.execute(d);
      await sql`CREATE TABLE decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals(id),
        outcome text NOT NULL CHECK (outcome IN ('adopted','adopted_modified','deferred','rejected')),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        follow_up_owner_id uuid REFERENCES users(id),
        follow_up_due timestamptz,
        corrects_id uuid UNIQUE REFERENCES decisions(id),
        decided_by uuid NOT NULL REFERENCES users(id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        CHECK (outcome NOT IN ('adopted','adopted_modified') OR (follow_up_owner_id IS NOT NULL AND follow_up_due IS NOT NULL))
      )`.execute(d);
      // One first decision per proposal; every later one corrects exactly one other (a chain).
      await sql`CREATE UNIQUE INDEX decisions_first_idx ON decisions (proposal_id) WHERE corrects_id IS NULL`.execute(d);
      await sql`CREATE INDEX decisions_proposal_idx ON decisions (proposal_id, decided_at)`.execute(d);
      // A published decision is immutable: no update, no delete, whoever asks.
      await sql`CREATE FUNCTION decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'a published decision is immutable: record a correction instead';
        END $$`.execute(d);
      await sql`CREATE TRIGGER decisions_no_update BEFORE UPDATE OR DELETE ON decisions FOR EACH ROW EXECUTE FUNCTION decisions_immutable()`.execute(d);
      // A correction belongs to the same proposal as the decision it corrects.
      await sql`CREATE FUNCTION decisions_same_proposal() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.corrects_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM decisions WHERE id = NEW.corrects_id AND proposal_id = NEW.proposal_id) THEN
            RAISE EXCEPTION 'a correction must reference a decision of the same proposal';
          END IF;
          RETURN NEW;
        END $$`.execute(d);
      await sql`CREATE TRIGGER decisions_chain BEFORE INSERT ON decisions FOR EACH ROW EXECUTE FUNCTION decisions_same_proposal()`.execute(d);
      // A submitted proposal is frozen.
      await sql`CREATE FUNCTION proposals_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.status = 'submitted' THEN
            RAISE EXCEPTION 'a submitted proposal is frozen';
          END IF;
          RETURN NEW;
        END $$`.execute(d);
      await sql`CREATE TRIGGER proposals_frozen BEFORE UPDATE ON proposals FOR EACH ROW EXECUTE FUNCTION proposals_frozen()`.execute(d);
    },
  },
};

export interface ProposalFields {
  title: string;
  problem: string;
  solution: string;
  impact: string;
  resources: string;
  costEur: number | null;
  directorate: string;
}

const columns = (f: ProposalFields) => ({
  title: f.title,
  problem: f.problem,
  solution: f.solution,
  impact: f.impact,
  resources: f.resources,
  cost_eur: f.costEur,
  directorate: f.directorate,
});

export async function createProposal(minilabId: string, authorId: string, fields: ProposalFields, at = new Date()): Promise<Proposal> {
  return q()
    .insertInto("proposals")
    .values({ minilab_id: minilabId, author_id: authorId, ...columns(fields), status: "draft", submitted_at: null, submitted_by: null, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Edits a draft; returns undefined when the proposal is no longer a draft. */
export async function updateDraft(id: string, fields: ProposalFields, at = new Date()): Promise<Proposal | undefined> {
  return q()
    .updateTable("proposals")
    .set({ ...columns(fields), updated_at: at })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .returningAll()
    .executeTakeFirst();
}

/** Submits a draft for restitution; returns undefined when it was already submitted. */
export async function markSubmitted(id: string, by: string, at = new Date()): Promise<Proposal | undefined> {
  return q()
    .updateTable("proposals")
    .set({ status: "submitted", submitted_at: at, submitted_by: by, updated_at: at })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .returningAll()
    .executeTakeFirst();
}

export async function getProposal(id: string): Promise<Proposal | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("proposals").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function proposalsOfMinilabs(minilabIds: string[]): Promise<Proposal[]> {
  const ids = [...new Set(minilabIds)].filter(isUuid);
  if (!ids.length) return [];
  return q().selectFrom("proposals").selectAll().where("minilab_id", "in", ids).orderBy("created_at").execute();
}

export async function submittedProposalsOfMinilabs(minilabIds: string[]): Promise<Proposal[]> {
  return (await proposalsOfMinilabs(minilabIds)).filter((p) => p.status === "submitted");
}

// ---------------------------------------------------------------- attachments

export const MAX_ATTACHMENTS = 5;

const attachments = fileTable("proposal_attachments", "proposal_id");

export async function addAttachment(a: { proposalId: string; filename: string; mime: string; content: Buffer; uploadedBy: string }): Promise<ProposalAttachmentMeta> {
  return attachments.add(a.proposalId, a);
}
export const listAttachments = (ownerId: string): Promise<ProposalAttachmentMeta[]> => attachments.list(ownerId);
export const getAttachment = (ownerId: string, id: string) => attachments.get(ownerId, id);
export const deleteAttachment = (ownerId: string, id: string) => attachments.remove(ownerId, id);

// ---------------------------------------------------------------- decisions (insert only)

export interface NewDecision {
  proposalId: string;
  outcome: DecisionOutcome;
  reason: string;
  followUpOwnerId: string | null;
  followUpDue: Date | null;
  correctsId: string | null;
  decidedBy: string;
  at?: Date;
}

/** Records a decision. There is no update path: a correction is a new decision with `correctsId`. */
export async function insertDecision(d: NewDecision): Promise<Decision> {
  return q()
    .insertInto("decisions")
    .values({
      proposal_id: d.proposalId,
      outcome: d.outcome,
      reason: d.reason,
      follow_up_owner_id: d.followUpOwnerId,
      follow_up_due: d.followUpDue,
      corrects_id: d.correctsId,
      decided_by: d.decidedBy,
      ...(d.at ? { decided_at: d.at } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One decision, by its id (the projects module starts a project from an adopted one). */
export async function getDecision(id: string): Promise<Decision | undefined> {
  if (!isUuid(id)) return undefined;
  return q().selectFrom("decisions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Each proposal's decisions, oldest first (the last is the current one). */
export async function decisionsOf(proposalIds: string[]): Promise<Map<string, Decision[]>> {
  const ids = [...new Set(proposalIds)].filter(isUuid);
  const out = new Map<string, Decision[]>();
  if (!ids.length) return out;
  const rows = await q().selectFrom("decisions").selectAll().where("proposal_id", "in", ids).orderBy("decided_at").orderBy("id").execute();
  // Order by the chain, not by the clock: the first has no corrects_id, each next corrects the previous.
  const byProposal = new Map<string, Decision[]>();
  for (const r of rows) byProposal.set(r.proposal_id, [...(byProposal.get(r.proposal_id) ?? []), r]);
  for (const [pid, list] of byProposal) {
    const next = new Map(list.filter((x) => x.corrects_id).map((x) => [x.corrects_id!, x]));
    const chain: Decision[] = [];
    let cur = list.find((x) => !x.corrects_id);
    while (cur) {
      chain.push(cur);
      cur = next.get(cur.id);
    }
    out.set(pid, chain.length === list.length ? chain : list);
  }
  return out;
}

export const currentDecision = (chain: Decision[] | undefined): Decision | undefined => chain?.[chain.length - 1];
