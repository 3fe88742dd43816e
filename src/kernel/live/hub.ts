import { sql, type Kysely, type Transaction } from "kysely";
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
type Follower = { send(data: string): void; resync(): void; close(): void; recheck(): void };
type Registry = {
  channels: Map<string, { topics: Map<string, Set<Follower>>; stop: Promise<() => Promise<void>> }>;
  all: Set<Follower>;
  /** Access keys (a session, a membership...) -> the streams to check again when it changes. */
  guards: Map<string, Set<Follower>>;
  access?: Promise<() => Promise<void>>;
};
const KEY = Symbol.for("germoir.live");
function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  return (g[KEY] ??= { channels: new Map(), all: new Set(), guards: new Map() });
}

/**
 * Access changes travel on their own channel, heard by every process on the same LISTEN
 * connection as the changes (so in commit order with them): a payload is an access key, and every
 * stream guarded by that key checks again whether its viewer may still follow it, or ends.
 */
export const ACCESS_CHANNEL = "germoir_access";

/** Announces, inside the transaction that makes it, that an access may have been lost (heard once committed). */
export async function announceAccessChange(executor: Kysely<any> | Transaction<any>, key: string): Promise<void> {
  await sql`SELECT pg_notify(${ACCESS_CHANNEL}, ${key})`.execute(executor);
}

function listenForAccess(): Promise<() => Promise<void>> {
  const reg = registry();
  if (!reg.access) {
    reg.access = runtime().database.listen(
      ACCESS_CHANNEL,
      (key) => {
        for (const f of reg.guards.get(key) ?? []) f.recheck();
      },
      () => {
        // notifications may have been missed: every guarded stream checks again
        for (const set of reg.guards.values()) for (const f of set) f.recheck();
      },
    );
    reg.access.catch(() => (reg.access = undefined));
  }
  return reg.access;
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
  /**
   * Whether the viewer may still follow the topic (their session is open, their right holds): asked
   * when one of `accessKeys` is announced, every `recheckMs` (30 s by default) and after a gap.
   * The stream ends as soon as it answers false; changes heard meanwhile are held, never relayed.
   */
  allowed?: () => Promise<boolean>;
  accessKeys?: string[];
  recheckMs?: number;
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
  if (o.accessKeys?.length) await listenForAccess();
  const enc = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let heartbeat: NodeJS.Timeout | undefined;
  let rechecking: NodeJS.Timeout | undefined;
  const write = (text: string) => {
    if (!open) return;
    try {
      controller.enqueue(enc.encode(text));
    } catch {
      finish();
    }
  };
  const event = (name: string, data: string) => write(`event: ${name}\ndata: ${data.replace(/\n/g, "\ndata: ")}\n\n`);
  // Changes heard while a snapshot is read or an access is checked are held, then sent in order.
  let holds = 0;
  let held: string[] = [];
  const hold = () => void holds++;
  const release = () => {
    if (--holds > 0 || !open) return;
    const list = held;
    held = [];
    for (const d of list) event(names.change, d);
  };
  let snapshotting = false;
  const sendSnapshot = () => {
    if (snapshotting) return;
    snapshotting = true;
    hold();
    o.snapshot()
      .then((s) => {
        event(names.snapshot, s);
        snapshotting = false;
        release();
      })
      .catch(() => finish());
  };
  let checking = false;
  const recheck = (then?: () => void) => {
    if (!o.allowed) return finish();
    if (!open) return;
    if (checking) return void (then && checked.push(then));
    checking = true;
    hold();
    o.allowed()
      .then((ok) => {
        checking = false;
        if (!ok) return finish();
        for (const f of checked.splice(0)) f();
        then?.();
        release();
      })
      .catch(() => finish());
  };
  const checked: (() => void)[] = [];
  const follower: Follower = {
    send: (data) => (holds > 0 ? held.push(data) : event(names.change, data)),
    // after a gap: check the access first (changes held meanwhile), then a fresh snapshot
    resync: () => (o.allowed ? recheck(sendSnapshot) : sendSnapshot()),
    close: () => finish(),
    recheck: () => recheck(),
  };
  const reg = registry();
  function finish() {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    clearInterval(rechecking);
    held = [];
    for (const k of o.accessKeys ?? []) {
      reg.guards.get(k)?.delete(follower);
      if (reg.guards.get(k)?.size === 0) reg.guards.delete(k);
    }
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
      for (const k of o.accessKeys ?? []) {
        let guarded = reg.guards.get(k);
        if (!guarded) reg.guards.set(k, (guarded = new Set()));
        guarded.add(follower);
      }
      write("retry: 2000\n\n");
      sendSnapshot();
      heartbeat = setInterval(() => write(": ping\n\n"), o.heartbeatMs ?? 15_000);
      heartbeat.unref();
      if (o.allowed) {
        rechecking = setInterval(() => recheck(), o.recheckMs ?? 30_000);
        rechecking.unref();
      }
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
