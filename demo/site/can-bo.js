// Clerk page: lists dossiers and moves them through received → processing →
// needs-more-information / result-ready / rejected with the server's clerk API.
// The token stays in sessionStorage (gone when the tab closes). No innerHTML anywhere.

const TOKEN_KEY = 'dvc-clerk-token';
const LABELS = {
  received: 'Đã tiếp nhận',
  processing: 'Đang xử lý',
  'needs-more-information': 'Cần bổ sung hồ sơ',
  'result-ready': 'Đã có kết quả',
  rejected: 'Từ chối tiếp nhận',
};
/** Moves that tell the citizen something they must read ask for a note. */
const NEEDS_NOTE = new Set(['needs-more-information', 'rejected']);

const form = /** @type {HTMLFormElement} */ (document.getElementById('clerk-login'));
const tokenInput = /** @type {HTMLInputElement} */ (document.getElementById('clerk-token'));
const message = /** @type {HTMLElement} */ (document.getElementById('clerk-message'));
const heading = /** @type {HTMLElement} */ (document.getElementById('clerk-heading'));
const table = /** @type {HTMLTableElement} */ (document.getElementById('clerk-table'));
const tbody = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);

/** @param {string} text */
function say(text) {
  message.textContent = text;
}

/** @param {string} path @param {RequestInit} [init] */
async function api(path, init = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  const r = await fetch(path, {
    ...init,
    headers: {
      accept: 'application/json',
      'accept-language': 'vi',
      authorization: `Bearer ${token}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.detail ?? `Lỗi ${r.status}`);
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

/** @param {any} d */
function row(d) {
  const tr = document.createElement('tr');
  const procedureCell = cell(d.procedure?.title?.vi ?? d.procedure?.code ?? '');
  const delivery = deliveryText(d.delivery);
  if (delivery) {
    const line = document.createElement('div');
    line.className = 'delivery';
    line.textContent = delivery;
    procedureCell.append(line);
  }
  tr.append(
    cell(d.dossierCode),
    procedureCell,
    cell(LABELS[/** @type {keyof typeof LABELS} */ (d.status)] ?? d.status, 'status'),
    cell(vnDate(d.expectedResultDate)),
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
    b.addEventListener('click', () => move(d.dossierCode, to));
    actions.append(b);
  }
  if (!actions.childElementCount) actions.textContent = 'Đã kết thúc';
  td.append(actions);
  tr.append(td);
  return tr;
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
  const label = DELIVERY[/** @type {keyof typeof DELIVERY} */ (d.method)] ?? d.method;
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
    b.setAttribute('aria-label', `Thu phí tại quầy: ${d.dossierCode}`);
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
      body: JSON.stringify({ method: 'desk' }),
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
}

/** @param {string} code @param {string} to */
async function move(code, to) {
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
  try {
    await api(`/api/clerk/dossiers/${encodeURIComponent(code)}/status`, {
      method: 'POST',
      body: JSON.stringify({ status: to, ...(note ? { note } : {}) }),
    });
    await refresh();
    say(`Đã chuyển hồ sơ ${code} sang “${LABELS[/** @type {keyof typeof LABELS} */ (to)]}”.`);
  } catch (e) {
    say(/** @type {Error} */ (e).message);
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
  try {
    await refresh();
    say('');
  } catch (e) {
    say(/** @type {Error} */ (e).message);
  }
});

if (sessionStorage.getItem(TOKEN_KEY)) {
  tokenInput.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  refresh().catch((e) => say(e.message));
}
