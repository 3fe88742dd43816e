import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-mails";
import { formatDateTime, frenchSpaces, plural } from "~/kernel/format";
import { labOutbox } from "~/kernel/mail/service";
import { PageTitle } from "~/kernel/ui/forms";
import { Breadcrumb, KeysetPagination } from "~/kernel/ui/page";
import { requireLabRole } from "~/labs/service";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const sp = new URL(request.url).searchParams;
  const cursor = { after: sp.get("apres") ?? undefined, before: sp.get("avant") ?? undefined };
  try {
    const lab = await requireLabRole(params.labSlug, s.principal, "lab_team", "admin");
    return { lab: { slug: lab.slug, name: lab.name }, ...(await labOutbox(s, lab.id, cursor)) };
  } catch (err) {
    return loaderFailure(err);
  }
}

export default function LabMails() {
  const d = useLoaderData<typeof loader>();
  const base = `/lab/${d.lab.slug}/courriels`;
  return (
    <Page>
      <PageTitle title={`Courriels envoyés – ${d.lab.name}`} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }]} current="Courriels envoyés" />
      <h1>Courriels envoyés – {d.lab.name}</h1>
      <p>
        {d.smtp
          ? "Les courriels du lab (invitations aux Mini-Labs, réponses aux demandes…) partent par le serveur de messagerie configuré ; ils sont aussi conservés ici."
          : "Aucun serveur de messagerie n’est configuré (SMTP_URL)\u00a0: les courriels du lab sont conservés localement, ici, où l’équipe du lab peut les lire."}
      </p>
      {d.mails.length === 0 ? (
        <p>Aucun courriel pour l’instant.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>
              {plural(d.total, "courriel", "courriels")}, les plus récents d’abord
            </caption>
            <thead>
              <tr>
                <th scope="col">Objet</th>
                <th scope="col">Destinataire</th>
                <th scope="col">État</th>
                <th scope="col">Écrit le</th>
              </tr>
            </thead>
            <tbody>
              {d.mails.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/lab/${d.lab.slug}/courriels/${m.id}`}>{frenchSpaces(m.subject)}</Link>
                  </td>
                  <td>{m.to}</td>
                  <td>{m.statusLabel}</td>
                  <td>{formatDateTime(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPagination first={base} prev={d.prev ? `${base}?avant=${d.prev}` : null} next={d.next ? `${base}?apres=${d.next}` : null} />
    </Page>
  );
}
