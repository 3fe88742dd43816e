import { describe, expect, it } from "vitest";
import { campaignPhase } from "./campaigns";
import { campaignFormSchema, campaignFormShape } from "./schemas";

const DAY = 86_400_000;
const now = new Date("2026-11-22T12:00:00Z");

describe("campaign phase", () => {
  it.each([
    ["draft", -1, 1, "draft"],
    ["published", 1, 5, "upcoming"],
    ["published", -1, 5, "open"],
    ["published", -5, -1, "closed"],
    ["closed", -5, 5, "closed"],
  ] as const)("%s from %i to %i days is %s", (state, from, to, phase) => {
    expect(campaignPhase({ state, opens_at: new Date(now.getTime() + from * DAY), closes_at: new Date(now.getTime() + to * DAY) }, now)).toBe(phase);
  });
});

function fd(fields: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  return f;
}
const valid = {
  title: "Concours 2027",
  summary: "Un résumé assez long",
  description: "Une description assez longue",
  opensAt: "2027-01-05",
  closesAt: "2027-02-28",
  scaleMax: "5",
  "criteria.0.label": "Utilité",
  "criteria.0.weight": "3",
  "criteria.1.label": "",
  "criteria.1.weight": "",
};

describe("campaign form schema", () => {
  it("accepts a valid form and reads dates as midnight in Paris", () => {
    const r = campaignFormSchema.safeParse(campaignFormShape(fd(valid)));
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.opensAt.toISOString()).toBe("2027-01-04T23:00:00.000Z");
    expect(r.data.criteria).toEqual([{ label: "Utilité", weight: 3 }]);
  });

  it("explains each problem in French next to its field", () => {
    const r = campaignFormSchema.safeParse(
      campaignFormShape(fd({ ...valid, title: "", closesAt: "2026-12-01", scaleMax: "50", "criteria.0.weight": "0", opensAt: "2027-02-30" })),
    );
    expect(r.success).toBe(false);
    if (r.success) return;
    const byPath = Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath.title).toMatch(/^Titre/);
    expect(byPath.opensAt).toMatch(/n’existe pas/);
    expect(byPath.scaleMax).toMatch(/20 points au maximum/);
  });

  it("requires at least one criterion and integer weights", () => {
    const r = campaignFormSchema.safeParse(campaignFormShape(fd({ ...valid, "criteria.0.label": "" })));
    expect(r.success).toBe(false);
    const w = campaignFormSchema.safeParse(campaignFormShape(fd({ ...valid, "criteria.0.weight": "2.5" })));
    expect(w.success).toBe(false);
    if (!w.success) expect(w.error.issues[0].path.join(".")).toBe("criteria.0.weight");
  });

  it("rejects a closing date before the opening date", () => {
    const r = campaignFormSchema.safeParse(campaignFormShape(fd({ ...valid, closesAt: "2027-01-01" })));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path.join("."))).toContain("closesAt");
  });
});
