import { useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-tokens";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { formatDate, formatDateTime } from "~/kernel/format";
import { createToken, revokeFormSchema, revokeTokenFor, tokenFormSchema, tokensPage } from "~/opendata";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const viewer = requireUser(context, request);
  return tokensPage(viewer, params.labSlug).catch(loaderFailure);
}

type TokenResult = ActionResult & { secret?: string; tokenName?: string };

export async function action({ context, request, params }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  // who may, before what was sent
  await tokensPage(viewer, params.labSlug).catch(loaderFailure);
  const fd = await readForm(request);
  try {
    if (fd.get("intent") === "revoke") {
      const parsed = parseForm(fd, revokeFormSchema);
      if (!parsed.ok) return invalid(parsed);
      await revokeTokenFor(viewer, params.labSlug, parsed.data.tokenId);
      return { ok: true, message: "Le jeton est révoqué\u00a0: il ne donne plus accès à rien." };
    }
    if (fd.get("intent") !== "create") return formError(fd, "Action inconnue.");
    const parsed = parseForm(fd, tokenFormSchema);
    if (!parsed.ok) return invalid(parsed);
    const created = await createToken(viewer, params.labSlug, parsed.data);
    return { ok: true, secret: created.secret, tokenName: parsed.data.name };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

const NB = "\u00a0";

export default function LabTokens() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<TokenResult>();
  const title = `Jetons d’accès à l’API – ${d.lab.name}`;
  return (
    <Page>
      <PageTitle title={title} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }]} current="Jetons d’accès" />
      <h1>{title}</h1>
      <p>
        Un jeton d’accès personnel lit, par l’<a href="/api">API publique</a>, les données non publiques de ce lab en plus des données ouvertes{NB}: ses projets confidentiels et ses Mini-Labs privés. Jamais celles d’un autre lab. Envoyez-le en en-tête <code>Authorization: Bearer …</code>.
      </p>
      <SuccessNotice message={a?.ok && a.message ? a.message : null} />
      {a?.ok && a.secret && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status" tabIndex={-1}>
          <h2 className="fr-alert__title">Jeton «{NB}{a.tokenName}{NB}» créé</h2>
          <p>Copiez-le maintenant{NB}: il ne sera plus jamais affiché (seule son empreinte est conservée).</p>
          <p>
            <code data-token-secret style={{ overflowWrap: "anywhere" }}>
              {a.secret}
            </code>
          </p>
        </div>
      )}
      <h2>Créer un jeton</h2>
      <AppForm noValidate>
        <ErrorSummary errors={a?.errors} formError={a?.formError} />
        <input type="hidden" name="intent" value="create" />
        <Field name="name" label="Nom du jeton" hint={`À quoi il sert, pour le reconnaître (ex. «${NB}Tableau de bord de la direction${NB}»)\u202f; 3 à 80 caractères.`} error={a?.errors?.name} defaultValue={a?.ok ? "" : ((a?.values?.name as string | undefined) ?? "")} />
        <SubmitButton>Créer le jeton</SubmitButton>
      </AppForm>
      <h2 className="fr-mt-6w">Jetons du lab</h2>
      {d.tokens.length === 0 ? (
        <p>Aucun jeton pour l’instant.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Jetons d’accès du lab</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Début du secret</th>
                <th scope="col">Créé le</th>
                <th scope="col">Dernier usage</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {d.tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{formatDate(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Jamais"}</td>
                  <td>
                    {t.revokedAt ? (
                      `Révoqué le ${formatDate(t.revokedAt)}`
                    ) : (
                      <AppForm>
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={t.id} />
                        <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                          Révoquer le jeton «{NB}{t.name}{NB}»
                        </button>
                      </AppForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
