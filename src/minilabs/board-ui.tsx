import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useFetcher } from "react-router";
import { CsrfField } from "../kernel/ui/forms";
import { frenchSpaces, plural } from "../kernel/format";
import { boardColumnKeys, boardColumns, NOTE_MAX, type BoardColumn, type BoardNote } from "./board";

/** Keeps, for each note, the highest version seen (changes may arrive in any order). */
export function mergeNotes(into: Map<string, BoardNote>, notes: BoardNote[]): Map<string, BoardNote> {
  let out = into;
  for (const n of notes) {
    const had = out.get(n.id);
    if (!had || had.version < n.version) {
      if (out === into) out = new Map(into);
      out.set(n.id, n);
    }
  }
  return out;
}

export type LiveState = "connecting" | "live" | "lost" | "off";

/**
 * The board's notes, live: the loader's notes, then a server-sent events stream (a snapshot,
 * then every change committed by anyone, through any server process). Without JavaScript the
 * page shows the loader's notes and reloads after each form.
 */
export function useLiveBoard(initial: BoardNote[], streamUrl: string, me: string) {
  const [notes, setNotes] = useState(() => mergeNotes(new Map(), initial));
  const [state, setState] = useState<LiveState>("off");
  const [announce, setAnnounce] = useState("");
  useEffect(() => setNotes((cur) => mergeNotes(cur, initial)), [initial]);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    setState("connecting");
    const es = new EventSource(streamUrl);
    es.addEventListener("open", () => setState("live"));
    es.addEventListener("error", () => setState(es.readyState === EventSource.CLOSED ? "lost" : "connecting"));
    es.addEventListener("snapshot", (e) => {
      setState("live");
      setNotes((cur) => mergeNotes(cur, JSON.parse((e as MessageEvent).data) as BoardNote[]));
    });
    es.addEventListener("change", (e) => {
      const n = JSON.parse((e as MessageEvent).data) as BoardNote;
      // A note's creation is its version 1: announce the others' new notes to screen readers.
      if (n.version === 1 && n.authorId !== me) setAnnounce(frenchSpaces(`Nouveau post-it de ${n.authorName} dans « ${boardColumns[n.column]} » : ${n.text}`));
      setNotes((cur) => mergeNotes(cur, [n]));
    });
    return () => es.close();
  }, [streamUrl, me]);
  const byColumn = useMemo(() => {
    const cols = Object.fromEntries(boardColumnKeys.map((c) => [c, [] as BoardNote[]])) as Record<BoardColumn, BoardNote[]>;
    for (const n of notes.values()) if (!n.deleted) cols[n.column].push(n);
    for (const c of boardColumnKeys) cols[c].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
    return cols;
  }, [notes]);
  return { byColumn, state, announce };
}

/** A board form: a plain POST without JavaScript, a fetcher (no navigation) with it. */
type BoardResult = { ok: boolean; formError?: string; errors?: Record<string, string>; myVotes?: string[] };
function BoardForm({ children, className, onDone }: { children: ReactNode; className?: string; onDone?: (r: BoardResult) => void }) {
  const fetcher = useFetcher<BoardResult>();
  const ref = useRef<HTMLFormElement>(null);
  const wasBusy = useRef(false);
  useEffect(() => {
    if (fetcher.state !== "idle") wasBusy.current = true;
    else if (wasBusy.current) {
      wasBusy.current = false;
      if (fetcher.data?.ok) {
        ref.current?.reset();
        onDone?.(fetcher.data);
      }
    }
  }, [fetcher.state, fetcher.data, onDone]);
  const error = fetcher.data && !fetcher.data.ok ? (fetcher.data.formError ?? Object.values(fetcher.data.errors ?? {})[0]) : undefined;
  return (
    <fetcher.Form method="post" className={className} ref={ref}>
      <CsrfField />
      {children}
      {error && (
        <p className="fr-error-text" role="alert">
          {frenchSpaces(error)}
        </p>
      )}
    </fetcher.Form>
  );
}

interface BoardProps {
  byColumn: Record<BoardColumn, BoardNote[]>;
  participate: boolean;
  manage: boolean;
  me: string;
  dots: number;
}
type NoteProps = BoardProps & { myVotes: Set<string>; onVoted: (r: BoardResult) => void };

