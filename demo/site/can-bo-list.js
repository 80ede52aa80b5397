// Clerk page: the list of dossiers — the search and filters, a row per dossier (due date and
// overdue marks, delivery, the fee with "take it at the desk"), and for admins the audit log.
import {
  $,
  LABELS,
  Unauthorized,
  actorName,
  api,
  cell,
  deliveryText,
  dueCell,
  say,
  session,
  vnTime,
  vnd,
} from './can-bo-common.js';
import { closeDossier, openCode, show } from './can-bo-dossier.js';
import { AUDIT_ACTIONS, AUDIT_ACTORS, AUDIT_OUTCOMES, deskText } from './can-bo-messages.js';
import { guarded } from './can-bo.js';

/**
 * An audit record's action in words; a refused call to an administrator's route is recorded as
 * its method and route (status.js).
 * @param {string} action
 */
const actionText = (action) =>
  AUDIT_ACTIONS[/** @type {keyof typeof AUDIT_ACTIONS} */ (action)] ??
  (/^[A-Z]+ \/api\/clerk\/admin\//.test(action) ? deskText('adminRoute', { action }) : action);

export const heading = $('clerk-heading');
const table = /** @type {HTMLTableElement} */ ($('clerk-table'));
const tbody = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);
export const searchForm = /** @type {HTMLFormElement} */ ($('clerk-search'));
const count = $('clerk-count');
const adminLinks = $('clerk-admin-links');
const auditHeading = $('audit-heading');
const auditTable = /** @type {HTMLTableElement} */ ($('audit-table'));

/** Signed out: the list, its search and the audit log are hidden and emptied. */
export function clearList() {
  for (const el of [heading, searchForm, count, adminLinks, table, auditHeading, auditTable]) {
    el.hidden = true;
  }
  searchForm.reset();
  tbody.replaceChildren();
  auditTable.tBodies[0].replaceChildren();
}

/** @param {any} d */
function row(d) {
  const tr = document.createElement('tr');
  tr.dataset.code = d.dossierCode;
  const last = d.history?.[d.history.length - 1];
  const procedureCell = cell(d.procedure?.title?.vi ?? d.procedure?.code ?? '');
  const delivery = deliveryText(d.delivery);
  if (delivery) {
    const line = document.createElement('div');
    line.className = 'delivery';
    line.textContent = delivery;
    procedureCell.append(line);
  }
  const codeCell = cell(d.dossierCode);
  const view = document.createElement('button');
  view.type = 'button';
  view.className = 'link';
  view.textContent = deskText('view');
  view.setAttribute('aria-label', deskText('viewLabel', { code: d.dossierCode }));
  // A dossier that cannot be opened is said in its row, the focus staying on the button
  // pressed; one deleted meanwhile leaves the list instead (goneRow), nothing else reloaded.
  view.addEventListener('click', () =>
    guarded(async () => {
      try {
        await show(d.dossierCode);
      } catch (e) {
        if (/** @type {any} */ (e).problem?.type !== NOT_FOUND) throw e;
        goneRow(tr, d.dossierCode);
      }
    }, rowLine(tr)),
  );
  codeCell.append(' ', view);
  if (d.assisted) {
    const line = document.createElement('div');
    line.className = 'assisted';
    line.textContent = deskText('assisted');
    procedureCell.append(line);
  }
  tr.append(
    codeCell,
    cell(d.applicant ?? ''),
    procedureCell,
    cell(LABELS[/** @type {keyof typeof LABELS} */ (d.status)] ?? d.status, 'status'),
    dueCell(d),
    cell(last ? `${actorName(last.actor)}, ${vnTime(last.at)}` : ''),
    feeCell(d),
  );
  return tr;
}

/**
 * The row's own message line, under its code (the first cell, in view on a phone), made empty:
 * what the clerk did in a row is said there, not on the page's top line screens away. It is
 * focusable (tabindex -1) so the focus can go to the news when the button pressed is gone.
 * @param {HTMLTableRowElement} tr
 */
function rowLine(tr) {
  let line = /** @type {HTMLElement | null} */ (tr.querySelector('.row-message'));
  if (!line) {
    line = document.createElement('div');
    line.className = 'row-message';
    line.setAttribute('role', 'status');
    line.tabIndex = -1;
    tr.cells[0].append(line);
  }
  line.textContent = '';
  return line;
}

const NOT_FOUND = 'urn:dvc-forms:problem:clerk-dossier-not-found';

