/**
 * Training figures for the steering dashboards, on this module's tables (and the seat counts the
 * registrations module gives): the sessions of the lab's published trainings (a draft is seen by
 * the lab team only) that start in a period, their seats, the agents
 * registered and waiting, and attendance where it was taken. Counted live, never precomputed.
 */
import { seatCounts } from "../registrations";
import { sessionsStartingIn } from "./db/queries";
import { SEAT_KIND } from "./service";

export interface TrainingStatsQuery {
  labId: string;
  from: Date;
  to: Date;
}

export interface TrainingLine {
  title: string;
  sessions: number;
  held: number;
  seats: number;
  registered: number;
  waiting: number;
  /** agents marked present, out of `recorded` marked present or absent */
  present: number;
  recorded: number;
}

export interface TrainingStats extends Omit<TrainingLine, "title"> {
  trainings: number;
  hours: number;
  byTraining: TrainingLine[];
}

export async function trainingStats(query: TrainingStatsQuery): Promise<TrainingStats> {
  const sessions = await sessionsStartingIn(query.labId, query.from, query.to);
  const seats = await seatCounts(SEAT_KIND, sessions.map((s) => s.id));
  const lines = new Map<string, TrainingLine>();
  let hours = 0;
  for (const s of sessions) {
    const line = lines.get(s.training_id) ?? { title: s.title, sessions: 0, held: 0, seats: 0, registered: 0, waiting: 0, present: 0, recorded: 0 };
    const c = seats.get(s.id);
    line.sessions += 1;
    line.held += s.held_at ? 1 : 0;
    line.seats += s.capacity;
    line.registered += c?.confirmed ?? 0;
    line.waiting += c?.waiting ?? 0;
    line.present += Number(s.present ?? 0);
    line.recorded += Number(s.recorded ?? 0);
    hours += Number(s.present ?? 0) * s.duration_hours;
    lines.set(s.training_id, line);
  }
  const byTraining = [...lines.values()].sort((a, z) => z.registered - a.registered || a.title.localeCompare(z.title, "fr"));
  const sum = (k: keyof Omit<TrainingLine, "title">) => byTraining.reduce((a, l) => a + l[k], 0);
  return {
    trainings: byTraining.length,
    sessions: sum("sessions"),
    held: sum("held"),
    seats: sum("seats"),
    registered: sum("registered"),
    waiting: sum("waiting"),
    present: sum("present"),
    recorded: sum("recorded"),
    hours,
    byTraining,
  };
}
