import { countUsers, createUsers, type NewUser } from "../accounts/accounts";
import { createOrganization, listUnits } from "../organizations/organizations";
import { createLab, grantRole } from "../labs/labs";
import { createCampaign, closeCampaignNow, getCriteria, publishCampaign } from "../campaigns/campaigns";
import * as ideas from "../ideas/ideas";
import { assignJuror, submitEvaluation } from "../jury/jury";
import { runtime } from "../kernel/runtime";
import type { Role } from "../kernel/permissions";
import { frenchSpaces } from "../kernel/format";
import { atWorkingHour } from "./clock";
import { seedDemoThemes } from "../themes/demo";
import { seedDemoMinilabs } from "../minilabs/demo";
import { seedDemoSessions } from "../minilabs/session-demo";
import { seedDemoArbitration } from "../arbitration/demo";
import { seedDemoCommunities } from "../communities/demo";
import { seedDemoNormandie } from "./normandie";
import { seedDemoRequests } from "../requests/demo";
import { seedDemoProjects } from "../projects/demo";
import { seedDemoCommittees } from "../committees/demo";
import { seedDemoRoadmaps } from "../roadmaps/demo";
import { seedDemoResources } from "../resources/demo";
import { seedDemoSkills } from "../skills/demo";
import { seedDemoEventRegistrations, seedDemoEvents } from "../events/demo";
import { seedDemoTrainings } from "../trainings/demo";
import { seedDemoSatisfactionAnswers, seedDemoSurveys } from "../surveys/demo";
import { agents, labTeam, organizations, closedCampaignIdeas, openCampaignIdeas, topicLabels } from "./content";
import { demoComments } from "./content/comments";
import { mulberry32 } from "./content/agents";

const DAY = 86_400_000;

/** Loads the Grand Est demo when the database has no user yet. Returns what it loaded, or null. */
export async function seedDemoIfEmpty(): Promise<Record<string, number> | null> {
  if ((await countUsers()) > 0) return null;
  return seedDemo();
}

/** The Grand Est organisations and their units; returns their ids by demo key ("key" and "key|unit"). */
export async function createDemoOrganizations(): Promise<{ orgId: Map<string, string>; unitId: Map<string, string> }> {
  const orgId = new Map<string, string>();
  const unitId = new Map<string, string>();
  for (const o of organizations) {
    const created = await createOrganization({ name: o.name, kind: o.kind, siret: o.siret, city: o.city, units: o.units });
    orgId.set(o.key, created.id);
    for (const u of await listUnits(created.id)) unitId.set(`${o.key}|${u.name}`, u.id);
  }
  return { orgId, unitId };
}

