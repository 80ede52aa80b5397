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
  // The time-outs are transport options, beside the URL: createTransport's second argument is
  // the messages' defaults, where they were once passed and silently ignored.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutSeconds * 1000,
    greetingTimeout: timeoutSeconds * 1000,
    socketTimeout: timeoutSeconds * 1000,
  });
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
    close: () => transport.close(),
  };
}
