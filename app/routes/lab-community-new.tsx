import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/lab-community-new";
import { once } from "~/kernel/db/once";
import { invalid, parseForm } from "~/kernel/forms";
import { PageTitle, type ActionResult } from "~/kernel/ui/forms";
import { communitySchema } from "~/communities/schemas";
import { createCommunityFor, labOf } from "~/communities/service";
import { CommunityCrumbs, CommunityForm } from "~/communities/ui";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { loaderFailure, readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const s = requireUser(context, request);
  return { lab: await labOf(s, params.labSlug).catch(loaderFailure) };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const s = requireUser(context, request);
  const fd = await readForm(request);
  try {
    await labOf(s, params.labSlug);
    const p = parseForm(fd, communitySchema);
    if (!p.ok) return invalid(p);
    const data = p.data;
    const location = await once(s.userId, fd, `community-new:${params.labSlug}`, async () => {
      const community = await createCommunityFor(s, params.labSlug, data);
      return `/communautes/${community.id}?creee=1`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function NewCommunity() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title={`Créer une communauté – ${d.lab.name}`} error={!!a && !a.ok} />
      <CommunityCrumbs root={{ to: "/lab", label: "Espace lab" }} steps={[{ to: `/lab/${d.lab.slug}/communautes`, label: "Communautés de métiers" }, { label: "Créer une communauté" }]} />
      <h1>Créer une communauté de métiers</h1>
      <p>Une communauté rassemble les agents d’un même métier, de tous les sites, pour partager leurs problèmes et leurs projets. Tout agent peut la rejoindre.</p>
      <CommunityForm a={a} submit="Créer la communauté" />
    </Page>
  );
}
