// Clerk page: sign in with a personal account, list dossiers and move them through
// received → processing → needs-more-information / result-ready / rejected; admins also see the
// audit log. The session lives in an HttpOnly cookie the script cannot read; every change sends
// the session's CSRF token, kept in memory only. Runs under the strict CSP: no innerHTML.
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
  'status.lookup': 'Người dân tra cứu',
  'dossier.forwarding.retry': 'Chuyển lại sang một cửa điện tử',
  'dossier.supplement-request': 'Yêu cầu bổ sung',
  'dossier.supplement': 'Người dân nộp bổ sung',
  'dossier.supplements.read': 'Xem hồ sơ bổ sung',
  'notification.address': 'Gửi thông báo cho người nộp',
};
/** Moves that tell the citizen something they must read ask for a note. */
const NEEDS_NOTE = new Set(['needs-more-information', 'rejected']);

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
const auditHeading = $('audit-heading');
const auditTable = /** @type {HTMLTableElement} */ ($('audit-table'));

/** @type {{ username: string, displayName: string, role: string, csrfToken: string } | undefined} */
let session;

/** @param {string} text */
function say(text) {
  message.textContent = text;
}

class Unauthorized extends Error {}

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
  if (r.status === 401 && path !== '/api/auth/login') throw new Unauthorized(body.detail);
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
    procedureCell,
    cell(LABELS[/** @type {keyof typeof LABELS} */ (d.status)] ?? d.status, 'status'),
    cell(vnDate(d.expectedResultDate)),
    cell(last ? `${last.actor === 'system' ? 'Hệ thống' : last.actor}, ${vnTime(last.at)}` : ''),
    feeCell(d),
  );
  const td = document.createElement('td');
  const actions = document.createElement('div');
  actions.className = 'actions';
  for (const to of d.allowed ?? []) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = to === 'rejected' ? 'danger' : to === 'processing' ? '' : 'secondary';
    b.textContent = LABELS[/** @type {keyof typeof LABELS} */ (to)] ?? to;
    b.setAttribute('aria-label', `${b.textContent}: ${d.dossierCode}`);
    b.addEventListener('click', () => move(d.dossierCode, to, d.procedure));
    actions.append(b);
  }
  if (!actions.childElementCount) actions.textContent = 'Đã kết thúc';
  td.append(actions);
  tr.append(td);
  return tr;
}

/**
 * One dossier, read through the audited clerk API: who helped fill it in and what the applicant
 * and the helper confirmed (both signed in the payload), how the result goes back, its files.
 * @param {string} code
 */
