// The e-mail channel: SMTP through nodemailer (a well-kept client: STARTTLS, pooling, auth and
// RFC 2047 headers for Vietnamese subjects are not worth writing again).
import nodemailer from 'nodemailer';
import { NotifyError } from './errors.js';

/**
 * @param {{ url: string, from: string, timeoutSeconds?: number }} options `url`:
 *   smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465
 * @returns {import('./index.js').Channel}
 */
export function createEmailChannel({ url, from, timeoutSeconds = 20 }) {
  const transport = createTransport(url, timeoutSeconds);
  return {
    kind: 'email',
    async send(to, message) {
      try {
        await transport.sendMail({ from, to, subject: message.subject, text: message.text });
      } catch (e) {
        const err = /** @type {any} */ (e);
        // 5xx from the server (a refused address, a rejected message) will fail again: permanent.
        const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500;
        throw new NotifyError(`SMTP: ${err.responseCode ?? err.code ?? 'error'}`, permanent);
      }
    },
    async check() {
      // At start, beside the listening receiver (main.js): the connection and, when SMTP_URL has
      // a user, the log-in. A log-in refused is a wrong setting and stops the process before it
      // says it is ready; a server that does not answer may be down for a while, and the queue
      // waits for it (docs/deployment.md "Configure and start").
      const u = new URL(url);
      const where = `${u.hostname}:${u.port || (u.protocol === 'smtps:' ? 465 : 587)}`;
      const seconds = Math.min(timeoutSeconds, CHECK_SECONDS);
      const probe = createTransport(url, seconds);
      try {
        await probe.verify();
        return undefined;
      } catch (e) {
        const err = /** @type {any} */ (e);
        // The server's own text is left out: it may repeat the user name.
        // nodemailer's ESOCKET carries the system's reason in its message (ECONNREFUSED…).
        const system = /\b(E[A-Z]{4,}|EAI_[A-Z]+)\b/.exec(String(err.message))?.[1];
        const code =
          [err.code === 'ESOCKET' && system ? system : err.code, err.responseCode]
            .filter(Boolean)
            .join(' ') || 'error';
        if (err.code === 'EAUTH') {
          throw new Error(
            `SMTP_URL: the mail server at ${where} did not accept the log-in (${code}): ` +
              'check the user and password in SMTP_URL',
          );
        }
        return (
          `SMTP_URL: cannot use the mail server at ${where} now (${code}); the receiver starts ` +
          'anyway and notifications wait in the queue until it answers'
        );
      } finally {
        probe.close();
      }
    },
    close: () => transport.close(),
  };
}

/**
 * @param {string} url
 * @param {number} seconds
 */
function createTransport(url, seconds) {
  // The time-outs are transport options, beside the URL: createTransport's second argument is
  // the messages' defaults, where they were once passed and silently ignored.
  return nodemailer.createTransport({
    url,
    connectionTimeout: seconds * 1000,
    greetingTimeout: seconds * 1000,
    socketTimeout: seconds * 1000,
  });
}

/** The start-up check waits this long at most for the mail server (seconds). */
const CHECK_SECONDS = 10;
