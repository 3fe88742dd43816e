import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import ICAL from "ical.js";
import { bootTestRuntime } from "../../tests/support/runtime";
import { startSmtp, type TestSmtp } from "../../tests/support/smtp";
import { makeLab, makeMember, makeUser, viewerOf } from "../../tests/support/fixtures";
import { createOrganization } from "../organizations/organizations";
import { listNotifications } from "../notifications/notifications";
import { closeTransports, deliverMails } from "../kernel/mail/mail";
import { listLabMails, getMails } from "../kernel/mail/outbox";
import { labOutboxMail } from "../kernel/mail/service";
import { db } from "../kernel/runtime";
import type { Refusal } from "../kernel/permissions";
import {
  addAgendaItem,
  castVote,
  committeePage,
  conveneMeeting,
  correctDecision,
  createCommitteeFor,
  labCommittees,
  meetingInvitation,
  meetingPage,
  minutesPage,
  minutesPdfFor,
  moveAgendaItem,
  recordAttendance,
  recordDecision,
  recordSecretCounts,
  removeAgendaItem,
  registerAgendaSource,
  registerDecisionApplier,
  saveMinutesFor,
  scheduleMeeting,
  setAgendaItemSecret,
  updateCommitteeFor,
  validateMinutes,
  isAdopted,
  quorum,
  tallyVotes,
  type DecisionToApply,
  type VoteChoice,
} from "./index";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
let smtp: TestSmtp;
beforeAll(async () => {
  [env, smtp] = await Promise.all([bootTestRuntime({ PUBLIC_URL: "https://germoir.exemple.gouv.fr", MAIL_FROM: "Germoir <ne-pas-repondre@exemple.gouv.fr>" }), startSmtp()]);
});
afterAll(async () => {
  closeTransports();
  await smtp?.close();
  await env?.dispose();
});

let n = 0;
const refusal = (status: number) => expect.objectContaining({ status }) as unknown as Refusal;
const rows = async <T,>(query: ReturnType<typeof sql<T>>) => (await query.execute(db())).rows;

/** A lab with a paritary steering committee: 3 État members (préfecture, DDT), 3 Région members, a chair. */
async function setup(opts: { stateMembers?: number; regionMembers?: number } = {}) {
  const lab = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const prefecture = await createOrganization({ name: `Préfecture ${++n} ${Date.now()}`, kind: "prefecture" });
  const region = await createOrganization({ name: `Région ${++n} ${Date.now()}`, kind: "region_hq" });
  const other = await createOrganization({ name: `Autre ${++n} ${Date.now()}`, kind: "other" });
  const state = await Promise.all(Array.from({ length: opts.stateMembers ?? 3 }, () => makeUser({ organizationId: prefecture.id })));
  const regionUsers = await Promise.all(Array.from({ length: opts.regionMembers ?? 3 }, () => makeUser({ organizationId: region.id })));
  // An expert from an organisation that tells no side: their side is given.
  const expert = await makeUser({ organizationId: other.id });
  const committee = await createCommitteeFor(team, lab.slug, { kind: "steering", name: "Comité de pilotage État-Région", rhythm: "Trimestriel" });
  await updateCommitteeFor(team, lab.slug, committee.id, {
    name: committee.name,
    rhythm: "Trimestriel",
    quorumPercent: 50,
    quorumPerSide: true,
    chairEmail: state[0].email,
    members: [...state.slice(0, -1), ...regionUsers].map((u) => ({ email: u.email, side: null })).concat(state.length ? [{ email: state.at(-1)!.email, side: null }] : []),
  });
  const v = {
    state: await Promise.all(state.map(viewerOf)),
    region: await Promise.all(regionUsers.map(viewerOf)),
  };
  return { lab, team, committee, v, expert, chair: v.state[0] };
}

async function meetingWith(s: Awaited<ReturnType<typeof setup>>, items: { title: string; secret?: boolean }[], day = "2027-03-18") {
  const meeting = await scheduleMeeting(s.team, s.lab.slug, s.committee.id, { day, startTime: "14:00", endTime: "16:30", place: "Préfecture de région, salle Erckmann", videoUrl: "https://webconf.exemple.gouv.fr/copil" });
  const added = [];
  for (const i of items) added.push(await addAgendaItem(s.team, s.lab.slug, s.committee.id, meeting.id, { kind: "free", title: i.title, summary: `Dossier : ${i.title}.`, secret: !!i.secret }));
  return { meeting, items: added };
}

