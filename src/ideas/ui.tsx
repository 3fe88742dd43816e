import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, useFetcher } from "react-router";
import { AppForm, ErrorSummary, Field, SubmitButton, valueOf, type ActionResult } from "../kernel/ui/forms";
import { AttachmentsField } from "../kernel/ui/files";
import { ideaStatuses, type IdeaStatus } from "./ideas";
import { formatDate, frenchSpaces, plural } from "../kernel/format";
import type { SimilarIdeaView } from "./service";

const badgeClass: Record<IdeaStatus, string> = {
  draft: "fr-badge--new",
  submitted: "fr-badge--info",
  under_review: "fr-badge--warning",
  awarded: "fr-badge--success",
  not_awarded: "",
  merged: "fr-badge--purple-glycine",
};

export function StatusBadge({ status, hidden }: { status: IdeaStatus; hidden?: boolean }) {
  return (
    <>
      <p className={`fr-badge fr-badge--sm fr-badge--no-icon ${badgeClass[status]}`}>{ideaStatuses[status]}</p>
      {hidden && <p className="fr-badge fr-badge--sm fr-badge--error fr-ml-1w">Masquée</p>}
    </>
  );
}

/** What the idea form's action returns: a failure, or the similar ideas (« Vérifier les idées proches »). */
export type IdeaFormResult = ActionResult & { similar?: SimilarIdeaView[] | null };
/** What /idees/proches answers. */
export type SimilarIdeasResponse = { ideas: SimilarIdeaView[] | null } | { error: string };

