// Clerk page: a session that ends mid-action (idle expiry) loses nothing. What the clerk was
// doing — the dossier open, the note being written, a move's note or a supplement request not yet
// sent, the search typed — is kept in this page's memory only and given back only to the same
// clerk's next log-in.
import { LABELS, messages, say } from './can-bo-common.js';
import { detailHeading, noteInput, openCode, show } from './can-bo-dossier.js';
import { searchForm } from './can-bo-list.js';
import { deskText } from './can-bo-messages.js';

/**
 * What the clerk was doing when their session ended (idle expiry): the dossier open, the note
 * being written, the note of a move not yet saved and a supplement request not yet sent. Kept in
 * this page's memory only, and given back only to the same clerk's next log-in: nothing typed is
 * lost, and nothing goes to another clerk or to another dossier.
 * @type {{ username: string, code: string, note: string, search: [string, string][], move?: { to: string, note: string }, supplement?: import('./can-bo-bo-sung.js').SupplementDraft } | undefined}
 */
let interrupted;
/** The move being saved and its note, until the receiver answered. */
/** @type {{ to: string, note: string } | undefined} */
let unsavedMove;
/** A move's note given back after a log-in, for that dossier's same move. */
/** @type {{ code: string, to: string, note: string } | undefined} */
let moveDraft;
/** A supplement request given back after a log-in, for that dossier. */
/** @type {{ code: string, draft: import('./can-bo-bo-sung.js').SupplementDraft } | undefined} */
let supplementDraft;

/** @param {{ to: string, note: string } | undefined} m the move being saved, or undefined once answered */
export function setUnsavedMove(m) {
  unsavedMove = m;
}

/**
 * A move's note typed before the session ended, for that dossier's same move only (once).
 * @param {string} code @param {string} to
 */
export function takeMoveDraft(code, to) {
  const note = moveDraft?.code === code && moveDraft.to === to ? moveDraft.note : '';
  moveDraft = undefined;
  return note;
}

/**
 * A supplement request not sent before the session ended, for that dossier only (once).
 * @param {string} code
 */
export function takeSupplementDraft(code) {
  const draft = supplementDraft?.code === code ? supplementDraft.draft : undefined;
  supplementDraft = undefined;
  return draft;
}

/**
 * Keeps what the clerk was doing on the open dossier, for {@link resumeWork}.
 * @param {string} who
 * @param {unknown} error the Unauthorized error (a supplement request's form rides on it)
 */
export function keepWork(who, error) {
  const supplement = /** @type {any} */ (error).supplementDraft;
  interrupted = {
    username: who,
    code: openCode,
    note: noteInput.value,
    // The search typed (an ID number, a name…) leaves the page with the rest.
    search: [...new FormData(searchForm)].map(([k, v]) => [k, String(v)]),
    ...(unsavedMove ? { move: unsavedMove } : {}),
    ...(supplement ? { supplement } : {}),
  };
  unsavedMove = undefined;
  return interrupted;
}

/**
 * At a log-in, before the list is read: the work an ended session of the same account left
 * (its search back in the form), or nothing; another account's is forgotten.
 * @param {string} who
 */
export function takeWork(who) {
  const work = interrupted?.username === who ? interrupted : undefined;
  interrupted = undefined;
  if (!work) return undefined;
  for (const el of searchForm.elements) {
    const field = /** @type {HTMLInputElement} */ (el);
    if (!field.name) continue;
    const kept = work.search.find(([k]) => k === field.name)?.[1];
    if (field.type === 'checkbox') field.checked = kept !== undefined;
    else if (kept !== undefined) field.value = kept;
  }
  return work;
}

/**
 * After the list is read: the same clerk finds the dossier they had open and what they had
 * typed; the move or request that was not saved waits for them to confirm it again.
 * @param {NonNullable<typeof interrupted>} work from {@link takeWork}
 */
export async function resumeWork(work) {
  if (!work.code) return false;
  await show(work.code, false);
  noteInput.value = work.note;
  if (work.move) moveDraft = { code: work.code, to: work.move.to, note: work.move.note };
  if (work.supplement) supplementDraft = { code: work.code, draft: work.supplement };
  const pending = work.move
    ? deskText('resumedMove', {
        status: LABELS[/** @type {keyof typeof LABELS} */ (work.move.to)] ?? work.move.to,
      })
    : work.supplement
      ? deskText('resumedSupplement')
      : work.note
        ? deskText('resumedNote')
        : '';
  const reopened = deskText('resumed', { code: work.code });
  say(pending ? `${reopened} ${pending}` : reopened, messages[1]);
  if (work.note && !work.move && !work.supplement) noteInput.focus();
  else detailHeading.focus();
  return true;
}
