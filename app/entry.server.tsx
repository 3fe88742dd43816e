import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { ServerRouter, type EntryContext, type RouterContextProvider } from "react-router";
import { setLink } from "@codegouvfr/react-dsfr/link";
import { Link } from "react-router";
import { requestContext } from "~/kernel/http/context";

setLink({ Link: Link as never });

export const streamTimeout = 5_000;

/**
 * Renders the whole document, then answers it in one piece.
 *
 * No route defers data (no `<Await>`), so there is nothing to gain from streaming the HTML:
 * React writes it in 2 KB pieces, and each piece crossed a Node stream, a web stream and the
 * Express response, one socket write each. Collected here into one buffer, a page costs one
 * write and carries its Content-Length (see `npm run bench:render` for what it saves).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const nonce = loadContext.get(requestContext).nonce;
  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      onAllReady() {
        const chunks: Buffer[] = [];
        const sink = new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk);
            done();
          },
          writev(items, done) {
            for (const { chunk } of items) chunks.push(chunk as Buffer);
            done();
          },
        });
        sink.on("finish", () => {
          clearTimeout(timer);
          settled = true;
          const body = Buffer.concat(chunks);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          responseHeaders.set("Content-Length", String(body.byteLength));
          resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        });
        pipe(sink);
      },
      onShellError(error: unknown) {
        clearTimeout(timer);
        settled = true;
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // A client that goes away mid-response aborts the request: not a server error.
        if (!request.signal.aborted) console.error(error);
      },
    });
    const timer = setTimeout(() => {
      if (!settled) abort();
    }, streamTimeout + 1000);
  });
}
