// The weekly report for administrators (docs/receiver.md#the-weekly-report): received, finished
// on time, late, overdue and open per week and procedure, from GET /api/clerk/admin/report, and
// its CSV export. Uses the clerk's session cookie (sign in on can-bo.html). Strict CSP: no
// innerHTML.
const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const message = $('report-message');
const form = /** @type {HTMLFormElement} */ ($('report-form'));
const weeks = /** @type {HTMLSelectElement} */ ($('report-weeks'));
const table = /** @type {HTMLTableElement} */ ($('report-table'));
const csv = /** @type {HTMLAnchorElement} */ ($('report-csv'));

/** @param {string} iso YYYY-MM-DD → dd/mm/yyyy */
const vnDate = (iso) => iso.split('-').reverse().join('/');

/** @param {string | number} text @param {string} [cls] @param {'td' | 'th'} [tag] */
function cell(text, cls, tag = 'td') {
  const c = document.createElement(tag);
  c.textContent = String(text);
  if (cls) c.className = cls;
  if (tag === 'th') c.setAttribute('scope', 'row');
  return c;
}

const COUNTS = /** @type {const} */ (['received', 'onTime', 'late', 'overdue', 'open']);

async function load() {
  const r = await fetch(`/api/clerk/admin/report?weeks=${encodeURIComponent(weeks.value)}`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'accept-language': 'vi' },
  });
  const body = await r.json().catch(() => ({}));
  if (r.status === 401) {
    message.textContent = 'Vui lòng đăng nhập ở trang cán bộ trước.';
    return;
  }
  if (!r.ok) {
    message.textContent = body.detail ?? `Lỗi ${r.status}`;
    return;
  }
  form.hidden = false;
  $('report-download').hidden = false;
  csv.href = `/api/clerk/admin/report.csv?weeks=${encodeURIComponent(weeks.value)}`;
  /** @type {any[]} */
  const lines = body.lines ?? [];
  table.tBodies[0].replaceChildren(
    ...lines.map((l) => {
      const tr = document.createElement('tr');
      tr.append(
        cell(`${vnDate(l.week)} – ${vnDate(l.weekEnd)}`, '', 'th'),
        cell(l.title),
        cell(l.agency),
        ...COUNTS.map((k) => cell(l[k], 'number')),
      );
      return tr;
    }),
  );
  const total = document.createElement('tr');
  total.append(cell('Tổng cộng', '', 'th'), cell(''), cell(''));
  for (const k of COUNTS)
    total.append(
      cell(
        lines.reduce((n, l) => n + l[k], 0),
        'number',
      ),
    );
  table.tFoot?.replaceChildren(total);
  table.hidden = false;
  message.textContent = lines.length ? '' : 'Chưa có hồ sơ nào trong những tuần này.';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
void load();
