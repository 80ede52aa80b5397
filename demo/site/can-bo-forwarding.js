// The clerk page's line on forwarding to the one-stop system (demo/server/outbox/): where the
// dossier stands, and for a dead letter a button that sends it again. Kept apart from can-bo.js
// so the page can be rebuilt around it: `forwardingTerms(forwarding, retry)` gives a <dt>/<dd>
// pair for the dossier's description list, or nothing when the receiver does not forward.
import { deskText } from './can-bo-messages.js';

/** @param {string | null | undefined} iso */
const time = (iso) =>
  iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false }) : '';

/**
 * @param {{ state: string, attempts: number, nextAttemptAt: string | null, deliveredAt: string | null, lastError: string | null } | null | undefined} f
 * @param {() => void} retry sends the dead letter again
 * @returns {HTMLElement[]}
 */
export function forwardingTerms(f, retry) {
  if (!f) return [];
  const dt = document.createElement('dt');
  dt.textContent = deskText('forwarding');
  const dd = document.createElement('dd');
  dd.dataset.forwarding = f.state;
  const error = f.lastError ?? deskText('forwardingErrorUnknown');
  const attempts = String(f.attempts);
  if (f.state === 'delivered') {
    dd.textContent = deskText('forwardingDelivered', { at: time(f.deliveredAt) });
  } else if (f.state === 'pending') {
    dd.textContent = f.attempts
      ? deskText('forwardingRetrying', { attempts, error, at: time(f.nextAttemptAt) })
      : deskText('forwardingPending');
  } else {
    dd.textContent = `${deskText('forwardingDead', { attempts, error })} `;
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = deskText('forwardingRetry');
    b.addEventListener('click', retry);
    dd.append(b);
  }
  return [dt, dd];
}
