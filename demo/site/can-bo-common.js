// Clerk page: what every part of the desk shares — the status names, the receiver's API (the
// session's CSRF token kept in memory only, an ended session as `Unauthorized`), the message
// lines, and the table cells, dates, amounts and delivery in the clerk's words.

import { AUDIT_ACTORS, DELIVERY, STATUS_NAMES, deskText } from './can-bo-messages.js';

/** The statuses' names (the catalog's), by status. */
export const LABELS = STATUS_NAMES;

export const $ = (/** @type {string} */ id) =>
  /** @type {HTMLElement} */ (document.getElementById(id));

/** @typedef {{ username: string, displayName: string, role: string, csrfToken: string }} Session */
/** @type {Session | undefined} */
export let session;
/** @param {Session | undefined} s the signed-in account, or undefined once signed out */
export function setSession(s) {
  session = s;
}

const message = $('clerk-message');
/** The message lines: the page's (top), the open dossier's (under its heading), the note's. */
export const messages = [message, $('clerk-detail-message'), $('clerk-note-message')];
/**
 * Says `text` where the clerk is: a dossier's news under its heading, a saved note beside the
 * note form, a row's news in that row (on a phone the top line is screens away); every other
 * line is emptied.
 * @param {string} text
 * @param {HTMLElement} [where]
 */
export function say(text, where = message) {
  for (const m of messages) m.textContent = m === where ? text : '';
  // A list row's own line (can-bo-list.js rowLine) goes once anything else is said; so does a
  // row that is only that line (a dossier found deleted, can-bo-list.js goneRow).
  for (const m of document.querySelectorAll('.row-message')) {
    if (m === where) continue;
    const row = m.closest('tr');
    if (row && !row.dataset.code) row.remove();
    else m.remove();
  }
  where.textContent = text;
}

export class Unauthorized extends Error {}

/** Each answer's ETag, by the body {@link api} returned (a refresh asks whether it changed). */
export const tags = new WeakMap();

/**
 * The receiver's JSON answer; `null` for 304 (the copy named by an If-None-Match in `headers`
 * is still current).
 * @param {string} path @param {RequestInit & { json?: unknown }} [init] headers as an object
 */
export async function api(path, init = {}) {
  const { json, headers, ...rest } = init;
  const r = await fetch(path, {
    ...rest,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'accept-language': 'vi',
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(session && rest.method && rest.method !== 'GET'
        ? { 'x-csrf-token': session.csrfToken }
        : {}),
      .../** @type {Record<string, string> | undefined} */ (headers),
    },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  if (r.status === 204) return {};
  if (r.status === 304) return null;
  const body = await r.json().catch(() => ({}));
  if (r.status === 401 && path !== '/api/auth/login') {
    throw Object.assign(new Unauthorized(body.detail), { problem: body });
  }
  // The problem goes with the error: a form can show its `errors` at the fields.
  if (!r.ok) {
    const text = body.detail ?? deskText('httpError', { status: String(r.status) });
    throw Object.assign(new Error(text), { problem: body });
  }
  const tag = r.headers.get('etag');
  if (tag && body && typeof body === 'object') tags.set(body, tag);
  return body;
}

/** @param {string} text @param {string} [cls] */
export function cell(text, cls) {
  const td = document.createElement('td');
  if (cls) {
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = text;
    td.append(span);
  } else td.textContent = text;
  return td;
}

/** @param {string} iso YYYY-MM-DD → dd/mm/yyyy */
export const vnDate = (iso) => iso.split('-').reverse().join('/');
/**
 * `HH:MM dd/mm/yyyy` in Việt Nam, as the dossier and the citizen's pages write it (`dateStyle:
 * 'short'` wrote "10:46 7/12/26" beside the dossier's "Nộp lúc 10:46 07/12/2026").
 * @param {string} iso
 */
export const vnTime = (iso) =>
  new Intl.DateTimeFormat('vi-VN', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));

/**
 * The due date and, from the engine's working-day calendar (the server's `deadline`), whether it
 * is due today, overdue (by how many working days) or waiting for the citizen.
 * @param {any} d
 */
export function dueCell(d) {
  const td = cell(vnDate(d.expectedResultDate));
  const state = d.deadline?.state;
  /** @type {[string, string] | undefined} */
  const mark =
    state === 'overdue'
      ? [
          'overdue',
          d.deadline.workingDaysLate > 0
            ? deskText('overdueDays', { days: String(d.deadline.workingDaysLate) })
            : deskText('overdue'),
        ]
      : state === 'due-today'
        ? ['due-today', deskText('dueToday')]
        : state === 'paused'
          ? ['paused', deskText('paused')]
          : undefined;
  if (mark) {
    const span = document.createElement('span');
    [span.className, span.textContent] = mark;
    td.append(span);
  }
  return td;
}

/**
 * Who moved a dossier: a clerk's account as it is, the receiver or the applicant (a supplement
 * received) in the clerk's words, as the audit log names them, never "applicant".
 * @param {string} actor
 */
export const actorName = (actor) =>
  actor === 'system' || actor === 'applicant' ? AUDIT_ACTORS[actor] : actor;

/**
 * How the result goes back, for the clerk (the codes of the 2025 units are printed as they are
 * on the envelope's label; the names are on the dossier).
 * @param {any} d the payload's delivery
 */
export function deliveryText(d) {
  if (!d || typeof d.method !== 'string') return '';
  const method = DELIVERY[/** @type {keyof typeof DELIVERY} */ (d.method)] ?? d.method;
  const label =
    d.method === 'post' && Number.isSafeInteger(d.postage)
      ? deskText('deliveryPostage', { method, postage: vnd(d.postage) })
      : method;
  if (d.method !== 'post' || !d.recipient) return label;
  const r = d.recipient;
  return deskText('deliveryRecipient', {
    label,
    name: r.fullName,
    phone: r.phone,
    street: r.address?.street,
    commune: r.address?.commune,
    province: r.address?.province,
  });
}

/** @param {number} n */
export const vnd = (n) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
