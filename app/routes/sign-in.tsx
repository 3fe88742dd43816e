import { Link, useLoaderData } from "react-router";
import type { Route } from "./+types/sign-in";
import { runtime } from "~/kernel/runtime";
import { safeReturnPath, signInErrorMessage } from "~/web/auth";
import { PageTitle } from "~/kernel/ui/forms";
import { Page } from "~/web/layout";

export async function loader({ request }: Route.LoaderArgs) {
  const { config } = runtime();
  const url = new URL(request.url);
  return {
    oidc: !!config.oidc,
    demo: config.demoLogin,
    returnTo: safeReturnPath(url.searchParams.get("retour")),
    error: signInErrorMessage(url.searchParams.get("erreur")),
  };
}

/** Why the visitor was sent here, from the page they were going to (« retour »). */
const reasons: [RegExp, string][] = [
  [/^\/campagnes\/[^/]+\/deposer/, "Connectez-vous pour déposer une idée."],
  [/^\/idees\/[^/]+/, "Connectez-vous pour lire cette idée."],
  [/^\/idees(?:$|[/?])/, "Connectez-vous pour parcourir les idées."],
  [/^\/mes-idees/, "Connectez-vous pour suivre vos idées."],
  [/^\/minilabs/, "Connectez-vous pour accéder aux Mini-Labs."],
  [/^\/communautes/, "Connectez-vous pour accéder aux communautés."],
  [/^\/notifications/, "Connectez-vous pour lire vos notifications."],
];
function signInReason(returnTo: string): string | null {
  if (returnTo === "/") return null;
  return reasons.find(([pattern]) => pattern.test(returnTo))?.[1] ?? "Connectez-vous pour accéder à cette page.";
}

export default function SignIn() {
  const d = useLoaderData<typeof loader>();
  const q = d.returnTo !== "/" ? `?retour=${encodeURIComponent(d.returnTo)}` : "";
  return (
    <Page>
      <PageTitle title="Se connecter" />
      <h1>Se connecter</h1>
      {signInReason(d.returnTo) && <p className="fr-text--lead">{signInReason(d.returnTo)}</p>}
      {d.error && (
        <div className="fr-alert fr-alert--error fr-mb-4w" role="alert">
          <p>{d.error}</p>
        </div>
      )}
      {d.oidc ? (
        <div className="fr-connect-group">
          {/* A plain link, not a form: /connexion/oidc redirects to the provider, and the CSP's
              form-action 'self' makes browsers block a form submission that redirects off-site. */}
          <a className="fr-connect" href={`/connexion/oidc${q}`}>
            <span className="fr-connect__login">S’identifier avec</span> <span className="fr-connect__brand">ProConnect</span>
          </a>
          <p>
            <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener" title={"Qu’est-ce que ProConnect\u202f? – nouvelle fenêtre"}>
              Qu’est-ce que ProConnect{"\u202f"}?
            </a>
          </p>
        </div>
      ) : d.demo ? null : (
        <p>Aucun fournisseur d’identité n’est configuré sur cette installation.</p>
      )}
      {d.demo && (
        <div className={`fr-callout${d.oidc ? " fr-mt-4w" : ""}`}>
          <h2 className="fr-callout__title">Démonstration</h2>
          <p className="fr-callout__text">
            {d.oidc ? "Vous pouvez aussi entrer" : "Entrez"} sous l’identité d’un agent fictif du Grand Est{"\u00a0"}: agent, équipe du lab, jury ou direction. Chaque profil voit Germoir avec ses droits.
          </p>
          <Link className="fr-btn" to={`/connexion/demo${q}`}>
            Choisir un profil de démonstration
          </Link>
        </div>
      )}
    </Page>
  );
}