describe("committees: set-up and who sees them", () => {
  it("sides come from the members' organisations, can be given, and an organisation that tells none asks for one", async () => {
    const s = await setup();
    const page = await committeePage(s.team, s.lab.slug, s.committee.id);
    expect(page.members.filter((m) => m.side === "state")).toHaveLength(3);
    expect(page.members.filter((m) => m.side === "region")).toHaveLength(3);
    expect(page.committee.chair).not.toBeNull();
    const members = page.members.map((m) => ({ email: m.email, side: m.side }));
    await expect(updateCommitteeFor(s.team, s.lab.slug, s.committee.id, { name: "Comité", rhythm: "", quorumPercent: 50, quorumPerSide: true, chairEmail: null, members: [...members, { email: s.expert.email, side: null }] })).rejects.toMatchObject({ status: 400, field: "members" });
    // Editable: a member of the préfecture may sit for the Région, and the expert's side is given.
    await updateCommitteeFor(s.team, s.lab.slug, s.committee.id, { name: "Comité", rhythm: "", quorumPercent: 50, quorumPerSide: true, chairEmail: null, members: [...members.slice(1), { email: members[0].email, side: "region" }, { email: s.expert.email, side: "state" }] });
    const after = await committeePage(s.team, s.lab.slug, s.committee.id);
    expect(after.members.find((m) => m.email === members[0].email)?.side).toBe("region");
    expect(after.members.find((m) => m.email === s.expert.email)?.side).toBe("state");
    await expect(updateCommitteeFor(s.team, s.lab.slug, s.committee.id, { name: "Comité", rhythm: "", quorumPercent: 50, quorumPerSide: true, chairEmail: "inconnu@exemple.fr", members })).rejects.toMatchObject({ status: 400 });
  });

  it("the lab team manages; members of each side see; another lab's team, other agents see nothing (404)", async () => {
    const s = await setup();
    const otherLab = await makeLab();
    const otherTeam = await viewerOf(await makeMember(otherLab.id, "lab_team"));
    const agent = await viewerOf(await makeUser());
    expect((await labCommittees(s.team, s.lab.slug)).committees).toHaveLength(1);
    expect((await labCommittees(s.v.region[1], s.lab.slug)).committees).toHaveLength(1);
    for (const who of [otherTeam, agent]) {
      await expect(labCommittees(who, s.lab.slug)).rejects.toEqual(refusal(404));
      await expect(committeePage(who, s.lab.slug, s.committee.id)).rejects.toEqual(refusal(404));
      await expect(createCommitteeFor(who, s.lab.slug, { kind: "project", name: "Comité de projet", rhythm: "" })).rejects.toEqual(refusal(404));
    }
    // Through another lab's address, the committee does not exist.
    await expect(committeePage(otherTeam, otherLab.slug, s.committee.id)).rejects.toEqual(refusal(404));
    const { meeting } = await meetingWith(s, [{ title: "Point d’information" }]);
    await expect(meetingPage(agent, s.lab.slug, s.committee.id, meeting.id)).rejects.toEqual(refusal(404));
    await expect(meetingInvitation(otherTeam, s.lab.slug, s.committee.id, meeting.id)).rejects.toEqual(refusal(404));
    expect((await meetingPage(s.v.state[2], s.lab.slug, s.committee.id, meeting.id)).items).toHaveLength(1);
    // A member sees but does not manage.
    await expect(scheduleMeeting(s.v.state[1], s.lab.slug, s.committee.id, { day: "2027-06-01", startTime: "10:00", endTime: "12:00", place: "Metz", videoUrl: "" })).rejects.toEqual(refusal(403));
    await expect(addAgendaItem(s.v.region[0], s.lab.slug, s.committee.id, meeting.id, { kind: "free", title: "Un point", summary: "", secret: false })).rejects.toEqual(refusal(403));
    await expect(recordAttendance(s.v.region[0], s.lab.slug, s.committee.id, meeting.id, [])).rejects.toEqual(refusal(403));
    // A project committee counts its members together.
    const project = await createCommitteeFor(s.team, s.lab.slug, { kind: "project", name: "Comité de projet", rhythm: "Mensuel" });
    expect(project).toMatchObject({ quorum_per_side: false, quorum_percent: 50 });
  });
});

