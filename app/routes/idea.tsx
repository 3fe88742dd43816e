import { Link, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/idea";
import { once } from "~/kernel/db/once";
import { publishedThemesFor } from "~/themes";
import { ThemeNotice } from "~/themes/ui";
import { originOfIdea } from "~/communities/service";
import { forbidden, notFound } from "~/kernel/permissions";
import { formatDate, formatDateTime, frenchSpaces, plural } from "~/kernel/format";
import { formError, invalid, parseForm, uuidField } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb, SuccessNotice } from "~/kernel/ui/page";
import { answerInvitation, commentOn, loadIdeaPage, moderateComment, moderateIdea, requireCanComment, requireModerator, requireVisible, supportIdea } from "~/ideas/service";
import { commentSchema, moderationSchema } from "~/ideas/schemas";
import { awardKinds } from "~/ideas/ideas";
import { StatusBadge, StatusHistory } from "~/ideas/ui";
import { ideaTrace } from "~/arbitration/trace";
import { IdeaTraceView } from "~/arbitration/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const page = await loadIdeaPage(params.ideaId, s);
  if (!page) notFound("Cette idée n’existe pas.");
  if (page.forbidden) forbidden("Cette idée n’est pas visible pour vous.");
  const url = new URL(request.url);
  const [theme, trace, origin] = await Promise.all([publishedThemesFor([params.ideaId]).then((m) => m.get(params.ideaId) ?? null), ideaTrace(s, params.ideaId), originOfIdea(params.ideaId)]);
  return { ...page, theme, trace, origin, justSubmitted: url.searchParams.has("deposee"), justDrafted: url.searchParams.has("brouillon") };
}

