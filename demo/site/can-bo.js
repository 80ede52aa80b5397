// Clerk page (the one-stop desk): sign in with a personal account; search the dossiers (code,
// name, ID number, phone: the server searches a keyed blind index, desk-search.js), filter them
// (procedure, status, overdue, assisted) and sort them by due date; open one — rendered by
// <dvc-dossier> from its procedure file, documents downloaded through the authenticated, audited
// route — move it through its statuses (a confirmation dialog for moves that cannot be undone or
// that the citizen reads), keep internal notes and read its history. Admins also see the audit
// log and the weekly report (bao-cao-tuan.html). The session lives in an HttpOnly cookie the
// script cannot read; every change sends the session's CSRF token, kept in memory only. Runs
// under the strict CSP: no innerHTML.
import { forwardingTerms } from './can-bo-forwarding.js';
import { requestSupplement, supplementsView } from './can-bo-bo-sung.js';

const LABELS = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  'needs-more-information': 'Cần bổ sung hồ sơ',
  'result-ready': 'Đã có kết quả',
  rejected: 'Từ chối tiếp nhận',
};
const ACTIONS = {
  login: 'Đăng nhập',
  logout: 'Đăng xuất',
  'dossier.read': 'Xem dữ liệu hồ sơ',
  'dossier.status': 'Chuyển trạng thái',
  'dossier.delete': 'Xoá hồ sơ',
  'dossier.file.read': 'Tải tệp của hồ sơ',
  'dossier.list': 'Xem danh sách, tìm hồ sơ',
  'dossier.note': 'Ghi chú hồ sơ',
  'dossier.payment': 'Ghi nhận nộp phí tại quầy',
  'status.lookup': 'Người dân tra cứu',
  'dossier.forwarding.retry': 'Chuyển lại sang một cửa điện tử',
  'dossier.supplement-request': 'Yêu cầu bổ sung',
  'dossier.supplement': 'Người dân nộp bổ sung',
  'dossier.supplements.read': 'Xem hồ sơ bổ sung',
  'notification.address': 'Gửi thông báo cho người nộp',
};
/** The audit records' outcomes (audit.js), in the administrator's words. */
const OUTCOMES = {
  success: 'Thành công',
  failure: 'Không thành công',
  'failure-locked': 'Không thành công, tài khoản bị khoá tạm thời',
  locked: 'Từ chối: tài khoản đang bị khoá tạm thời',
  throttled: 'Từ chối: thử quá nhiều lần',
  refused: 'Bị từ chối',
  'not-found': 'Không tìm thấy',
  none: 'Không có dữ liệu',
};
/** Who an audit record names when it is no clerk's account. */
const ACTORS = {
  system: 'Hệ thống',
  applicant: 'Người nộp hồ sơ',
  '(unknown account)': '(tên đăng nhập không có tài khoản)',
};

/**
 * An audit record's action in words; a refused call to an administrator's route is recorded as
 * its method and route (status.js).
 * @param {string} action
 */
const actionText = (action) =>
  ACTIONS[/** @type {keyof typeof ACTIONS} */ (action)] ??
  (/^[A-Z]+ \/api\/clerk\/admin\//.test(action)
    ? `Dùng chức năng của quản trị viên (${action})`
    : action);

/** Moves that tell the citizen something they must read ask for a note. */
const NEEDS_NOTE = new Set(['needs-more-information', 'rejected']);
/** Moves that cannot be undone (final statuses). */
const FINAL = new Set(['result-ready', 'rejected']);

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('clerk-login'));
const username = /** @type {HTMLInputElement} */ ($('clerk-username'));
const password = /** @type {HTMLInputElement} */ ($('clerk-password'));
const message = $('clerk-message');
const bar = $('clerk-bar');
const heading = $('clerk-heading');
const table = /** @type {HTMLTableElement} */ ($('clerk-table'));
const tbody = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);
const detail = $('clerk-detail');
const detailHeading = $('clerk-detail-heading');
const detailList = $('clerk-detail-list');
const searchForm = /** @type {HTMLFormElement} */ ($('clerk-search'));
const count = $('clerk-count');
const adminLinks = $('clerk-admin-links');
const moves = $('clerk-moves');
const dossierEl = /** @type {any} */ ($('clerk-dossier'));
const historyBody = /** @type {HTMLTableElement} */ ($('clerk-history')).tBodies[0];
const notesList = $('clerk-notes');
const noteForm = /** @type {HTMLFormElement} */ ($('clerk-note-form'));
const noteInput = /** @type {HTMLTextAreaElement} */ ($('clerk-note'));
const dialog = /** @type {HTMLDialogElement} */ ($('clerk-confirm'));
const auditHeading = $('audit-heading');
const auditTable = /** @type {HTMLTableElement} */ ($('audit-table'));

