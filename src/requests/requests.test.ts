import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { makeLab, makeMember, makeOrganization, makeUser, viewerOf } from "../../tests/support/fixtures";
import { listNotifications } from "../notifications/notifications";
import { listLabMails } from "../kernel/mail/outbox";
import { injectFaults, InjectedFault } from "../kernel/db/transaction";
import { parisTime } from "../demo/clock";
import { personalDataOf } from "../privacy/personal-data";
import {
  accept,
  confirmSponsor,
  createRequest,
  decline,
  deskLabs,
  inviteExpert,
  labQueue,
  linkProject,
  myRequests,
  overdueByLab,
  postMessage,
  postNote,
  postOpinion,
  qualify,
  reorient,
  requestAttachment,
  requestPage,
  saveDeskSettings,
  updateRequest,
} from "./service";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "./workdays";
import { requestSchema, type RequestInput } from "./schemas";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime();
});
afterAll(async () => {
  await env?.dispose();
});

const input = (labId: string, sponsorEmail: string, over: Partial<RequestInput> = {}): RequestInput => ({
  labId,
  kind: "workshop",
  title: "Repenser l’accueil des usagers en sous-préfecture",
  context: "Les files d’attente s’allongent au guichet des titres, les agents sont épuisés et les usagers mécontents.",
  affected: "Agents d’accueil et usagers",
  success: "Une attente divisée par deux et des agents moins exposés",
  timing: "Avant l’été",
  sponsorEmail,
  otherAdministrations: "",
  intent: "submit",
  ...over,
});

async function setup() {
  const org = await makeOrganization();
  const lab = await makeLab();
  const otherLab = await makeLab();
  const team = await viewerOf(await makeMember(lab.id, "lab_team"));
  const otherTeam = await viewerOf(await makeMember(otherLab.id, "lab_team"));
  const requesterUser = await makeUser({ organizationId: org.id });
  const requester = await viewerOf(requesterUser);
  const sponsorUser = await makeUser();
  const sponsor = await viewerOf(sponsorUser);
  const expertUser = await makeUser();
  const expert = await viewerOf(expertUser);
  const other = await viewerOf(await makeUser());
  return { org, lab, otherLab, team, otherTeam, requester, requesterUser, sponsor, sponsorUser, expert, expertUser, other };
}

const kindsOf = async (userId: string) => (await listNotifications(userId)).map((n) => n.kind);