/**
 * A listed dossier found deleted: its row (the applicant's name with it) is replaced by one
 * saying so, which has the focus, and the count says one fewer. The rest of the list, another
 * dossier open and whatever the clerk typed stay as they are. The sentence's row goes the next time
 * anything is said (can-bo-common.js say) or the list is reloaded.
 * @param {HTMLTableRowElement} tr @param {string} code
 */
function goneRow(tr, code) {
  const td = document.createElement('td');
  td.colSpan = tr.cells.length;
  const gone = document.createElement('tr');
  gone.append(td);
  tr.replaceWith(gone);
  // Its view, if it was the one open, goes too: nothing of a deleted dossier stays on screen.
  if (code === openCode) closeDossier();
  const line = rowLine(gone);
  say(deskText('dossierGone', { code }), line);
  line.focus();
  const left = tbody.querySelectorAll('tr[data-code]').length;
  count.textContent = countText(left);
}

/**
 * What the list shows now: whether there are more than it shows, whether a search or filter
 * narrowed it (the order chosen is none), and whether the account was given no procedure.
 */
const listed = { more: false, filtered: false, noProcedures: false };

/**
 * The list's status line for `n` dossiers shown. An empty list says why: the account has no
 * procedure yet (ask an administrator), nothing matched (how to widen the search), or none yet.
 * @param {number} n
 */
const countText = (n) =>
  n > 0
    ? deskText(listed.more ? 'listCountMore' : 'listCount', { n: String(n) })
    : deskText(
        listed.noProcedures ? 'listNoProcedures' : listed.filtered ? 'listNoMatch' : 'listEmpty',
      );

/** @param {string} code the listed row of this dossier, if it is still listed */
const rowOf = (code) => [...tbody.rows].find((tr) => tr.dataset.code === code);

/**
 * The fee: amount and paid/unpaid, receipt links, and "take it at the desk" while unpaid.
 * @param {any} d
 */
function feeCell(d) {
  const p = d.payment;
  const td = document.createElement('td');
  if (!p || p.status === 'not-required') {
    td.textContent = deskText('feeNone');
    return td;
  }
  const line = document.createElement('div');
  line.textContent = deskText(p.status === 'paid' ? 'feePaid' : 'feeUnpaid', { fee: vnd(p.fee) });
  td.append(line);
  for (const pay of p.payments ?? []) {
    if (pay.status === 'duplicate') {
      const warn = document.createElement('div');
      warn.textContent = deskText('feeDuplicate', { amount: vnd(pay.amount) });
      td.append(warn);
    }
    if (!pay.receiptUrl || !/^\/bien-lai\/[A-Z0-9-]+$/.test(pay.receiptUrl)) continue;
    const a = document.createElement('a');
    a.href = pay.receiptUrl;
    a.textContent = deskText('receipt', { number: pay.receiptNo });
    const div = document.createElement('div');
    div.append(a);
    td.append(div);
  }
  if (p.status === 'unpaid') {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = deskText('takeFee');
    b.setAttribute('aria-label', deskText('takeFeeLabel', { code: d.dossierCode }));
    b.addEventListener('click', () => takeAtDesk(d.dossierCode, p.fee, b));
    td.append(b);
  }
  return td;
}

const feeDialog = /** @type {HTMLDialogElement} */ ($('clerk-fee-confirm'));

/**
 * Asks whether the fee was taken, in the page's modal dialog (Vietnamese buttons, not the
 * browser's OK/Cancel): the focus moves into it, Escape cancels, the focus returns to `button`.
 * @param {string} code @param {number} fee @param {HTMLElement} button
 * @returns {Promise<boolean>}
 */
function confirmFee(code, fee, button) {
  $('clerk-fee-heading').textContent = deskText('takeFeeConfirm', { fee: vnd(fee), code });
  return new Promise((resolve) => {
    feeDialog.addEventListener(
      'close',
      () => {
        const taken = feeDialog.returnValue === 'confirm';
        if (!taken) button.focus();
        resolve(taken);
      },
      { once: true },
    );
    feeDialog.returnValue = '';
    feeDialog.showModal();
    $('clerk-fee-ok').focus();
  });
}