/** The list of similar ideas, the same with and without JavaScript. */
export function SimilarIdeasList({ items }: { items: SimilarIdeaView[] }) {
  if (!items.length)
    return <p className="fr-text--sm fr-mb-0">Aucune idée proche n’a été trouvée parmi les idées déposées{"\u00a0"}: la vôtre semble nouvelle.</p>;
  return (
    <>
      <p className="fr-text--sm fr-mb-1w">
        {items.length > 1 ? `${items.length}\u00a0idées déposées ressemblent` : "Une idée déposée ressemble"} à la vôtre. Plutôt que de la déposer en double, vous pouvez soutenir l’une d’elles ou proposer à son auteur de la rejoindre.
      </p>
      <ul className="germoir-similar-list fr-pl-0" style={{ listStyle: "none" }}>
        {items.map((i) => (
          <li key={i.id} className="fr-mb-2w">
            <Link to={`/idees/${i.id}`} target="_blank" rel="noopener" title={`${i.title} – nouvelle fenêtre`}>
              {i.title}
            </Link>
            <br />
            <StatusBadge status={i.status} />
            <span className="fr-text--sm fr-ml-1w">
              {i.campaign ? `${i.campaign} – ` : ""}
              {plural(i.supports, "soutien", "soutiens")} – proposée par {i.author}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

const LIVE_DELAY_MS = 400;
const LIVE_MIN_CHARS = 12;

/**
 * « Idées proches » under the texts of the idea form: the list the action returned after
 * « Vérifier les idées proches » (works without JavaScript), then, with JavaScript, the list
 * fetched from /idees/proches while the agent types (debounced), in a polite live region.
 */
function useSimilarIdeas(fromAction: SimilarIdeaView[] | null | undefined, excludeId?: string) {
  const fetcher = useFetcher<SimilarIdeasResponse>();
  const [items, setItems] = useState<SimilarIdeaView[] | null | undefined>(fromAction);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const last = useRef("");
  useEffect(() => setItems(fromAction), [fromAction]);
  useEffect(() => {
    if (fetcher.data && "ideas" in fetcher.data) setItems(fetcher.data.ideas);
  }, [fetcher.data]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onInput = (e: FormEvent<HTMLFormElement>) => {
    const name = (e.target as HTMLInputElement).name;
    if (name !== "title" && name !== "problem" && name !== "proposal") return;
    const form = e.currentTarget;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const fd = new FormData(form);
      const title = String(fd.get("title") ?? "").trim().slice(0, 150);
      // the gist is enough, and keeps the address short
      const text = `${String(fd.get("problem") ?? "").trim()}\n${String(fd.get("proposal") ?? "").trim()}`.trim().slice(0, 1000);
      if ((title + text).length < LIVE_MIN_CHARS) return;
      const key = `${title}\u0000${text}`;
      if (key === last.current) return;
      last.current = key;
      const sp = new URLSearchParams({ titre: title, texte: text });
      if (excludeId) sp.set("idee", excludeId);
      fetcher.load(`/idees/proches?${sp}`);
    }, LIVE_DELAY_MS);
  };
  return { items, onInput, loading: fetcher.state === "loading" };
}

export function IdeaForm(props: {
  a?: IdeaFormResult;
  /** the idea being edited, left out of the similar ideas */
  ideaId?: string;
  initial?: { title: string; problem: string; proposal: string; beneficiaries: string; coauthors: string };
  attachments?: { id: string; filename: string }[];
  maxMb: number;
  isDraft: boolean;
  children?: ReactNode;
}) {
  const { a, initial } = props;
  const v = (k: keyof NonNullable<typeof initial>) => valueOf(a?.values, k, initial?.[k] ?? "");
  const e = a?.errors ?? {};
  const similar = useSimilarIdeas(a?.similar, props.ideaId);
  return (
    <AppForm encType="multipart/form-data" noValidate onInput={similar.onInput}>
      <ErrorSummary errors={a?.errors} formError={a?.formError} />
      <Field name="title" label="Titre de l’idée" hint={"En une phrase\u00a0: ce que vous proposez."} error={e.title} defaultValue={v("title")} required maxLength={150} />
      <Field
        name="problem"
        label="Le problème constaté"
        hint="Ce qui ne va pas aujourd’hui, où, pour qui, avec un exemple si possible."
        textarea
        rows={5}
        error={e.problem}
        defaultValue={v("problem")}
      />
      <Field name="proposal" label="Votre proposition" hint="Ce qu’il faudrait faire, concrètement." textarea rows={7} error={e.proposal} defaultValue={v("proposal")} />
      <div className="fr-mb-4w">
        <button type="submit" className="fr-btn fr-btn--tertiary fr-btn--sm" name="intent" value="similar" aria-describedby="idees-proches-aide">
          Vérifier les idées proches
        </button>
        <p className="fr-hint-text fr-mt-1w" id="idees-proches-aide">
          Avant de déposer, voyez si une idée proche existe déjà{"\u00a0"}: rien n’est enregistré.
        </p>
        <div id="idees-proches" aria-live="polite" aria-busy={similar.loading || undefined}>
          {similar.items !== undefined && similar.items !== null && (
            <div className="fr-p-2w" style={{ background: "var(--background-alt-grey)" }}>
              <h2 className="fr-h6 fr-mb-1w">Idées proches</h2>
              <SimilarIdeasList items={similar.items} />
            </div>
          )}
        </div>
      </div>
      <Field name="beneficiaries" label={"Qui en bénéficie\u202f?"} hint="Les agents, les usagers, les élèves, un service…" error={e.beneficiaries} defaultValue={v("beneficiaries")} />
      <Field
        name="coauthors"
        label="Co-auteurs (facultatif)"
        hint="Adresses électroniques professionnelles, séparées par des virgules. Chaque personne confirmera."
        error={e.coauthors}
        defaultValue={v("coauthors")}
        type="text"
        autoComplete="off"
      />
      <AttachmentsField existing={props.attachments} error={e.attachments} maxMb={props.maxMb} />
      {props.children}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        <li>
          <SubmitButton name="intent" value="submit">
            {props.isDraft ? "Déposer mon idée" : "Enregistrer les modifications"}
          </SubmitButton>
        </li>
        {props.isDraft && (
          <li>
            <SubmitButton name="intent" value="draft" secondary>
              Enregistrer en brouillon
            </SubmitButton>
          </li>
        )}
      </ul>
    </AppForm>
  );
}

export function StatusHistory({ events }: { events: { id: string; kind: string; status: IdeaStatus | null; note: string | null; created_at: Date | string }[] }) {
  return (
    <ol className="germoir-timeline">
      {events.map((e) => (
        <li key={e.id}>
          <strong>
            {e.kind === "status" && e.status
              ? ideaStatuses[e.status]
              : e.kind === "hidden"
                ? "Masquée par la modération"
                : e.kind === "unhidden"
                  ? "Rétablie par la modération"
                  : e.kind === "edited"
                    ? "Modifiée"
                    : e.kind === "merge"
                      ? "Fusion"
                      : "Co-auteurs"}
          </strong>{" "}
          – <time dateTime={new Date(e.created_at).toISOString()}>{formatDate(e.created_at)}</time>
          {e.note && e.kind !== "coauthor" && <p className="fr-text--sm fr-mb-0">{frenchSpaces(e.note)}</p>}
        </li>
      ))}
    </ol>
  );
}