describe("quorum and majority per side", () => {
  type Row = [string, { state: number; region: number }, { state: VoteChoice[]; region: VoteChoice[] }, "no quorum" | "adopted" | "refused"];
  const table: Row[] = [
    ["all present, both sides for", { state: 3, region: 3 }, { state: ["for", "for", "against"], region: ["for", "for", "for"] }, "adopted"],
    ["the Région side against", { state: 3, region: 3 }, { state: ["for", "for", "for"], region: ["against", "against", "for"] }, "refused"],
    ["the État side tied", { state: 2, region: 3 }, { state: ["for", "against"], region: ["for", "for", "abstain"] }, "refused"],
    ["abstentions do not count either way", { state: 2, region: 2 }, { state: ["for", "abstain"], region: ["for", "abstain"] }, "adopted"],
    ["nobody votes for on one side", { state: 2, region: 2 }, { state: ["abstain", "abstain"], region: ["for", "for"] }, "refused"],
    ["two of three État, one of three Région present: no quorum", { state: 2, region: 1 }, { state: [], region: [] }, "no quorum"],
    ["every Région member absent: no quorum", { state: 3, region: 0 }, { state: [], region: [] }, "no quorum"],
  ];

  it.each(table)("pure rules: %s", (_name, present, votes, expected) => {
    const seats = [...["s1", "s2", "s3"].map((userId) => ({ userId, side: "state" as const })), ...["r1", "r2", "r3"].map((userId) => ({ userId, side: "region" as const }))];
    const here = [...seats.filter((x) => x.side === "state").slice(0, present.state), ...seats.filter((x) => x.side === "region").slice(0, present.region)].map((x) => x.userId);
    const check = quorum({ percent: 50, perSide: true }, seats, here);
    if (expected === "no quorum") return expect(check.met).toBe(false);
    expect(check.met).toBe(true);
    const tally = tallyVotes(true, [...votes.state.map((choice) => ({ side: "state" as const, choice })), ...votes.region.map((choice) => ({ side: "region" as const, choice }))]);
    expect(isAdopted(tally)).toBe(expected === "adopted");
  });

  it.each(table)("through the services and the database: %s", async (_name, present, votes, expected) => {
    const s = await setup();
    const { meeting, items } = await meetingWith(s, [{ title: "Accompagnement du projet de SGC" }]);
    const here = [...s.v.state.slice(0, present.state), ...s.v.region.slice(0, present.region)];
    await recordAttendance(s.team, s.lab.slug, s.committee.id, meeting.id, here.map((x) => x.userId));
    if (expected === "no quorum") {
      const page = await meetingPage(here[0], s.lab.slug, s.committee.id, meeting.id);
      expect(page.quorum.met).toBe(false);
      expect(page.items[0].voteBlocked).toMatch(/quorum n’est pas atteint/);
      await expect(castVote(here[0], s.lab.slug, s.committee.id, meeting.id, items[0].id, "for")).rejects.toEqual(refusal(403));
      await expect(recordDecision(s.team, s.lab.slug, s.committee.id, meeting.id, items[0].id, "")).rejects.toEqual(refusal(409));
      expect(await rows(sql`SELECT 1 FROM committee_decisions WHERE meeting_id = ${meeting.id}`)).toHaveLength(0);
      return;
    }
    for (const [i, choice] of votes.state.entries()) await castVote(s.v.state[i], s.lab.slug, s.committee.id, meeting.id, items[0].id, choice);
    for (const [i, choice] of votes.region.entries()) await castVote(s.v.region[i], s.lab.slug, s.committee.id, meeting.id, items[0].id, choice);
    const decision = await recordDecision(s.team, s.lab.slug, s.committee.id, meeting.id, items[0].id, "");
    expect(decision.adopted).toBe(expected === "adopted");
    if (expected === "refused") expect(decision.wording).toMatch(/^Non adopté : pas de majorité/);
    const page = await meetingPage(s.team, s.lab.slug, s.committee.id, meeting.id);
    expect(page.items[0].tally.map((t) => [t.sideLabel, t.for, t.against, t.abstain])).toEqual([
      ["État", votes.state.filter((c) => c === "for").length, votes.state.filter((c) => c === "against").length, votes.state.filter((c) => c === "abstain").length],
      ["Région", votes.region.filter((c) => c === "for").length, votes.region.filter((c) => c === "against").length, votes.region.filter((c) => c === "abstain").length],
    ]);
  });

  it("an absent member may not vote, and a vote is closed once the decision is recorded", async () => {
    const s = await setup();
    const { meeting, items } = await meetingWith(s, [{ title: "Orientations 2027" }]);
    await recordAttendance(s.team, s.lab.slug, s.committee.id, meeting.id, [s.v.state[0], s.v.state[1], s.v.region[0], s.v.region[1]].map((x) => x.userId));
    await expect(castVote(s.v.region[2], s.lab.slug, s.committee.id, meeting.id, items[0].id, "for")).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/pas noté présent/) });
    await castVote(s.v.region[0], s.lab.slug, s.committee.id, meeting.id, items[0].id, "for");
    await recordDecision(s.team, s.lab.slug, s.committee.id, meeting.id, items[0].id, "Orientations adoptées.");
    await expect(castVote(s.v.state[0], s.lab.slug, s.committee.id, meeting.id, items[0].id, "for")).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/clos/) });
    await expect(castVote(s.v.state[0], s.lab.slug, s.committee.id, meeting.id, "00000000-0000-0000-0000-000000000000", "for")).rejects.toEqual(refusal(404));
  });
});

