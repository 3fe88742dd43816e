import { redirect, useActionData, useLoaderData } from "react-router";
import type { Route } from "./+types/request-new";
import { once } from "~/kernel/db/once";
import { invalid, parseForm } from "~/kernel/forms";
import { PageTitle, type ActionResult } from "~/kernel/ui/forms";
import { Breadcrumb } from "~/kernel/ui/page";
import { createRequest, deskLabs, maxUploadMb, requestSchema } from "~/requests";
import { RequestForm } from "~/requests/client";
import { Page } from "~/web/layout";
import { requireUser } from "~/web/auth";
import { readForm, serviceFailure } from "~/web/errors";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  const labs = await deskLabs();
  const chosen = labs.find((l) => l.slug === new URL(request.url).searchParams.get("lab"));
  return { labs, initial: (chosen ? { labId: chosen.id } : {}) as Record<string, string>, maxMb: maxUploadMb() };
}

export async function action({ context, request }: Route.ActionArgs) {
  const viewer = requireUser(context, request);
  const fd = await readForm(request);
  const parsed = parseForm(fd, requestSchema);
  if (!parsed.ok) return invalid(parsed);
  try {
    const location = await once(viewer.userId, fd, "request-new", async () => {
      const created = await createRequest(viewer, parsed.data, fd.getAll("attachments"));
      return `/demandes/${created.id}?${parsed.data.intent === "submit" ? "envoyee=1" : "brouillon=1"}`;
    });
    return redirect(location);
  } catch (err) {
    return serviceFailure(err, fd);
  }
}

export default function NewRequest() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionResult>();
  return (
    <Page>
      <PageTitle title="Faire une demande au guichet" error={!!a && !a.ok} />
      <Breadcrumb items={[{ label: "Accueil", to: "/" }, { label: "Guichet unique", to: "/guichet" }]} current="Faire une demande" />
      <div className="fr-grid-row">
        <div className="fr-col-12 fr-col-lg-8">
          <h1>Faire une demande au guichet</h1>
          <p>Pour envoyer la demande, décrivez le contexte, qui est concerné et ce que serait une réussite, et indiquez votre commanditaire{"\u202f"}; un brouillon n’a besoin que d’un lab, d’un type d’aide et d’un titre.</p>
          <RequestForm a={a} labs={d.labs} initial={d.initial} maxMb={d.maxMb} />
        </div>
      </div>
    </Page>
  );
}
