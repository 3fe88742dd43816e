import { Link, redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/community";
import { Refusal } from "~/kernel/permissions";
import { once } from "~/kernel/db/once";
import { formError, invalid, parseForm } from "~/kernel/forms";
import { formatDate, frenchSpaces, plural } from "~/kernel/format";
import { AppForm, ErrorSummary, Field, PageTitle, RadioGroup, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { communityActionSchema } from "~/communities/schemas";
import { threadKinds } from "~/communities/communities";
import { communityPage, joinCommunity, leaveCommunity, postThread } from "~/communities/service";
import { CommunityCrumbs } from "~/communities/ui";
import { KeysetPagination } from "~/kernel/ui/page";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const url = new URL(request.url);
  const cursor = { after: url.searchParams.get("apres") ?? undefined, before: url.searchParams.get("avant") ?? undefined };
  const page = await communityPage(s, params.communityId, cursor).catch(loaderFailure);
  return { ...page, created: url.searchParams.has("creee"), edited: url.searchParams.has("modifiee"), asked: url.searchParams.has("question") };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    const page = await communityPage(s, params.communityId);
    const intent = fd.get("intent");
    // who may write, before what they wrote
    if (intent === "post" && !page.access.canPost) throw new Refusal("Rejoignez la communauté pour y écrire.", 403);
    const p = parseForm(fd, communityActionSchema);
    if (!p.ok) return intent === "post" ? invalid(p) : formError(fd, "Action inconnue.");
    switch (p.data.intent) {
      case "join":
        await joinCommunity(s, params.communityId);
        return { ok: true, message: "Vous avez rejoint la communauté." };
      case "leave":
        await leaveCommunity(s, params.communityId);
        return { ok: true, message: "Vous avez quitté la communauté." };
      case "post": {
        const data = p.data;
        const location = await once(s.userId, fd, `community-post:${params.communityId}`, async () => {
          const t = await postThread(s, params.communityId, { kind: data.kind, title: data.title, body: data.body });
          return `/communautes/${params.communityId}/fils/${t.id}?publie=1`;
        });
        return redirect(location);
      }
    }
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

const kindBadge: Record<string, string> = { discussion: "fr-badge--info", problem: "fr-badge--warning", project: "fr-badge--success" };

export default function CommunityPage() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  const c = d.community;
  const v = (k: string, fallback = "") => valueOf(a?.values, k, fallback);
  return (
    <Page>
      <PageTitle title={`${c.name} – Communauté de métiers`} error={!!a && !a.ok} />
      <CommunityCrumbs steps={[{ label: c.name }]} />
      <h1>{c.name}</h1>
      {(d.created || d.edited || d.asked || (a?.ok && a.message)) && (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <p>{d.created ? "La communauté est créée." : d.edited ? "La communauté est modifiée." : d.asked ? "Votre question est envoyée aux membres de la communauté." : a?.message}</p>
        </div>
      )}
      {a && !a.ok && !a.errors?.title && !a.errors?.body && !a.errors?.kind && <ErrorSummary errors={a.errors} formError={a.formError} />}
      <p className="fr-text--lead">{frenchSpaces(c.profession)}</p>
      {c.description && <p style={{ whiteSpace: "pre-line" }}>{frenchSpaces(c.description)}</p>}
      <p>
        {c.lab} · {plural(d.memberCount, "membre", "membres")}
        {d.animators.length > 0 && <> · animée par {d.animators.map((x) => x.name).join(", ")}</>}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
        {d.access.member ? (
          <li>
            <AppForm>
              <SubmitButton name="intent" value="leave" secondary>
                Quitter la communauté
              </SubmitButton>
            </AppForm>
          </li>
        ) : (
          <li>
            <AppForm>
              <SubmitButton name="intent" value="join">
                Rejoindre la communauté
              </SubmitButton>
            </AppForm>
          </li>
        )}
        {d.access.canRead && (
          <li>
            <Link className="fr-btn fr-btn--secondary" to={`/communautes/${c.id}/membres`}>
              Annuaire des membres
            </Link>
          </li>
        )}
        {d.access.canAsk && (
          <li>
            <Link className="fr-btn fr-btn--secondary" to={`/communautes/${c.id}/panel/nouvelle`}>
              Poser une question au panel
            </Link>
          </li>
        )}
        {d.access.labTeam && (
          <li>
            <Link className="fr-btn fr-btn--tertiary" to={`/lab/${c.labSlug}/communautes/${c.id}/modifier`}>
              Modifier la communauté
            </Link>
          </li>
        )}
      </ul>

      {d.questions.length > 0 && (
        <section aria-labelledby="panel-title" className="fr-mb-4w">
          <h2 id="panel-title">Questions au panel</h2>
          <ul>
            {d.questions.map((q) => (
              <li key={q.id} className="fr-mb-1w">
                <Link to={`/communautes/${c.id}/panel/${q.id}`}>{frenchSpaces(q.question)}</Link>
                <br />
                <span className="fr-text--sm">
                  {q.open ? (q.closesAt ? `Réponses attendues jusqu’au ${formatDate(new Date(new Date(q.closesAt).getTime() - 1))}` : "Ouverte") : "Close"}
                  {d.access.canReadAnswers ? ` · ${plural(q.answers, "réponse", "réponses")}` : ""}
                  {d.access.member ? (q.answered ? " · vous avez répondu" : q.open ? " · vous n’avez pas encore répondu" : "") : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {d.access.canRead ? (
        <section aria-labelledby="threads-title">
          <h2 id="threads-title">Discussions ({d.threadCount})</h2>
          {d.threads.length === 0 ? (
            <p>Personne n’a encore écrit dans cette communauté.</p>
          ) : (
            <ul className="fr-mb-4w">
              {d.threads.map((t) => (
                <li key={t.id} className="fr-mb-2w">
                  <p className={`fr-badge fr-badge--sm fr-badge--no-icon ${kindBadge[t.kind]} fr-mr-1w`}>{t.kindLabel}</p>
                  <Link to={`/communautes/${c.id}/fils/${t.id}`}>{frenchSpaces(t.title)}</Link>
                  <br />
                  <span className="fr-text--sm">
                    {t.author} · {plural(t.replies, "réponse", "réponses")} · dernière activité le {formatDate(t.lastActivity)}
                    {t.sentAsIdea ? " · envoyée au lab comme idée" : ""}
                    {t.hidden ? " · masqué par la modération" : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <KeysetPagination
            first={`/communautes/${c.id}`}
            prev={d.threadPages.prev ? `/communautes/${c.id}?avant=${d.threadPages.prev}` : null}
            next={d.threadPages.next ? `/communautes/${c.id}?apres=${d.threadPages.next}` : null}
          />
        </section>
      ) : (
        <div className="fr-callout fr-mb-4w">
          <p className="fr-callout__text fr-text--md">Les discussions, l’annuaire et le panel sont réservés aux membres&nbsp;: rejoignez la communauté pour y participer.</p>
        </div>
      )}

      {d.access.canPost && (
        <section aria-labelledby="new-thread-title">
          <h2 id="new-thread-title">Écrire à la communauté</h2>
          <AppForm>
            {a && !a.ok && (a.errors?.title || a.errors?.body || a.errors?.kind) && <ErrorSummary errors={a.errors} formError={a.formError} />}
            <RadioGroup
              name="kind"
              legend="Type de message"
              hint="Un problème ou un projet peut ensuite être envoyé au lab comme idée."
              inline
              options={(Object.keys(threadKinds) as (keyof typeof threadKinds)[]).map((k) => ({ value: k, label: threadKinds[k] }))}
              defaultValue={v("kind", "discussion")}
              error={a?.errors?.kind}
            />
            <Field name="title" label="Titre" error={a?.errors?.title} defaultValue={v("title")} maxLength={150} />
            <Field name="body" label="Message" hint="Décrivez la situation, ce que vous avez essayé, ce que vous proposez." textarea rows={6} error={a?.errors?.body} defaultValue={v("body")} />
            <SubmitButton name="intent" value="post">
              Publier
            </SubmitButton>
          </AppForm>
        </section>
      )}
    </Page>
  );
}
