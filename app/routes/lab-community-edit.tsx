import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-community-edit";
import { invalid, parseForm } from "~/kernel/forms";
import { PageTitle, type ActionResult } from "~/kernel/ui/forms";
import { communitySchema } from "~/communities/schemas";
import { communityForEdit, updateCommunityFor } from "~/communities/service";
import { CommunityCrumbs, CommunityForm } from "~/communities/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return communityForEdit(s, params.labSlug, params.communityId).catch(loaderFailure);
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await communityForEdit(s, params.labSlug, params.communityId);
    const p = parseForm(fd, communitySchema);
    if (!p.ok) return invalid(p);
    await updateCommunityFor(s, params.labSlug, params.communityId, p.data);
    return redirect(`/communautes/${params.communityId}?modifiee=1`);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function EditCommunity() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Modifier ${d.community.name} – ${d.lab.name}`} error={!!a && !a.ok} />
      <CommunityCrumbs root={{ to: "/lab", label: "Espace lab" }} steps={[{ to: `/lab/${d.lab.slug}/communautes`, label: "Communautés de métiers" }, { label: `Modifier ${d.community.name}` }]} />
      <h1>Modifier la communauté {d.community.name}</h1>
      <CommunityForm a={a} initial={d.community} submit="Enregistrer" />
    </Page>
  );
}
