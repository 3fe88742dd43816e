import { runtime } from "../runtime";

/**
 * Live fan-out across server processes. A change is announced with NOTIFY inside the transaction
 * that makes it (so it is heard only once committed, in commit order); every process LISTENs on
 * the channel once and hands each payload to the streams of its own clients that follow the
 * same topic (a board, a page...). On PGlite the single process hears its own NOTIFY.
 *
 * The registry lives on globalThis: the server entry and the bundled app share it, so that a
 * stopping server can close every open stream before it waits for its requests to end.
 */
export interface LiveMessage {
  topic: string;
  /** JSON text sent to the browsers as is. */
  data: string;
}
type Follower = { send(data: string): void; resync(): void; close(): void };
type Registry = {
  channels: Map<string, { topics: Map<string, Set<Follower>>; stop: Promise<() => Promise<void>> }>;
  all: Set<Follower>;
};
const KEY = Symbol.for("germoir.live");
function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  return (g[KEY] ??= { channels: new Map(), all: new Set() });
}

/** A notification carries "topic\n" + data; PostgreSQL limits it to 8000 bytes. */
export function encodeLive(m: LiveMessage): string {
  const text = `${m.topic}\n${m.data}`;
  if (Buffer.byteLength(text) > 7900) throw new Error("live message too large for NOTIFY");
  return text;
}

function channelOf(channel: string) {
  const reg = registry();
  let c = reg.channels.get(channel);
  if (!c) {
    const topics = new Map<string, Set<Follower>>();
    const stop = runtime().database.listen(
      channel,
      (payload) => {
        const nl = payload.indexOf("\n");
        if (nl < 0) return;
        const followers = topics.get(payload.slice(0, nl));
        if (!followers) return;
        const data = payload.slice(nl + 1);
        for (const f of followers) f.send(data);
      },
      () => {
        for (const set of topics.values()) for (const f of set) f.resync();
      },
    );
    c = { topics, stop };
    reg.channels.set(channel, c);
    stop.catch(() => reg.channels.delete(channel));
  }
  return c;
}

export interface StreamOptions {
  channel: string;
  topic: string;
  signal: AbortSignal;
  /** The state to send first, read once the stream already follows the topic (nothing is missed). */
  snapshot(): Promise<string>;
  /** Named SSE events: the snapshot's and the changes'. */
  events?: { snapshot: string; change: string };
  heartbeatMs?: number;
}

/**
 * A server-sent events response following one topic: first a snapshot, then every change as it
 * is committed by any process, a comment every 15 s to keep proxies from closing it, and a new
 * snapshot if the process may have missed notifications.
 */
export async function liveStream(o: StreamOptions): Promise<Response> {
  const names = o.events ?? { snapshot: "snapshot", change: "change" };
  const c = channelOf(o.channel);
  await c.stop;
  const enc = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let heartbeat: NodeJS.Timeout | undefined;
  const write = (text: string) => {
    if (!open) return;
    try {
      controller.enqueue(enc.encode(text));
    } catch {
      finish();
    }
  };
  const event = (name: string, data: string) => write(`event: ${name}\ndata: ${data.replace(/\n/g, "\ndata: ")}\n\n`);
  let snapshotting: Promise<void> | null = null;
  let pending: string[] | null = null;
  const sendSnapshot = () => {
    // Changes heard while the snapshot is read are held and sent after it.
    pending ??= [];
    snapshotting ??= o
      .snapshot()
      .then((s) => {
        event(names.snapshot, s);
        const held = pending ?? [];
        pending = null;
        for (const d of held) event(names.change, d);
      })
      .catch(() => finish())
      .finally(() => {
        snapshotting = null;
      });
  };
  const follower: Follower = {
    send: (data) => (pending ? pending.push(data) : event(names.change, data)),
    resync: sendSnapshot,
    close: () => finish(),
  };
  const reg = registry();
  function finish() {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    c.topics.get(o.topic)?.delete(follower);
    if (c.topics.get(o.topic)?.size === 0) c.topics.delete(o.topic);
    reg.all.delete(follower);
    try {
      controller.close();
    } catch {
      /* already closed */
    }
  }
  const stream = new ReadableStream<Uint8Array>({
    start(ctrl) {
      controller = ctrl;
      let set = c.topics.get(o.topic);
      if (!set) c.topics.set(o.topic, (set = new Set()));
      set.add(follower);
      reg.all.add(follower);
      write("retry: 2000\n\n");
      sendSnapshot();
      heartbeat = setInterval(() => write(": ping\n\n"), o.heartbeatMs ?? 15_000);
      heartbeat.unref();
    },
    cancel: () => finish(),
  });
  o.signal.addEventListener("abort", () => finish(), { once: true });
  if (o.signal.aborted) finish();
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
}

/** Streams open in this process (for the benchmark and the shutdown). */
export function openStreams(): number {
  return registry().all.size;
}

/** Ends every open stream: a stopping server does not wait for clients that never leave. */
export function closeAllStreams(): void {
  for (const f of [...registry().all]) f.close();
}