/** @param {string} code @param {number} fee @param {HTMLElement} button */
async function takeAtDesk(code, fee, button) {
  if (!(await confirmFee(code, fee, button))) return;
  const tr = /** @type {HTMLTableRowElement} */ (button.closest('tr'));
  // Guarded: an ended session signs out (and says so) instead of leaving a dead page; any other
  // failure is said in this row, the focus back on the button.
  const line = rowLine(tr);
  await guarded(async () => {
    try {
      await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/payments`, {
        method: 'POST',
        json: { method: 'desk' },
      });
    } finally {
      if (button.isConnected) button.focus();
    }
    try {
      await refresh();
    } catch (e) {
      if (e instanceof Unauthorized) throw e;
      // The fee is taken but the reload failed partway (the rows may be new, the line above
      // gone with its row): said in the dossier's row as it is now, or on the list's status
      // line if it is no longer listed, with the focus there — never lost to the page.
      const row = rowOf(code);
      const at = row ? rowLine(row) : count;
      say(
        deskText('feeTakenNotReloaded', {
          fee: vnd(fee),
          code,
          reason: /** @type {Error} */ (e).message,
        }),
        at,
      );
      at.focus();
      return;
    }
    // The list is new and the button gone (paid): the news is said in the dossier's new row and
    // the focus goes to it; a dossier no longer listed (a filter) is said on the top line.
    const text = deskText('feeTaken', { fee: vnd(fee), code });
    const row = rowOf(code);
    const at = row ? rowLine(row) : undefined;
    say(text, at);
    (at ?? heading).focus();
  }, line);
}

/** The list's query from the search form (only what is set). */
function listQuery() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(searchForm))
    if (typeof v === 'string' && v.trim()) params.set(k, v.trim());
  return params.toString();
}

let optionsFilled = false;
/** @param {{ name: string, title: { vi: string } }[]} procedures */
function fillOptions(procedures) {
  if (optionsFilled) return;
  optionsFilled = true;
  const add = (
    /** @type {HTMLElement} */ select,
    /** @type {string} */ value,
    /** @type {string} */ text,
  ) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    select.append(o);
  };
  for (const p of procedures) add($('clerk-procedure'), p.name, p.title?.vi ?? p.name);
  for (const [value, text] of Object.entries(LABELS)) add($('clerk-status'), value, text);
}

export async function refresh() {
  const query = listQuery();
  const { dossiers, more, procedures, noProceduresGranted } = await api(
    `/api/clerk/dossiers${query ? `?${query}` : ''}`,
  );
  fillOptions(procedures ?? []);
  tbody.replaceChildren(...dossiers.map(row));
  heading.hidden = false;
  // An account with no procedure finds nothing whatever it searches: no search form, only why.
  searchForm.hidden = Boolean(noProceduresGranted);
  table.hidden = dossiers.length === 0;
  count.hidden = false;
  Object.assign(listed, {
    more: Boolean(more),
    filtered: [...new URLSearchParams(query).keys()].some((k) => k !== 'sort'),
    noProcedures: Boolean(noProceduresGranted),
  });
  count.textContent = countText(dossiers.length);
  if (openCode) {
    const code = openCode;
    try {
      await show(code, false);
    } catch (e) {
      if (/** @type {any} */ (e).problem?.type !== NOT_FOUND) throw e;
      // The dossier open was deleted meanwhile (another clerk, the retention job): its view
      // closes, said on the list's line, and the rest of the refresh (the audit table) goes on.
      closeDossier();
      say(deskText('openDossierGone', { code }), count);
      if (!document.activeElement || document.activeElement === document.body) count.focus();
    }
  }
  if (session?.role === 'admin') {
    adminLinks.hidden = false;
    const { records } = await api('/api/clerk/admin/audit?limit=50');
    auditTable.tBodies[0].replaceChildren(
      ...records.map((/** @type {any} */ r) => {
        const tr = document.createElement('tr');
        tr.append(
          cell(vnTime(r.at)),
          cell(AUDIT_ACTORS[/** @type {keyof typeof AUDIT_ACTORS} */ (r.actor)] ?? r.actor),
          cell(actionText(r.action)),
          cell(AUDIT_OUTCOMES[/** @type {keyof typeof AUDIT_OUTCOMES} */ (r.outcome)] ?? r.outcome),
          cell(r.dossier ?? ''),
          cell(r.ip ?? ''),
        );
        return tr;
      }),
    );
    auditHeading.hidden = false;
    auditTable.hidden = false;
  }
}

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void guarded(refresh);
});
searchForm.addEventListener('reset', () => {
  // After the reset has cleared the fields; not when signing out clears them.
  setTimeout(() => session && void guarded(refresh));
});
