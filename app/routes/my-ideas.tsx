import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/my-ideas";
import { publishedThemesFor } from "~/themes";
import { ThemeNotice } from "~/themes/ui";
import { myIdeas } from "~/ideas/service";
import { awardKinds, ideaStatuses } from "~/ideas/ideas";
import { StatusBadge, StatusHistory } from "~/ideas/ui";
import { frenchSpaces } from "~/kernel/format";
import { PageTitle } from "~/kernel/ui/forms";
import { ideaTraces } from "~/arbitration/trace";
import { IdeaTraceView } from "~/arbitration/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";

export async function loader({ context, request }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  const list = await myIdeas(s);
  const [themes, traces] = await Promise.all([publishedThemesFor(list.map((i) => i.id), 5), ideaTraces(s, list.map((i) => i.id))]);
  return {
    ideas: list.map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      role: i.role,
      campaign: i.campaign,
      hidden: !!i.hidden_at,
      hiddenReason: i.hidden_reason,
      awardKind: i.award_kind,
      awardCitation: i.award_citation,
      events: i.events,
      theme: themes.get(i.id) ?? null,
      trace: traces.get(i.id) ?? null,
    })),
  };
}

/** What the status means for the author, in plain words. */
function explain(status: keyof typeof ideaStatuses): string {
  switch (status) {
    case "draft":
      return "Ce brouillon n’est visible que par vous. Déposez-le avant la clôture de la campagne.";
    case "submitted":
      return "Votre idée est déposée et visible par tous les agents. Le jury l’évaluera après la clôture.";
    case "under_review":
      return "Le jury évalue les idées de la campagne.";
    case "awarded":
      return "Votre idée a été primée par le jury.";
    case "not_awarded":
      return "Votre idée n’a pas été primée, mais elle n’est pas oubliée\u00a0: toutes les idées sont analysées par le lab pour en tirer des problématiques de fond.";
    case "merged":
      return "L’équipe du lab a fusionné votre idée avec une idée proche\u00a0: vous en êtes co-auteur, et ses soutiens et commentaires l’ont rejointe.";
  }
}

export default function MyIdeas() {
  const d = useLoaderData<typeof loader>();
  return (
    <Page>
      <PageTitle title="Mes idées" />
      <h1>Mes idées</h1>
      {d.ideas.length === 0 ? (
        <p>
          Vous n’avez encore proposé aucune idée. <Link to="/campagnes">Voir les campagnes ouvertes</Link>
        </p>
      ) : (
        <ul className="germoir-card-list">
          {d.ideas.map((i) => (
            <li key={i.id}>
              <section className="fr-card fr-card--no-arrow">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h2 className="fr-card__title">
                      <Link to={`/idees/${i.id}`}>{frenchSpaces(i.title)}</Link>
                    </h2>
                    <div className="fr-card__start">
                      <StatusBadge status={i.status} hidden={i.hidden} />
                      <p className="fr-card__detail">
                        {i.campaign}
                        {i.role === "coauthor" ? " – vous êtes co-auteur" : ""}
                      </p>
                    </div>
                    <div className="fr-card__desc">
                      {i.trace && (
                        <p className="fr-text--lg fr-mb-1w">
                          <strong>Où elle en est{"\u00a0"}: {frenchSpaces(i.trace.status)}</strong>
                        </p>
                      )}
                      <p>
                        <strong>Statut{"\u00a0"}: {ideaStatuses[i.status].toLowerCase()}.</strong> {explain(i.status)}
                      </p>
                      {i.awardKind && (
                        <p>
                          {awardKinds[i.awardKind]}{"\u00a0"}: {i.awardCitation}
                        </p>
                      )}
                      {i.hidden && <p>Masquée par la modération. Motif{"\u00a0"}: {i.hiddenReason}</p>}
                      {i.theme && <ThemeNotice theme={i.theme} own headingLevel={3} />}
                      {i.trace && <IdeaTraceView trace={i.trace} headingLevel={3} id={`parcours-${i.id}`} showStatus={false} />}
                      <h3 className="fr-h6 fr-mb-1w">Historique</h3>
                      <StatusHistory events={i.events} />
                    </div>
                  </div>
                </div>
              </section>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