/** @type {{ username: string, displayName: string, role: string, csrfToken: string } | undefined} */
let session;

/** The message lines: the page's (top), the open dossier's (under its heading), the note's. */
const messages = [message, $('clerk-detail-message'), $('clerk-note-message')];
/**
 * Says `text` where the clerk is: a dossier's news under its heading, a saved note beside the
 * note form (on a phone the top line is screens away); every other line is emptied.
 * @param {string} text
 * @param {HTMLElement} [where]
 */
function say(text, where = message) {
  for (const m of messages) m.textContent = m === where ? text : '';
}

class Unauthorized extends Error {}

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

/** @param {string} path @param {RequestInit & { json?: unknown }} [init] */
async function api(path, init = {}) {
  const { json, ...rest } = init;
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
    },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  if (r.status === 204) return {};
  const body = await r.json().catch(() => ({}));
  if (r.status === 401 && path !== '/api/auth/login') {
    throw Object.assign(new Unauthorized(body.detail), { problem: body });
  }
  // The problem goes with the error: a form can show its `errors` at the fields.
  if (!r.ok) throw Object.assign(new Error(body.detail ?? `Lỗi ${r.status}`), { problem: body });
  return body;
}

/** @param {string} text @param {string} [cls] */
function cell(text, cls) {
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
const vnDate = (iso) => iso.split('-').reverse().join('/');
/** @param {string} iso */
const vnTime = (iso) =>
  new Intl.DateTimeFormat('vi-VN', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));

/**
 * The due date and, from the engine's working-day calendar (the server's `deadline`), whether it
 * is due today, overdue (by how many working days) or waiting for the citizen.
 * @param {any} d
 */
function dueCell(d) {
  const td = cell(vnDate(d.expectedResultDate));
  const state = d.deadline?.state;
  /** @type {[string, string] | undefined} */
  const mark =
    state === 'overdue'
      ? [
          'overdue',
          d.deadline.workingDaysLate > 0
            ? `Quá hạn ${d.deadline.workingDaysLate} ngày làm việc`
            : 'Quá hạn',
        ]
      : state === 'due-today'
        ? ['due-today', 'Đến hạn hôm nay']
        : state === 'paused'
          ? ['paused', 'Tạm dừng, chờ bổ sung']
          : undefined;
  if (mark) {
    const span = document.createElement('span');
    [span.className, span.textContent] = mark;
    td.append(span);
  }
  return td;
}

/** @param {any} d */
function row(d) {
  const tr = document.createElement('tr');
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
  view.textContent = 'Xem';
  view.setAttribute('aria-label', `Xem hồ sơ ${d.dossierCode}`);
  view.addEventListener('click', () => guarded(() => show(d.dossierCode)));
  codeCell.append(' ', view);
  if (d.assisted) {
    const line = document.createElement('div');
    line.className = 'assisted';
    line.textContent = 'Khai có người hỗ trợ';
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

/** @param {string} actor */
const actorName = (actor) => (actor === 'system' ? 'Hệ thống' : actor);

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
let openCode = '';

/**
 * One dossier, read through the audited clerk API and rendered by <dvc-dossier> with its
 * procedure file: the answers, eligibility, fee, delivery, who helped, the documents with their
 * hashes checked (each a link to the authenticated, audited download) and the signature.
 * @param {string} code
 */
async function show(code, focus = true) {
  const d = await api(`/api/clerk/dossiers/${encodeURIComponent(code)}`);
  // Another dossier: the note field's error and the messages were about the previous one.
  if (code !== openCode) {
    noteProblem();
    say('');
  }
  openCode = code;
  const p = d.payload ?? {};
  const procedure = d.procedureFile ? await procedureFile(d.procedureFile) : undefined;
  /** @type {[string, string][]} */
  const items = [
    ['Thủ tục', d.procedure?.title?.vi ?? d.procedure?.code ?? ''],
    ['Trạng thái', LABELS[/** @type {keyof typeof LABELS} */ (d.status)] ?? d.status],
    ['Tiếp nhận', vnTime(d.receivedAt)],
    ['Hẹn trả', dueCell(d).textContent ?? ''],
  ];
  const delivery = deliveryText(p.delivery);
  if (delivery) items.push(['Nhận kết quả', delivery]);
  detailList.replaceChildren(
    ...items.flatMap(([term, text]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = text;
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
    b.setAttribute('aria-label', `${b.textContent}: ${code}`);
    b.addEventListener('click', () => move(code, to, b, d.procedure));
    moves.append(b);
  }
  if (!moves.childElementCount) moves.textContent = 'Hồ sơ đã kết thúc, không chuyển tiếp được.';
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
        say(`Đã đặt chuyển lại hồ sơ ${code}.`, messages[1]);
      }),
    ),
  );
  detail.querySelector('.supplements-view')?.remove();
  const supplements = await supplementsView(code, api, procedure);
  if (supplements) detail.append(supplements);
  detailHeading.textContent = `Hồ sơ ${code}`;
  detail.hidden = false;
  if (focus) detailHeading.focus();
}

