// A real SMTP server for the tests (the `smtp-server` package, the server half of nodemailer's
// project) that keeps the messages it receives, decoded enough to assert their exact subject and
// text: RFC 2047 encoded words in the subject, quoted-printable or base64 bodies.
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** The next recipient answer: accept, a temporary (451) or a permanent (550) refusal. */
  mode: 'accept' | 'temporary' | 'permanent';
  /**
   * While true, a new connection gets no greeting until release(): a client's check is then
   * pending for as long as the test wants, without a clock.
   */
  hold: boolean;
  /** The connections held now. */
  readonly held: number;
  /** The connections made so far (held or not): who has tried to talk to the server. */
  readonly connected: number;
  /** Greets the connections held. */
  release(): void;
  /** The connections closed so far (by either side): a client's check is over. */
  readonly closed: number;
  /** Waits until `n` mails in all were received (the sender runs on its own timer). */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

export function parseMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) =>
    new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  let text: string;
  if (encoding === 'base64')
    text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (encoding === 'quoted-printable')
    text = Buffer.from(
      body
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  else text = body;
  return { subject: decodeWords(header('Subject')), text: text.replace(/\r\n/g, '\n').trimEnd() };
}

/**
 * @param options.users user name → password: the server then asks for a log-in (AUTH PLAIN or
 *   LOGIN, over the plain connection of the tests) and refuses others with 535.
 */
export async function startSmtp(
  options: { users?: Record<string, string> } = {},
): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const state = { mode: 'accept' as TestSmtp['mode'], hold: false };
  const held: (() => void)[] = [];
  let closed = 0;
  let connected = 0;
  const users = options.users;
  const server = new SMTPServer({
    authOptional: !users,
    allowInsecureAuth: !!users,
    disabledCommands: ['STARTTLS'],
    ...(users && {
      onAuth(
        auth: { username?: string; password?: string | null },
        _session: unknown,
        callback: (err: Error | null, response?: { user: string }) => void,
      ) {
        const { username = '', password } = auth;
        if (Object.hasOwn(users, username) && users[username] === password)
          return callback(null, { user: username });
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
    }),
    logger: false,
    onConnect(_session, callback) {
      connected++;
      if (state.hold) held.push(() => callback());
      else callback();
    },
    onClose() {
      closed++;
    },
    onRcptTo(address, _session, callback) {
      if (state.mode === 'accept') return callback();
      const err = Object.assign(
        new Error(state.mode === 'temporary' ? 'try later' : 'no such user'),
        {
          responseCode: state.mode === 'temporary' ? 451 : 550,
        },
      );
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const { subject, text } = parseMail(Buffer.concat(chunks).toString('utf8'));
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject,
          text,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    get hold() {
      return state.hold;
    },
    set hold(h) {
      state.hold = h;
    },
    get held() {
      return held.length;
    },
    get closed() {
      return closed;
    },
    get connected() {
      return connected;
    },
    release() {
      for (const greet of held.splice(0)) greet();
    },
    async waitFor(n, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (mails.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} mails, got ${mails.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