describe("the agenda, before the vote", () => {
  it("the lab team reorders items, changes how one is voted and takes one off until someone votes on it; members and others may not", async () => {
    const s = await setup();
    const { meeting, items } = await meetingWith(s, [{ title: "Point A" }, { title: "Point B" }, { title: "Point C" }]);
    const at = [s.lab.slug, s.committee.id, meeting.id] as const;
    const order = async () => (await meetingPage(s.team, ...at)).items.map((i) => `${i.position}. ${i.title}`);
    await moveAgendaItem(s.team, ...at, items[2].id, "up");
    expect(await order()).toEqual(["1. Point A", "2. Point C", "3. Point B"]);
    await expect(moveAgendaItem(s.team, ...at, items[0].id, "up")).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/déjà le premier/) });
    await expect(moveAgendaItem(s.team, ...at, items[1].id, "down")).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/déjà le dernier/) });
    await removeAgendaItem(s.team, ...at, items[0].id);
    // the items after it move up: positions stay 1, 2…
    expect(await order()).toEqual(["1. Point C", "2. Point B"]);
    await setAgendaItemSecret(s.team, ...at, items[1].id, true);
    expect((await meetingPage(s.team, ...at)).items.find((i) => i.id === items[1].id)).toMatchObject({ secret: true, untouched: true });
    await setAgendaItemSecret(s.team, ...at, items[1].id, false);

    // a member, another lab's team: refused
    await expect(removeAgendaItem(s.v.state[1], ...at, items[1].id)).rejects.toEqual(refusal(403));
    await expect(moveAgendaItem(s.v.region[0], ...at, items[1].id, "up")).rejects.toEqual(refusal(403));
    const otherTeam = await viewerOf(await makeMember((await makeLab()).id, "lab_team"));
    await expect(setAgendaItemSecret(otherTeam, ...at, items[1].id, true)).rejects.toEqual(refusal(404));
    await expect(removeAgendaItem(s.team, ...at, "00000000-0000-0000-0000-000000000000")).rejects.toEqual(refusal(404));

    // once a member has voted, the item stays and keeps its mode of vote (it may still move)
    await recordAttendance(s.team, ...at, [s.v.state[0], s.v.state[1], s.v.region[0], s.v.region[1]].map((x) => x.userId));
    await castVote(s.v.region[0], ...at, items[1].id, "for");
    await expect(removeAgendaItem(s.team, ...at, items[1].id)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/déjà enregistrés/) });
    await expect(setAgendaItemSecret(s.team, ...at, items[1].id, true)).rejects.toEqual(refusal(409));
    expect((await meetingPage(s.team, ...at)).items.find((i) => i.id === items[1].id)).toMatchObject({ secret: false, untouched: false });
    await moveAgendaItem(s.team, ...at, items[1].id, "up");
    expect(await order()).toEqual(["1. Point B", "2. Point C"]);
  });
});

