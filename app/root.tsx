import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useLocation, useRouteError, useRouteLoaderData } from "react-router";
import { getScriptToRunAsap } from "@codegouvfr/react-dsfr/useIsDark/scriptToRunAsap";
import "@codegouvfr/react-dsfr/main.css";
import "./app.css";
import type { Route } from "./+types/root";
import { runtime } from "~/kernel/runtime";
import { requestContext, getSession } from "~/kernel/http/context";
import { labsWhere } from "~/kernel/permissions";
import { guardMiddleware, sessionMiddleware } from "~/web/session-middleware";
import { SiteFooter, SiteHeader, type LayoutData } from "~/web/layout";
import { unreadCount } from "~/notifications/notifications";
import { campaignsJudgedBy } from "~/jury/jury";

export const middleware: Route.MiddlewareFunction[] = [sessionMiddleware, guardMiddleware];

export async function loader({ context }: Route.LoaderArgs) {
  const { config } = runtime();
  const s = getSession(context);
  const { nonce } = context.get(requestContext);
  const user = s.user;
  const [unread, judged] = user ? await Promise.all([unreadCount(user.id), campaignsJudgedBy(user.id)]) : [0, []];
  return {
    nonce,
    csrfToken: s.csrfToken,
    // Fresh at every render (and after every action, when the root revalidates): with useId, the
    // one-time key of each form on the page (AppForm, src/kernel/ui/forms.tsx).
    formSeed: crypto.randomUUID(),
    instance: {
      name: config.instance.name,
      tagline: config.instance.tagline,
      operator: config.instance.operator,
      showMarianne: config.instance.showMarianne,
      logoUrl: config.instance.logoUrl,
    },
    user: user ? { id: user.id, givenName: user.givenName, familyName: user.familyName } : null,
    unread,
    nav: {
      labTeam: labsWhere(s.principal, "lab_team").length > 0,
      juror: judged.length > 0,
      admin: labsWhere(s.principal, "admin").length > 0,
      director: labsWhere(s.principal, "director").length > 0,
    },
    demoLogin: config.demoLogin,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const d = useRouteLoaderData("root") as RootData | undefined;
  const nonce = d?.nonce;
  return (
    <html lang="fr" data-fr-scheme="system">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#000091" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="icon" href="/favicon.ico" sizes="any" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
        {d?.csrfToken && <meta name="csrf-token" content={d.csrfToken} />}
        <script
          nonce={nonce}
          dangerouslySetInnerHTML={{ __html: getScriptToRunAsap({ defaultColorScheme: "system", nonce, trustedTypesPolicyName: "react-dsfr" }) }}
        />
        <Meta />
        <Links />
      </head>
      <body>
        <div className="fr-skiplinks">
          <nav className="fr-container" role="navigation" aria-label="Accès rapide">
            <ul className="fr-skiplinks__list">
              <li>
                <a className="fr-link" href="#contenu">
                  Contenu
                </a>
              </li>
              <li>
                <a className="fr-link" href="#footer">
                  Pied de page
                </a>
              </li>
            </ul>
          </nav>
        </div>
        {d && <SiteHeader d={d as LayoutData} />}
        {children}
        {d && <SiteFooter d={d as LayoutData} />}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

/**
 * The ways in a refused page offers: the Mini-Lab or the community it belongs to (where one
 * joins, or asks to), the lists of Mini-Labs and communities, and signing in with another
 * account (or at all).
 */
function WaysIn({ pathname, signedIn }: { pathname: string; signedIn: boolean }) {
  const back = `/connexion?retour=${encodeURIComponent(pathname)}`;
  const minilab = /^\/minilabs\/([0-9a-f-]{36})\/./.exec(pathname);
  const community = /^\/communautes\/([0-9a-f-]{36})\/./.exec(pathname);
  return (
    <>
      <h2 className="fr-h4 fr-mt-4w">Pour y accéder</h2>
      <ul>
        {minilab && (
          <li>
            <a href={`/minilabs/${minilab[1]}`}>Voir le Mini-Lab et demander à le rejoindre</a>
          </li>
        )}
        {community && (
          <li>
            <a href={`/communautes/${community[1]}`}>Voir la communauté et la rejoindre</a>
          </li>
        )}
        {signedIn && (
          <>
            <li>
              <a href="/minilabs">Les Mini-Labs que vous pouvez rejoindre</a>
            </li>
            <li>
              <a href="/communautes">Les communautés que vous pouvez rejoindre</a>
            </li>
          </>
        )}
        <li>
          <a href={back}>{signedIn ? "Se connecter avec un autre compte" : "Se connecter"}</a>
        </li>
      </ul>
      {pathname.startsWith("/lab") && <p>L’espace lab est réservé à l’équipe du lab{"\u00a0"}: demandez à l’administration du lab de vous y ajouter.</p>}
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { pathname } = useLocation();
  const root = useRouteLoaderData("root") as RootData | undefined;
  let status = 500;
  let message = "Une erreur inattendue est survenue. L’équipe technique en a été informée.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const m = (error.data as { message?: string } | undefined)?.message;
    message =
      m ??
      (status === 404
        ? "Cette page n’existe pas ou plus."
        : status === 403
          ? "Cette page est réservée à certaines personnes (membres, équipe du lab, direction concernée)."
          : status === 401
            ? "Connectez-vous pour accéder à cette page."
            : "La requête n’a pas pu aboutir.");
  } else if (error instanceof Error && typeof document !== "undefined") {
    // In the browser only: on the server, React Router's handleError has already logged the
    // real error, and what reaches this boundary in production is a sanitised copy (also
    // rendered, and logged, for every request whose client went away mid-way).
    console.error(error);
  }
  const title = status === 404 ? "Page introuvable" : status === 403 ? "Accès refusé" : status === 401 ? "Connexion requise" : status === 429 ? "Trop de demandes" : status >= 500 ? "Erreur du serveur" : "Requête refusée";
  return (
    <main id="contenu" role="main" className="fr-container fr-py-6w" tabIndex={-1}>
      <title>{`${title} – Germoir`}</title>
      <h1>{title}</h1>
      <p className="fr-text--lead">{message}</p>
      <p className="fr-text--sm">Code d’erreur{"\u00a0"}: {status}</p>
      {status === 403 && <WaysIn pathname={pathname} signedIn={!!root?.user} />}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a className="fr-btn" href="/">
            Retour à l’accueil
          </a>
        </li>
        {status === 401 && (
          <li>
            <a className="fr-btn fr-btn--secondary" href="/connexion">
              Se connecter
            </a>
          </li>
        )}
      </ul>
    </main>
  );
}