async function show(code) {
  const d = await api(`/api/clerk/dossiers/${encodeURIComponent(code)}`);
  const p = d.payload ?? {};
  /** @type {[string, string][]} */
  const items = [['Ngày nộp', p.submittedAt ? vnTime(p.submittedAt) : '']];
  if (typeof p.assistedBy === 'string' && p.assistedBy) {
    const a = p.assistance ?? {};
    items.push(
      ['Khai với sự hỗ trợ của', p.assistedBy],
      [
        'Người nộp hồ sơ',
        a.applicantConfirmed === true
          ? 'Đã nghe lời cam đoan và đồng ý'
          : 'Không có xác nhận của người nộp',
      ],
      [
        'Người hỗ trợ cam đoan',
        a.helperConfirmed === true && typeof a.helperStatement === 'string'
          ? `“${a.helperStatement}”`
          : 'Không có cam đoan của người hỗ trợ',
      ],
    );
  } else items.push(['Người khai', 'Người nộp hồ sơ tự khai']);
  const delivery = deliveryText(p.delivery);
  if (delivery) items.push(['Nhận kết quả', delivery]);
  /** @type {{ id: string, name: string | null }[]} */
  const files = Array.isArray(d.files) ? d.files : [];
  items.push(['Giấy tờ', files.length ? '' : 'Không có']);
  detailList.replaceChildren(
    ...items.flatMap(([term, text]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = text;
      return [dt, dd];
    }),
  );
  if (files.length) {
    // Each a download of the decrypted file, checked against its signed SHA-256 (audited).
    const list = document.createElement('ul');
    for (const f of files) {
      const a = document.createElement('a');
      a.href = `/api/clerk/dossiers/${encodeURIComponent(code)}/files/${encodeURIComponent(f.id)}`;
      a.textContent = f.name || f.id;
      const li = document.createElement('li');
      li.append(a);
      list.append(li);
    }
    /** @type {HTMLElement} */ (detailList.lastElementChild).append(list);
  }
  detailList.append(
    ...forwardingTerms(d.forwarding, () =>
      guarded(async () => {
        await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/forwarding/retry`, {
          method: 'POST',
        });
        await show(code);
        say(`Đã đặt chuyển lại hồ sơ ${code}.`);
      }),
    ),
  );
  detail.querySelector('.supplements-view')?.remove();
  const supplements = await supplementsView(code, api);
  if (supplements) detail.append(supplements);
  detailHeading.textContent = `Hồ sơ ${code}`;
  detail.hidden = false;
  detailHeading.focus();
}

function signedOut(text = '') {
  session = undefined;
  form.hidden = false;
  bar.hidden = true;
  for (const el of [heading, table, detail, auditHeading, auditTable]) el.hidden = true;
  detailList.replaceChildren();
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
      signedOut('Phiên làm việc đã hết. Vui lòng đăng nhập lại.');
      username.focus();
    } else say(/** @type {Error} */ (e).message);
  }
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
  try {
    await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/payments`, {
      method: 'POST',
      json: { method: 'desk' },
    });
    await refresh();
    say(`Đã ghi nhận nộp ${vnd(fee)} cho hồ sơ ${code} và lập biên lai.`);
  } catch (e) {
    say(/** @type {Error} */ (e).message);
  }
}

async function refresh() {
  const { dossiers } = await api('/api/clerk/dossiers');
  tbody.replaceChildren(...dossiers.map(row));
  heading.hidden = false;
  table.hidden = false;
  if (dossiers.length === 0) say('Chưa có hồ sơ nào.');
  if (session?.role === 'admin') {
    const { records } = await api('/api/clerk/admin/audit?limit=50');
    auditTable.tBodies[0].replaceChildren(
      ...records.map((/** @type {any} */ r) => {
        const tr = document.createElement('tr');
        tr.append(
          cell(vnTime(r.at)),
          cell(r.actor),
          cell(ACTIONS[/** @type {keyof typeof ACTIONS} */ (r.action)] ?? r.action),
          cell(r.outcome),
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
 * @param {string} code @param {string} to
 * @param {{ code: string, version: string }} [procedure] the dossier's procedure
 */
async function move(code, to, procedure) {
  // "Cần bổ sung" says exactly what is missing: the request dialog (can-bo-bo-sung.js).
  if (to === 'needs-more-information' && procedure) {
    await guarded(async () => {
      if (!(await requestSupplement(code, procedure, api))) return;
      await refresh();
      say(`Đã gửi yêu cầu bổ sung hồ sơ ${code}; hồ sơ chuyển sang “${LABELS[to]}”.`);
    });
    return;
  }
  let note = '';
  if (NEEDS_NOTE.has(to)) {
    const asked = window.prompt(
      to === 'rejected'
        ? `Lý do từ chối hồ sơ ${code} (người dân sẽ đọc được):`
        : `Cần bổ sung gì cho hồ sơ ${code}? (người dân sẽ đọc được)`,
    );
    if (asked === null) return;
    note = asked.trim();
  }
  await guarded(async () => {
    await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/status`, {
      method: 'POST',
      json: { status: to, ...(note ? { note } : {}) },
    });
    await refresh();
    say(`Đã chuyển hồ sơ ${code} sang “${LABELS[/** @type {keyof typeof LABELS} */ (to)]}”.`);
  });
}

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
    await guarded(refresh);
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