describe("secret votes", () => {
  it("store only counts: no voter id anywhere, and the database refuses a named vote", async () => {
    const s = await setup();
    const { meeting, items } = await meetingWith(s, [{ title: "Désignation du binôme de pilotage", secret: true }]);
    const everyone = [...s.v.state, ...s.v.region];
    await recordAttendance(s.team, s.lab.slug, s.committee.id, meeting.id, everyone.map((x) => x.userId));
    await expect(castVote(s.v.state[1], s.lab.slug, s.committee.id, meeting.id, items[0].id, "for")).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/bulletin secret/) });
    await expect(recordSecretCounts(s.team, s.lab.slug, s.committee.id, meeting.id, items[0].id, { state: { for: 3, against: 1, abstain: 0 }, region: { for: 2, against: 1, abstain: 0 } })).rejects.toMatchObject({ status: 400, field: "state_for" });
    await recordSecretCounts(s.team, s.lab.slug, s.committee.id, meeting.id, items[0].id, { state: { for: 2, against: 1, abstain: 0 }, region: { for: 2, against: 0, abstain: 1 } });
    const decision = await recordDecision(s.team, s.lab.slug, s.committee.id, meeting.id, items[0].id, "");
    expect(decision.adopted).toBe(true);
    // At the database level: no committee table holds a member's id about this item.
    const memberIds = everyone.map((x) => x.userId);
    const stored = [
      ...(await rows(sql`SELECT row_to_json(v)::text AS j FROM committee_votes v WHERE item_id = ${items[0].id}`)),
      ...(await rows(sql`SELECT row_to_json(c)::text AS j FROM committee_secret_counts c WHERE item_id = ${items[0].id}`)),
      ...(await rows(sql`SELECT row_to_json(d)::text AS j FROM committee_decisions d WHERE item_id = ${items[0].id}`)),
      ...(await rows(sql`SELECT row_to_json(i)::text AS j FROM committee_agenda_items i WHERE id = ${items[0].id}`)),
    ] as { j: string }[];
    expect(stored.length).toBe(4);
    for (const r of stored) for (const id of memberIds) expect(r.j).not.toContain(id);
    expect(await rows(sql`SELECT 1 FROM committee_votes WHERE item_id = ${items[0].id}`)).toHaveLength(0);
    await expect(sql`INSERT INTO committee_votes (item_id, voter_id, side, choice) VALUES (${items[0].id}, ${memberIds[0]}, 'state', 'for')`.execute(db())).rejects.toMatchObject({ code: "GE010" });
    const page = await meetingPage(s.team, s.lab.slug, s.committee.id, meeting.id);
    expect(page.items[0].voters).toEqual([]);
    expect(page.items[0].tally.map((t) => t.for)).toEqual([2, 2]);
  });
});

