import { Form, Link, useLoaderData } from "react-router";
import type { Route } from "./+types/events";
import { PageTitle, SelectField } from "~/kernel/ui/forms";
import { getSession } from "~/kernel/http/context";
import { calendarPage, monthOf } from "~/events";
import { readFilters } from "~/events/schemas";
import { EventItem } from "~/events/ui";
import { plural } from "~/kernel/format";
import { Page } from "~/web/layout";

/** The network's calendar: no sign-in for open events; agents-only ones for signed-in agents. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const session = getSession(context);
  const filters = readFilters(
    new URL(request.url).searchParams,
    new Date(),
    monthOf,
  );
  return calendarPage(session.principal ?? null, filters);
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export function meta() {
  return [
    {
      tagName: "link",
      rel: "alternate",
      type: "text/calendar",
      title: "Calendrier du réseau (iCal)",
      href: "/evenements/calendrier.ics",
    },
  ];
}

export default function Events() {
  const d = useLoaderData<typeof loader>();
  const f = d.filters;
  const filtered = !!(
    f.lab ||
    f.region ||
    f.kind ||
    f.audience ||
    f.open ||
    f.tag
  );
  const title = `Événements – ${d.monthLabel}`;
  return (
    <Page>
      <PageTitle title={f.view === "list" ? `${title} (liste)` : title} />
      <h1>Calendrier des événements du réseau</h1>
      <p>
        Ateliers, conférences, expositions, webinaires et journées des labs
        d’innovation publique et du réseau des laboratoires d’innovation
        territoriale.
        {!d.signedIn &&
          " Les événements réservés aux agents apparaissent une fois connecté."}
      </p>
      <Form
        method="get"
        action="/evenements"
        className="fr-mb-4w"
        role="search"
        aria-label="Filtrer les événements"
        key={JSON.stringify(f)}
      >
        <input
          type="hidden"
          name="vue"
          value={f.view === "list" ? "liste" : "mois"}
        />
        <input type="hidden" name="mois" value={f.month} />
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="lab"
              label="Lab"
              placeholder="Tous les labs"
              defaultValue={f.lab ?? ""}
              options={d.choices.labs}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="region"
              label="Région"
              placeholder="Toutes les régions"
              defaultValue={f.region ?? ""}
              options={d.choices.regions}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="type"
              label="Type"
              placeholder="Tous les types"
              defaultValue={f.kind ?? ""}
              options={d.choices.kinds}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="public"
              label="Public"
              placeholder="Tous les publics"
              defaultValue={f.audience ?? ""}
              options={d.choices.audiences}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <SelectField
              name="tag"
              label="Thème"
              placeholder="Tous"
              defaultValue={f.tag ?? ""}
              options={d.choices.tags}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-checkbox-group fr-mt-md-4w">
              <input
                type="checkbox"
                id="filter-open"
                name="ouvert"
                value="1"
                defaultChecked={f.open}
              />
              <label className="fr-label" htmlFor="filter-open">
                Ouvert à tous
              </label>
            </div>
          </div>
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          <li>
            <button type="submit" className="fr-btn fr-btn--secondary">
              Filtrer
            </button>
          </li>
          {filtered && (
            <li>
              <Link
                className="fr-btn fr-btn--tertiary"
                to={`/evenements?vue=${f.view === "list" ? "liste" : "mois"}&mois=${f.month}`}
              >
                Effacer les filtres
              </Link>
            </li>
          )}
        </ul>
      </Form>

      <nav
        className="germoir-calendar-nav fr-mb-2w"
        aria-label="Mois et affichage"
      >
        <h2 className="fr-h3 fr-mb-1w" id="month-heading" aria-live="polite">
          {d.monthLabel[0].toUpperCase() + d.monthLabel.slice(1)}
          <span className="fr-text--md fr-text--regular">
            {" "}
            – {plural(d.count, "événement", "événements")}
          </span>
        </h2>
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <li>
            <Link
              className="fr-btn fr-btn--tertiary fr-btn--sm"
              to={`/evenements?${d.previous}`}
            >
              Mois précédent
            </Link>
          </li>
          <li>
            <Link
              className="fr-btn fr-btn--tertiary fr-btn--sm"
              to={`/evenements?${d.current}`}
            >
              Ce mois-ci
            </Link>
          </li>
          <li>
            <Link
              className="fr-btn fr-btn--tertiary fr-btn--sm"
              to={`/evenements?${d.next}`}
            >
              Mois suivant
            </Link>
          </li>
        </ul>
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
          <li>
            <Link
              className={`fr-btn fr-btn--sm ${f.view === "month" ? "" : "fr-btn--secondary"}`}
              to={`/evenements?${d.asMonth}`}
              aria-current={f.view === "month" ? "page" : undefined}
            >
              Vue mensuelle
            </Link>
          </li>
          <li>
            <Link
              className={`fr-btn fr-btn--sm ${f.view === "list" ? "" : "fr-btn--secondary"}`}
              to={`/evenements?${d.asList}`}
              aria-current={f.view === "list" ? "page" : undefined}
            >
              Vue en liste
            </Link>
          </li>
        </ul>
      </nav>

      {f.view === "month" ? <Month d={d} /> : <List d={d} />}

      <h2 className="fr-h4 fr-mt-6w">S’abonner</h2>
      <p>
        Le calendrier des événements ouverts au public, à ajouter à votre agenda
        (format iCal)
        {"\u00a0"}:{" "}
        <a href="/evenements/calendrier.ics">calendrier du réseau</a>
        {f.lab && (
          <>
            {" "}
            ou{" "}
            <a href={`/evenements/labs/${f.lab}/calendrier.ics`}>
              calendrier de ce lab
            </a>
          </>
        )}
        .
      </p>
    </Page>
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
const MAX_IN_CELL = 3;

/** The month as a table (a row a week, Monday first); a day with many events links to them in the list view. */
function Month({ d }: { d: Data }) {
  return (
    <>
      <p className="fr-text--sm germoir-wide-only">
        La même information, jour par jour{"\u00a0"}:{" "}
        <Link to={`/evenements?${d.asList}`}>voir la liste du mois</Link>.
      </p>
      {/* on a phone, the month day by day (the table needs a wider screen) */}
      <div className="germoir-narrow">
        <List d={d} />
      </div>
      <div
        className="germoir-calendar-scroll germoir-wide-only"
        tabIndex={0}
        role="region"
        aria-label={`Tableau du mois de ${d.monthLabel}`}
      >
        <div className="germoir-calendar">
          <table>
            <caption className="fr-sr-only">
              Événements de {d.monthLabel}, une ligne par semaine
            </caption>
            <thead>
              <tr>
                {d.weekdays.map((w) => (
                  <th key={w} scope="col">
                    <abbr title={w}>{w.slice(0, 3)}.</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.weeks.map((week, i) => (
                <tr key={i}>
                  {week.map((cell, j) =>
                    cell ? (
                      <td
                        key={cell.day}
                        className={
                          cell.today ? "germoir-calendar__today" : undefined
                        }
                      >
                        <p className="germoir-calendar__day fr-mb-1v">
                          <span aria-hidden="true">{cell.number}</span>
                          <span className="fr-sr-only">{cell.label}</span>
                          {cell.today && (
                            <span className="fr-sr-only"> (aujourd’hui)</span>
                          )}
                        </p>
                        {cell.events.length > 0 && (
                          <ul className="fr-raw-list">
                            {cell.events.slice(0, MAX_IN_CELL).map((e, k) => (
                              <li
                                key={`${e.id}-${k}`}
                                className="germoir-calendar__event"
                              >
                                <Link
                                  to={`/evenements/${e.id}`}
                                  className={
                                    e.cancelled
                                      ? "germoir-calendar__cancelled"
                                      : undefined
                                  }
                                >
                                  {e.time && <>{e.time} </>}
                                  {e.cancelled && "Annulé : "}
                                  {e.title}
                                </Link>
                              </li>
                            ))}
                            {cell.events.length > MAX_IN_CELL && (
                              <li>
                                <Link
                                  to={`/evenements?${d.asList}#jour-${cell.day}`}
                                >
                                  +{" "}
                                  {plural(
                                    cell.events.length - MAX_IN_CELL,
                                    "autre",
                                    "autres",
                                  )}
                                  <span className="fr-sr-only">
                                    {" "}
                                    le {cell.label}
                                  </span>
                                </Link>
                              </li>
                            )}
                          </ul>
                        )}
                      </td>
                    ) : (
                      <td key={`blank-${i}-${j}`} />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}

/** The month day by day: each event once, on the day it begins. */
function List({ d }: { d: Data }) {
  if (!d.list.length)
    return <p>Aucun événement ce mois-ci avec ces critères.</p>;
  return (
    <div>
      {d.list.map((day) => (
        <section
          key={day.day}
          id={`jour-${day.day}`}
          className="fr-mb-4w"
          aria-labelledby={`titre-${day.day}`}
        >
          <h3
            className="fr-h5 germoir-calendar__list-day"
            id={`titre-${day.day}`}
          >
            {day.label[0].toUpperCase() + day.label.slice(1)}
          </h3>
          <ul className="fr-raw-list">
            {day.events.map((e, k) => (
              <EventItem
                key={`${e.id}-${k}`}
                e={e}
                headingLevel={4}
                showDate={!e.time}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