/** @param {{ actor: string, at: string, note: string }[]} notes */
function renderNotes(notes) {
  notesList.replaceChildren(
    ...notes.map((n) => {
      const li = document.createElement('li');
      const who = document.createElement('strong');
      who.textContent = `${n.actor}, ${vnTime(n.at)}: `;
      li.append(who, n.note);
      return li;
    }),
  );
  if (!notes.length) {
    const li = document.createElement('li');
    li.textContent = 'Chưa có ghi chú.';
    notesList.append(li);
  }
}

const noteError = $('clerk-note-error');
/** The note field's error, at the field (where the clerk is, however far down the page). */
function noteProblem(/** @type {string} */ text = '') {
  noteError.textContent = text ? `Lỗi: ${text}` : '';
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
    noteProblem('Vui lòng nhập nội dung ghi chú trước khi lưu.');
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
    say(`Đã lưu ghi chú cho hồ sơ ${openCode}.`, messages[2]);
  });
});

function signedOut(text = '') {
  session = undefined;
  form.hidden = false;
  bar.hidden = true;
  for (const el of [
    heading,
    searchForm,
    count,
    adminLinks,
    table,
    detail,
    auditHeading,
    auditTable,
  ]) {
    el.hidden = true;
  }
  openCode = '';
  // Nothing of a dossier stays in the page, even hidden, once nobody is signed in.
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
  searchForm.reset();
  detail.querySelector('.supplements-view')?.remove();
  tbody.replaceChildren();
  auditTable.tBodies[0].replaceChildren();
  say(text);
}

/** Any call can meet an ended session (idle expiry): back to the log-in form, saying so. */
async function guarded(/** @type {() => Promise<void>} */ work) {
  try {
    await work();
  } catch (e) {
    if (e instanceof Unauthorized) {
      const kept = session ? keepWork(session.username, e) : undefined;
      signedOut(
        kept?.code
          ? `Phiên làm việc đã hết. Vui lòng đăng nhập lại: hồ sơ ${kept.code} sẽ được mở lại, những gì bạn đã nhập vẫn còn.`
          : 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.',
      );
      username.focus();
    } else {
      unsavedMove = undefined;
      say(/** @type {Error} */ (e).message);
    }
  }
}

/**
 * Keeps what the clerk was doing on the open dossier, for {@link resumeWork}.
 * @param {string} who
 * @param {unknown} error the Unauthorized error (a supplement request's form rides on it)
 */
