import { Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/lab-campaign-duplicates";
import { formError, invalid, parseForm, uuidField } from "~/kernel/forms";
import { formatNumber, plural } from "~/kernel/format";
import { AppForm, ErrorSummary, PageTitle, RadioGroup, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { duplicatesPage, mergeDuplicate, requireCampaignLabTeam } from "~/ideas/service";
import { StatusBadge } from "~/ideas/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return duplicatesPage(s, params.campaignId).catch(loaderFailure);
}

const mergeSchema = z.object({
  intent: z.literal("merge", { error: "Action inconnue." }),
  ideaA: uuidField("Idée"),
  ideaB: uuidField("Idée"),
  keep: z.enum(["a", "b"], { error: "Idée à garder\u00a0: choisissez celle qui absorbe l’autre." }),
});

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    // rights first: an agent or another lab's team gets a 403 whatever they send
    await requireCampaignLabTeam(s, params.campaignId);
    const p = parseForm(fd, mergeSchema);
    if (!p.ok) return p.errors.intent ? formError(fd, "Action inconnue.") : invalid(p);
    const [keptId, absorbedId] = p.data.keep === "a" ? [p.data.ideaA, p.data.ideaB] : [p.data.ideaB, p.data.ideaA];
    const { kept, absorbed } = await mergeDuplicate(s, params.campaignId, keptId, absorbedId);
    return { ok: true, message: `«\u00a0${absorbed.title}\u00a0» est fusionnée avec «\u00a0${kept.title}\u00a0»\u202f; leurs auteurs sont prévenus.`, keptId: kept.id };
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function LabCampaignDuplicates() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult & { keptId?: string }>();
  return (
    <Page>
      <PageTitle title={`Doublons probables – ${d.campaign.title}`} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Espace lab", to: "/lab" }, { label: d.campaign.title, to: `/lab/campagnes/${d.campaign.id}` }]} current="Doublons probables" />
      {a?.ok && a.message && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>
            {a.message} {a.keptId && <Link to={`/idees/${a.keptId}`}>Voir l’idée fusionnée</Link>}
          </p>
        </div>
      )}
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <h1>Doublons probables</h1>
      <p>
        Les paires d’idées de la campagne dont les textes se ressemblent le plus ({plural(d.ideaCount, "idée déposée comparée", "idées déposées comparées")}, en{"\u00a0"}
        {formatNumber(d.seconds, 2)}{"\u00a0"}s). Une paire figure ici quand ses textes se ressemblent à {d.threshold} au moins (la ressemblance compare les mots et les paires de mots des titres et des textes), ou quand l’aide «{"\u00a0"}Idées proches{"\u00a0"}», montrée pendant la saisie d’une idée, propose l’une à qui écrit l’autre (elle cherche les mots les plus rares qu’elles partagent)&nbsp;: une ressemblance signalée à un agent pendant la saisie est donc toujours listée ici. Fusionner une idée dans l’autre réunit leurs auteurs, leurs soutiens et leurs commentaires{"\u202f"}; l’idée absorbée reste lisible et renvoie vers l’autre.
      </p>
      {d.pairs.length === 0 ? (
        <p className="fr-alert fr-alert--info">Aucun doublon probable dans cette campagne.</p>
      ) : (
        <ol className="germoir-card-list fr-pl-0" style={{ listStyle: "none" }}>
          {d.pairs.map((p, n) => {
            const mine = a && !a.ok && a.values?.ideaA === p.a.id && a.values?.ideaB === p.b.id;
            return (
              <li key={`${p.a.id}-${p.b.id}`} className="fr-p-3w fr-mb-3w" style={{ border: "1px solid var(--border-default-grey)" }}>
                <h2 className="fr-h5">
                  Paire {n + 1}{"\u00a0"}: ressemblance {p.percent}
                </h2>
                {p.hinted ? (
                  <p className="fr-badge fr-badge--info fr-badge--no-icon fr-mb-2w">{p.close ? "Signalée aussi pendant la saisie" : "Signalée pendant la saisie"}</p>
                ) : null}
                <div className="fr-grid-row fr-grid-row--gutters">
                  {[p.a, p.b].map((i) => (
                    <div key={i.id} className="fr-col-12 fr-col-md-6">
                      <p className="fr-mb-1w">
                        <Link to={`/idees/${i.id}`}>{i.title}</Link>
                      </p>
                      <StatusBadge status={i.status} />
                      <p className="fr-text--sm fr-mt-1w">
                        Proposée par {i.author} – {plural(i.supports, "soutien", "soutiens")} – {plural(i.comments, "commentaire", "commentaires")}
                      </p>
                    </div>
                  ))}
                </div>
                <AppForm>
                  <input type="hidden" name="intent" value="merge" />
                  <input type="hidden" name="ideaA" value={p.a.id} />
                  <input type="hidden" name="ideaB" value={p.b.id} />
                  <RadioGroup
                    name="keep"
                    id={`keep-${n}`}
                    legend={"Quelle idée garder\u00a0? Elle absorbe l’autre."}
                    options={[
                      { value: "a", label: `Garder «\u00a0${p.a.title}\u00a0»` },
                      { value: "b", label: `Garder «\u00a0${p.b.title}\u00a0»` },
                    ]}
                    error={mine ? a.errors?.keep : undefined}
                    defaultValue={mine ? (a.values?.keep as string | undefined) : undefined}
                  />
                  <SubmitButton secondary>Fusionner</SubmitButton>
                </AppForm>
              </li>
            );
          })}
        </ol>
      )}
    </Page>
  );
}
