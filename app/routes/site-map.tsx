import { Link } from "react-router";
import { siteMap } from "~/web/navigation";
import { PageTitle } from "~/kernel/ui/forms";
import { Page } from "~/web/layout";

export default function SiteMap() {
  return (
    <Page>
      <PageTitle title="Plan du site" />
      <h1>Plan du site</h1>
      <p>Les rubriques du service, selon ce que votre rôle vous permet d’ouvrir.</p>
      {siteMap().map((group) => (
        <section key={group.title} className="fr-mb-4w">
          <h2 className="fr-h4">{group.title}</h2>
          <ul>
            {group.items.map((item) => (
              <li key={item.to}>
                <Link to={item.to}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
