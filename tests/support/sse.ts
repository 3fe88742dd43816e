/**
 * A participant's live board, as its browser keeps it: a server-sent events stream read with
 * fetch, a snapshot then changes, and for each note the highest version seen.
 */
import type { Client } from "./http";

export interface LiveNote {
  id: string;
  column: string;
  position: number;
  text: string;
  votes: number;
  version: number;
  deleted: boolean;
}

export class BoardFollower {
  /** The board as this participant sees it. */
  notes = new Map<string, LiveNote>();
  /** When each note (by its text) first arrived, in performance.now() time. */
  arrivals = new Map<string, number>();
  snapshot = false;
  /** The server ended the stream (not this follower). */
  ended = false;
  private ctrl = new AbortController();
  constructor(readonly client: Client) {}

  private apply(n: LiveNote) {
    const had = this.notes.get(n.id);
    if (!had || had.version < n.version) this.notes.set(n.id, n);
  }

  async open(url: string): Promise<void> {
    const res = await this.client.request(url, { signal: this.ctrl.signal, headers: { accept: "text/event-stream" } });
    if (res.status !== 200 || !res.body) throw new Error(`stream refused: ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = "";
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            if (!this.ctrl.signal.aborted) this.ended = true;
            return;
          }
          buf += value;
          let end: number;
          while ((end = buf.indexOf("\n\n")) >= 0) {
            const block = buf.slice(0, end);
            buf = buf.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = block
              .split("\n")
              .filter((l) => l.startsWith("data: "))
              .map((l) => l.slice(6))
              .join("\n");
            if (event === "snapshot") {
              for (const n of JSON.parse(data) as LiveNote[]) this.apply(n);
              this.snapshot = true;
            } else if (event === "change") {
              const at = performance.now();
              const n = JSON.parse(data) as LiveNote;
              if (n.version === 1 && !this.arrivals.has(n.text)) this.arrivals.set(n.text, at);
              this.apply(n);
            }
          }
        }
      } catch {
        /* closed */
      }
    })();
  }

  /** The notes on the board, column by column, in order. */
  board(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const live = [...this.notes.values()].filter((n) => !n.deleted).sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
    for (const n of live) (out[n.column] ??= []).push(n.text);
    return out;
  }

  close(): void {
    this.ctrl.abort();
  }
}
