import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootTestRuntime } from "../../tests/support/runtime";
import { findUserByEmail } from "../accounts/accounts";
import { loadPrincipal } from "../labs/labs";
import { agents } from "../demo/content";
import { directoryPage, personPage } from "./index";
import { readDirectoryQuery } from "./schemas";

let env: Awaited<ReturnType<typeof bootTestRuntime>>;
beforeAll(async () => {
  env = await bootTestRuntime({}, { demo: true });
});
afterAll(async () => {
  await env?.dispose();
});

const filters = (params: Record<string, string> = {}) => readDirectoryQuery(new URL(`http://x/competences?${new URLSearchParams(params)}`));

describe("the demo's skills directory", () => {
  it("lists about sixty Grand Est agents who opted in, across sites and organisations, with experts of the labs; the others are not listed", async () => {
    const u = (await findUserByEmail(agents[1].email))!;
    const viewer = { userId: u.id, principal: await loadPrincipal(u.id) };
    const page = await directoryPage(viewer, filters());
    expect(page.total).toBe(60);
    expect(page.sites.length).toBeGreaterThan(5);
    expect(page.organizations.length).toBeGreaterThan(5);
    expect(page.externals.map((e) => e.name)).toEqual(expect.arrayContaining(["Nathalie Roussel", "Élise Marchal"]));
    const proto = page.skills.find((s) => s.label === "Prototypage")!;
    const withProto = await directoryPage(viewer, filters({ competence: proto.value }));
    expect(withProto.total).toBeGreaterThan(0);
    expect(withProto.people.every((p) => p.skills.some((s) => s.label === "Prototypage"))).toBe(true);
    // agents[1] declared nothing: not listed
    await expect(personPage(viewer, (await findUserByEmail(agents[0].email))!.id)).resolves.toMatchObject({ mayContact: true });
    const other = { userId: (await findUserByEmail(agents[0].email))!.id, principal: viewer.principal };
    await expect(personPage(other, u.id)).rejects.toMatchObject({ status: 404 });
    expect(JSON.stringify(page)).not.toMatch(/@/);
  });
});
