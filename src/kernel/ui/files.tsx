import { frenchSpaces } from "../format";
import { acceptedTypes } from "../uploads";

/**
 * The attachments of a form: the files already there (each can be removed with a checkbox) and
 * a file input for new ones, with the accepted types and limits, and its error (DSFR upload).
 */
export function AttachmentsField({ existing, error, maxMb, maxFiles = 5 }: { existing?: { id: string; filename: string }[]; error?: string; maxMb: number; maxFiles?: number }) {
  return (
    <>
      {existing && existing.length > 0 && (
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Pièces jointes déjà déposées</legend>
          {existing.map((att, i) => (
            <div key={att.id} className="fr-fieldset__element">
              <div className="fr-checkbox-group fr-checkbox-group--sm">
                <input type="checkbox" id={`remove-${i}`} name="removeAttachment" value={att.id} />
                <label className="fr-label" htmlFor={`remove-${i}`}>
                  Retirer «{"\u00a0"}
                  {att.filename}
                  {"\u00a0"}»
                </label>
              </div>
            </div>
          ))}
        </fieldset>
      )}
      <div className={`fr-upload-group${error ? " fr-upload-group--error" : ""}`}>
        <label className="fr-label" htmlFor="field-attachments">
          Pièces jointes (facultatif)
          <span className="fr-hint-text">
            {Object.values(acceptedTypes).join(", ")}. {maxMb}
            {"\u00a0"}Mo maximum par fichier, {maxFiles}
            {"\u00a0"}fichiers au plus.
          </span>
        </label>
        <input
          className="fr-upload"
          type="file"
          id="field-attachments"
          name="attachments"
          multiple
          accept={Object.keys(acceptedTypes).join(",")}
          aria-describedby={error ? "field-attachments-error" : undefined}
        />
        {error && (
          <p className="fr-error-text" id="field-attachments-error">
            {frenchSpaces(error)}
          </p>
        )}
      </div>
    </>
  );
}
