// Home page: replaces the static list of procedures with the server's list (GET /api/procedures),
// so a procedure file dropped into schemas/procedures shows up after a restart.
// DOM building only through textContent: procedure titles are author text.

const list = document.getElementById('procedure-list');
const listStatus = document.getElementById('procedure-list-status');

/**
 * @param {{ title: { vi: string, en?: string }, code: string, page: string | null,
 *   processingDays: number, agency?: { vi: string } }} p
 */
function item(p) {
  const li = document.createElement('li');
  const title = document.createElement(p.page ? 'a' : 'span');
  if (p.page) title.setAttribute('href', p.page);
  title.textContent = p.title.vi;
  li.append(title);
  if (p.title.en) {
    const en = document.createElement('p');
    en.className = 'meta';
    en.lang = 'en';
    en.textContent = p.title.en;
    li.append(en);
  }
  const meta = document.createElement('p');
  meta.className = 'meta';
  const days =
    p.processingDays === 0
      ? 'Giải quyết trong ngày'
      : `Giải quyết trong ${p.processingDays} ngày làm việc`;
  meta.textContent = [`Mã thủ tục ${p.code}`, days, p.agency?.vi].filter(Boolean).join(' · ');
  li.append(meta);
  return li;
}

async function load() {
  if (!list) return;
  try {
    const r = await fetch('/api/procedures', { headers: { accept: 'application/json' } });
    if (!r.ok) throw new Error(String(r.status));
    const { procedures } = await r.json();
    if (!Array.isArray(procedures) || procedures.length === 0) return;
    list.replaceChildren(...procedures.map(item));
  } catch {
    // The static list stays: every link still works.
    if (listStatus) listStatus.textContent = 'Không tải được thông tin chi tiết các thủ tục.';
  }
}

load();
