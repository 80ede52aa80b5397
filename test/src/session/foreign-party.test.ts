/**
 * Issue 19, points 5, 6 and 8 through the session core (the form's, `check`'s and verify's one
 * decision): shared option lists (own and shipped) constrain the answer, international phone
 * numbers and passport numbers are checked and normalised, a document's issue date comes and
 * goes with the document, and a document brought to the desk takes no file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';
import { ProcedureModel } from '../../../src/session/index.js';

const text = readFileSync(
  new URL('../../../schemas/procedures/dang-ky-ket-hon-nuoc-ngoai.json', import.meta.url),
  'utf8',
);
const TODAY = '2026-11-26';

const VALID = {
  vnParty: {
    fullName: 'Nguyễn Thị Lan',
    sex: 'female',
    birthDate: '1995-03-15',
    ethnicity: '01',
    religion: 'none',
    personalId: '001195012345',
    phone: '0912345678',
    residence: { province: '01', commune: '00004', street: 'Số 12 phố Đội Cấn' },
  },
  foreignParty: {
    fullName: 'John Smith',
    sex: 'male',
    birthDate: '1990-01-02',
    nationality: 'GB',
    passportNumber: ' 12345 6789 ',
    phone: '+44 20 7946 0958',
    addressAbroad: { country: 'GB', address: '10 Downing Street, London SW1A 2AA' },
    maritalStatusIssueDate: '2026-08-01',
    medicalIssueDate: '2026-10-01',
  },
};

async function model() {
  const loaded = loadProcedure(text);
  if (!loaded.ok) assert.fail(JSON.stringify(loaded.problems));
  assert.deepEqual(loaded.problems, []);
  return ProcedureModel.create(loaded.procedure, { onRuleProblem: () => {} });
}

function withAnswers(change: (a: typeof VALID) => void) {
  const a = structuredClone(VALID);
  change(a);
  return a;
}

const files = [
  {
    slot: 'maritalStatus',
    name: 'a.pdf',
    type: 'application/pdf',
    size: 1000,
    sha256: 'a'.repeat(64),
  },
  { slot: 'medical', name: 'b.pdf', type: 'application/pdf', size: 1000, sha256: 'b'.repeat(64) },
];

async function decide(answers: unknown, documents = files, lang: 'vi' | 'en' = 'vi') {
  const m = await model();
  const s = m.createSession({
    today: TODAY,
    lang,
    answers: answers as Record<string, unknown>,
    documents,
  });
  const d = await s.check();
  return { m, d, problems: d.problems.map((p) => [p.path, p.code, p.message]) };
}

test('shipped and own option lists become the questions’ options', async () => {
  const m = await model();
  const nationality = m.field('foreignParty.nationality')!;
  assert.equal(nationality.options.length, 249);
  assert.deepEqual(
    nationality.options.find((o) => o.value === 'VN'),
    { value: 'VN', label: { vi: 'Việt Nam', en: 'Vietnam' } },
  );
  assert.equal(m.field('vnParty.ethnicity')!.options.length, 54);
  assert.deepEqual(m.field('vnParty.ethnicity')!.options[0], {
    value: '01',
    label: { vi: 'Kinh' },
  });
  assert.equal(m.field('vnParty.religion')!.options[0]!.label.vi, 'Không');
  assert.deepEqual(
    m.field('vnParty.sex')!.options.map((o) => o.value),
    ['male', 'female'],
  );
});

test('valid answers: passport and phone normalised, nothing wrong', async () => {
  const { d, problems } = await decide(VALID);
  assert.deepEqual(problems, []);
  assert.equal(
    d.normalised.foreignParty &&
      (d.normalised.foreignParty as Record<string, unknown>).passportNumber,
    '123456789',
  );
  assert.equal((d.normalised.foreignParty as Record<string, unknown>).phone, '+442079460958');
  assert.equal(d.fee.total, 1000000);
});

test('an answer outside its list is refused with the list’s message, vi and en', async () => {
  const answers = withAnswers((a) => {
    a.foreignParty.nationality = 'XX';
    a.vnParty.ethnicity = '99';
    a.vnParty.religion = 'jedi';
  });
  assert.deepEqual((await decide(answers)).problems, [
    ['/vnParty/ethnicity', 'enum', 'Chọn dân tộc trong danh sách có sẵn'],
    ['/vnParty/religion', 'enum', 'Chọn tôn giáo trong danh sách có sẵn'],
    ['/foreignParty/nationality', 'enum', 'Chọn quốc tịch trong danh sách có sẵn'],
  ]);
  assert.deepEqual(
    (await decide(answers, files, 'en')).problems.map((p) => p[2]),
    [
      'Select the ethnic group from the list',
      'Select the religion from the list',
      'Select the nationality from the list',
    ],
  );
});

test('international phone numbers: E.164 by libphonenumber, with the reason', async () => {
  const cases: [string, string][] = [
    [
      '0912345678',
      'Số điện thoại quốc tế phải bắt đầu bằng dấu + và mã quốc gia, ví dụ +44 20 7946 0958',
    ],
    [
      '+44 20 7946',
      'Số điện thoại quốc tế có số chữ số không đúng với quốc gia của mã đã nhập. Hãy kiểm tra lại',
    ],
    [
      '+999 123 456',
      'Số điện thoại quốc tế phải bắt đầu bằng dấu + và mã quốc gia, ví dụ +44 20 7946 0958',
    ],
    ['+44 twenty', 'Số điện thoại quốc tế chỉ gồm dấu + và chữ số, ví dụ +44 20 7946 0958'],
  ];
  for (const [phone, message] of cases) {
    const { problems } = await decide(withAnswers((a) => (a.foreignParty.phone = phone)));
    assert.deepEqual(problems, [['/foreignParty/phone', 'format.intl-phone', message]], phone);
  }
  for (const phone of ['+1 202 456 1111', '0084 912 345 678', '+81 3-3581-0101'])
    assert.deepEqual(
      (await decide(withAnswers((a) => (a.foreignParty.phone = phone)))).problems,
      [],
      phone,
    );
});

test('passport numbers: 6 to 9 letters A–Z and digits', async () => {
  for (const [value, message] of [
    ['C12', 'Số hộ chiếu phải có từ 6 đến 9 ký tự, như in trên hộ chiếu'],
    ['C1234567890', 'Số hộ chiếu phải có từ 6 đến 9 ký tự, như in trên hộ chiếu'],
    [
      'Ç1234567',
      'Số hộ chiếu chỉ gồm chữ cái không dấu và chữ số, như in trên hộ chiếu, ví dụ C1234567',
    ],
    [
      'ABCDEFGH',
      'Số hộ chiếu chỉ gồm chữ cái không dấu và chữ số, như in trên hộ chiếu, ví dụ C1234567',
    ],
  ])
    assert.deepEqual(
      (await decide(withAnswers((a) => (a.foreignParty.passportNumber = value)))).problems,
      [['/foreignParty/passportNumber', 'format.passport-number', message]],
      value,
    );
  assert.deepEqual(
    (await decide(withAnswers((a) => (a.foreignParty.passportNumber = 'c1234567')))).problems,
    [],
  );
});

test('a document’s issue date is required with it and usable in a rule', async () => {
  const missing = withAnswers(
    (a) => delete (a.foreignParty as Partial<typeof a.foreignParty>).maritalStatusIssueDate,
  );
  const { d, problems } = await decide(missing);
  assert.ok(d.required.fields.includes('foreignParty.maritalStatusIssueDate'));
  assert.deepEqual(
    problems.map((p) => p.slice(0, 2)),
    [['/foreignParty/maritalStatusIssueDate', 'required']],
  );
  // Issued 31 May 2026: six months on is 30 November, still on or after 26 November.
  assert.deepEqual(
    (await decide(withAnswers((a) => (a.foreignParty.maritalStatusIssueDate = '2026-05-26'))))
      .problems,
    [],
  );
  assert.deepEqual(
    (await decide(withAnswers((a) => (a.foreignParty.maritalStatusIssueDate = '2026-05-25'))))
      .problems,
    [
      [
        '/foreignParty/maritalStatusIssueDate',
        'rule-check',
        'Ngày cấp giấy xác nhận tình trạng hôn nhân phải trong vòng 6 tháng gần đây và không sau hôm nay',
      ],
    ],
  );
});

test('a document brought to the desk takes no file and is never missing', async () => {
  const { d } = await decide(VALID);
  assert.deepEqual(d.documents.problems, []);
  assert.ok(d.documents.required.includes('passport'));
  const withFile = [
    ...files,
    { slot: 'passport', name: 'p.pdf', type: 'application/pdf', size: 10, sha256: 'c'.repeat(64) },
  ];
  assert.deepEqual((await decide(VALID, withFile)).d.documents.problems, [
    { code: 'file-too-many', slot: 'passport', params: { count: 1, max: 0 } },
  ]);
});
