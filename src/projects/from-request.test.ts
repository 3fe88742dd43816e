/** A desk request accepted as « projet » becomes the project, in one use case; the requester sees where it stands. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, makeOrganization, makeUser, viewerOf } from "../../tests/support/fixtures";
import { injectFaults, InjectedFault } from "../kernel/db/transaction";
import * as requests from "../requests";
import { acceptAsProject, projectForRequest, projectPage, projectSummaries } from "./service";
import * as data from "./projects";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

async function submitted() {
  const org = await makeOrganization();
  const lab = await makeLab();
  const otherLab = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const otherTeam = await viewerOf(await makeMember(otherLab.id, "lab_team"));
  const requesterUser = await makeUser({ organizationId: org.id });
  const requester = await viewerOf(requesterUser);
  const sponsorUser = await makeUser();
  const other = await viewerOf(await makeUser());
  const r = await requests.createRequest(
    requester,
    {
      labId: lab.id,
      kind: "project",
      title: "Dématérialiser les demandes de subvention des associations",
      context: "Les dossiers papier se perdent entre trois services ; les associations relancent sans réponse.",
      affected: "Les associations et les instructeurs",
      success: "Un dossier suivi en ligne de bout en bout",
      timing: "Avant la prochaine campagne",
      sponsorEmail: sponsorUser.email,
      otherAdministrations: "",
      intent: "submit",
    },
    [],
  );
  return { org, lab, team, otherTeam, requester, requesterUser, other, r };
}

describe("from the desk to a project", () => {
  it("« Accepter et créer le projet »: the request accepted, its fields carried over, the requester the lead, the request linked", async () => {
    const s = await submitted();
    const project = await acceptAsProject(s.team, s.r.id, "Nous incubons le projet.");
    expect(project).toMatchObject({ lab_id: s.lab.id, title: s.r.title, problem: s.r.context, users: s.r.affected, origin: "request", request_id: s.r.id, lead_id: s.requesterUser.id, stage: "exploration" });
    const page = await requests.requestPage(s.requester, s.r.id);
    expect(page.request).toMatchObject({ status: "accepted", outcomeKey: "project", projectId: project.id });
    // the requester, lead of the project, sees where it stands; an agent outside sees only a non-confidential summary
    expect((await projectSummaries(s.requester, [project.id])).get(project.id)).toMatchObject({ title: s.r.title, stageLabel: "Exploration" });
    expect((await projectPage(s.requester, project.id)).project.title).toBe(s.r.title);
    expect((await data.organizationsOf([project.id])).map((o) => o.organization_id)).toEqual([s.org.id]);
    // once is enough
    await expect(projectForRequest(s.team, s.r.id)).rejects.toMatchObject({ status: 409 });
  });

  it("refuses anyone but the lab team of the request's lab, before anything changes", async () => {
    const s = await submitted();
    for (const who of [s.otherTeam, s.requester, s.other]) await expect(acceptAsProject(who, s.r.id, "")).rejects.toMatchObject({ status: expect.any(Number) });
    expect((await requests.requestPage(s.requester, s.r.id)).request.status).toBe("submitted");
  });

  it("is one transaction: a fault while the project is written leaves the request as it was", async () => {
    const s = await submitted();
    let faults = 0;
    for (let at = 1; at < 60; at++) {
      const plan = injectFaults({ failAt: at });
      let failed = false;
      try {
        await acceptAsProject(s.team, s.r.id, "");
      } catch (err) {
        if (!(err instanceof InjectedFault)) throw err;
        failed = true;
      } finally {
        plan.stop();
      }
      if (!failed) break;
      faults++;
      const page = await requests.requestPage(s.team, s.r.id);
      expect(page.request).toMatchObject({ status: "submitted", projectId: null });
    }
    expect(faults).toBeGreaterThan(3);
    expect((await requests.requestPage(s.team, s.r.id)).request.status).toBe("accepted");
  });

  it("a request accepted as « projet » earlier gets its project from the request page", async () => {
    const s = await submitted();
    await requests.accept(s.team, s.r.id, "project", "");
    const project = await projectForRequest(s.team, s.r.id);
    expect((await requests.requestPage(s.team, s.r.id)).request.projectId).toBe(project.id);
    // a workshop never becomes a project
    const w = await submitted();
    await requests.accept(w.team, w.r.id, "workshop", "");
    await expect(projectForRequest(w.team, w.r.id)).rejects.toMatchObject({ status: 409 });
  });
});
