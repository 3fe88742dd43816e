import { Breadcrumb } from "../kernel/ui/page";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { ActionResult } from "../kernel/ui/forms";
import { AppForm, ErrorSummary, Field, SubmitButton, valueOf } from "../kernel/ui/forms";

/** The breadcrumb of the communities' pages: the list, then the given steps, the last one current. */
export function CommunityCrumbs({ steps, root = { to: "/communautes", label: "Communautés" } }: { steps: { to?: string; label: string }[]; root?: { to: string; label: string } }) {
  const all = [root, ...steps];
  return <Breadcrumb items={all.slice(0, -1).filter((s): s is { to: string; label: string } => !!s.to)} current={all[all.length - 1].label} />;
}

/** The community form, for creating and editing (lab team). */
export function CommunityForm({ a, initial, submit }: { a?: ActionResult; initial?: { name: string; profession: string; description: string; animators: string }; submit: ReactNode }) {
  const v = (k: string, fallback = "") => valueOf(a?.values, k, fallback);
  return (
    <AppForm>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <Field name="name" label="Nom de la communauté" hint={"Par exemple\u00a0: Restauration des lycées."} error={a?.errors?.name} defaultValue={v("name", initial?.name)} maxLength={120} />
      <Field name="profession" label="Métier" hint={"Le métier qu’elle rassemble, par exemple\u00a0: agents de cuisine des lycées."} error={a?.errors?.profession} defaultValue={v("profession", initial?.profession)} maxLength={200} />
      <Field name="description" label="Présentation (facultative)" textarea rows={4} error={a?.errors?.description} defaultValue={v("description", initial?.description)} />
      <Field name="animators" label="Animateurs (adresses électroniques, facultatif)" hint="Séparées par des virgules ou des retours à la ligne." textarea rows={2} error={a?.errors?.animators} defaultValue={v("animators", initial?.animators)} />
      <SubmitButton>{submit}</SubmitButton>
    </AppForm>
  );
}
