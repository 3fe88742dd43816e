import { describe, it, expect } from "vitest";
import {
  agents,
  closedCampaignIdeas,
  labTeam,
  openCampaignIdeas,
  organizations,
  topicLabels,
  type DemoIdea,
  type TopicKey,
} from "./index";

const allIdeas: DemoIdea[] = [...closedCampaignIdeas, ...openCampaignIdeas];

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

describe("organizations", () => {
  it("has the expected shape", () => {
    const kinds = organizations.map((o) => o.kind);
    expect(kinds.filter((k) => k === "region_hq")).toHaveLength(1);
    expect(kinds.filter((k) => k === "maison_region")).toHaveLength(3);
    expect(kinds.filter((k) => k === "lycee")).toHaveLength(10);
    expect(kinds.filter((k) => k === "prefecture")).toHaveLength(1);
    expect(kinds.filter((k) => k === "ddt")).toHaveLength(1);
    expect(new Set(organizations.map((o) => o.key)).size).toBe(organizations.length);
  });

  it("has plausible, unique SIRET numbers", () => {
    for (const o of organizations) {
      expect(o.siret).toMatch(/^\d{14}$/);
      expect(luhn(o.siret)).toBe(true);
    }
    expect(new Set(organizations.map((o) => o.siret)).size).toBe(organizations.length);
  });
});

describe("agents", () => {
  it("has 300 agents with unique keys a001..a300", () => {
    expect(agents).toHaveLength(300);
    expect(new Set(agents.map((a) => a.key)).size).toBe(300);
    agents.forEach((a, i) => expect(a.key).toBe(`a${String(i + 1).padStart(3, "0")}`));
  });

  it("has unique, ascii, lowercase e-mails (agents and named people)", () => {
    const emails = [...agents, ...labTeam].map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+@[a-z0-9.-]+\.[a-z]+$/);
  });

  it("has no duplicate full names", () => {
    const names = [...agents, ...labTeam].map((p) => `${p.firstName} ${p.lastName}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it("puts every agent in an existing organization and unit", () => {
    for (const p of [...agents, ...labTeam]) {
      const org = organizations.find((o) => o.key === p.organizationKey);
      expect(org, p.key).toBeDefined();
      expect(org?.units, p.key).toContain(p.unit);
      expect(p.email.endsWith(`@${org?.domain}`)).toBe(true);
    }
  });

  it("has most agents in lycées, then at headquarters", () => {
    const kindOf = (key: string) => organizations.find((o) => o.key === key)?.kind;
    const count = (k: string) => agents.filter((a) => kindOf(a.organizationKey) === k).length;
    expect(count("lycee")).toBeGreaterThan(count("region_hq"));
    expect(count("region_hq")).toBeGreaterThan(count("maison_region"));
    expect(count("prefecture") + count("ddt")).toBeGreaterThanOrEqual(10);
  });

  it("has the named people with their roles", () => {
    const withRole = (r: string) => labTeam.filter((p) => (p.roles as string[]).includes(r));
    expect(withRole("lab_team").filter((p) => p.lab === "region")).toHaveLength(4);
    expect(withRole("lab_team").filter((p) => p.lab === "labest")).toHaveLength(2);
    expect(withRole("admin")).toHaveLength(1);
    expect(withRole("juror")).toHaveLength(3);
    expect(withRole("facilitator")).toHaveLength(2);
    expect(withRole("director")).toHaveLength(2);
    expect(withRole("committee_member")).toHaveLength(1);
    expect(new Set(labTeam.map((p) => p.key)).size).toBe(labTeam.length);
    const agentKeys = new Set(agents.map((a) => a.key));
    for (const p of labTeam) expect(agentKeys.has(p.key)).toBe(false);
  });
});

describe("ideas", () => {
  const agentKeys = new Set(agents.map((a) => a.key));

  it("has 244 closed-campaign ideas and 12 open-campaign ideas", () => {
    expect(closedCampaignIdeas).toHaveLength(244);
    expect(openCampaignIdeas).toHaveLength(12);
  });

  it("has unique keys", () => {
    expect(new Set(allIdeas.map((i) => i.key)).size).toBe(allIdeas.length);
    for (const i of allIdeas) expect(i.key).toMatch(/^i\d{3}$/);
  });

  it("has existing authors and co-authors", () => {
    for (const idea of allIdeas) {
      expect(agentKeys.has(idea.authorKey), idea.key).toBe(true);
      for (const k of idea.coAuthorKeys) {
        expect(agentKeys.has(k), idea.key).toBe(true);
        expect(k).not.toBe(idea.authorKey);
      }
      expect(new Set(idea.coAuthorKeys).size).toBe(idea.coAuthorKeys.length);
      expect(idea.coAuthorKeys.length).toBeLessThanOrEqual(2);
    }
  });

  it("has exactly 4 awarded ideas in the closed campaign: 2 prizes, 2 mentions", () => {
    const awarded = closedCampaignIdeas.filter((i) => i.awarded);
    expect(awarded).toHaveLength(4);
    expect(awarded.filter((i) => i.awarded?.kind === "prize")).toHaveLength(2);
    expect(awarded.filter((i) => i.awarded?.kind === "mention")).toHaveLength(2);
    expect(openCampaignIdeas.filter((i) => i.awarded)).toHaveLength(0);
  });

  it("has at least 11 topics with at least 8 ideas each", () => {
    const counts = new Map<TopicKey, number>();
    for (const i of closedCampaignIdeas) counts.set(i.topic, (counts.get(i.topic) ?? 0) + 1);
    const big = [...counts.values()].filter((n) => n >= 8);
    expect(big.length).toBeGreaterThanOrEqual(11);
    for (const t of counts.keys()) expect(topicLabels[t]).toBeTruthy();
  });

  it("has no two ideas with the same title", () => {
    const titles = allIdeas.map((i) => i.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
  });

  it("has no two problems starting with the same 6 words", () => {
    const starts = allIdeas.map((i) =>
      i.problem
        .toLowerCase()
        .split(/\s+/)
        .slice(0, 6)
        .join(" "),
    );
    const dup = starts.filter((s, idx) => starts.indexOf(s) !== idx);
    expect(dup).toEqual([]);
  });

  it("has texts of plausible length", () => {
    for (const i of allIdeas) {
      const words = i.title.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length;
      expect(words, i.title).toBeGreaterThanOrEqual(3);
      expect(words, i.title).toBeLessThanOrEqual(12);
      expect(i.problem.length).toBeGreaterThan(40);
      expect(i.proposal.length).toBeGreaterThan(40);
      expect(i.beneficiaries.length).toBeGreaterThan(5);
    }
  });
});