function keepWork(who, error) {
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
function takeWork(who) {
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
async function resumeWork(work) {
  if (!work.code) return false;
  await show(work.code, false);
  noteInput.value = work.note;
  if (work.move) moveDraft = { code: work.code, to: work.move.to, note: work.move.note };
  if (work.supplement) supplementDraft = { code: work.code, draft: work.supplement };
  const pending = work.move
    ? `Chưa chuyển hồ sơ sang “${LABELS[/** @type {keyof typeof LABELS} */ (work.move.to)] ?? work.move.to}”: vui lòng bấm lại nút chuyển, nội dung bạn đã nhập vẫn còn.`
    : work.supplement
      ? 'Chưa gửi yêu cầu bổ sung: vui lòng bấm lại “Cần bổ sung hồ sơ”, những gì bạn đã chọn và nhập vẫn còn.'
      : work.note
        ? 'Ghi chú bạn đang viết chưa được lưu.'
        : '';
  say(`Đã mở lại hồ sơ ${work.code}.${pending ? ` ${pending}` : ''}`, messages[1]);
  if (work.note && !work.move && !work.supplement) noteInput.focus();
  else detailHeading.focus();
  return true;
}

const DELIVERY = {
  online: 'Nhận kết quả điện tử',
  post: 'Gửi qua bưu chính',
  'in-person': 'Nhận tại Bộ phận Một cửa',
};

/**
 * How the result goes back, for the clerk (the codes of the 2025 units are printed as they are
 * on the envelope's label; the names are on the dossier).
 * @param {any} d the payload's delivery
 */
function deliveryText(d) {
  if (!d || typeof d.method !== 'string') return '';
  const method = DELIVERY[/** @type {keyof typeof DELIVERY} */ (d.method)] ?? d.method;
  const label =
    d.method === 'post' && Number.isSafeInteger(d.postage)
      ? `${method} (cước ${vnd(d.postage)})`
      : method;
  if (d.method !== 'post' || !d.recipient) return label;
  const r = d.recipient;
  return `${label}: ${r.fullName}, ${r.phone}, ${r.address?.street} (xã ${r.address?.commune}, tỉnh ${r.address?.province})`;
}

/** @param {number} n */
const vnd = (n) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;

/**
 * The fee: amount and paid/unpaid, receipt links, and "take it at the desk" while unpaid.
 * @param {any} d
 */
function feeCell(d) {
  const p = d.payment;
  const td = document.createElement('td');
  if (!p || p.status === 'not-required') {
    td.textContent = 'Không thu';
    return td;
  }
  const line = document.createElement('div');
  line.textContent = `${vnd(p.fee)} · ${p.status === 'paid' ? 'Đã nộp' : 'Chưa nộp'}`;
  td.append(line);
  for (const pay of p.payments ?? []) {
    if (pay.status === 'duplicate') {
      const warn = document.createElement('div');
      warn.textContent = `Nộp trùng ${vnd(pay.amount)}: cần hoàn tiền`;
      td.append(warn);
    }
    if (!pay.receiptUrl || !/^\/bien-lai\/[A-Z0-9-]+$/.test(pay.receiptUrl)) continue;
    const a = document.createElement('a');
    a.href = pay.receiptUrl;
    a.textContent = `Biên lai ${pay.receiptNo}`;
    const div = document.createElement('div');
    div.append(a);
    td.append(div);
  }
  if (p.status === 'unpaid') {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.textContent = 'Thu tại quầy';
    b.setAttribute('aria-label', `Thu tại quầy: ${d.dossierCode}`);
    b.addEventListener('click', () => takeAtDesk(d.dossierCode, p.fee));
    td.append(b);
  }
  return td;
}

/** @param {string} code @param {number} fee */
async function takeAtDesk(code, fee) {
  if (!window.confirm(`Xác nhận đã thu ${vnd(fee)} cho hồ sơ ${code}?`)) return;
  // Guarded: an ended session signs out (and says so) instead of leaving a dead page.
  await guarded(async () => {
    await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/payments`, {
      method: 'POST',
      json: { method: 'desk' },
    });
    await refresh();
    say(`Đã ghi nhận nộp ${vnd(fee)} cho hồ sơ ${code} và lập biên lai.`);
  });
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

async function refresh() {
  const query = listQuery();
  const { dossiers, more, procedures } = await api(
    `/api/clerk/dossiers${query ? `?${query}` : ''}`,
  );
  fillOptions(procedures ?? []);
  tbody.replaceChildren(...dossiers.map(row));
  heading.hidden = false;
  searchForm.hidden = false;
  table.hidden = dossiers.length === 0;
  count.hidden = false;
  count.textContent =
    dossiers.length === 0
      ? query
        ? 'Không tìm thấy hồ sơ nào.'
        : 'Chưa có hồ sơ nào.'
      : `${dossiers.length}${more ? '+' : ''} hồ sơ${more ? ' (thu hẹp tìm kiếm để xem thêm)' : ''}.`;
  if (openCode) await show(openCode, false);
  if (session?.role === 'admin') {
    adminLinks.hidden = false;
    const { records } = await api('/api/clerk/admin/audit?limit=50');
    auditTable.tBodies[0].replaceChildren(
      ...records.map((/** @type {any} */ r) => {
        const tr = document.createElement('tr');
        tr.append(
          cell(vnTime(r.at)),
          cell(ACTORS[/** @type {keyof typeof ACTORS} */ (r.actor)] ?? r.actor),
          cell(actionText(r.action)),
          cell(OUTCOMES[/** @type {keyof typeof OUTCOMES} */ (r.outcome)] ?? r.outcome),
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

/** @param {any} s */
function signedIn(s) {
  session = s;
  form.hidden = true;
  bar.hidden = false;
  $('clerk-who').textContent =
    `${s.displayName} (${s.role === 'admin' ? 'quản trị viên' : 'cán bộ'})`;
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
  $('clerk-confirm-heading').textContent = `Chuyển hồ sơ ${code} sang “${label}”?`;
  $('clerk-confirm-text').textContent = FINAL.has(to)
    ? 'Đây là trạng thái cuối: sau khi xác nhận không thể chuyển hồ sơ sang trạng thái khác.'
    : 'Người dân sẽ thấy trạng thái mới và ghi chú khi tra cứu hồ sơ.';
  const group = $('clerk-confirm-note-group');
  const note = /** @type {HTMLTextAreaElement} */ ($('clerk-confirm-note'));
  const error = $('clerk-confirm-error');
  group.hidden = !needsNote;
  // The note of this very move, typed before the session ended, comes back.
  note.value = moveDraft?.code === code && moveDraft.to === to ? moveDraft.note : '';
  moveDraft = undefined;
  error.hidden = true;
  note.removeAttribute('aria-invalid');
  note.removeAttribute('aria-describedby');
  $('clerk-confirm-note-label').textContent =
    to === 'rejected'
      ? 'Lý do từ chối (người dân sẽ đọc được)'
      : 'Cần bổ sung gì (người dân sẽ đọc được)';
  const ok = $('clerk-confirm-ok');
  ok.textContent = `Xác nhận: ${label}`;
  ok.className = to === 'rejected' ? 'danger' : '';
  return new Promise((resolve) => {
    const form = /** @type {HTMLFormElement} */ ($('clerk-confirm-form'));
    /** @param {SubmitEvent} e */
    const onSubmit = (e) => {
      const submitter = /** @type {HTMLButtonElement | null} */ (e.submitter);
      if (submitter?.value !== 'confirm' || !needsNote || note.value.trim()) return;
      // A note the citizen must read is required: say so at the field, keep the dialog open.
      e.preventDefault();
      error.textContent = 'Lỗi: Vui lòng ghi nội dung người dân cần biết.';
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
      const draft = supplementDraft?.code === code ? supplementDraft.draft : undefined;
      supplementDraft = undefined;
      if (!(await requestSupplement(code, procedure, api, draft))) {
        button.focus();
        return;
      }
      await refresh();
      say(`Đã gửi yêu cầu bổ sung hồ sơ ${code}; hồ sơ chuyển sang “${LABELS[to]}”.`, messages[1]);
      detailHeading.focus();
    });
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
    unsavedMove = note ? { to, note } : undefined;
    try {
      await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/status`, {
        method: 'POST',
        json: { status: to, ...(note ? { note } : {}) },
      });
    } catch (e) {
      // Refused (another clerk moved it first…): the view shows the dossier as it is now, with
      // the moves it allows now, before the message says why; the pressed button may be gone.
      if (e instanceof Unauthorized) throw e;
      unsavedMove = undefined;
      await refresh().catch(() => undefined);
      say(/** @type {Error} */ (e).message, messages[1]);
      detailHeading.focus();
      return;
    }
    unsavedMove = undefined;
    await refresh();
    say(
      `Đã chuyển hồ sơ ${code} sang “${LABELS[/** @type {keyof typeof LABELS} */ (to)]}”.`,
      messages[1],
    );
    detailHeading.focus();
  });
}

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void guarded(refresh);
});
searchForm.addEventListener('reset', () => {
  // After the reset has cleared the fields; not when signing out clears them.
  setTimeout(() => session && void guarded(refresh));
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!username.value.trim() || !password.value) {
    say('Vui lòng nhập tên đăng nhập và mật khẩu.');
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
  signedOut('Đã đăng xuất.');
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
