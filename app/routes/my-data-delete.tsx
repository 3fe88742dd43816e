import { Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/my-data-delete";
import { DELETE_CONFIRMATION_WORD, deleteAccount, deleteAccountSchema } from "~/privacy";
import { clearSessionCookie } from "~/kernel/auth/sessions";
import { invalid, parseForm } from "~/kernel/forms";
import { AppForm, ErrorSummary, Field, PageTitle, SubmitButton, valueOf, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  const parsed = parseForm(fd, deleteAccountSchema);
  if (!parsed.ok) return invalid(parsed);
  try {
    await deleteAccount(viewer, viewer.userId);
  } catch (err) {
    return serviceFailure(err, fd);
  }
  return redirect("/compte-supprime", { headers: { "Set-Cookie": clearSessionCookie() } });
}

const NB = "\u00a0";

export default function DeleteMyAccount() {
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title="Supprimer mon compte" error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Mes données", to: "/mes-donnees" }]} current="Supprimer mon compte" />
      <h1>Supprimer mon compte</h1>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <div className="fr-callout fr-mb-4w">
        <h2 className="fr-callout__title">Ce qui se passera</h2>
        <ul className="fr-callout__text fr-text--md">
          <li>Votre nom, votre adresse électronique, votre organisation, votre fonction et votre lien avec votre fournisseur d’identité sont effacés.</li>
          <li>Vos idées, commentaires, messages, post-it et propositions restent, signés «{NB}Agent supprimé{NB}»{NB}: ils appartiennent aussi aux démarches collectives auxquelles vous avez pris part.</li>
          <li>Vos notifications, vos préférences et vos rôles sont supprimés, les courriels qui vous attendaient ne sont pas envoyés et vous êtes déconnecté de partout.</li>
          <li>La suppression est définitive. Si vous vous reconnectez plus tard, un nouveau compte, vide, sera créé.</li>
        </ul>
      </div>
      <p>
        Avant de supprimer votre compte, vous pouvez <a href="/mes-donnees/export.json">télécharger vos données</a>.
      </p>
      <AppForm noValidate>
        <Field
          name="confirmation"
          label={`Pour confirmer, saisissez ${DELETE_CONFIRMATION_WORD}`}
          hint="En majuscules ou en minuscules."
          error={a?.errors?.confirmation}
          defaultValue={valueOf(a?.values, "confirmation")}
          autoComplete="off"
          maxLength={100}
          required
        />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <SubmitButton>Supprimer définitivement mon compte</SubmitButton>
          </li>
          <li>
            <Link className="fr-btn fr-btn--secondary" to="/mes-donnees">
              Annuler
            </Link>
          </li>
        </ul>
      </AppForm>
    </Page>
  );
}
