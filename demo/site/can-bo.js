// Clerk page (the one-stop desk): sign in with a personal account; search the dossiers (code,
// name, ID number, phone: the server searches a keyed blind index, desk-search.js), filter them
// (procedure, status, overdue, assisted) and sort them by due date; open one — rendered by
// <dvc-dossier> from its procedure file, documents downloaded through the authenticated, audited
// route — move it through its statuses (a confirmation dialog for moves that cannot be undone or
// that the citizen reads), keep internal notes and read its history. Admins also see the audit
// log and the weekly report (bao-cao-tuan.html). The session lives in an HttpOnly cookie the
// script cannot read; every change sends the session's CSRF token, kept in memory only. Runs
// under the strict CSP: no innerHTML.
// The page is split by subject: can-bo-common.js (API, messages, cells), can-bo-list.js (search,
// list, audit log), can-bo-dossier.js (the open dossier), can-bo-resume.js (work kept across an
// ended session); this module signs in and out. The modules import one another in a loop, which
// is safe only while no module uses an import at its top level (during loading): use them inside
// functions only.
import { $, Unauthorized, api, say, session, setSession } from './can-bo-common.js';
import { closeDossier } from './can-bo-dossier.js';
import { deskText } from './can-bo-messages.js';
import { clearList, heading, refresh } from './can-bo-list.js';
import { keepWork, resumeWork, setUnsavedMove, takeWork } from './can-bo-resume.js';

const form = /** @type {HTMLFormElement} */ ($('clerk-login'));
const username = /** @type {HTMLInputElement} */ ($('clerk-username'));
const password = /** @type {HTMLInputElement} */ ($('clerk-password'));
const bar = $('clerk-bar');

function signedOut(text = '') {
  setSession(undefined);
  form.hidden = false;
  bar.hidden = true;
  clearList();
  closeDossier();
  say(text);
}

/**
 * Any call can meet an ended session (idle expiry): back to the log-in form, saying so. Any
 * other failure is said where the clerk acted (`where`: the open dossier's line, the note's),
 * not only at the page's top, screens away on a phone.
 * @param {() => Promise<void>} work
 * @param {HTMLElement} [where] the message line beside what the clerk pressed
 */
export async function guarded(work, where) {
  try {
    await work();
  } catch (e) {
    if (e instanceof Unauthorized) {
      const kept = session ? keepWork(session.username, e) : undefined;
      signedOut(
        kept?.code ? deskText('sessionEndedKept', { code: kept.code }) : deskText('sessionEnded'),
      );
      username.focus();
    } else {
      setUnsavedMove(undefined);
      say(/** @type {Error} */ (e).message, where);
    }
  }
}

/** @param {any} s */
function signedIn(s) {
  setSession(s);
  form.hidden = true;
  bar.hidden = false;
  $('clerk-who').textContent = deskText(s.role === 'admin' ? 'whoAdmin' : 'whoClerk', {
    name: s.displayName,
  });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!username.value.trim() || !password.value) {
    say(deskText('signInMissing'));
    (username.value.trim() ? password : username).focus();
    return;
  }
  try {
    const s = await api('/api/auth/login', {
      method: 'POST',
      json: { username: username.value.trim(), password: password.value },
    });
    password.value = '';
    signedIn(s);
    say('');
    const work = takeWork(s.username);
    await guarded(async () => {
      await refresh();
      // The focus leaves the log-in form, which is gone: to the list, or back to the work.
      if (!(work && (await resumeWork(work)))) heading.focus();
    });
  } catch (e) {
    password.value = '';
    say(/** @type {Error} */ (e).message);
    password.focus();
  }
});

$('clerk-logout').addEventListener('click', async () => {
  await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
  signedOut(deskText('signedOut'));
  username.focus();
});

// A session still open in this browser (cookie) continues without a new log-in.
api('/api/auth/session').then(
  (s) => {
    signedIn(s);
    return guarded(refresh);
  },
  () => undefined,
);
