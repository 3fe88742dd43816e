import { Link } from "react-router";

/** For a project's or a Mini-Lab's team: the directory, filtered on agents willing to help other services. */
export function FindPeopleLink() {
  return (
    <p className="fr-text--sm">
      <Link to="/competences?aide=1">
        Trouver des personnes par compétence dans l’annuaire
      </Link>
    </p>
  );
}