export async function seedDemo(now = new Date()): Promise<Record<string, number>> {
  const t0 = Date.now();
  const rand = mulberry32(20201201);
  const pick = <T>(arr: T[]) => arr[Math.floor(rand() * arr.length)];

  const { orgId, unitId } = await createDemoOrganizations();
  const cityOf = new Map(organizations.map((o) => [o.key, o.city]));

  // People: the named personas first, then the 300 agents.
  const people = [...labTeam, ...agents];
  const newUsers: NewUser[] = people.map((p) => ({
    email: p.email,
    givenName: p.firstName,
    familyName: p.lastName,
    organizationId: orgId.get(p.organizationKey) ?? null,
    unitId: unitId.get(`${p.organizationKey}|${p.unit}`) ?? null,
    job: p.job,
    site: cityOf.get(p.organizationKey) ?? null,
    isDemo: true,
  }));
  const created = await createUsers(newUsers);
  const userId = new Map(people.map((p, i) => [p.key, created[i].id]));
  const userOrg = new Map(created.map((u) => [u.id, { org: u.organization_id, unit: u.unit_id }]));

  // Labs and roles
  const regionLab = await createLab({
    slug: "region-grand-est",
    name: "Lab d’innovation de la Région Grand Est (DIMAP)",
    description: "La délégation à l’innovation et à la modernisation de l’action publique de la Région Grand Est : concours d’idées, Mini-Labs, communautés de métiers.",
    organizationId: orgId.get("region-hq"),
  });
  const labEst = await createLab({
    slug: "labest",
    name: "Lab’EST",
    description: "Le laboratoire d’innovation territoriale de l’État et de la Région Grand Est.",
    organizationId: orgId.get("prefecture-grand-est"),
  });
  const labFor = (l?: string) => (l === "labest" ? labEst.id : regionLab.id);
  for (const p of labTeam) {
    const id = userId.get(p.key)!;
    for (const r of p.roles) {
      if (r === "juror") continue; // jurors are assigned per campaign
      await grantRole(id, labFor(p.lab ?? (p.organizationKey === "prefecture-grand-est" && r === "committee_member" ? "labest" : "region")), r as Role);
    }
  }

  // The closed contest: 244 ideas, 4 awarded, the others « non primées ».
  const opens = new Date("2019-11-04T08:00:00Z");
  const closes = new Date("2020-01-31T23:00:00Z");
  const dimap1 = userId.get("dimap-1")!;
  const contest = await createCampaign({
    labId: regionLab.id,
    title: "G1ID – Concours d’idées internes",
    summary: "Le premier concours d’idées des agents de la Région Grand Est : lycées, sièges et Maisons de la Région.",
    description:
      "« Tout le monde a des idées et toutes les idées nous intéressent. » Agents des lycées, des sièges et des Maisons de la Région : proposez vos idées pour transformer nos façons de faire, simplifier le quotidien et mieux servir les usagers.\n\nChaque idée sera lue. Un jury en primera quelques-unes ; toutes les autres seront analysées par la DIMAP pour en tirer les problématiques de fond à travailler ensemble.",
    rules: "Ouvert à tous les agents de la Région Grand Est. Une idée peut être portée à plusieurs. Le jury note chaque idée sur l’utilité, la faisabilité et l’originalité.",
    opensAt: opens,
    closesAt: closes,
    scaleMax: 5,
    criteria: [
      { label: "Utilité pour les agents et les usagers", weight: 3 },
      { label: "Faisabilité", weight: 2 },
      { label: "Originalité", weight: 1 },
    ],
    organizationIds: organizations.filter((o) => o.kind !== "prefecture" && o.kind !== "ddt").map((o) => orgId.get(o.key)!),
    createdBy: dimap1,
  });
  await publishCampaign(contest.id);

  const agentIds = agents.map((a) => userId.get(a.key)!);
  const contestIdeas: { id: string; topic: string; awarded?: { kind: ideas.AwardKind; citation: string } }[] = [];
  for (const [i, d] of closedCampaignIdeas.entries()) {
    const author = userId.get(d.authorKey)!;
    const at = atWorkingHour(new Date(opens.getTime() + Math.floor(((i + rand()) / closedCampaignIdeas.length) * (closes.getTime() - opens.getTime() - DAY))), i, closes);
    const idea = await ideas.createIdea({
      campaignId: contest.id,
      labId: regionLab.id,
      authorId: author,
      organizationId: userOrg.get(author)?.org ?? null,
      unitId: userOrg.get(author)?.unit ?? null,
      title: d.title,
      problem: d.problem,
      proposal: d.proposal,
      beneficiaries: d.beneficiaries,
      submit: true,
      at,
    });
    for (const co of d.coAuthorKeys) {
      const cid = userId.get(co);
      if (!cid || cid === author) continue;
      await ideas.inviteCoauthor(idea.id, cid, author);
      await ideas.answerCoauthor(idea.id, cid, true);
    }
    contestIdeas.push({ id: idea.id, topic: frenchSpaces(topicLabels[d.topic]), awarded: d.awarded });
  }
  // Supports and comments
  const supports: { ideaId: string; userId: string }[] = [];
  let commentCount = 0;
  for (const ci of contestIdeas) {
    const n = ci.awarded ? 25 + Math.floor(rand() * 30) : Math.floor(rand() * rand() * 30);
    for (let k = 0; k < n; k++) supports.push({ ideaId: ci.id, userId: pick(agentIds) });
    const nc = Math.floor(rand() * rand() * 4);
    for (let k = 0; k < nc; k++) {
      await ideas.addComment(ci.id, pick(agentIds), pick(demoComments), atWorkingHour(new Date(closes.getTime() - Math.floor(rand() * 40) * DAY), commentCount, closes));
      commentCount++;
    }
  }
  await ideas.importSupports(supports);

  // The jury scores every idea, then the lab awards four.
  await closeCampaignNow(contest.id).catch(() => undefined);
  await ideas.startReview([contest.id], new Date(closes.getTime() + 3600_000));
  const criteria = await getCriteria(contest.id);
  const jurors = ["juror-1", "juror-2", "juror-3"].map((k) => userId.get(k)!);
  for (const j of jurors) await assignJuror(contest.id, j, dimap1);
  for (const ci of contestIdeas) {
    for (const j of jurors) {
      const base = ci.awarded ? 4 : 1 + rand() * 3;
      await submitEvaluation({
        campaignId: contest.id,
        ideaId: ci.id,
        jurorId: j,
        comment: "",
        scores: criteria.map((c) => ({ criterionId: c.id, score: Math.max(0, Math.min(5, Math.round(base + (rand() - 0.5) * 1.5))), comment: "" })),
      });
    }
  }
  const awardDay = new Date("2020-03-02T10:00:00Z");
  for (const ci of contestIdeas) if (ci.awarded) await ideas.award(ci.id, ci.awarded.kind, ci.awarded.citation, dimap1, awardDay);
  await ideas.markOthersNotAwarded(contest.id, dimap1, new Date(awardDay.getTime() + 3600_000));

  // The open campaign, open for weeks around today.
  const open = await createCampaign({
    labId: regionLab.id,
    title: "Simplifions notre quotidien – appel à idées 2026",
    summary: "Une démarche trop lourde, un outil qui manque, une organisation à revoir ? Proposez votre idée.",
    description:
      "Six ans après G1ID, la Région relance un appel à idées ouvert à tous ses agents. Le thème : ce qui complique votre travail au quotidien et comment le simplifier.\n\nLes idées sont visibles de tous : soutenez celles de vos collègues, commentez, cosignez-les.",
    rules: "Ouvert à tous les agents. Les idées peuvent être modifiées jusqu’à la clôture.",
    opensAt: new Date(now.getTime() - 20 * DAY),
    closesAt: new Date(now.getTime() + 50 * DAY),
    scaleMax: 5,
    criteria: [
      { label: "Simplification apportée", weight: 3 },
      { label: "Faisabilité", weight: 2 },
      { label: "Nombre d’agents concernés", weight: 2 },
    ],
    organizationIds: [],
    createdBy: dimap1,
  });
  await publishCampaign(open.id);
  for (const [i, d] of openCampaignIdeas.entries()) {
    const author = userId.get(d.authorKey)!;
    const idea = await ideas.createIdea({
      campaignId: open.id,
      labId: regionLab.id,
      authorId: author,
      organizationId: userOrg.get(author)?.org ?? null,
      unitId: userOrg.get(author)?.unit ?? null,
      title: d.title,
      problem: d.problem,
      proposal: d.proposal,
      beneficiaries: d.beneficiaries,
      submit: true,
      at: atWorkingHour(new Date(now.getTime() - (19 - i) * DAY), 1000 + i, now),
    });
    const n = Math.floor(rand() * 12);
    await ideas.importSupports(Array.from({ length: n }, () => ({ ideaId: idea.id, userId: pick(agentIds) })).filter((s) => s.userId !== author));
  }
  await assignJuror(open.id, userId.get("juror-1")!, dimap1);

  // The contest's themes, analysed, curated by the lab team and published.
  const curated = await seedDemoThemes({ labId: regionLab.id, campaignId: contest.id, curatorId: dimap1, problemOf: new Map(contestIdeas.map((c) => [c.id, c.topic])) });
  const minilabCount = await seedDemoMinilabs({ labSlug: regionLab.slug, curatorId: dimap1, facilitatorIds: labTeam.filter((p) => p.roles.includes("facilitator")).map((p) => userId.get(p.key)!), now });
  const arbitration = await seedDemoArbitration({
    labSlug: regionLab.slug,
    curatorId: dimap1,
    facilitatorIds: labTeam.filter((p) => p.roles.includes("facilitator")).map((p) => userId.get(p.key)!),
    directorIds: { lycees: userId.get("director-lycees")!, environnement: userId.get("director-environnement")! },
  });
  const boards = await seedDemoSessions(now);
  const communities = await seedDemoCommunities({
    labSlug: regionLab.slug,
    curatorId: dimap1,
    directorId: userId.get("director-lycees")!,
    animatorIds: [userId.get("facilitator-1")!, userId.get(agents.find((a) => /^Chef(fe)? de cuisine$/.test(a.job))?.key ?? "")!, userId.get("facilitator-2")!],
    agents: agents.map((a) => ({ userId: userId.get(a.key)!, job: a.job, organizationKey: a.organizationKey })),
    now,
  });
  // Innov'Mandie (Normandie) as another lab of the installation, and the labs' one-stop desks.
  await seedDemoNormandie();
  const requests = await seedDemoRequests(now);

  // Projects: Lab'EST's programme, the Région's adopted decisions, Innov'Mandie's incubator.
  const projects = await seedDemoProjects();
  // Lab'EST's committees: the paritary steering committee and the project committee.
  const ddtAgent = agents.find((a) => organizations.find((o) => o.key === a.organizationKey)?.kind === "ddt")!;
  const id = (key: string) => userId.get(key)!;
  const committees = await seedDemoCommittees({
    labSlug: labEst.slug,
    people: {
      labTeamId: id("labest-1"),
      stateIds: [id("juror-3"), id("committee-1"), id(ddtAgent.key)],
      regionIds: [id("dimap-1"), id("juror-1"), id("director-lycees")],
      projectIds: [id("labest-1"), id("labest-2"), id("dimap-2"), id("dimap-3"), id("facilitator-2")],
    },
    now,
  });

  // Lab'EST's roadmap (seed 002), driven by its projects' stages and its initiatives' milestones since 2021.
  const roadmaps = await seedDemoRoadmaps({ labSlug: labEst.slug, now });
  // Lab'EST's questionnaire of 2020 (seed 002: 7,286 answers, their free texts in themes), and two open ones.
  const surveys = await seedDemoSurveys({ now, labEstTeamId: id("labest-1"), regionTeamId: id("dimap-1") });

  // The resources library (method sheets, tools, templates, case studies) and the skills directory.
  const resources = await seedDemoResources();
  const skills = await seedDemoSkills(agents.map((a) => a.email));
  // The network's calendar (seed 004): the territorial labs and a Mois de l'innovation publique of 200 events.
  const events = await seedDemoEvents({ now });
  // agents registered to Lab'EST's events of the month that asked for it
  // (agents from the 41st on: the first ones are the personas the guided tour and the tests sign in as)
  const eventRegistrations = await seedDemoEventRegistrations({ agentIds: created.slice(labTeam.length + 40).map((u) => u.id), now });
  // The reciprocal State–Région training offer: the Région's and Lab'EST's trainings, sessions held and to come, one full with a waiting list.
  const trainings = await seedDemoTrainings({ now });
  // about two in three agents present answered their session's satisfaction questionnaire
  const satisfactionAnswers = await seedDemoSatisfactionAnswers({ now });

  const stats = {
    organizations: organizations.length + 2,
    users: created.length,
    ideas: closedCampaignIdeas.length + openCampaignIdeas.length,
    supports: supports.length,
    comments: commentCount,
    themes: curated.themes,
    minilabs: minilabCount,
    sessions: boards.sessions,
    boardNotes: boards.notes,
    proposals: arbitration.proposals,
    decisions: arbitration.decisions,
    communities: communities.communities,
    requests,
    projects: projects.projects,
    committees: committees.committees,
    committeeMeetings: committees.meetings,
    roadmapItems: roadmaps.items,
    resourceSheets: resources.sheets,
    caseStudies: resources.caseStudies,
    skillsDirectory: skills.listed,
    networkLabs: events.networkLabs,
    events: events.events,
    eventRegistrations,
    trainings: trainings.trainings,
    trainingSessions: trainings.sessions,
    trainingRegistrations: trainings.registrations,
    surveyAnswers: surveys.answers,
    satisfactionAnswers,
    ms: Date.now() - t0,
  };
  runtime().log.debug("demo seeded", stats);
  return stats;
}
