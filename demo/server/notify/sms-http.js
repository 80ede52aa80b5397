// A generic SMS channel for a provider's HTTP JSON API (most Vietnamese SMS brandname providers
// take a POST with the number, the text and a brandname). What the request looks like is
// configured, not coded: the URL, a bearer token or header, the field names and fixed fields.
import { NotifyError } from './errors.js';

/**
 * @typedef {object} HttpSmsOptions
 * @property {string} url the provider's send endpoint (https)
 * @property {Record<string, string>} [headers] e.g. { authorization: 'Bearer …' }
 * @property {string} [toField] name of the phone number field (default "to")
 * @property {string} [textField] name of the text field (default "text")
 * @property {Record<string, string>} [fixed] fixed fields, e.g. { brandname: 'UBND-XA' }
 * @property {'national' | 'international'} [numberFormat] `0912345678` or `84912345678` (default)
 * @property {number} [timeoutSeconds]
 */

/**
 * @param {HttpSmsOptions} options
 * @returns {import('./index.js').Channel}
 */
export function createHttpSmsChannel(options) {
  const toField = options.toField ?? 'to';
  const textField = options.textField ?? 'text';
  return {
    kind: 'sms',
    async send(to, message) {
      // The answer is normally canonical (0912345678), but a dossier stored before that rule,
      // or typed by a clerk, may hold "0912 345 678" or "+84 912…": providers refuse those.
      const digits = to.replace(/[\s.\-()]/g, '').replace(/^(?:\+|00)84/, '84');
      const national =
        digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
      const number =
        (options.numberFormat ?? 'international') === 'international' && national.startsWith('0')
          ? `84${national.slice(1)}`
          : national;
      /** @type {Response} */
      let res;
      try {
        res = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(options.headers ?? {}) },
          body: JSON.stringify({
            ...(options.fixed ?? {}),
            [toField]: number,
            [textField]: message.sms,
          }),
          signal: AbortSignal.timeout((options.timeoutSeconds ?? 20) * 1000),
          redirect: 'error',
        });
      } catch (e) {
        throw new NotifyError(`SMS HTTP: ${/** @type {Error} */ (e).name}`, false);
      }
      await res.body?.cancel();
      // 4xx except 408/429: the request itself is wrong (number, template, credentials).
      if (!res.ok) {
        const retry = res.status >= 500 || res.status === 408 || res.status === 429;
        throw new NotifyError(`SMS HTTP ${res.status}`, !retry);
      }
    },
    close: () => undefined,
  };
}
