// The clerk's desk API on the real receiver (SQLite here, PostgreSQL in the postgres stage):
// search over encrypted dossiers through the keyed blind index, filters, overdue by the
// working-day calendar, sorting by due date, notes, the file hash check and the weekly report
// with its CSV export for administrators.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  ADMIN,
  CLERK,
  challenge,
  clock,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  type Running,
} from './helpers.js';

const PEOPLE = [
  { fullName: 'Nguyễn Văn An', phone: '0912 345 678', personalId: '001099012345' },
  { fullName: 'Đặng Thị Ánh', phone: '0987 654 321', personalId: '079188000111' },
  { fullName: 'Trần Văn Bình', phone: '0903 111 222', personalId: '001077000999' },
];

describe('the clerk desk API', () => {
  let s: Running;
  const time = clock('2026-05-04T02:00:00.000Z'); // Monday 4/5/2026, 09:00 in Hà Nội
  const codes: string[] = [];
  const clerk = () => ({ authorization: `Bearer ${s.clerkKey}` });
  const admin = () => ({ authorization: `Bearer ${s.adminKey}` });
  const list = async (query = '') => {
    const r = await fetch(`${s.base}/api/clerk/dossiers${query}`, { headers: clerk() });
    assert.equal(r.status, 200);
    const body = (await r.json()) as { dossiers: Record<string, unknown>[] };
    return body.dossiers;
  };
  const codesOf = async (query: string) => (await list(query)).map((d) => d.dossierCode).sort();
  const all = (sql: string, ...params: unknown[]) => s.app.dvc.storage.prepare(sql).all(...params);

  before(async () => {
    s = await start({ verifySubmission: fakeVerify, now: time.now });
    for (const [i, applicant] of PEOPLE.entries()) {
      time.set(`2026-05-0${4 + i}T02:00:00.000Z`);
      const extra = i === 2 ? { assistedBy: 'buu-dien-ba-dinh-07' } : {};
      const r = await postDossier(
        s.base,
        fakeJws(payload(await challenge(s.base), { answers: { applicant }, ...extra })),
      );
      assert.equal(r.status, 201);
      codes.push(((await r.json()) as { dossierCode: string }).dossierCode);
    }
  });
  after(async () => {
    await s?.close();
  });

  test('search by ID number, phone, name without tone marks, and code; the query is never stored', async () => {
    assert.deepEqual(await codesOf('?q=001099012345'), [codes[0]]);
    assert.deepEqual(await codesOf(`?q=${encodeURIComponent('0012 3456 7890')}`), []);
    assert.deepEqual(await codesOf(`?q=${encodeURIComponent('+84 987 654 321')}`), [codes[1]]);
    assert.deepEqual(await codesOf(`?q=${encodeURIComponent('dang thi anh')}`), [codes[1]]);
    assert.deepEqual(await codesOf(`?q=${encodeURIComponent('Văn')}`), [codes[0], codes[2]].sort());
    // Every word must match: "văn ánh" is nobody.
    assert.deepEqual(await codesOf(`?q=${encodeURIComponent('văn ánh')}`), []);
    assert.deepEqual(await codesOf(`?q=${codes[2].toLowerCase()}`), [codes[2]]);
    const [first] = await list('?q=001099012345');
    assert.equal(first.applicant, 'Nguyễn Văn An');
    const lists = (await all(
      "SELECT actor, action, outcome, detail FROM audit_log WHERE action = 'dossier.list' ORDER BY id",
    )) as { actor: string; detail: string }[];
    assert.deepEqual(JSON.parse(lists[0].detail), {
      count: 1,
      search: 'number',
      dossiers: [codes[0]],
    });
    assert.ok(lists.every((l) => l.actor.startsWith(CLERK.username)));
    // A dossier's audit records name every list that showed its applicant, and by what it was
    // searched (newest first): by ID number twice, and once among the names with "Văn".
    const seen = async (code: string) => {
      const r = await fetch(`${s.base}/api/clerk/admin/audit?dossier=${code}`, {
        headers: admin(),
      });
      const { records } = (await r.json()) as {
        records: {
          actor: string;
          action: string;
          dossier: string | null;
          detail: { search?: string };
        }[];
      };
      return records.map((x) => [x.action, x.actor, x.dossier, x.detail.search]);
    };
    const actor = lists[0].actor;
    assert.deepEqual(await seen(codes[0]), [
      ['dossier.list', actor, null, 'number'],
      ['dossier.list', actor, null, 'name'],
      ['dossier.list', actor, null, 'number'],
    ]);
    assert.deepEqual(await seen(codes[1]), [
      ['dossier.list', actor, null, 'name'],
      ['dossier.list', actor, null, 'number'],
    ]);
    const text = JSON.stringify(await all('SELECT * FROM audit_log'));
    for (const secret of ['001099012345', '987654321', 'dang', 'Ánh']) {
      assert.ok(!text.includes(secret), secret);
    }
  });

  test('the blind index holds keyed hashes only: no value, and not a plain hash of one', async () => {
    const rows = (await all('SELECT * FROM dossier_search WHERE dossier_code = ?', codes[0])) as {
      term_hmac: string;
    }[];
    // nguyen, van, an, the ID, the phone.
    assert.equal(rows.length, 5);
    const plain = ['001099012345', '0912345678', 'nguyen', 'number:001099012345'].map((v) =>
      createHash('sha256').update(v).digest('hex'),
    );
    for (const r of rows) {
      assert.match(r.term_hmac, /^[0-9a-f]{64}$/);
      assert.ok(!plain.includes(r.term_hmac));
    }
  });

  test('filters: procedure, status, assisted; overdue by the working-day calendar', async () => {
    assert.equal((await list('?procedure=thu-nghiem')).length, 3);
    assert.equal((await list('?procedure=khong-co')).length, 0);
    assert.deepEqual(await codesOf('?assisted=1'), [codes[2]]);
    assert.deepEqual(await codesOf('?status=received'), [...codes].sort());
    const bad = await fetch(`${s.base}/api/clerk/dossiers?status=xyz`, { headers: clerk() });
    assert.equal(bad.status, 400);
    const due = (await all(
      'SELECT code, expected_result_date AS due FROM dossiers ORDER BY code',
    )) as { code: string; due: string }[];
    const dueOf = Object.fromEntries(due.map((d) => [d.code, d.due]));
    // 3 working days: received Mon 4/5 → Thu 7/5, Tue 5/5 → Fri 8/5, Wed 6/5 → Mon 11/5.
    assert.deepEqual(
      codes.map((c) => dueOf[c]),
      ['2026-05-07', '2026-05-08', '2026-05-11'],
    );
    time.set('2026-05-08T03:00:00.000Z'); // Friday 8/5
    assert.deepEqual(await codesOf('?overdue=1'), [codes[0]]);
    const marks = Object.fromEntries((await list()).map((d) => [d.dossierCode, d.deadline]));
    assert.deepEqual(marks[codes[0]], { state: 'overdue', workingDaysLate: 1 });
    assert.deepEqual(marks[codes[1]], { state: 'due-today', workingDaysLate: 0 });
    assert.deepEqual(marks[codes[2]], { state: 'on-track', workingDaysLate: 0 });
    // Waiting for the citizen stops the clock: not overdue.
    const move = (code: string, status: string) =>
      fetch(`${s.base}/api/clerk/dossiers/${code}/status`, {
        method: 'POST',
        headers: { ...clerk(), 'content-type': 'application/json' },
        body: JSON.stringify({ status, note: 'Bổ sung bản sao giấy khai sinh.' }),
      });
    assert.equal((await move(codes[0], 'processing')).status, 200);
    // "Cần bổ sung hồ sơ" is reached by a supplement request that says what is missing.
    const asked = await fetch(`${s.base}/api/clerk/dossiers/${codes[0]}/supplement-requests`, {
      method: 'POST',
      headers: { ...clerk(), 'content-type': 'application/json' },
      body: JSON.stringify({
        items: { fields: [], documents: ['giay-to'] },
        note: 'Bổ sung bản sao giấy khai sinh.',
      }),
    });
    assert.equal(asked.status, 201, await asked.text());
    assert.deepEqual(await codesOf('?overdue=1'), []);
    assert.equal((await move(codes[0], 'processing')).status, 200);
    // Sorted by due date, earliest first, and latest first.
    assert.deepEqual(
      (await list('?sort=due')).map((d) => d.dossierCode),
      codes,
    );
    assert.deepEqual(
      (await list('?sort=-due')).map((d) => d.dossierCode),
      [...codes].reverse(),
    );
    // A name every object inherits is no sort (it once reached the SQL: a 500) and no status.
    const received = (await list()).map((d) => d.dossierCode);
    for (const name of ['__proto__', 'constructor', 'toString'])
      assert.deepEqual(
        (await list(`?sort=${name}`)).map((d) => d.dossierCode),
        received,
        name,
      );
    const byStatus = await fetch(`${s.base}/api/clerk/dossiers?status=constructor`, {
      headers: clerk(),
    });
    assert.equal(byStatus.status, 400);
  });

  test('notes are stored with the clerk who wrote them, audited, and never empty', async () => {
    const post = (note: unknown) =>
      fetch(`${s.base}/api/clerk/dossiers/${codes[1]}/notes`, {
        method: 'POST',
        headers: { ...clerk(), 'content-type': 'application/json', 'accept-language': 'vi' },
        body: JSON.stringify({ note }),
      });
    const empty = await post('   ');
    assert.equal(empty.status, 400);
    assert.equal(
      ((await empty.json()) as { detail: string }).detail,
      'Vui lòng nhập nội dung ghi chú trước khi lưu.',
    );
    const r = await post('  Đã gọi điện hẹn người nộp mang bản chính.  ');
    assert.equal(r.status, 201);
    const d = (await (
      await fetch(`${s.base}/api/clerk/dossiers/${codes[1]}`, { headers: clerk() })
    ).json()) as { notes: unknown[] };
    assert.deepEqual(d.notes, [
      {
        actor: `${CLERK.username} (khoá API ${s.clerkKey.split('_')[1]})`,
        at: '2026-05-08T03:00:00.000Z',
        note: 'Đã gọi điện hẹn người nộp mang bản chính.',
      },
    ]);
    const audit = await all(
      "SELECT action, dossier_code AS dossier, detail FROM audit_log WHERE action = 'dossier.note'",
    );
    assert.deepEqual(audit, [
      { action: 'dossier.note', dossier: codes[1], detail: '{"length":41}' },
    ]);
  });

  test('a stored file is checked against the SHA-256 the applicant signed', async () => {
    const pdf = Buffer.from('%PDF-1.7\n% bản chụp căn cước\n%%EOF\n');
    const sha = createHash('sha256').update(pdf).digest('hex');
    const body = new FormData();
    const documents = [
      { slot: 'giay-to', name: 'cccd.pdf', type: 'application/pdf', size: pdf.length, sha256: sha },
    ];
    body.set('payload', fakeJws(payload(await challenge(s.base), { documents })));
    body.set(
      'file:giay-to:0',
      new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }),
      'cccd.pdf',
    );
    const r = await fetch(`${s.base}/api/dossiers`, { method: 'POST', body });
    assert.equal(r.status, 201);
    const { dossierCode: code } = (await r.json()) as { dossierCode: string };
    const detail = async () =>
      (await (
        await fetch(`${s.base}/api/clerk/dossiers/${code}`, { headers: clerk() })
      ).json()) as {
        files: { name: string; sha256: string; hashOk: boolean | null }[];
        signature: Record<string, unknown>;
        procedureFile: string;
      };
    const d = await detail();
    assert.deepEqual(
      d.files.map((f) => [f.name, f.sha256, f.hashOk]),
      [['cccd.pdf', sha, true]],
    );
    assert.deepEqual(d.signature, {
      status: 'verified',
      verifiedAt: '2026-05-08T03:00:00.000Z',
      kid: 'test-kid',
      alg: 'ES256',
      procedureMatches: false, // the test payload pins 000…0, not the served file's hash
    });
    assert.equal(d.procedureFile, '/procedures/thu-nghiem.json');
    // One byte changed on disk: the stored file no longer matches what was signed.
    const [{ path }] = (await all('SELECT path FROM uploads WHERE dossier_code = ?', code)) as {
      path: string;
    }[];
    const bytes = await s.app.dvc.objects.readAll(path);
    bytes[bytes.length - 2] ^= 1;
    await s.app.dvc.objects.put(path, bytes);
    const after = await detail();
    assert.notEqual(after.files[0].hashOk, true);
  });

  test('the weekly report: admins only, per week and procedure, CSV with a BOM and quoting', async () => {
    const refused = await fetch(`${s.base}/api/clerk/admin/report`, { headers: clerk() });
    assert.equal(refused.status, 403);
    time.set('2026-05-12T03:00:00.000Z'); // Tuesday of the next week
    // One finished on time (received 5/5, due 8/5, result on 11/5: late), one rejected on time.
    const move = (code: string, status: string) =>
      fetch(`${s.base}/api/clerk/dossiers/${code}/status`, {
        method: 'POST',
        headers: { ...admin(), 'content-type': 'application/json' },
        body: JSON.stringify({ status, note: 'Lý do' }),
      });
    time.set('2026-05-07T03:00:00.000Z');
    assert.equal((await move(codes[2], 'rejected')).status, 200);
    time.set('2026-05-11T03:00:00.000Z');
    assert.equal((await move(codes[1], 'processing')).status, 200);
    assert.equal((await move(codes[1], 'result-ready')).status, 200);
    time.set('2026-05-12T03:00:00.000Z');
    const r = await fetch(`${s.base}/api/clerk/admin/report?weeks=4`, { headers: admin() });
    assert.equal(r.status, 200);
    const { lines } = (await r.json()) as { lines: Record<string, unknown>[] };
    assert.deepEqual(lines, [
      {
        week: '2026-05-04',
        weekEnd: '2026-05-10',
        procedure: 'thu-nghiem',
        received: 4,
        onTime: 1,
        late: 1,
        overdue: 1,
        open: 1,
        title: 'Thủ tục thử nghiệm',
        procedureCode: '9.000001',
        agency: 'Ủy ban nhân dân xã Thử Nghiệm',
      },
    ]);
    const csv = await fetch(`${s.base}/api/clerk/admin/report.csv?weeks=4`, { headers: admin() });
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(
      csv.headers.get('content-disposition'),
      'attachment; filename="bao-cao-tuan-2026-05-12.csv"',
    );
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(
      bytes.subarray(3).toString('utf8'),
      'Tuần từ,Đến,Thủ tục,Mã thủ tục,Cơ quan,Tiếp nhận,Đúng hạn,Trễ hạn,Quá hạn chưa xử lý,Đang xử lý\r\n' +
        '2026-05-04,2026-05-10,Thủ tục thử nghiệm,9.000001,Ủy ban nhân dân xã Thử Nghiệm,4,1,1,1,1\r\n',
    );
    assert.equal(ADMIN.role, 'admin');
  });
});

test('CSV records: RFC 4180 quoting, and no formula from author text', async () => {
  const { csvRow } = await import('../../demo/server/desk.js');
  assert.equal(
    csvRow(['Thủ tục "A", loại 1', 'dòng 1\ndòng 2', '=HYPERLINK("x")', 12, '', null]),
    '"Thủ tục ""A"", loại 1","dòng 1\ndòng 2","\'=HYPERLINK(""x"")",12,,',
  );
});