describe("decisions, minutes and the registered sources and appliers", () => {
  it("an agenda source feeds « what awaits »; at validation each decision applies once, even when two validations race; decisions are then immutable", async () => {
    const s = await setup();
    const subjectId = crypto.randomUUID();
    const applied: DecisionToApply[] = [];
    const offSource = registerAgendaSource("gate_review", async ({ labId, committeeKind }) =>
      labId === s.lab.id && committeeKind === "steering" ? [{ subjectId, title: "Projet « Direction agile » : passage en expérimentation", summary: "Étape : prototype. Livrables : prototype, protocole de test. Budget : 40 000 € (FTAP)." }] : [],
    );
    const offApplier = registerDecisionApplier("gate_review", async (d) => {
      // Runs inside the validation's transaction: a slow applier widens the race.
      await new Promise((r) => setTimeout(r, 30));
      applied.push(d);
    });
    try {
      const { meeting, items } = await meetingWith(s, [{ title: "Point libre : calendrier 2027" }]);
      const before = await meetingPage(s.team, s.lab.slug, s.committee.id, meeting.id);
      expect(before.awaiting.map((a) => [a.kind, a.subjectId])).toEqual([["gate_review", subjectId]]);
      // Members do not see what awaits (the lab team prepares the agenda).
      expect((await meetingPage(s.v.state[1], s.lab.slug, s.committee.id, meeting.id)).awaiting).toEqual([]);
      const gate = await addAgendaItem(s.team, s.lab.slug, s.committee.id, meeting.id, { kind: "gate_review", subjectId, title: "ignoré", summary: "ignoré", secret: false });
      expect(gate).toMatchObject({ kind: "gate_review", subject_id: subjectId, position: 2, summary: expect.stringContaining("FTAP") });
      await expect(addAgendaItem(s.team, s.lab.slug, s.committee.id, meeting.id, { kind: "gate_review", subjectId, title: "encore", summary: "", secret: false })).rejects.toEqual(refusal(409));
      expect((await meetingPage(s.team, s.lab.slug, s.committee.id, meeting.id)).awaiting).toEqual([]);
      expect((await committeePage(s.team, s.lab.slug, s.committee.id, new Date("2027-01-01T00:00:00Z"))).next?.items.map((i) => i.title)).toEqual(["Point libre : calendrier 2027", gate.title]);

      const everyone = [...s.v.state, ...s.v.region];
      await recordAttendance(s.team, s.lab.slug, s.committee.id, meeting.id, everyone.map((x) => x.userId));
      for (const v of everyone) await castVote(v, s.lab.slug, s.committee.id, meeting.id, gate.id, "for");
      const decision = await recordDecision(s.team, s.lab.slug, s.committee.id, meeting.id, gate.id, "Go : le projet passe en expérimentation.");
      await recordDecision(s.team, s.lab.slug, s.committee.id, meeting.id, items[0].id, "Calendrier adopté.");
      await expect(validateMinutes(s.chair, s.lab.slug, s.committee.id, meeting.id, "chair")).rejects.toEqual(refusal(409)); // no minutes yet
      await saveMinutesFor(s.team, s.lab.slug, s.committee.id, meeting.id, { body: "La séance est ouverte à 14 h.", discussions: { [gate.id]: "Le comité salue la qualité du prototype." } });
      await expect(validateMinutes(s.v.region[0], s.lab.slug, s.committee.id, meeting.id, "chair")).rejects.toEqual(refusal(403));
      await expect(validateMinutes(s.team, s.lab.slug, s.committee.id, meeting.id, "chair")).rejects.toEqual(refusal(403));
      // A member reads the minutes only once validated.
      await expect(minutesPage(s.v.region[0], s.lab.slug, s.committee.id, meeting.id)).rejects.toEqual(refusal(404));

      const results = await Promise.allSettled([
        validateMinutes(s.chair, s.lab.slug, s.committee.id, meeting.id, "chair"),
        validateMinutes(s.chair, s.lab.slug, s.committee.id, meeting.id, "chair"),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409 } });
      expect(applied).toHaveLength(1);
      expect(applied[0]).toMatchObject({ decisionId: decision.id, kind: "gate_review", subjectId, adopted: true, labId: s.lab.id, committeeKind: "steering" });
      expect(await rows(sql`SELECT decision_id FROM committee_decision_applications WHERE decision_id = ${decision.id}`)).toHaveLength(1);

      // Immutable at the database level, whoever asks.
      await expect(sql`UPDATE committee_decisions SET adopted = false WHERE id = ${decision.id}`.execute(db())).rejects.toMatchObject({ code: "GE011" });
      await expect(sql`DELETE FROM committee_decisions WHERE id = ${decision.id}`.execute(db())).rejects.toMatchObject({ code: "GE011" });
      await expect(sql`UPDATE committee_minutes SET body = 'réécrit' WHERE meeting_id = ${meeting.id}`.execute(db())).rejects.toMatchObject({ code: "GE011" });
      await expect(sql`INSERT INTO committee_decisions (item_id, meeting_id, adopted, wording) VALUES (${gate.id}, ${meeting.id}, false, 'ajoutée après coup')`.execute(db())).rejects.toMatchObject({ code: "GE011" });
      await expect(sql`INSERT INTO committee_decisions (item_id, meeting_id, adopted, wording, corrects_id) VALUES (${items[0].id}, ${meeting.id}, false, 'corrige un autre point', ${decision.id})`.execute(db())).rejects.toMatchObject({ code: "GE011" });
      await expect(recordDecision(s.team, s.lab.slug, s.committee.id, meeting.id, gate.id, "autre")).rejects.toEqual(refusal(409));
      await expect(saveMinutesFor(s.team, s.lab.slug, s.committee.id, meeting.id, { body: "x", discussions: {} })).rejects.toEqual(refusal(409));
      // A correction is a new decision, applied once; the original stays.
      const correction = await correctDecision(s.team, s.lab.slug, s.committee.id, meeting.id, decision.id, { adopted: true, wording: "Go avec conditions : mesurer l’indicateur de satisfaction." });
      expect(correction.corrects_id).toBe(decision.id);
      expect(applied.map((a) => a.decisionId)).toEqual([decision.id, correction.id]);
      expect((await rows(sql`SELECT adopted, wording FROM committee_decisions WHERE id = ${decision.id}`))[0]).toMatchObject({ wording: "Go : le projet passe en expérimentation." });

      // Published to the members: notified; the minutes page and the PDF.
      expect((await listNotifications(s.v.region[2].userId)).some((x) => x.kind === "committee_minutes")).toBe(true);
      const minutes = await minutesPage(s.v.region[2], s.lab.slug, s.committee.id, meeting.id);
      expect(minutes.items.find((i) => i.id === gate.id)).toMatchObject({ discussion: "Le comité salue la qualité du prototype.", decision: { adopted: true, corrections: [expect.objectContaining({ adopted: true })] } });
      const { pdf, filename } = await minutesPdfFor(s.v.region[2], s.lab.slug, s.committee.id, meeting.id);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(filename).toBe("compte-rendu-2027-03-18.pdf");
      // The next meeting's agenda links the previous minutes.
      const next = await scheduleMeeting(s.team, s.lab.slug, s.committee.id, { day: "2027-06-17", startTime: "14:00", endTime: "16:00", place: "", videoUrl: "https://webconf.exemple.gouv.fr/copil" });
      expect((await meetingPage(s.v.state[1], s.lab.slug, s.committee.id, next.id)).previous).toMatchObject({ id: meeting.id, minutes: "validated" });
    } finally {
      offSource();
      offApplier();
    }
  });

  it("a failing agenda source leaves its items out, the pages still open", async () => {
    const s = await setup();
    const { meeting } = await meetingWith(s, [{ title: "Point libre" }]);
    const off = registerAgendaSource("request", async () => {
      throw new Error("source en panne");
    });
    try {
      expect((await meetingPage(s.team, s.lab.slug, s.committee.id, meeting.id)).awaiting).toEqual([]);
      expect((await committeePage(s.team, s.lab.slug, s.committee.id)).awaiting).toEqual([]);
    } finally {
      off();
    }
  });

  it("minutes may be approved as the first item of the next meeting, once it has opened", async () => {
    const s = await setup();
    const { meeting } = await meetingWith(s, [{ title: "Point d’information" }], "2026-01-15");
    await saveMinutesFor(s.team, s.lab.slug, s.committee.id, meeting.id, { body: "Séance d’information.", discussions: {} });
    await expect(validateMinutes(s.team, s.lab.slug, s.committee.id, meeting.id, "next_meeting", new Date("2026-02-01T00:00:00Z"))).rejects.toEqual(refusal(409));
    await scheduleMeeting(s.team, s.lab.slug, s.committee.id, { day: "2026-04-16", startTime: "14:00", endTime: "16:00", place: "Metz", videoUrl: "" });
    await expect(validateMinutes(s.v.state[1], s.lab.slug, s.committee.id, meeting.id, "next_meeting", new Date("2026-04-16T13:00:00Z"))).rejects.toEqual(refusal(403));
    await validateMinutes(s.team, s.lab.slug, s.committee.id, meeting.id, "next_meeting", new Date("2026-04-16T13:00:00Z"));
    expect((await minutesPage(s.v.region[0], s.lab.slug, s.committee.id, meeting.id)).minutes).toMatchObject({ validatedHow: "next_meeting" });
  });
});

