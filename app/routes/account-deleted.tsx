import { Link } from "react-router";
import { PageTitle } from "~/kernel/ui/forms";
import { Page } from "~/web/layout";

export default function AccountDeleted() {
  return (
    <Page>
      <PageTitle title="Compte supprimé" />
      <h1>Compte supprimé</h1>
      <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
        <p>Votre compte a été supprimé et vous avez été déconnecté. Vos contributions restent, signées «{"\u00a0"}Agent supprimé{"\u00a0"}».</p>
      </div>
      <p>
        <Link to="/">Revenir à l’accueil</Link>
      </p>
    </Page>
  );
}
