import type { ReactNode } from "react";
import { NavLink, Link } from "react-router";
import { AppForm } from "../kernel/ui/forms";
import { legalItems } from "./navigation";

export interface LayoutData {
  instance: { name: string; tagline: string; operator: string; showMarianne: boolean; logoUrl?: string };
  user: { givenName: string; familyName: string } | null;
  unread: number;
  nav: { labTeam: boolean; juror: boolean; admin: boolean; director?: boolean };
  demoLogin: boolean;
}

function Brand({ instance }: { instance: LayoutData["instance"] }) {
  return (
    <div className="fr-header__brand fr-enlarge-link">
      <div className="fr-header__brand-top">
        {instance.showMarianne && (
          <div className="fr-header__logo">
            <p className="fr-logo">
              République
              <br />
              Française
            </p>
          </div>
        )}
        {instance.logoUrl && (
          <div className="fr-header__operator">
            <img className="fr-responsive-img" style={{ maxWidth: "9rem" }} src={instance.logoUrl} alt={instance.name} />
          </div>
        )}
      </div>
      <div className="fr-header__service">
        <Link to="/" title={`Accueil – ${instance.name}`}>
          <p className="fr-header__service-title">{instance.name}</p>
        </Link>
        <p className="fr-header__service-tagline">{instance.tagline}</p>
      </div>
    </div>
  );
}

export function SiteHeader({ d }: { d: LayoutData }) {
  const items: { to: string; label: string; end?: boolean }[] = [
    { to: "/", label: "Accueil", end: true },
    { to: "/campagnes", label: "Campagnes" },
    { to: "/idees", label: "Idées" },
  ];
  if (d.user) items.push({ to: "/problematiques", label: "Problématiques" }, { to: "/minilabs", label: "Mini-Labs" }, { to: "/communautes", label: "Communautés" }, { to: "/mes-idees", label: "Mes idées" });
  if (d.nav.juror) items.push({ to: "/jury", label: "Jury" });
  if (d.nav.director) items.push({ to: "/arbitrage", label: "Arbitrage" });
  if (d.nav.labTeam || d.nav.admin) items.push({ to: "/lab", label: "Espace lab" });
  return (
    <header role="banner" className="fr-header">
      <div className="fr-header__body">
        <div className="fr-container">
          <div className="fr-header__body-row">
            <Brand instance={d.instance} />
            <div className="fr-header__tools">
              <div className="fr-header__tools-links">
                <ul className="fr-btns-group">
                  {d.user ? (
                    <>
                      <li>
                        <Link className="fr-btn fr-icon-notification-3-line" to="/notifications">
                          Notifications
                          {d.unread > 0 ? (
                            <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon fr-ml-1w">
                              {d.unread}
                              <span className="fr-sr-only"> non lues</span>
                            </span>
                          ) : null}
                        </Link>
                      </li>
                      <li>
                        <span className="fr-btn fr-icon-account-circle-line" aria-label={`Connecté en tant que ${d.user.givenName} ${d.user.familyName}`}>
                          {d.user.givenName} {d.user.familyName}
                        </span>
                      </li>
                      <li>
                        <AppForm action="/deconnexion">
                          <button type="submit" className="fr-btn fr-icon-logout-box-r-line">
                            Se déconnecter
                          </button>
                        </AppForm>
                      </li>
                    </>
                  ) : (
                    <li>
                      <Link className="fr-btn fr-icon-account-circle-line" to="/connexion">
                        Se connecter
                      </Link>
                    </li>
                  )}
                </ul>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="fr-container">
        <nav className="fr-nav" role="navigation" aria-label="Menu principal">
          <ul className="fr-nav__list" style={{ display: "flex", flexWrap: "wrap" }}>
            {items.map((it) => (
              <li key={it.to} className="fr-nav__item">
                <NavLink className="fr-nav__link" to={it.to} end={it.end}>
                  {it.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
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
            {legalItems.map((item) => (
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
