import { describe, expect, it } from "vitest";
import { mayManageDesk, requestRights, type RequestFacts, type RequestRights, type RequestViewer } from "./permissions";
import type { RequestStatus } from "./db/schema";

const LAB = "11111111-1111-1111-1111-111111111111";
const OTHER_LAB = "22222222-2222-2222-2222-222222222222";
const REQUESTER = "aaaaaaaa-0000-0000-0000-000000000001";
const SPONSOR = "aaaaaaaa-0000-0000-0000-000000000002";
const EXPERT = "aaaaaaaa-0000-0000-0000-000000000003";
const TEAM = "aaaaaaaa-0000-0000-0000-000000000004";
const OTHER_TEAM = "aaaaaaaa-0000-0000-0000-000000000005";
const AGENT = "aaaaaaaa-0000-0000-0000-000000000006";

const viewers: Record<string, RequestViewer | null> = {
  requester: { userId: REQUESTER, labTeamOf: [] },
  sponsor: { userId: SPONSOR, labTeamOf: [] },
  expert: { userId: EXPERT, labTeamOf: [] },
  "lab team": { userId: TEAM, labTeamOf: [LAB] },
  "other lab's team": { userId: OTHER_TEAM, labTeamOf: [OTHER_LAB] },
  "other agent": { userId: AGENT, labTeamOf: [] },
  anonymous: null,
};

const facts = (status: RequestStatus, over: Partial<RequestFacts> = {}): RequestFacts => ({
  status,
  labId: LAB,
  requesterId: REQUESTER,
  sponsorId: SPONSOR,
  sponsorConfirmed: false,
  reorientedToLabId: null,
  experts: [EXPERT],
  ...over,
});

type Right = keyof RequestRights;
const rights: Right[] = ["mayRead", "mayEdit", "mayConverse", "mayReadNotes", "mayWriteNote", "mayReadOpinions", "mayGiveOpinion", "mayDecide", "mayManage", "mayConfirmSponsor"];

/** Who holds each right on a submitted request (sponsor not yet confirmed). */
const submitted: Record<Right, string[]> = {
  mayRead: ["requester", "sponsor", "expert", "lab team"],
  mayEdit: [],
  mayConverse: ["requester", "lab team"],
  mayReadNotes: ["lab team"],
  mayWriteNote: ["lab team"],
  mayReadOpinions: ["expert", "lab team"],
  mayGiveOpinion: ["expert"],
  mayDecide: ["lab team"],
  mayManage: ["lab team"],
  mayConfirmSponsor: ["sponsor"],
};

describe("rights on a submitted request: each viewer × each right", () => {
  const table = Object.keys(viewers).flatMap((who) => rights.map((right) => [who, right, submitted[right].includes(who)] as const));
  it.each(table)("%s — %s: %s", (who, right, expected) => {
    expect(requestRights(viewers[who], facts("submitted"))[right]).toBe(expected);
  });
});

describe("a draft is its requester's alone", () => {
  it.each(Object.keys(viewers))("%s", (who) => {
    const r = requestRights(viewers[who], facts("draft"));
    expect(r.mayRead).toBe(who === "requester");
    expect(r.mayEdit).toBe(who === "requester");
    expect(r.mayDecide || r.mayConverse || r.mayReadNotes || r.mayConfirmSponsor).toBe(false);
  });
});

describe("after the decision", () => {
  it.each(["accepted", "declined", "reoriented"] as const)("%s: nobody decides again; the conversation goes on", (status) => {
    const team = requestRights(viewers["lab team"], facts(status, status === "reoriented" ? { reorientedToLabId: OTHER_LAB } : {}));
    expect(team.mayDecide).toBe(false);
    expect(team.mayConverse).toBe(true);
    expect(requestRights(viewers.requester, facts(status)).mayConverse).toBe(true);
  });

  it("a request sent to another lab: that lab's team reads it (notes included) but does not act on it", () => {
    const r = requestRights(viewers["other lab's team"], facts("reoriented", { reorientedToLabId: OTHER_LAB }));
    expect(r).toMatchObject({ mayRead: true, mayReadNotes: true, mayReadOpinions: true, mayConverse: false, mayWriteNote: false, mayDecide: false, mayManage: false });
  });

  it("a confirmed sponsor confirms no more", () => {
    expect(requestRights(viewers.sponsor, facts("submitted", { sponsorConfirmed: true })).mayConfirmSponsor).toBe(false);
  });

  it("an empty user id is nobody", () => {
    expect(requestRights({ userId: "", labTeamOf: [] }, facts("submitted", { requesterId: "" })).mayRead).toBe(false);
  });
});

describe("the lab's desk (queue, promise)", () => {
  it.each([
    ["lab team", true],
    ["other lab's team", false],
    ["requester", false],
    ["anonymous", false],
  ] as const)("%s: %s", (who, expected) => {
    expect(mayManageDesk(viewers[who], LAB)).toBe(expected);
  });
});
