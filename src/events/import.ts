/**
 * Following a network lab's public calendar: a pg-boss job fetches its iCal address (bounded in
 * size and time, on the public Internet only unless allowed), parses it with ical.js and brings
 * its events here deduplicated by UID — an updated event is updated, one gone from the source is
 * removed — in one transaction. The outcome (counts, or the error in French) is kept on the
 * fetch's row, which the lab team's page shows; a job never throws at the queue.
 */
import dns from "node:dns/promises";
import net from "node:net";
import ICAL from "ical.js";
import { transaction } from "../kernel/db/transaction";
import { runtime } from "../kernel/runtime";
import * as data from "./events";
import { fromParisWall, MOIS_INNOVATION, validRecurrence, type EventKind } from "./rules";

export const EVENTS_IMPORT_QUEUE = "events-import";

/** The limits of a fetch; tests allow the loopback address to serve a calendar from 127.0.0.1. */
export const importLimits = { maxBytes: 2_000_000, timeoutMs: 10_000, maxEvents: 2000, maxRedirects: 3, allowPrivateAddresses: false };

export class ImportFailure extends Error {}

const seconds = () => String(importLimits.timeoutMs / 1000).replace(".", ",");

function privateAddress(ip: string): boolean {
  if (net.isIPv4(ip)) {
    const [a, b] = ip.split(".").map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  const v = ip.toLowerCase();
  if (v.startsWith("::ffff:")) return privateAddress(v.slice(7));
  return v === "::1" || v === "::" || v.startsWith("fc") || v.startsWith("fd") || v.startsWith("fe80");
}

async function checkHost(url: URL) {
  if (importLimits.allowPrivateAddresses) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new ImportFailure(`Le nom « ${host} » ne correspond à aucun serveur.`);
  }
  if (!addresses.length || addresses.some(privateAddress)) throw new ImportFailure("Cette adresse mène à un réseau privé : seules les adresses publiques sont suivies.");
}

/** The calendar's text: at most `maxBytes`, within `timeoutMs`, following a few redirects. */
export async function download(address: string): Promise<string> {
  let url = new URL(address);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), importLimits.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new ImportFailure("L’adresse doit commencer par https:// ou http://.");
      await checkHost(url);
      let res: Response;
      try {
        res = await fetch(url, { redirect: "manual", signal: controller.signal, headers: { accept: "text/calendar, text/plain;q=0.5, */*;q=0.1", "user-agent": "Germoir (calendrier du réseau)" } });
      } catch {
        throw new ImportFailure(controller.signal.aborted ? `Le calendrier n’a pas répondu en ${seconds()}\u00a0secondes.` : "Le serveur du calendrier ne répond pas.");
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
        await res.body?.cancel();
        if (hop >= importLimits.maxRedirects) throw new ImportFailure("Le calendrier redirige trop de fois.");
        url = new URL(res.headers.get("location")!, url);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new ImportFailure(`Le serveur du calendrier répond par une erreur (${res.status}).`);
      }
      const declared = Number(res.headers.get("content-length") ?? 0);
      if (declared > importLimits.maxBytes) {
        await res.body?.cancel();
        throw new ImportFailure(`Le calendrier est trop volumineux (plus de ${Math.round(importLimits.maxBytes / 1_000_000)}\u00a0Mo).`);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = res.body!.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > importLimits.maxBytes) {
            await reader.cancel();
            throw new ImportFailure(`Le calendrier est trop volumineux (plus de ${Math.round(importLimits.maxBytes / 1_000_000)}\u00a0Mo).`);
          }
          chunks.push(value);
        }
      } catch (err) {
        if (err instanceof ImportFailure) throw err;
        throw new ImportFailure(controller.signal.aborted ? `Le calendrier n’a pas répondu en ${seconds()}\u00a0secondes.` : "La lecture du calendrier a été interrompue.");
      }
      return new TextDecoder().decode(Buffer.concat(chunks));
    }
  } finally {
    clearTimeout(timer);
  }
}

