import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { Header, type HeaderProps } from "@codegouvfr/react-dsfr/Header";
import { AppForm } from "../kernel/ui/forms";
import { legalItems, mainNavigation, openDataItems, type NavItem } from "./navigation";

// react-dsfr renders its links with React Router's Link (registered in the entries): its
// `linkProps` are that Link's props, `to` and not `href` (an `href` alone rendered href="/").
declare module "@codegouvfr/react-dsfr/spa" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

export interface LayoutData {
  instance: { name: string; tagline: string; operator: string; showMarianne: boolean; logoUrl?: string };
  user: { givenName: string; familyName: string } | null;
  unread: number;
  nav: { labTeam: boolean; juror: boolean; admin: boolean; director?: boolean };
  demoLogin: boolean;
}

/** The main navigation's entries for this viewer (the header's menu, on a phone its burger menu). */
export function navigationItems(d: LayoutData): NavItem[] {
  return mainNavigation({ signedIn: !!d.user, juror: d.nav.juror, director: !!d.nav.director, labTeam: d.nav.labTeam || d.nav.admin });
}

function isCurrent(pathname: string, item: { to: string; end?: boolean }): boolean {
  if (item.end) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/**
 * The DSFR header as react-dsfr renders it: on a desktop the account links and the navigation
 * bar; below 62 em a « Menu » button opening the modal that holds both (the DSFR script needs
 * its `.fr-header__menu-links`, which react-dsfr fills with the same links). Without
 * JavaScript the button cannot open anything: app.css then shows the menu in the page
 * (`@media (scripting: none)`).
 */
export function SiteHeader({ d }: { d: LayoutData }) {
  const { pathname } = useLocation();
  const quickAccessItems: HeaderProps["quickAccessItems"] = d.user
    ? [
        {
          iconId: "fr-icon-notification-3-line",
          linkProps: { to: "/notifications" },
          text: (
            <>
              Notifications
              {d.unread > 0 ? (
                <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon fr-ml-1w">
                  {d.unread}
                  <span className="fr-sr-only"> non lues</span>
                </span>
              ) : null}
            </>
          ),
        },
        <span key="who" className="fr-btn fr-icon-account-circle-line">
          <span className="fr-sr-only">{"Compte connecté\u00a0: "}</span>
          {`${d.user.givenName} ${d.user.familyName}`}
        </span>,
        <AppForm key="out" action="/deconnexion">
          <button type="submit" className="fr-btn fr-icon-logout-box-r-line">
            Se déconnecter
          </button>
        </AppForm>,
      ]
    : [{ iconId: "fr-icon-account-circle-line", linkProps: { to: "/connexion" }, text: "Se connecter" }];
  return (
    <Header
      id="en-tete"
      disableDisplay
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      classes={d.instance.showMarianne ? undefined : { logo: "fr-hidden" }}
      homeLinkProps={{ to: "/", title: `Accueil – ${d.instance.name}` }}
      serviceTitle={d.instance.name}
      serviceTagline={d.instance.tagline}
      operatorLogo={d.instance.logoUrl ? { orientation: "horizontal", imgUrl: d.instance.logoUrl, alt: d.instance.name } : undefined}
      quickAccessItems={quickAccessItems}
      navigation={navigationItems(d).map((item) => ({
        text: item.label,
        linkProps: { to: item.to },
        isActive: isCurrent(pathname, item),
      }))}
    />
  );
}

export function SiteFooter({ d }: { d: LayoutData }) {
  return (
    <footer className="fr-footer fr-mt-8w" role="contentinfo" id="footer">
      <div className="fr-container">
        <div className="fr-footer__body">
          <div className="fr-footer__brand fr-enlarge-link">
            {d.instance.showMarianne ? (
              <Link to="/" title={`Accueil – ${d.instance.name}`}>
                <p className="fr-logo">
                  République
                  <br />
                  Française
                </p>
              </Link>
            ) : (
              <Link to="/" title={`Accueil – ${d.instance.name}`}>
                <span className="fr-h4">{d.instance.name}</span>
              </Link>
            )}
          </div>
          <div className="fr-footer__content">
            <p className="fr-footer__content-desc">
              {d.instance.name}{"\u00a0"}: «{"\u00a0"}toutes les idées nous intéressent{"\u00a0"}». Chaque idée reçoit une réponse visible et une trace, du dépôt à la décision.
            </p>
            <p className="fr-footer__content-desc">{d.instance.operator.split("\n").join(" – ")}</p>
          </div>
        </div>
        <div className="fr-footer__bottom">
          <ul className="fr-footer__bottom-list">
            {[...legalItems, ...openDataItems].map((item) => (
              <li key={item.to} className="fr-footer__bottom-item">
                <Link className="fr-footer__bottom-link" to={item.to}>
                  {item.to === "/accessibilite" ? "Accessibilité\u00a0: partiellement conforme" : item.label}
                </Link>
              </li>
            ))}
            {d.user && (
              <li className="fr-footer__bottom-item">
                <Link className="fr-footer__bottom-link" to="/mes-donnees">
                  Mes données
                </Link>
              </li>
            )}
          </ul>
        </div>
      </div>
    </footer>
  );
}

export function Page({ children }: { children: ReactNode }) {
  return (
    <main id="contenu" role="main" className="fr-container fr-py-4w" tabIndex={-1}>
      {children}
    </main>
  );
}