describe("convocation", () => {
  it("mails each member the agenda and dossiers with an .ics invitation, delivered as an attachment by nodemailer and parsed back", async () => {
    const s = await setup();
    const { meeting } = await meetingWith(s, [{ title: "Approbation du compte rendu" }, { title: "Orientations 2027 du lab" }]);
    const otherTeam = await viewerOf(await makeMember((await makeLab()).id, "lab_team"));
    await expect(conveneMeeting(otherTeam, s.lab.slug, s.committee.id, meeting.id)).rejects.toEqual(refusal(404));
    await expect(conveneMeeting(s.v.state[1], s.lab.slug, s.committee.id, meeting.id)).rejects.toEqual(refusal(403));
    expect(await conveneMeeting(s.team, s.lab.slug, s.committee.id, meeting.id)).toEqual({ mails: 6 });
    const { mails } = await listLabMails(s.lab.id);
    const convocations = mails.filter((m) => m.kind === "committee_convocation");
    expect(convocations).toHaveLength(6);
    expect(convocations[0].text).toContain("Orientations 2027 du lab");
    expect(convocations[0].text).toContain("Dossier\u00a0: Orientations 2027 du lab.");
    const [attachment] = convocations[0].attachments;
    // The lab team reads it in the outbox, with its attachment named.
    expect((await labOutboxMail(s.team, s.lab.id, convocations[0].id)).attachments).toEqual([{ filename: "invitation.ics", bytes: expect.any(Number) }]);
    expect(attachment).toMatchObject({ filename: "invitation.ics", contentType: expect.stringContaining("text/calendar") });

    const check = (ics: string) => {
      const calendar = new ICAL.Component(ICAL.parse(ics));
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
      expect(event.uid).toBe(`${meeting.id}@germoir.exemple.gouv.fr`);
      expect(event.startDate.toJSDate().toISOString()).toBe("2027-03-18T13:00:00.000Z");
      expect(event.endDate.toJSDate().toISOString()).toBe("2027-03-18T15:30:00.000Z");
      expect(event.summary).toBe(`Comité de pilotage État-Région – ${s.lab.name}`);
      expect(event.location).toBe("Préfecture de région, salle Erckmann");
      expect(event.description).toContain("2. Orientations 2027 du lab");
      expect(event.attendees).toHaveLength(6);
    };
    check(Buffer.from(attachment.content, "base64").toString("utf8"));
    // The same invitation is downloadable by a member.
    check(await meetingInvitation(s.v.region[1], s.lab.slug, s.committee.id, meeting.id));

    // Delivered through SMTP by nodemailer, the attachment arrives whole.
    env.rt.config.mail.smtpUrl = smtp.url;
    try {
      const start = smtp.received.length;
      await deliverMails([convocations[0].id]);
      const [received] = (await smtp.waitFor(start + 1)).slice(start);
      const ics = received.attachments.find((a) => a.filename === "invitation.ics");
      expect(ics).toBeDefined();
      check(ics!.content.toString("utf8"));
    } finally {
      env.rt.config.mail.smtpUrl = undefined;
    }
    expect((await getMails([convocations[1].id]))[0].status).toBe("pending");
    expect((await listNotifications(s.v.state[2].userId)).some((x) => x.kind === "committee_meeting" && x.title.includes("Convocation"))).toBe(true);
    expect((await meetingPage(s.team, s.lab.slug, s.committee.id, meeting.id)).meeting.convenedAt).not.toBeNull();
  });

  it("refuses an empty agenda, and a meeting without place or link", async () => {
    const s = await setup();
    await expect(scheduleMeeting(s.team, s.lab.slug, s.committee.id, { day: "2027-03-18", startTime: "14:00", endTime: "16:00", place: "", videoUrl: "" })).rejects.toMatchObject({ status: 400, field: "place" });
    await expect(scheduleMeeting(s.team, s.lab.slug, s.committee.id, { day: "2027-03-18", startTime: "14:00", endTime: "13:00", place: "Metz", videoUrl: "" })).rejects.toMatchObject({ status: 400, field: "endTime" });
    const { meeting } = await meetingWith(s, []);
    await expect(conveneMeeting(s.team, s.lab.slug, s.committee.id, meeting.id)).rejects.toEqual(refusal(409));
  });
});

describe("personal data", () => {
  it("lists an agent's seats, attendance and open votes; a deleted account leaves its committees", async () => {
    const s = await setup();
    const { meeting, items } = await meetingWith(s, [{ title: "Orientations" }]);
    await recordAttendance(s.team, s.lab.slug, s.committee.id, meeting.id, [...s.v.state, ...s.v.region].map((x) => x.userId));
    await castVote(s.v.region[0], s.lab.slug, s.committee.id, meeting.id, items[0].id, "against");
    const { personalData, forgetAccount } = await import("./personal-data");
    const sections = await personalData(s.v.region[0].userId);
    expect(Object.fromEntries(sections.map((x) => [x.key, x.rows.length]))).toEqual({ committee_memberships: 1, committee_attendance: 1, committee_votes: 1, committee_minutes: 0 });
    await forgetAccount(s.chair.userId);
    const page = await committeePage(s.team, s.lab.slug, s.committee.id);
    expect(page.committee.chair).toBeNull();
    expect(page.members).toHaveLength(5);
  });
});
