/** The Grand Est demo ships a Mini-Lab whose cycle ran in 2021, its proposals decided by the demo directors. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { labTeam } from "../demo/content";
import { findUserByEmail } from "../accounts/accounts";
import { loadPrincipal } from "../labs/labs";
import { listMinilabs, phaseOf } from "../minilabs/minilabs";
import * as arb from "./arbitration";
import { arbitrationPage } from "./service";
import { ideaTraces } from "./trace";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
}, 180_000);
afterAll(async () => {
  await env?.dispose();
});

const director = async (key: string) => {
  const u = (await findUserByEmail(labTeam.find((p) => p.key === key)!.email))!;
  return { userId: u.id, principal: await loadPrincipal(u.id) };
};

describe("demo arbitration", () => {
  it("has a finished Mini-Lab dated 2021 with decisions of every kind, one corrected, by the two directors", async () => {
    const list = await listMinilabs();
    const done = list.find((m) => m.name === "Mini-Lab Lycées écoresponsables")!;
    expect(phaseOf(done)).toBe("done");
    expect(done.sessions_from.getUTCFullYear()).toBe(2021);
    const proposals = await arb.proposalsOfMinilabs([done.id]);
    expect(proposals.length).toBeGreaterThanOrEqual(4);
    expect(proposals.every((p) => p.status === "submitted" && p.submitted_at!.getUTCFullYear() === 2021)).toBe(true);
    const chains = await arb.decisionsOf(proposals.map((p) => p.id));
    const current = [...chains.values()].map((c) => arb.currentDecision(c)!.outcome);
    expect(new Set(current)).toEqual(new Set(arb.outcomeKeys));
    expect([...chains.values()].some((c) => c.length === 2 && c[1].corrects_id === c[0].id)).toBe(true);
    // each director finds theirs on /arbitrage, all decided
    const lycees = await arbitrationPage(await director("director-lycees"));
    const env = await arbitrationPage(await director("director-environnement"));
    expect(lycees.decided.length).toBeGreaterThanOrEqual(2);
    expect(env.decided.length).toBeGreaterThanOrEqual(2);
    expect(lycees.decided.length + env.decided.length).toBe(proposals.length);
    // the running Mini-Lab has a draft
    const running = list.find((m) => m.name === "Mini-Lab Restauration scolaire")!;
    expect((await arb.proposalsOfMinilabs([running.id])).map((p) => p.status)).toEqual(["draft"]);
  });

  it("gives every idea of the contest a visible status, the environment ones their decisions", async () => {
    const done = (await listMinilabs()).find((m) => m.name === "Mini-Lab Lycées écoresponsables")!;
    const { publishedTheme } = await import("../themes");
    const theme = (await publishedTheme(done.theme_id!, done.lab_id))!;
    // a public Mini-Lab: any signed-in agent reads the same traces
    const anyone = { userId: "00000000-0000-4000-8000-000000000000", principal: { userId: "00000000-0000-4000-8000-000000000000", roles: new Map() } };
    const traces = await ideaTraces(anyone, theme.ideaIds);
    expect(traces.size).toBe(theme.ideaIds.length);
    for (const t of traces.values()) {
      expect(t.status).toMatch(/^Une proposition du Mini-Lab Lycées écoresponsables (a été |est devenue le projet )/);
      expect(t.steps.map((s) => s.kind)).toEqual(expect.arrayContaining(["campaign", "theme", "minilab", "proposal", "decision", "follow_up"]));
    }
  });
});
