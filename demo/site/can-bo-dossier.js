// Clerk page: one dossier open — its details rendered by <dvc-dossier>, its status moves (a
// confirmation dialog for moves that cannot be undone or that the citizen reads), the supplement
// request (can-bo-bo-sung.js), forwarding (can-bo-forwarding.js), its history and internal notes.
import { forwardingTerms } from './can-bo-forwarding.js';
import { requestSupplement, supplementsView } from './can-bo-bo-sung.js';
import {
  $,
  LABELS,
  Unauthorized,
  actorName,
  api,
  cell,
  deliveryText,
  dueCell,
  messages,
  say,
  tags,
  vnTime,
} from './can-bo-common.js';
import { refresh } from './can-bo-list.js';
import { deskText } from './can-bo-messages.js';
import { setUnsavedMove, takeMoveDraft, takeSupplementDraft } from './can-bo-resume.js';
import { guarded } from './can-bo.js';

/** Moves that tell the citizen something they must read ask for a note. */
const NEEDS_NOTE = new Set(['needs-more-information', 'rejected']);
/** Moves that cannot be undone (final statuses). */
const FINAL = new Set(['result-ready', 'rejected']);

const detail = $('clerk-detail');
export const detailHeading = $('clerk-detail-heading');
const detailList = $('clerk-detail-list');
const moves = $('clerk-moves');
const dossierEl = /** @type {any} */ ($('clerk-dossier'));
const historyBody = /** @type {HTMLTableElement} */ ($('clerk-history')).tBodies[0];
const notesList = $('clerk-notes');
const noteForm = /** @type {HTMLFormElement} */ ($('clerk-note-form'));
export const noteInput = /** @type {HTMLTextAreaElement} */ ($('clerk-note'));
const dialog = /** @type {HTMLDialogElement} */ ($('clerk-confirm'));

/** The procedure files, fetched once each (the same bytes the applicant signed the hash of). */
const procedureFiles = new Map();
/** @param {string} url */
function procedureFile(url) {
  let p = procedureFiles.get(url);
  if (!p) {
    p = fetch(url).then((r) => (r.ok ? r.json() : undefined));
    procedureFiles.set(url, p);
  }
  return p;
}

/** The dossier open in the view, if any. */
export let openCode = '';
/** The ETag of the open dossier as the view shows it, once it is wholly shown. */
let shownTag = '';

/**
 * One dossier, read through the audited clerk API and rendered by <dvc-dossier> with its
 * procedure file: the answers, eligibility, fee, delivery, who helped, the documents with their
 * hashes checked (each a link to the authenticated, audited download) and the signature.
 * @param {string} code
 */