export interface ParsedEvent {
  uid: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  recurrence: string | null;
  place: string;
  onlineUrl: string | null;
  link: string | null;
  cancelled: boolean;
  kind: EventKind;
  moisInnovation: boolean;
}

const clip = (s: unknown, n: number) => (typeof s === "string" ? s : s == null ? "" : String(s)).replaceAll("\u0000", "").trim().slice(0, n);
const isWeb = (s: string) => /^https?:\/\/\S+$/i.test(s) && s.length <= 1000;

function guessKind(text: string): EventKind {
  const t = text.toLowerCase();
  if (/webinaire|webinar/.test(t)) return "webinar";
  if (/exposition|expo\b/.test(t)) return "exhibition";
  if (/conf[ée]rence|table ronde/.test(t)) return "conference";
  if (/journ[ée]e|s[ée]minaire/.test(t)) return "day";
  return "workshop";
}

/** A time of the source: UTC or a zone the file describes as such; otherwise read as Paris wall clock. */
function instant(t: ICAL.Time): Date {
  const tzid = t.zone?.tzid;
  if (t.isDate || !tzid || tzid === "floating" || (tzid !== "UTC" && tzid !== "Z" && !ICAL.TimezoneService.has(tzid))) {
    return fromParisWall(new Date(Date.UTC(t.year, t.month - 1, t.day, t.isDate ? 0 : t.hour, t.isDate ? 0 : t.minute, t.isDate ? 0 : t.second)));
  }
  return t.toJSDate();
}

