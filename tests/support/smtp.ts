import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";

export interface TestSmtp {
  url: string;
  received: ParsedMail[];
  /** The next n recipients are refused with a temporary error (451), as a busy server would. */
  refuseNext(n: number): void;
  /** Resolves once `count` mails have been received. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (smtp-server), with a login, that parses every mail it accepts
 * (mailparser). No TLS: loopback only.
 */
export async function startSmtp(opts: { user?: string; pass?: string } = {}): Promise<TestSmtp> {
  const user = opts.user ?? "germoir";
  const pass = opts.pass ?? "secret-de-test";
  const received: ParsedMail[] = [];
  let refusals = 0;
  const waiters: (() => void)[] = [];
  const options: SMTPServerOptions = {
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) return cb(null, { user });
      cb(new Error("Identifiants refusés"));
    },
    onRcptTo(_address, _session, cb) {
      if (refusals > 0) {
        refusals--;
        const err = new Error("Service momentanément indisponible") as Error & { responseCode: number };
        err.responseCode = 451;
        return cb(err);
      }
      cb();
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          waiters.splice(0).forEach((w) => w());
          cb();
        })
        .catch(cb);
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${user}:${pass}@127.0.0.1:${port}`,
    received,
    refuseNext(n) {
      refusals = n;
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, received ${received.length}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
