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

export default function SignIn() {
  const d = useLoaderData<typeof loader>();
  const q = d.returnTo !== "/" ? `?retour=${encodeURIComponent(d.returnTo)}` : "";
  return (
    <Page>
      <PageTitle title="Se connecter" />
      <h1>Se connecter</h1>
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
      ) : (
        <p>Aucun fournisseur d’identité n’est configuré sur cette installation.</p>
      )}
      {d.demo && (
        <div className="fr-callout fr-mt-4w">
          <h2 className="fr-callout__title">Démonstration</h2>
          <p className="fr-callout__text">
            Cette installation de démonstration permet de se connecter sous l’identité de n’importe quel agent fictif du Grand Est.
          </p>
          <Link className="fr-btn" to={`/connexion/demo${q}`}>
            Choisir un profil de démonstration
          </Link>
        </div>
      )}
    </Page>
  );
}