/** The calendar's events (recurrence exceptions, RECURRENCE-ID, are left out: the series stands). */
export function parseCalendar(text: string): ParsedEvent[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch {
    throw new ImportFailure("Le fichier reçu n’est pas un calendrier iCal lisible.");
  }
  if (root.name !== "vcalendar") throw new ImportFailure("Le fichier reçu n’est pas un calendrier iCal (VCALENDAR attendu).");
  for (const tz of root.getAllSubcomponents("vtimezone")) {
    try {
      const zone = new ICAL.Timezone(tz);
      if (zone.tzid && !ICAL.TimezoneService.has(zone.tzid)) ICAL.TimezoneService.register(zone);
    } catch {
      // an unreadable zone: its times are read as Paris time
    }
  }
  const out: ParsedEvent[] = [];
  const seen = new Set<string>();
  for (const c of root.getAllSubcomponents("vevent")) {
    if (c.hasProperty("recurrence-id")) continue;
    const e = new ICAL.Event(c);
    const uid = clip(e.uid, 500);
    if (!uid || seen.has(uid) || !e.startDate) continue;
    seen.add(uid);
    const allDay = e.startDate.isDate;
    const startsAt = instant(e.startDate);
    let endsAt: Date;
    if (e.endDate) {
      endsAt = instant(e.endDate);
      // DTEND of an all-day event is the day after: it ends the evening before
      if (allDay) endsAt = new Date(endsAt.getTime() - 60_000);
    } else endsAt = allDay ? new Date(startsAt.getTime() + 86_400_000 - 60_000) : startsAt;
    if (endsAt < startsAt) endsAt = startsAt;
    const rrule = c.getFirstPropertyValue("rrule");
    const recurrence = rrule ? String(rrule.toString()) : null;
    const location = clip(e.location, 300);
    const link = clip(c.getFirstPropertyValue("url"), 1000);
    const title = clip(e.summary, 300) || "Événement sans titre";
    const description = clip(e.description, 10_000);
    const categories = c.getAllProperties("categories").flatMap((p) => p.getValues().map(String));
    out.push({
      uid,
      title: title.length < 2 ? `${title} (sans titre)` : title,
      description,
      startsAt,
      endsAt,
      allDay,
      recurrence: recurrence && validRecurrence(recurrence) ? recurrence.slice(0, 500) : null,
      place: isWeb(location) ? "" : location,
      onlineUrl: isWeb(location) ? location : null,
      link: isWeb(link) ? link : null,
      cancelled: String(c.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED",
      kind: guessKind(`${categories.join(" ")} ${title}`),
      moisInnovation: /mois de l.innovation publique/i.test(`${categories.join(" ")} ${title} ${description}`),
    });
    if (out.length > importLimits.maxEvents) throw new ImportFailure(`Le calendrier compte plus de ${importLimits.maxEvents}\u00a0événements : seuls les calendriers plus courts sont suivis.`);
  }
  return out;
}

const STALE_MS = 15 * 60_000;

/** Runs one queued fetch; its outcome is written on its row. */
export async function runFetch(fetchId: string): Promise<void> {
  const fetchRow = await data.getFetch(fetchId);
  if (!fetchRow || !(await data.startFetch(fetchId))) return;
  const lab = await data.getNetworkLab(fetchRow.network_lab_id);
  if (!lab?.ical_url) {
    await data.finishFetch(fetchId, { status: "failed", message: "Ce lab n’a plus d’adresse de calendrier." });
    return;
  }
  try {
    const parsed = parseCalendar(await download(lab.ical_url));
    const counts = await transaction(async () => {
      const existing = await data.importedEvents(lab.id);
      let created = 0;
      let updated = 0;
      for (const p of parsed) {
        const fields = {
          title: p.title,
          description: p.description,
          kind: p.kind,
          startsAt: p.startsAt,
          endsAt: p.endsAt,
          allDay: p.allDay,
          recurrence: p.recurrence,
          region: lab.region,
          place: p.place,
          onlineUrl: p.onlineUrl,
          audience: "all" as const,
          registration: "free" as const,
          capacity: null,
          tags: p.moisInnovation ? [MOIS_INNOVATION] : [],
          link: p.link,
        };
        const known = existing.get(p.uid);
        if (known) {
          const changed = known.title !== p.title || known.description !== p.description || +known.starts_at !== +p.startsAt || +known.ends_at !== +p.endsAt || known.recurrence !== p.recurrence || known.place !== p.place || known.online_url !== p.onlineUrl || known.link !== p.link || known.all_day !== p.allDay || (known.status === "cancelled") !== p.cancelled || known.source_url !== lab.ical_url;
          if (changed) {
            await data.updateImported(known.id, { ...fields, status: p.cancelled ? "cancelled" : "scheduled", sourceUrl: lab.ical_url! });
            updated++;
          }
          existing.delete(p.uid);
        } else {
          await data.insertEvent({ ...fields, labId: null, networkLabId: lab.id, createdBy: null, sourceUid: p.uid, sourceUrl: lab.ical_url, status: p.cancelled ? "cancelled" : "scheduled" });
          created++;
        }
      }
      const gone = [...existing.values()].map((e) => e.id);
      await data.deleteEvents(gone);
      return { created, updated, removed: gone.length };
    });
    await data.finishFetch(fetchId, { status: "done", message: `${parsed.length}\u00a0événement${parsed.length > 1 ? "s" : ""} dans le calendrier.`, ...counts });
  } catch (err) {
    if (!(err instanceof ImportFailure)) runtime().log.error("calendar import failed", { err, networkLab: lab.id });
    const message = err instanceof ImportFailure ? err.message : "Le calendrier n’a pas pu être importé (erreur inattendue, consignée pour l’équipe technique).";
    await data.finishFetch(fetchId, { status: "failed", message });
  }
}

/** The queue's handler. */
export async function importJob(payload: Record<string, unknown>): Promise<void> {
  if (typeof payload.fetchId === "string") await runFetch(payload.fetchId);
}

/** A fetch left running by a stopped process is failed, so that the lab may ask again. */
export function isStale(f: { status: string; requested_at: Date }, now = new Date()): boolean {
  return (f.status === "queued" || f.status === "running") && now.getTime() - f.requested_at.getTime() > STALE_MS;
}