export function Board({ initialVotes, ...p }: BoardProps & { initialVotes: string[] }) {
  // The viewer's dots: from the page, then from each vote's answer (the page is not reloaded).
  const [votes, setVotes] = useState(() => new Set(initialVotes));
  useEffect(() => setVotes(new Set(initialVotes)), [initialVotes]);
  const onVoted = useCallback((r: BoardResult) => r.myVotes && setVotes(new Set(r.myVotes)), []);
  const used = votes.size;
  return (
    <>
      {p.participate && (
        <p>
          Vos gommettes&nbsp;: {plural(used, "posée", "posées")} sur {p.dots}. Cliquez sur «&nbsp;Voter&nbsp;» pour en poser une, encore une fois pour la retirer.
        </p>
      )}
      <div className="fr-grid-row fr-grid-row--gutters germoir-board">
        {boardColumnKeys.map((c) => (
          <section key={c} className="fr-col-12 fr-col-md-4" aria-labelledby={`col-${c}`}>
            <h2 id={`col-${c}`} className="fr-h4">
              {boardColumns[c]} <span className="fr-text--md">({p.byColumn[c].length})</span>
            </h2>
            {p.byColumn[c].length === 0 ? (
              <p className="fr-text--sm">Aucun post-it pour l’instant.</p>
            ) : (
              <ol className="germoir-notes">
                {p.byColumn[c].map((n, i) => (
                  <Note key={n.id} note={n} first={i === 0} last={i === p.byColumn[c].length - 1} {...p} myVotes={votes} onVoted={onVoted} />
                ))}
              </ol>
            )}
            {p.participate && (
              <BoardForm className="fr-mt-2w">
                <input type="hidden" name="intent" value="add" />
                <input type="hidden" name="column" value={c} />
                <div className="fr-input-group">
                  <label className="fr-label" htmlFor={`add-${c}`}>
                    Nouveau post-it dans «&nbsp;{boardColumns[c]}&nbsp;»
                  </label>
                  <textarea className="fr-input" id={`add-${c}`} name="text" rows={2} maxLength={NOTE_MAX} required />
                </div>
                <button type="submit" className="fr-btn fr-btn--sm">
                  Ajouter<span className="fr-sr-only"> dans «&nbsp;{boardColumns[c]}&nbsp;»</span>
                </button>
              </BoardForm>
            )}
          </section>
        ))}
      </div>
    </>
  );
}

function Note({ note: n, first, last, participate, manage, me, myVotes, onVoted }: NoteProps & { note: BoardNote; first: boolean; last: boolean }) {
  const mine = myVotes.has(n.id);
  const canEdit = participate && (n.authorId === me || manage);
  const short = n.text.length > 40 ? `${n.text.slice(0, 40)}…` : n.text;
  const label = (s: string) => <span className="fr-sr-only"> {`${s} «\u00a0${short}\u00a0»`}</span>;
  return (
    <li className="germoir-note" id={`note-${n.id}`}>
      <p className="fr-mb-1v">{n.text}</p>
      <p className="fr-text--xs fr-mb-1v">
        {n.authorName} · {plural(n.votes, "gommette", "gommettes")}
      </p>
      {participate && (
        <div className="germoir-note__actions">
          <BoardForm className="germoir-inline-form" onDone={onVoted}>
            <input type="hidden" name="noteId" value={n.id} />
            <button type="submit" name="intent" value="vote" className={`fr-btn fr-btn--sm ${mine ? "" : "fr-btn--secondary"}`} aria-pressed={mine}>
              {mine ? "Retirer ma gommette" : "Voter"}
              {label("pour")}
            </button>
            {!first && (
              <button type="submit" name="intent" value="up" className="fr-btn fr-btn--sm fr-btn--tertiary">
                Monter{label("")}
              </button>
            )}
            {!last && (
              <button type="submit" name="intent" value="down" className="fr-btn fr-btn--sm fr-btn--tertiary">
                Descendre{label("")}
              </button>
            )}
          </BoardForm>
          <BoardForm className="germoir-inline-form">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="noteId" value={n.id} />
            <label className="fr-label fr-sr-only" htmlFor={`move-${n.id}`}>
              Colonne où déplacer le post-it «&nbsp;{short}&nbsp;»
            </label>
            <select className="fr-select fr-select--sm germoir-select-inline" id={`move-${n.id}`} name="column" defaultValue={n.column}>
              {boardColumnKeys.map((c) => (
                <option key={c} value={c}>
                  {boardColumns[c]}
                </option>
              ))}
            </select>
            <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
              Déplacer{label("")}
            </button>
          </BoardForm>
          {canEdit && (
            <details className="fr-mt-1v">
              <summary>Modifier ou retirer{label("")}</summary>
              <BoardForm>
                <input type="hidden" name="noteId" value={n.id} />
                <div className="fr-input-group">
                  <label className="fr-label" htmlFor={`edit-${n.id}`}>
                    Texte du post-it
                  </label>
                  <textarea className="fr-input" id={`edit-${n.id}`} name="text" rows={2} maxLength={NOTE_MAX} defaultValue={n.text} key={n.version} />
                </div>
                <button type="submit" name="intent" value="edit" className="fr-btn fr-btn--sm">
                  Enregistrer
                </button>{" "}
                <button type="submit" name="intent" value="delete" className="fr-btn fr-btn--sm fr-btn--secondary" formNoValidate>
                  Retirer le post-it
                </button>
              </BoardForm>
            </details>
          )}
        </div>
      )}
    </li>
  );
}

export const liveLabels: Record<LiveState, string> = {
  off: "Sans JavaScript : rechargez la page pour voir les post-it des autres.",
  connecting: "Connexion au tableau en direct…",
  live: "En direct : les post-it des autres apparaissent dès qu’ils sont ajoutés.",
  lost: "Connexion perdue : rechargez la page.",
};