const intentSchema = z.object({ intent: z.enum(["comment", "support", "unsupport", "hide", "unhide", "hideComment", "accept", "decline"], { error: "Action inconnue." }) });

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  // an idea the viewer may not see answers 404/403 whatever was sent
  await requireVisible(s, params.ideaId).catch(loaderFailure);
  const i = parseForm(fd, intentSchema);
  if (!i.ok) return formError(fd, "Action inconnue.");
  try {
    switch (i.data.intent) {
      case "comment": {
        await requireCanComment(s, params.ideaId);
        const p = parseForm(fd, commentSchema);
        if (!p.ok) return invalid(p);
        const message = await once(s.userId, fd, `idea-comment:${params.ideaId}`, async () => {
          await commentOn(s, params.ideaId, p.data.body);
          return "Votre commentaire est publié.";
        });
        return { ok: true, message };
      }
      case "support":
      case "unsupport":
        await supportIdea(s, params.ideaId, i.data.intent === "support");
        return { ok: true, message: i.data.intent === "support" ? "Vous soutenez cette idée." : "Vous ne soutenez plus cette idée." };
      case "hide":
      case "unhide": {
        await requireModerator(s, params.ideaId);
        if (i.data.intent === "hide") {
          const p = parseForm(fd, moderationSchema);
          if (!p.ok) return invalid(p);
          await moderateIdea(s, params.ideaId, true, p.data.reason);
          return { ok: true, message: "L’idée est masquée\u202f; son auteur voit le motif." };
        }
        await moderateIdea(s, params.ideaId, false, "");
        return { ok: true, message: "L’idée est de nouveau visible." };
      }
      case "hideComment": {
        await requireModerator(s, params.ideaId);
        const p = parseForm(fd, moderationSchema.extend({ commentId: uuidField("Commentaire") }));
        if (!p.ok) return invalid(p);
        await moderateComment(s, params.ideaId, p.data.commentId, p.data.reason);
        return { ok: true, message: "Le commentaire est masqué\u202f; son auteur voit le motif." };
      }
      case "accept":
      case "decline":
        await answerInvitation(s, params.ideaId, i.data.intent === "accept");
        return { ok: true, message: i.data.intent === "accept" ? "Vous êtes co-auteur de cette idée." : "Invitation déclinée." };
    }
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function IdeaPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const idea = d.idea;
  const owner = d.rights.isAuthor || d.rights.isCoauthor;
  return (
    <Page>
      <PageTitle title={frenchSpaces(idea.title)} error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Idées", to: "/idees" }]} current={frenchSpaces(idea.title)} />
      {d.justSubmitted && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>Votre idée est déposée. Vous pouvez la modifier jusqu’à la clôture de la campagne et suivre son statut dans «{"\u00a0"}Mes idées{"\u00a0"}».</p>
        </div>
      )}
      {d.justDrafted && (
        <div className="fr-alert fr-alert--info fr-mb-4w" role="status">
          <p>Votre brouillon est enregistré. Il n’est visible que par vous et vos co-auteurs.</p>
        </div>
      )}
      <SuccessNotice message={a?.ok ? a.message : null} />
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <StatusBadge status={idea.status} hidden={!!idea.hidden_at} />
      <h1 className="fr-mt-2w">{frenchSpaces(idea.title)}</h1>
      <p className="germoir-meta">
        Proposée par {d.author}
        {d.coauthors.filter((c) => c.status === "confirmed").map((c) => `, ${c.name}`)}
        {d.organization ? ` – ${d.organization}` : ""}
        {d.unit ? `, ${d.unit}` : ""}
        {idea.submitted_at ? ` – déposée le ${formatDate(idea.submitted_at)}` : ""}
        {d.campaign && (
          <>
            {" – "}
            <Link to={`/campagnes/${d.campaign.id}`}>{d.campaign.title}</Link>
          </>
        )}
      </p>
      {idea.status === "merged" && (
        <div className="fr-callout fr-mb-4w">
          <p className="fr-callout__text">
            {d.mergedInto ? (
              <>
                Cette idée a été fusionnée avec «{"\u00a0"}
                <Link to={`/idees/${d.mergedInto.id}`}>{d.mergedInto.title}</Link>
                {"\u00a0"}»{"\u202f"}: ses auteurs, ses soutiens et ses commentaires l’ont rejointe.
              </>
            ) : (
              "Cette idée a été fusionnée avec une autre idée."
            )}
          </p>
        </div>
      )}
      {idea.status === "awarded" && idea.award_kind && (
        <div className="fr-callout fr-callout--green-emeraude fr-mb-4w">
          <h2 className="fr-callout__title">{awardKinds[idea.award_kind]} du jury</h2>
          <p className="fr-callout__text">{idea.award_citation}</p>
        </div>
      )}
      {idea.hidden_at && (owner || d.rights.canModerate) && (
        <div className="fr-alert fr-alert--warning fr-mb-4w">
          <h2 className="fr-alert__title">Idée masquée par la modération</h2>
          <p>Motif{"\u00a0"}: {idea.hidden_reason}</p>
        </div>
      )}
      {d.pendingInvite && (
        <div className="fr-callout fr-mb-4w">
          <h2 className="fr-callout__title">{d.author} vous invite à cosigner cette idée</h2>
          <AppForm className="germoir-inline-form">
            <ul className="fr-btns-group fr-btns-group--inline-md">
              <li>
                <SubmitButton name="intent" value="accept">
                  Accepter
                </SubmitButton>
              </li>
              <li>
                <SubmitButton name="intent" value="decline" secondary>
                  Décliner
                </SubmitButton>
              </li>
            </ul>
          </AppForm>
        </div>
      )}
      {d.theme && <ThemeNotice theme={d.theme} own={d.rights.isAuthor || d.rights.isCoauthor} />}
      {d.origin && (
        <p className="fr-callout fr-callout--brown-caramel fr-mb-4w">
          Issue de la communauté de métiers <Link to={`/communautes/${d.origin.communityId}`}>{d.origin.communityName}</Link>&nbsp;: voir la{" "}
          <Link to={`/communautes/${d.origin.communityId}/fils/${d.origin.threadId}`}>discussion d’origine «&nbsp;{frenchSpaces(d.origin.title)}&nbsp;»</Link>.
        </p>
      )}
      {d.trace && <IdeaTraceView trace={d.trace} id="parcours" />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <h2>Le problème constaté</h2>
          <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(idea.problem) || "—"}</p>
          <h2>La proposition</h2>
          <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(idea.proposal) || "—"}</p>
          <h2>Qui en bénéficie</h2>
          <p>{frenchSpaces(idea.beneficiaries) || "—"}</p>
          {d.attachments.length > 0 && (
            <>
              <h2>Pièces jointes</h2>
              <ul>
                {d.attachments.map((att) => (
                  <li key={att.id}>
                    <a className="fr-link fr-link--download" href={`/idees/${idea.id}/pieces/${att.id}`} download>
                      {att.filename} <span className="fr-link__detail">{att.mime.split("/")[1].toUpperCase()} – {Math.max(1, Math.round(att.size / 1024))}{"\u00a0"}Ko</span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2 id="commentaires">Commentaires ({idea.comment_count})</h2>
          {d.comments.length === 0 && <p>Aucun commentaire pour le moment.</p>}
          <ul className="germoir-card-list">
            {d.comments.map((c) => (
              <li key={c.id} className="fr-p-2w" style={{ background: "var(--background-alt-grey)" }}>
                <p className="fr-text--sm fr-mb-1w">
                  <strong>{c.authorName}</strong> – {formatDateTime(c.created_at)}
                </p>
                {c.hidden_at ? (
                  <p className="fr-text--sm">
                    <em>Commentaire masqué par la modération. Motif{"\u00a0"}: {c.hidden_reason}</em>
                  </p>
                ) : (
                  <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(c.body)}</p>
                )}
                {d.rights.canModerate && !c.hidden_at && (
                  <details>
                    <summary className="fr-text--sm">Masquer ce commentaire</summary>
                    <AppForm>
                      <input type="hidden" name="intent" value="hideComment" />
                      <input type="hidden" name="commentId" value={c.id} />
                      <Field name="reason" id={`reason-${c.id}`} label="Motif, visible par l’auteur" />
                      <SubmitButton secondary>Masquer le commentaire</SubmitButton>
                    </AppForm>
                  </details>
                )}
              </li>
            ))}
          </ul>
          {d.rights.canComment && (
            <AppForm>
              <input type="hidden" name="intent" value="comment" />
              <Field name="body" label="Votre commentaire" textarea rows={4} error={a?.errors?.body} defaultValue={a?.ok ? "" : (a?.values?.body as string | undefined)} />
              <SubmitButton>Publier le commentaire</SubmitButton>
            </AppForm>
          )}
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <div className="fr-card fr-card--no-border fr-p-2w" style={{ background: "var(--background-alt-blue-france)" }}>
            <p className="fr-h4 fr-mb-1w">{plural(idea.support_count, "soutien", "soutiens")}</p>
            {d.rights.canSupport && (
              <AppForm>
                {d.supported ? (
                  <SubmitButton name="intent" value="unsupport" secondary>
                    Retirer mon soutien
                  </SubmitButton>
                ) : (
                  <SubmitButton name="intent" value="support">
                    Soutenir cette idée
                  </SubmitButton>
                )}
              </AppForm>
            )}
            {d.rights.canEdit && (
              <p className="fr-mt-2w">
                <Link className="fr-btn fr-btn--secondary" to={`/idees/${idea.id}/modifier`}>
                  {idea.status === "draft" ? "Compléter et déposer" : "Modifier"}
                </Link>
              </p>
            )}
          </div>
          {d.coauthors.some((c) => c.status !== "confirmed") && owner && (
            <>
              <h2 className="fr-h5 fr-mt-4w">Co-auteurs</h2>
              <ul>
                {d.coauthors.map((c) => (
                  <li key={c.userId}>
                    {c.name} – {c.status === "confirmed" ? "confirmé" : c.status === "pending" ? "en attente" : "a décliné"}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2 className="fr-h5 fr-mt-4w">Historique</h2>
          <StatusHistory events={d.events} />
          {d.rights.canModerate && (
            <div className="fr-mt-4w">
              <h2 className="fr-h5">Modération</h2>
              {idea.hidden_at ? (
                <AppForm>
                  <SubmitButton name="intent" value="unhide" secondary>
                    Rétablir l’idée
                  </SubmitButton>
                </AppForm>
              ) : (
                <AppForm>
                  <input type="hidden" name="intent" value="hide" />
                  <Field name="reason" label="Motif du masquage, visible par l’auteur" error={a?.errors?.reason} defaultValue={a?.values?.reason as string | undefined} />
                  <SubmitButton secondary>Masquer l’idée</SubmitButton>
                </AppForm>
              )}
            </div>
          )}
        </div>
      </div>
    </Page>
  );
}