export async function show(code, focus = true) {
  // A refresh of the dossier shown only asks whether it changed: unchanged (304), the view
  // stays and the receiver records no new read (a `dossier.read` is a view a person asked for).
  const again = !focus && code === openCode && shownTag;
  const d = await api(
    `/api/clerk/dossiers/${encodeURIComponent(code)}`,
    again ? { headers: { 'if-none-match': shownTag } } : {},
  );
  if (d === null) return;
  shownTag = '';
  // Another dossier: the note field's error and the messages were about the previous one.
  if (code !== openCode) {
    noteProblem();
    say('');
  }
  openCode = code;
  const p = d.payload ?? {};
  const procedure = d.procedureFile ? await procedureFile(d.procedureFile) : undefined;
  // The due date keeps its mark's own element (a line of its own, as in the list): as one text
  // the two ran together ("21/12/2026Tạm dừng, chờ bổ sung").
  /** @type {[string, string | Node[]][]} */
  const items = [
    [deskText('termProcedure'), d.procedure?.title?.vi ?? d.procedure?.code ?? ''],
    [deskText('termStatus'), LABELS[/** @type {keyof typeof LABELS} */ (d.status)] ?? d.status],
    [deskText('termReceived'), vnTime(d.receivedAt)],
    [deskText('termDue'), [...dueCell(d).childNodes]],
  ];
  const delivery = deliveryText(p.delivery);
  if (delivery) items.push([deskText('termDelivery'), delivery]);
  detailList.replaceChildren(
    ...items.flatMap(([term, content]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.append(...(typeof content === 'string' ? [content] : content));
      return [dt, dd];
    }),
  );
  dossierEl.procedure = procedure;
  dossierEl.submission = p;
  dossierEl.signature = d.signature;
  dossierEl.payment = d.payment ? { status: d.payment.status } : undefined;
  dossierEl.files = (d.files ?? []).map((/** @type {any} */ f) => ({
    ...f,
    name: f.name || f.id,
    href: `/api/clerk/dossiers/${encodeURIComponent(code)}/files/${encodeURIComponent(f.id)}`,
  }));
  moves.replaceChildren();
  for (const to of d.allowed ?? []) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = to === 'rejected' ? 'danger' : to === 'processing' ? '' : 'secondary';
    b.textContent = LABELS[/** @type {keyof typeof LABELS} */ (to)] ?? to;
    b.setAttribute('aria-label', deskText('moveLabel', { status: b.textContent, code }));
    b.addEventListener('click', () => move(code, to, b, d.procedure));
    moves.append(b);
  }
  if (!moves.childElementCount) moves.textContent = deskText('noMoves');
  historyBody.replaceChildren(
    ...(d.history ?? []).map((/** @type {any} */ h) => {
      const tr = document.createElement('tr');
      tr.append(
        cell(vnTime(h.at)),
        cell(LABELS[/** @type {keyof typeof LABELS} */ (h.status)] ?? h.status),
        cell(actorName(h.actor ?? '')),
        cell(h.note ?? ''),
      );
      return tr;
    }),
  );
  renderNotes(d.notes ?? []);
  // Forwarding to the one-stop system (can-bo-forwarding.js) and the supplements (can-bo-bo-sung.js).
  detailList.append(
    ...forwardingTerms(d.forwarding, () =>
      guarded(async () => {
        await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/forwarding/retry`, {
          method: 'POST',
        });
        await show(code);
        say(deskText('forwardingRetried', { code }), messages[1]);
      }, messages[1]),
    ),
  );
  detail.querySelector('.supplements-view')?.remove();
  const supplements = await supplementsView(code, api, procedure);
  if (supplements) detail.append(supplements);
  detailHeading.textContent = deskText('dossierHeading', { code });
  detail.hidden = false;
  shownTag = tags.get(d) ?? '';
  if (focus) detailHeading.focus();
}

/** @param {{ actor: string, at: string, note: string }[]} notes */
function renderNotes(notes) {
  notesList.replaceChildren(
    ...notes.map((n) => {
      const li = document.createElement('li');
      const who = document.createElement('strong');
      who.textContent = deskText('noteBy', { actor: n.actor, at: vnTime(n.at) });
      li.append(who, n.note);
      return li;
    }),
  );
  if (!notes.length) {
    const li = document.createElement('li');
    li.textContent = deskText('noNotes');
    notesList.append(li);
  }
}

const noteError = $('clerk-note-error');
/** The note field's error, at the field (where the clerk is, however far down the page). */
function noteProblem(/** @type {string} */ text = '') {
  noteError.textContent = text ? deskText('fieldError', { text }) : '';
  noteError.hidden = !text;
  if (text) {
    noteInput.setAttribute('aria-invalid', 'true');
    noteInput.setAttribute('aria-describedby', 'clerk-note-error');
  } else {
    noteInput.removeAttribute('aria-invalid');
    noteInput.removeAttribute('aria-describedby');
  }
}

noteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const note = noteInput.value.trim();
  if (!note) {
    noteProblem(deskText('noteEmpty'));
    noteInput.focus();
    return;
  }
  noteProblem();
  void guarded(async () => {
    const { notes } = await api(`/api/clerk/dossiers/${encodeURIComponent(openCode)}/notes`, {
      method: 'POST',
      json: { note },
    });
    noteInput.value = '';
    renderNotes(notes);
    say(deskText('noteSaved', { code: openCode }), messages[2]);
  }, messages[2]);
});

/** Signed out: nothing of a dossier stays in the page, even hidden. */
export function closeDossier() {
  detail.hidden = true;
  openCode = '';
  shownTag = '';
  detailList.replaceChildren();
  detailHeading.textContent = '';
  moves.replaceChildren();
  dossierEl.procedure = undefined;
  dossierEl.submission = undefined;
  dossierEl.signature = undefined;
  dossierEl.payment = undefined;
  dossierEl.files = [];
  historyBody.replaceChildren();
  notesList.replaceChildren();
  noteInput.value = '';
  noteProblem();
  detail.querySelector('.supplements-view')?.remove();
}

/**
 * Asks before a move the citizen reads (with the note they will read) or that cannot be undone,
 * in a modal dialog (keyboard: focus moves into it, Escape cancels, focus returns to the button).
 * @param {string} code @param {string} to
 * @returns {Promise<{ note: string } | undefined>} undefined when cancelled
 */
function confirmMove(code, to) {
  const label = LABELS[/** @type {keyof typeof LABELS} */ (to)] ?? to;
  const needsNote = NEEDS_NOTE.has(to);
  $('clerk-confirm-heading').textContent = deskText('confirmMove', { code, status: label });
  $('clerk-confirm-text').textContent = deskText(FINAL.has(to) ? 'confirmFinal' : 'confirmSeen');
  const group = $('clerk-confirm-note-group');
  const note = /** @type {HTMLTextAreaElement} */ ($('clerk-confirm-note'));
  const error = $('clerk-confirm-error');
  group.hidden = !needsNote;
  // The note of this very move, typed before the session ended, comes back.
  note.value = takeMoveDraft(code, to);
  error.hidden = true;
  note.removeAttribute('aria-invalid');
  note.removeAttribute('aria-describedby');
  $('clerk-confirm-note-label').textContent = deskText(
    to === 'rejected' ? 'confirmReason' : 'confirmMissing',
  );
  const ok = $('clerk-confirm-ok');
  ok.textContent = deskText('confirmOk', { status: label });
  ok.className = to === 'rejected' ? 'danger' : '';
  return new Promise((resolve) => {
    const form = /** @type {HTMLFormElement} */ ($('clerk-confirm-form'));
    /** @param {SubmitEvent} e */
    const onSubmit = (e) => {
      const submitter = /** @type {HTMLButtonElement | null} */ (e.submitter);
      if (submitter?.value !== 'confirm' || !needsNote || note.value.trim()) return;
      // A note the citizen must read is required: say so at the field, keep the dialog open.
      e.preventDefault();
      error.textContent = deskText('fieldError', { text: deskText('confirmNoteEmpty') });
      error.hidden = false;
      note.setAttribute('aria-invalid', 'true');
      note.setAttribute('aria-describedby', 'clerk-confirm-error');
      note.focus();
    };
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener(
      'close',
      () => {
        form.removeEventListener('submit', onSubmit);
        resolve(dialog.returnValue === 'confirm' ? { note: note.value.trim() } : undefined);
      },
      { once: true },
    );
    dialog.returnValue = '';
    dialog.showModal();
    (needsNote ? note : ok).focus();
  });
}

/**
 * @param {string} code @param {string} to @param {HTMLElement} button
 * @param {{ code: string, version: string }} [procedure] the dossier's procedure
 */
async function move(code, to, button, procedure) {
  // "Cần bổ sung" says exactly what is missing: the request dialog (can-bo-bo-sung.js).
  if (to === 'needs-more-information' && procedure) {
    await guarded(async () => {
      const draft = takeSupplementDraft(code);
      if (!(await requestSupplement(code, procedure, api, draft))) {
        button.focus();
        return;
      }
      await refresh();
      say(deskText('supplementRequested', { code, status: LABELS[to] }), messages[1]);
      detailHeading.focus();
    }, messages[1]);
    return;
  }
  let note = '';
  if (NEEDS_NOTE.has(to) || FINAL.has(to)) {
    const answer = await confirmMove(code, to);
    if (!answer) {
      button.focus();
      return;
    }
    note = answer.note;
  }
  await guarded(async () => {
    setUnsavedMove(note ? { to, note } : undefined);
    try {
      await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/status`, {
        method: 'POST',
        json: { status: to, ...(note ? { note } : {}) },
      });
    } catch (e) {
      // Refused (another clerk moved it first…): the view shows the dossier as it is now, with
      // the moves it allows now, before the message says why; the pressed button may be gone.
      if (e instanceof Unauthorized) throw e;
      setUnsavedMove(undefined);
      await refresh().catch(() => undefined);
      say(/** @type {Error} */ (e).message, messages[1]);
      detailHeading.focus();
      return;
    }
    setUnsavedMove(undefined);
    await refresh();
    say(
      deskText('moved', { code, status: LABELS[/** @type {keyof typeof LABELS} */ (to)] }),
      messages[1],
    );
    detailHeading.focus();
  }, messages[1]);
}
