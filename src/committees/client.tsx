/**
 * The committees' components for the browser: no server code here (routes import them without
 * pulling services into the bundle).
 */
import { Link } from "react-router";
import { frenchSpaces, plural } from "../kernel/format";
import { AppForm, SubmitButton } from "../kernel/ui/forms";
import { Breadcrumb } from "../kernel/ui/page";

export function CommitteeCrumbs({ labSlug, steps }: { labSlug: string; steps: { to?: string; label: string }[] }) {
  const all = [{ to: `/lab/${labSlug}/comites`, label: "Comités" }, ...steps];
  return <Breadcrumb items={all.slice(0, -1).filter((s): s is { to: string; label: string } => !!s.to)} current={all[all.length - 1].label} />;
}

export interface TallyRow {
  sideLabel: string | null;
  for: number;
  against: number;
  abstain: number;
}

/** The tally of an item, one row per side (or one for all). */
export function TallyTable({ tally, caption }: { tally: TallyRow[]; caption: string }) {
  return (
    <div className="fr-table fr-table--no-caption fr-mb-2w">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Collège</th>
            <th scope="col">Pour</th>
            <th scope="col">Contre</th>
            <th scope="col">Abstention</th>
          </tr>
        </thead>
        <tbody>
          {tally.map((t, i) => (
            <tr key={i}>
              <th scope="row">{t.sideLabel ?? "Membres"}</th>
              <td>{t.for}</td>
              <td>{t.against}</td>
              <td>{t.abstain}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** « 2 pour, 1 contre, 0 abstention » for a side. */
export function tallyText(t: TallyRow): string {
  return frenchSpaces(`${t.sideLabel ? `${t.sideLabel} : ` : ""}${plural(t.for, "pour", "pour")}, ${plural(t.against, "contre", "contre")}, ${plural(t.abstain, "abstention", "abstentions")}`);
}

const choices = [
  { value: "for", label: "Pour" },
  { value: "against", label: "Contre" },
  { value: "abstain", label: "Abstention" },
] as const;

/**
 * A member's vote on one item: three radios and a button, one line on a desk and wrapped on a
 * phone; without JavaScript a plain POST. When the member may not vote, the form says why.
 */
export function VoteForm({ itemId, title, myVote, blocked, error }: { itemId: string; title: string; myVote: string | null; blocked: string | null; error?: string }) {
  // With an error, the fieldset takes the id the error summary links to.
  const id = error ? "field-choice" : `vote-${itemId}`;
  if (blocked) {
    return (
      <p className="fr-text--sm fr-mb-2w" id={`${id}-why`}>
        {myVote && <>Votre vote : {choices.find((c) => c.value === myVote)?.label.toLowerCase()}. </>}
        {frenchSpaces(blocked)}
      </p>
    );
  }
  return (
    <AppForm className="germoir-vote-form fr-mb-2w" aria-labelledby={`${id}-legend`}>
      <input type="hidden" name="intent" value="vote" />
      <input type="hidden" name="itemId" value={itemId} />
      <fieldset className={`fr-fieldset${error ? " fr-fieldset--error" : ""}`} id={id} aria-labelledby={`${id}-legend${error ? ` ${id}-error` : ""}`} role="radiogroup">
        <legend className="fr-fieldset__legend fr-text--regular" id={`${id}-legend`}>
          Votre vote sur « {title} »{myVote ? ` (actuellement\u00a0: ${choices.find((c) => c.value === myVote)?.label.toLowerCase()})` : ""}
        </legend>
        {choices.map((c) => (
          <div key={c.value} className="fr-fieldset__element fr-fieldset__element--inline">
            <div className="fr-radio-group">
              <input type="radio" id={`${id}-${c.value}`} name="choice" value={c.value} defaultChecked={myVote === c.value} />
              <label className="fr-label" htmlFor={`${id}-${c.value}`}>
                {c.label}
              </label>
            </div>
          </div>
        ))}
        {error && (
          <div className="fr-messages-group" aria-live="polite">
            <p className="fr-message fr-message--error" id={`${id}-error`}>
              {frenchSpaces(error)}
            </p>
          </div>
        )}
      </fieldset>
      <SubmitButton>
        Voter<span className="fr-sr-only"> sur « {title} »</span>
      </SubmitButton>
    </AppForm>
  );
}
