/**
 * Innov'Mandie, the innovation lab of the Préfecture de la région Normandie (SGAR), as another
 * lab of the installation: its organisations, its team and two agents, so that the demo sign-in
 * offers them. Fictitious people; the lab and its projects are those of seed 003.
 */
import { createUsers } from "../accounts/accounts";
import { createOrganization, listUnits } from "../organizations/organizations";
import { createLab, grantRole } from "../labs/labs";

export const innovmandie = {
  slug: "innovmandie",
  name: "Innov’Mandie",
  description:
    "Le laboratoire d’innovation publique de la Préfecture de la région Normandie (SGAR) : accompagnement et incubation de projets, formation des agents à l’innovation, conseil et mise en réseau des services de l’État, des collectivités et de la santé.",
  /** Its answer-time promise, in working days. */
  answerDays: 15,
};

export const normandiePeople = [
  { key: "innov-1", email: "solene.lefebvre@normandie.gouv.fr", givenName: "Solène", familyName: "Lefebvre", org: "prefecture-normandie", unit: "Innov’Mandie", job: "Cheffe du pôle guichet unique d’Innov’Mandie", role: "lab_team" as const },
  { key: "normandie-agent", email: "julien.marais@normandie.gouv.fr", givenName: "Julien", familyName: "Marais", org: "prefecture-normandie", unit: "Plateforme RH", job: "Chargé de mission ressources humaines", role: "agent" as const },
  { key: "eure-agent", email: "camille.leroux@eure.fr", givenName: "Camille", familyName: "Leroux", org: "departement-eure", unit: "Direction du numérique", job: "Cheffe de projet données", role: "agent" as const },
  { key: "normandie-sponsor", email: "bruno.guerin@normandie.gouv.fr", givenName: "Bruno", familyName: "Guérin", org: "prefecture-normandie", unit: "Plateforme RH", job: "Directeur de la plateforme RH", role: "agent" as const },
];

/** The Normandie organisations, Innov'Mandie and its people; returns the lab and the people's ids by key. */
export async function seedDemoNormandie(): Promise<{ labId: string; userId: Map<string, string> }> {
  const sgar = await createOrganization({ name: "Préfecture de la région Normandie (SGAR)", kind: "prefecture", siret: "17760001900016", city: "Rouen", units: ["Innov’Mandie", "Plateforme RH", "Service des moyens mutualisés"] });
  const eure = await createOrganization({ name: "Département de l’Eure", kind: "other", siret: "22270001700014", city: "Évreux", units: ["Direction du numérique", "Direction de l’action sociale"] });
  const orgs = new Map([
    ["prefecture-normandie", sgar.id],
    ["departement-eure", eure.id],
  ]);
  const units = new Map([...(await listUnits(sgar.id)), ...(await listUnits(eure.id))].map((u) => [`${u.organization_id}|${u.name}`, u.id]));
  const lab = await createLab({ slug: innovmandie.slug, name: innovmandie.name, description: innovmandie.description, organizationId: sgar.id });
  const created = await createUsers(
    normandiePeople.map((p) => ({ email: p.email, givenName: p.givenName, familyName: p.familyName, organizationId: orgs.get(p.org)!, unitId: units.get(`${orgs.get(p.org)}|${p.unit}`) ?? null, job: p.job, site: p.org === "departement-eure" ? "Évreux" : "Rouen", isDemo: true })),
  );
  const userId = new Map(normandiePeople.map((p, i) => [p.key, created[i].id]));
  for (const p of normandiePeople) await grantRole(userId.get(p.key)!, lab.id, p.role);
  return { labId: lab.id, userId };
}