describe("the one-stop desk", () => {
  it("an agent submits; the lab qualifies with a question; the requester answers; the lab accepts: each change told to requester and sponsor, app and mail", async () => {
    const s = await setup();
    const submittedAt = parisTime(2026, 12, 4, 10, 0); // a Friday
    const r = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email), [], submittedAt);
    expect(r).toMatchObject({ status: "submitted", organization_id: s.org.id, sponsor_id: s.sponsor.userId, first_answer_at: null });
    // 10 working days from Friday 4 December: Friday 18 December, due by its end
    expect(r.due_at).toEqual(parisTime(2026, 12, 19, 0, 0));
    expect(await kindsOf(s.team.userId)).toContain("request_submitted");
    expect(await kindsOf(s.sponsor.userId)).toContain("request_sponsor");

    await confirmSponsor(s.sponsor, r.id, parisTime(2026, 12, 4, 15, 0));
    await expect(confirmSponsor(s.sponsor, r.id)).rejects.toMatchObject({ status: 403 });

    const asked = parisTime(2026, 12, 7, 9, 30);
    await qualify(s.team, r.id, "Combien d’agents d’accueil sont concernés ?", asked);
    await postMessage(s.requester, r.id, "Six agents, sur deux sites.", [], parisTime(2026, 12, 7, 11, 0));
    const accepted = await accept(s.team, r.id, "workshop", "", parisTime(2026, 12, 8, 14, 0));
    expect(accepted).toMatchObject({ status: "accepted", outcome: "workshop", first_answer_at: asked });
    expect(accepted.decided_at).toEqual(parisTime(2026, 12, 8, 14, 0));

    const page = await requestPage(s.requester, r.id);
    expect(page.history.messages.map((m) => m.body)).toEqual(["Combien d’agents d’accueil sont concernés ?", "Six agents, sur deux sites."]);
    expect(page.history.events.map((e) => e.text)).toEqual(["Brouillon créé", "Demande déposée", "Soutien confirmé par le commanditaire", "Statut : en qualification", "Statut : acceptée – atelier ponctuel réalisé"]);
    expect((await kindsOf(s.requester.userId)).filter((k) => k === "request_status").length).toBe(3); // sponsor confirmed, qualified, accepted
    expect((await kindsOf(s.sponsor.userId)).filter((k) => k === "request_status").length).toBe(2);
    const mails = (await listLabMails(s.lab.id, { limit: 50 })).mails;
    // qualified and accepted, to the requester and the sponsor
    expect(mails.filter((m) => m.kind === "request_status").map((m) => m.to).sort()).toEqual([s.requesterUser.email, s.requesterUser.email, s.sponsorUser.email, s.sponsorUser.email].sort());
    expect(mails.some((m) => m.kind === "request_sponsor" && m.to === s.sponsorUser.email)).toBe(true);

    const mine = await myRequests(s.requester);
    expect(mine.requests[0]).toMatchObject({ id: r.id, status: "accepted" });
    expect(mine.requests[0].sentence).toContain("atelier ponctuel");
    expect((await myRequests(s.sponsor)).followed.map((x) => x.id)).toEqual([r.id]);
  });

  it("a draft is the requester's alone; submitting needs the description and a sponsor, who may not be the requester", async () => {
    const s = await setup();
    const draft = await createRequest(s.requester, input(s.lab.id, "", { intent: "draft", context: "", affected: "", success: "" }));
    expect(draft.status).toBe("draft");
    await expect(requestPage(s.team, draft.id)).rejects.toMatchObject({ status: 404 });
    await expect(requestPage(s.other, draft.id)).rejects.toMatchObject({ status: 404 });
    await expect(updateRequest(s.other, draft.id, input(s.lab.id, s.sponsorUser.email))).rejects.toMatchObject({ status: 404 });
    await expect(updateRequest(s.requester, draft.id, input(s.lab.id, s.requesterUser.email))).rejects.toMatchObject({ status: 400, field: "sponsorEmail" });
    const parsed = requestSchema.safeParse({ labId: s.lab.id, kind: "workshop", title: "Un titre assez long", intent: "submit" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path[0]).sort()).toEqual(["affected", "context", "sponsorEmail", "success"]);
    const sent = await updateRequest(s.requester, draft.id, input(s.lab.id, s.sponsorUser.email));
    expect(sent.status).toBe("submitted");
    await expect(updateRequest(s.requester, draft.id, input(s.lab.id, s.sponsorUser.email))).rejects.toMatchObject({ status: 403 });
  });

  it("declining needs a reason; a decided request is not decided again; only this lab's team decides", async () => {
    const s = await setup();
    const r = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email));
    await expect(decline(s.otherTeam, r.id, "Hors de notre champ d’action")).rejects.toMatchObject({ status: 404 });
    await expect(decline(s.requester, r.id, "Hors de notre champ d’action")).rejects.toMatchObject({ status: 403 });
    await expect(decline(s.team, r.id, "   ")).rejects.toMatchObject({ status: 400, field: "reason" });
    const declined = await decline(s.team, r.id, "Hors de notre champ d’action : voyez la DRH.");
    expect(declined).toMatchObject({ status: "declined", decline_reason: "Hors de notre champ d’action : voyez la DRH." });
    await expect(accept(s.team, r.id, "project", "")).rejects.toMatchObject({ status: 409 });
    expect((await requestPage(s.requester, r.id)).request.sentence).toContain("voyez la DRH");
  });

  it("two decisions at once: one wins, the other is told the request is already decided", async () => {
    const s = await setup();
    const colleague = await viewerOf(await makeMember(s.lab.id, "lab_team"));
    const r = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email));
    const results = await Promise.allSettled([accept(s.team, r.id, "workshop", ""), decline(colleague, r.id, "Nous n’avons plus de place avant l’automne.")]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409 });
    const events = (await requestPage(s.requester, r.id)).history.events.filter((e) => e.text.startsWith("Statut"));
    expect(events).toHaveLength(1);
  });

  it("reorienting sends the request to another lab with its whole history; both labs keep the trace", async () => {
    const s = await setup();
    const r = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email));
    await postMessage(s.requester, r.id, "Une précision : deux sites sont concernés.");
    await postNote(s.team, r.id, "Plutôt pour l’autre lab : c’est leur territoire.");
    const { origin, continuation } = await reorient(s.team, r.id, s.otherLab.id, "Nous transmettons à nos collègues.");
    expect(origin).toMatchObject({ status: "reoriented", reoriented_to_lab_id: s.otherLab.id });
    expect(continuation).toMatchObject({ lab_id: s.otherLab.id, status: "submitted", reoriented_from_id: r.id, title: r.title });

    // the first lab keeps it in its queue, as réorientée; the other receives it
    expect((await labQueue(s.team, s.lab.slug)).requests.map((x) => [x.id, x.statusLabel])).toEqual([[r.id, `Réorientée vers ${s.otherLab.name}`]]);
    expect((await labQueue(s.otherTeam, s.otherLab.slug)).requests.map((x) => x.id)).toEqual([continuation.id]);
    // the receiving lab reads the whole history, notes included; the requester too, without notes
    const theirs = await requestPage(s.otherTeam, continuation.id);
    expect(theirs.origin!.messages.map((m) => m.kind)).toEqual(["message", "note", "message"]);
    expect(theirs.history.events.map((e) => e.text)).toEqual([`Reçue de ${s.lab.name}, avec son historique`]);
    expect((await requestPage(s.otherTeam, r.id)).rights).toMatchObject({ mayRead: true, mayDecide: false, mayConverse: false });
    const requesterView = await requestPage(s.requester, continuation.id);
    expect(requesterView.origin!.messages.map((m) => m.kind)).toEqual(["message", "message"]);
    expect((await requestPage(s.requester, r.id)).request.continuationId).toBe(continuation.id);
    // the new lab decides on its copy
    expect((await accept(s.otherTeam, continuation.id, "project", "")).status).toBe("accepted");
    await linkProject(null, continuation.id, "00000000-0000-4000-8000-000000000001");
    expect((await requestPage(s.requester, continuation.id)).request.projectId).toBe("00000000-0000-4000-8000-000000000001");
    await expect(linkProject(null, r.id, "00000000-0000-4000-8000-000000000002")).rejects.toMatchObject({ status: 409 });
  });

  it("an expert sees only the request they were asked about, its conversation, never the internal notes", async () => {
    const s = await setup();
    const r = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email));
    const elsewhere = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email, { title: "Une autre demande du même agent" }));
    await postNote(s.team, r.id, "Note interne : budget serré.");
    await postMessage(s.team, r.id, "Bonjour, nous étudions votre demande.");
    await expect(postOpinion(s.expert, r.id, "Avis")).rejects.toMatchObject({ status: 404 });
    await inviteExpert(s.team, r.id, s.expertUser.email);
    expect(await kindsOf(s.expert.userId)).toContain("request_expert");
    await postOpinion(s.expert, r.id, "Un atelier de deux heures suffit.");
    const seen = await requestPage(s.expert, r.id);
    expect(seen.history.messages.map((m) => m.kind)).toEqual(["message", "opinion"]);
    expect(seen.rights).toMatchObject({ mayReadNotes: false, mayConverse: false, mayDecide: false, mayGiveOpinion: true });
    await expect(requestPage(s.expert, elsewhere.id)).rejects.toMatchObject({ status: 404 });
    await expect(postNote(s.expert, r.id, "x")).rejects.toMatchObject({ status: 403 });
    await expect(labQueue(s.expert, s.lab.slug)).rejects.toMatchObject({ status: 403 });
    // the requester does not read the notes nor the opinions
    expect((await requestPage(s.requester, r.id)).history.messages.map((m) => m.kind)).toEqual(["message"]);
    await expect(requestPage(s.other, r.id)).rejects.toMatchObject({ status: 404 });
    await expect(requestPage(s.otherTeam, r.id)).rejects.toMatchObject({ status: 404 });
  });

  it("notifications and mails exist only once the use case commits", async () => {
    const s = await setup();
    const before = (await listLabMails(s.lab.id, { limit: 50 })).total;
    const faults = injectFaults({ beforeCommit: true });
    try {
      await expect(createRequest(s.requester, input(s.lab.id, s.sponsorUser.email))).rejects.toBeInstanceOf(InjectedFault);
    } finally {
      faults.stop();
    }
    expect(await listNotifications(s.sponsor.userId)).toEqual([]);
    expect(await listNotifications(s.team.userId)).toEqual([]);
    expect((await listLabMails(s.lab.id, { limit: 50 })).total).toBe(before);
    expect((await myRequests(s.requester)).requests).toEqual([]);
  });

  it("the queue puts the overdue first, counts them in working days, filters and pages by keyset", async () => {
    const s = await setup();
    const now = parisTime(2026, 12, 21, 10, 0); // Monday 21 December
    const old = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email, { title: "Demande ancienne en retard" }), [], parisTime(2026, 12, 1, 10, 0));
    const fresh = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email, { title: "Demande toute récente", kind: "training" }), [], parisTime(2026, 12, 18, 10, 0));
    const done = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email, { title: "Demande déclinée" }), [], parisTime(2026, 11, 2, 10, 0));
    await decline(s.team, done.id, "Nous ne faisons pas de formation bureautique.");
    const q = await labQueue(s.team, s.lab.slug, {}, now);
    expect(q.requests.map((x) => x.id)).toEqual([old.id, fresh.id, done.id]);
    expect(q.requests.map((x) => x.overdue)).toEqual([true, false, false]);
    expect(q.overdue).toBe(1);
    expect(q.requests[0].ageDays).toBe(14); // 1 → 21 December: 14 working days
    expect((await overdueByLab(s.team, [s.lab.id, s.otherLab.id], now)).get(s.lab.id)).toBe(1);
    expect((await overdueByLab(s.team, [s.otherLab.id], now)).get(s.otherLab.id)).toBeUndefined();
    // a longer promise: the open requests' deadlines follow
    await saveDeskSettings(s.team, s.lab.slug, 30);
    expect((await labQueue(s.team, s.lab.slug, {}, now)).overdue).toBe(0);
    await saveDeskSettings(s.team, s.lab.slug, 10, "Nous aidons les services à concevoir avec leurs usagers.");
    expect((await deskLabs()).find((l) => l.id === s.lab.id)).toMatchObject({ answerDays: 10, description: "Nous aidons les services à concevoir avec leurs usagers." });
    expect((await deskLabs()).find((l) => l.id === s.otherLab.id)).toMatchObject({ answerDays: 10, description: s.otherLab.description });
    // filters and search
    expect((await labQueue(s.team, s.lab.slug, { kind: "training" }, now)).requests.map((x) => x.id)).toEqual([fresh.id]);
    expect((await labQueue(s.team, s.lab.slug, { status: "declined" }, now)).requests.map((x) => x.id)).toEqual([done.id]);
    expect((await labQueue(s.team, s.lab.slug, { search: "récente" }, now)).requests.map((x) => x.id)).toEqual([fresh.id]);
    expect((await labQueue(s.team, s.lab.slug, { sponsorUnconfirmed: true, search: "%_" }, now)).requests).toEqual([]);
    expect((await labQueue(s.team, s.lab.slug, { assignee: "none", after: "pas-un-curseur" }, now)).requests.length).toBe(3);
    await expect(labQueue(s.otherTeam, s.lab.slug)).rejects.toMatchObject({ status: 403 });
    await expect(saveDeskSettings(s.requester, s.lab.slug, 5)).rejects.toMatchObject({ status: 403 });
  });

  it("pages the queue by keyset: no request twice, none missed", async () => {
    const s = await setup();
    const made: string[] = [];
    for (let i = 0; i < 53; i++) made.push((await createRequest(s.requester, input(s.lab.id, "", { intent: "draft", title: `Demande numéro ${i}` }))).id);
    // drafts are not in the queue; submit them all at once through the edit use case
    for (const id of made) await updateRequest(s.requester, id, input(s.lab.id, s.sponsorUser.email, { title: `Demande ${id}` }));
    const first = await labQueue(s.team, s.lab.slug);
    expect(first.requests.length).toBe(50);
    const second = await labQueue(s.team, s.lab.slug, { after: first.next! });
    expect(second.next).toBeNull();
    expect(new Set([...first.requests, ...second.requests].map((x) => x.id))).toEqual(new Set(made));
  });

  it("counts working days without weekends and French public holidays", () => {
    // Friday 24 December 2027 + 1 working day: Monday 27 (25 is Christmas, a Saturday anyway)
    expect(addWorkingDays(parisTime(2027, 12, 24, 16, 0), 1)).toEqual(parisTime(2027, 12, 28, 0, 0));
    // Thursday 30 April 2026 + 1: Friday 1 May is a holiday → Monday 4 May
    expect(addWorkingDays(parisTime(2026, 4, 30, 9, 0), 1)).toEqual(parisTime(2026, 5, 5, 0, 0));
    // Easter Monday 2026 is 6 April; Ascension 14 May; Whit Monday 25 May
    expect(addWorkingDays(parisTime(2026, 4, 3, 9, 0), 1)).toEqual(parisTime(2026, 4, 8, 0, 0));
    expect(workingDaysBetween(parisTime(2026, 5, 11, 9, 0), parisTime(2026, 5, 18, 9, 0))).toBe(4);
    expect(workingDaysBetween(parisTime(2026, 5, 22, 9, 0), parisTime(2026, 5, 26, 9, 0))).toBe(1);
    // across years and around midnight (Paris): counted by cumulative tables, checked against a day-by-day count
    const byDay = (from: string, to: string) => {
      let n = 0;
      for (let t = Date.parse(`${from}T12:00:00Z`) + 86_400_000; t <= Date.parse(`${to}T12:00:00Z`); t += 86_400_000) if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) n++;
      return n;
    };
    expect(workingDaysBetween(parisTime(2026, 12, 24, 23, 30), parisTime(2027, 1, 4, 0, 30))).toBe(5); // 28–31 Dec, 4 Jan
    expect(workingDaysBetween(parisTime(2025, 7, 1, 9, 0), parisTime(2027, 7, 1, 9, 0))).toBe(byDay("2025-07-01", "2027-07-01"));
    expect(workingDaysBetween(parisTime(2026, 5, 18, 9, 0), parisTime(2026, 5, 11, 9, 0))).toBe(0);
  });

  it("attachments are checked by their content and downloaded by whoever reads the request (the other lab too, once it is sent there)", async () => {
    const s = await setup();
    const pdf = new File([Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\n")], "releve-des-appels.pdf", { type: "application/pdf" });
    const fake = new File(["<script>alert(1)</script>"], "piege.pdf", { type: "application/pdf" });
    await expect(createRequest(s.requester, input(s.lab.id, s.sponsorUser.email), [fake])).rejects.toMatchObject({ status: 400, field: "attachments" });
    const r = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email), [pdf]);
    const [att] = (await requestPage(s.team, r.id)).history.attachments;
    expect(att.filename).toBe("releve-des-appels.pdf");
    expect((await requestAttachment(s.team, r.id, att.id)).mime).toBe("application/pdf");
    await expect(requestAttachment(s.other, r.id, att.id)).rejects.toMatchObject({ status: 404 });
    await expect(requestAttachment(s.otherTeam, r.id, att.id)).rejects.toMatchObject({ status: 404 });
    const m = await postMessage(s.team, r.id, "Voici notre grille d’analyse.", [pdf]);
    expect((await requestPage(s.requester, r.id)).history.messages.find((x) => x.id === m.id)!.attachments.map((a) => a.filename)).toEqual(["releve-des-appels.pdf"]);
    const { continuation } = await reorient(s.team, r.id, s.otherLab.id, "");
    expect((await requestAttachment(s.otherTeam, continuation.id, att.id)).filename).toBe("releve-des-appels.pdf");
  });

  it("Mes données lists the requests, messages and sponsored requests", async () => {
    const s = await setup();
    const r = await createRequest(s.requester, input(s.lab.id, s.sponsorUser.email));
    await postMessage(s.requester, r.id, "Un message de ma part.");
    const data = await personalDataOf(s.requester, s.requester.userId);
    const section = (key: string) => data.sections.find((x) => x.key === key)!.rows;
    expect(section("desk_requests").map((x) => x.id)).toEqual([r.id]);
    expect(section("desk_messages").map((x) => x.body)).toEqual(["Un message de ma part."]);
    const sponsorData = await personalDataOf(s.sponsor, s.sponsor.userId);
    expect(sponsorData.sections.find((x) => x.key === "desk_sponsored_requests")!.rows.map((x) => x.id)).toEqual([r.id]);
  });
});
