// Loader checks that tie the procedure format to the other modules: the validator's
// `x-dvc-birthDate` annotation, file widgets (documents, not answers), the link allow-list and
// the rules module's semantic lint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  DEFAULT_LINK_HOSTS,
  hostAllowed,
  isAllowedLink,
  linkHost,
  loadProcedure,
  type JsonSchema,
  type Procedure,
} from '../../../src/procedure/index.js';
import { createValidator } from '../../../src/validation/index.js';
import { createRules } from '../../../src/rules/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
function variant(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(minimal);
  change(p);
  return JSON.stringify(p, null, 2);
}

const summary = (text: string, options?: Parameters<typeof loadProcedure>[1]) =>
  loadProcedure(text, options).problems.map((p) => [
    p.code,
    p.severity,
    p.pointer,
    p.line,
    p.column,
    p.message.en,
  ]);

// --- x-dvc-birthDate -------------------------------------------------------------------------

const withPersonalId = (annotation: unknown, extra: Record<string, unknown> = {}): string =>
  variant((p) => {
    p.data.$defs.person.properties.personalId = {
      type: 'string',
      format: 'vn-personal-id',
      'x-dvc-birthDate': annotation,
      ...extra,
    };
  });

test('x-dvc-birthDate naming a sibling date is accepted, in objects and list items', async () => {
  const text = withPersonalId('birthDate');
  const r = loadProcedure(text);
  assert.deepEqual(r.problems, []);
  assert.ok(r.ok);
  // The validator then checks the year, also for each sibling in the list (same $def).
  const v = await createValidator(r.procedure);
  const out = v.validate({
    child: { fullName: 'Nguyễn An', birthDate: '2024-05-01', personalId: '001224012345' },
    relation: 'mother',
    siblings: [{ fullName: 'Nguyễn Bình', birthDate: '2020-01-01', personalId: '001221012345' }],
  });
  assert.deepEqual(
    out.problems.map((p) => [p.code, p.path]),
    [['personal-id-birth-year', '/siblings/0/personalId']],
  );
});

test('x-dvc-birthDate: a member split across allOf branches is read in every branch', async () => {
  // The named date's format in an allOf branch: ajv checks it, so it is a date (the loader said
  // birth-date-field-not-date, reading the first branch declaring the member only).
  const splitDate = variant((p) => {
    const person = p.data.$defs.person;
    person.properties.birthDate = { type: 'string' };
    person.properties.personalId = {
      type: 'string',
      format: 'vn-personal-id',
      'x-dvc-birthDate': 'birthDate',
    };
    person.allOf = [
      { type: 'object', properties: { birthDate: { type: 'string', format: 'date' } } },
    ];
  });
  const r = loadProcedure(splitDate);
  assert.deepEqual(r.problems, []);
  assert.ok(r.ok);
  // The annotation in a second branch declaring the id: the validator reads every branch (it
  // read the first only and skipped the check).
  const procedure = structuredClone(r.procedure);
  const person = (procedure.data.$defs as Record<string, JsonSchema>)['person'] as {
    properties: Record<string, JsonSchema>;
    allOf: JsonSchema[];
  };
  person.properties['personalId'] = { type: 'string', format: 'vn-personal-id' };
  person.allOf.push({
    type: 'object',
    properties: { personalId: { 'x-dvc-birthDate': 'birthDate' } },
  });
  const out = (await createValidator(procedure)).validate({
    child: { fullName: 'Nguyễn An', birthDate: '2024-05-01', personalId: '001221012345' },
    relation: 'mother',
  });
  assert.deepEqual(
    out.problems.map((p) => [p.code, p.path]),
    [['personal-id-birth-year', '/child/personalId']],
  );
});

test('x-dvc-birthDate: a name that is no sibling, a non-date sibling, a non-ID member', () => {
  assert.deepEqual(summary(withPersonalId('birthdate')), [
    [
      'unknown-birth-date-field',
      'error',
      '/data/$defs/person/properties/personalId/x-dvc-birthDate',
      50,
      32,
      '"x-dvc-birthDate" names "birthdate", but there is no sibling property with that name; did you mean "birthDate"?',
    ],
  ]);
  // Naming itself is not a sibling either.
  assert.deepEqual(
    summary(withPersonalId('personalId')).map((p) => [p[0], p[5]]),
    [
      [
        'unknown-birth-date-field',
        '"x-dvc-birthDate" names "personalId", but there is no sibling property with that name; did you mean "birthDate"?',
      ],
    ],
  );
  assert.deepEqual(
    summary(withPersonalId('fullName')).map((p) => [p[0], p[2], p[5]]),
    [
      [
        'birth-date-field-not-date',
        '/data/$defs/person/properties/personalId/x-dvc-birthDate',
        '"x-dvc-birthDate" names "fullName", but that property does not have "format": "date".',
      ],
    ],
  );
  const notId = loadProcedure(withPersonalId('birthDate', { format: 'vn-cmnd' }));
  assert.deepEqual(
    notId.problems.map((p) => [p.code, p.pointer, p.message.vi]),
    [
      [
        'birth-date-without-personal-id',
        '/data/$defs/person/properties/personalId/x-dvc-birthDate',
        '"x-dvc-birthDate" chỉ dùng cho số định danh cá nhân, nhưng "personalId" không có "format": "vn-personal-id".',
      ],
    ],
  );
});

test('x-dvc-birthDate must be a property name (meta-schema)', () => {
  assert.deepEqual(
    summary(withPersonalId('child.birthDate')).map((p) => [p[0], p[2], p[5]]),
    [
      [
        'schema-pattern',
        '/data/$defs/person/properties/personalId/x-dvc-birthDate',
        '"x-dvc-birthDate" must be the name of a sibling property (ASCII letters, digits, "_"), not "child.birthDate".',
      ],
    ],
  );
  assert.deepEqual(
    summary(withPersonalId(1)).map((p) => [p[0], p[5]]),
    [['schema-type', '"x-dvc-birthDate" must be a string.']],
  );
});

test('a sibling date declared through $ref or allOf counts, as the validator reads it', () => {
  const r = loadProcedure(
    variant((p) => {
      p.data.$defs.date = { type: 'string', format: 'date' };
      p.data.properties.owner = {
        type: 'object',
        allOf: [{ properties: { born: { $ref: '#/$defs/date' } } }],
        properties: {
          id: { type: 'string', format: 'vn-personal-id', 'x-dvc-birthDate': 'born' },
        },
      };
    }),
  );
  assert.deepEqual(r.problems, []);
});

// --- file widgets ------------------------------------------------------------------------------

test('a file widget is not looked up in data: its files travel as documents', () => {
  const r = loadProcedure(
    variant((p) => {
      p.ui.steps[1].fields.push({
        field: 'birthCertificate',
        widget: 'file',
        label: { vi: 'Giấy chứng sinh' },
        document: 'birth-certificate',
      });
    }),
  );
  assert.deepEqual(r.problems, []);
  assert.equal(r.ok, true);
});

test('a file widget whose field is also a data answer is a warning (signed twice)', () => {
  const text = variant((p) => {
    p.data.properties.attachments = {
      type: 'object',
      properties: { birthCertificate: { type: 'array', items: { type: 'string' } } },
    };
    p.ui.steps[1].fields.push({
      field: 'attachments.birthCertificate',
      widget: 'file',
      label: { vi: 'Giấy chứng sinh' },
      document: 'birth-certificate',
    });
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, true);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.message.en]),
    [
      [
        'file-field-in-data',
        'warning',
        '/ui/steps/1/fields/2/field',
        'The file field "attachments.birthCertificate" is also an answer in "data": the files travel as the document "birth-certificate", not as answers. Remove this property from "data" so the files are not signed twice.',
      ],
    ],
  );
});

test('a group over an object names its fields inside the object, not as list items', () => {
  // A group on an object (lint reads its fields inside it) has no items: `spouse.idCard`, and a
  // question at spouse.fullName asks what the group asks already.
  const text = variant((p) => {
    p.data.properties.spouse = {
      type: 'object',
      properties: { fullName: { type: 'string' }, idCard: { type: 'string' } },
    };
    p.data.properties.siblings.items = {
      type: 'object',
      properties: { fullName: { type: 'string' }, idCard: { type: 'string' } },
    };
    const fields = [
      { field: 'fullName', widget: 'text', label: { vi: 'Họ và tên' } },
      { field: 'idCard', widget: 'file', label: { vi: 'CCCD' }, document: 'birth-certificate' },
    ];
    p.ui.steps[0].fields[3].fields = fields;
    p.ui.steps[1].fields.push(
      { field: 'spouse', widget: 'group', label: { vi: 'Vợ hoặc chồng' }, fields },
      { field: 'spouse.fullName', widget: 'text', label: { vi: 'Họ tên vợ hoặc chồng' } },
    );
  });
  const r = loadProcedure(text);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.message.en]),
    [
      [
        'file-field-in-data',
        '/ui/steps/0/fields/3/fields/1/field',
        'The file field "siblings[].idCard" is also an answer in "data": the files travel as the document "birth-certificate", not as answers. Remove this property from "data" so the files are not signed twice.',
      ],
      [
        'file-field-in-data',
        '/ui/steps/1/fields/2/fields/1/field',
        'The file field "spouse.idCard" is also an answer in "data": the files travel as the document "birth-certificate", not as answers. Remove this property from "data" so the files are not signed twice.',
      ],
      [
        'duplicate-field',
        '/ui/steps/1/fields/3/field',
        'The field "spouse.fullName" is asked twice (first at question 1 of question 3 of step 2).',
      ],
    ],
  );
});

test('a file widget without document, or with an unknown one, is an error', () => {
  const r = loadProcedure(
    variant((p) => {
      p.ui.steps[1].fields.push(
        { field: 'proof', widget: 'file', label: { vi: 'Giấy tờ' } },
        { field: 'other', widget: 'file', label: { vi: 'Khác' }, document: 'passport' },
      );
    }),
  );
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer]),
    [
      ['file-without-document', '/ui/steps/1/fields/2/widget'],
      ['unknown-document', '/ui/steps/1/fields/3/document'],
    ],
  );
});

test('the sample procedures carry no file answers in data', () => {
  const dir = new URL('../../../schemas/procedures/', import.meta.url);
  for (const name of [
    'dang-ky-khai-sinh',
    'dang-ky-ket-hon',
    'dang-ky-thuong-tru',
    'cap-giay-phep-lai-xe-quoc-te',
  ]) {
    const p = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as Procedure;
    assert.equal((p.data.properties as Record<string, unknown>).attachments, undefined, name);
    const files = p.ui.steps.flatMap((s) => s.fields).filter((f) => f.widget === 'file');
    assert.ok(files.length > 0, name);
    for (const f of files) assert.equal(f.field, f.document, `${name}: ${f.field}`);
  }
});

test('rules: show rules on documents hide their file widgets; hidden groups hide their documents', async () => {
  const p = JSON.parse(
    readFileSync(
      new URL('../../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.json', import.meta.url),
      'utf8',
    ),
  ) as Procedure;
  const rules = createRules(p, { today: '2026-11-26' });
  const citizen = await rules.evaluate({ applicant: { nationality: 'vn' } });
  assert.ok(citizen.hidden.documents.includes('passport'));
  assert.ok(citizen.hidden.documents.includes('residenceCard'));
  // A file widget inside a group hidden by a show rule hides the document it uploads.
  const grouped = JSON.parse(minimal);
  grouped.ui.steps[0].fields[3].fields.push({
    field: 'certificate',
    widget: 'file',
    label: { vi: 'Giấy chứng sinh' },
    document: 'birth-certificate',
  });
  grouped.rules.push({
    id: 'show-siblings',
    kind: 'show',
    conditions: { all: [{ fact: 'relation', operator: 'equal', value: 'mother' }] },
    targets: { fields: ['siblings'] },
  });
  const loaded = loadProcedure(JSON.stringify(grouped));
  assert.deepEqual(loaded.problems, []);
  assert.ok(loaded.ok);
  const session = createRules(loaded.procedure, { today: '2026-11-26' });
  const hidden = await session.evaluate({ relation: 'father' });
  assert.deepEqual(hidden.hidden.documents, ['birth-certificate']);
  const shown = await session.evaluate({ relation: 'mother' });
  assert.deepEqual(shown.hidden.documents, []);
});

// --- links -------------------------------------------------------------------------------------

test('link hosts: parsing and matching', () => {
  assert.equal(linkHost('https://VBPL.vn/TW/Pages/home.aspx'), 'vbpl.vn');
  assert.equal(linkHost('https://user@evil.example:8443/x'), 'evil.example');
  assert.equal(linkHost('https://vbpl.vn@evil.example/'), 'evil.example');
  assert.equal(linkHost('https://moj.gov.vn./'), 'moj.gov.vn');
  assert.equal(linkHost('http://vbpl.vn/'), undefined);
  assert.equal(linkHost('https://%76bpl.vn/'), undefined);
  assert.equal(hostAllowed('moj.gov.vn', DEFAULT_LINK_HOSTS), true);
  assert.equal(hostAllowed('gov.vn', DEFAULT_LINK_HOSTS), false);
  assert.equal(hostAllowed('evilgov.vn', DEFAULT_LINK_HOSTS), false);
  assert.equal(hostAllowed('thuvienphapluat.vn', DEFAULT_LINK_HOSTS), true);
  assert.equal(hostAllowed('www.thuvienphapluat.vn', DEFAULT_LINK_HOSTS), false);
  assert.equal(isAllowedLink('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html'), true);
  assert.equal(isAllowedLink('https://vbpl.vn.evil.example/'), false);
  assert.equal(isAllowedLink(undefined), false);
  assert.equal(isAllowedLink('https://example.org/', ['example.org']), true);
});

test('a legal-basis link outside the allow-list is a warning; allowedLinkHosts replaces the list', () => {
  const text = variant((p) => {
    p.legalBasis[0].url = 'https://luatvietnam.vn/van-ban';
    p.fees.items[0].legalBasis = {
      title: { vi: 'Thông tư 281/2016/TT-BTC' },
      url: 'https://mof.gov.vn/tt281',
    };
    p.fees.reductions[0].legalBasis = {
      title: { vi: 'Thông tư 85/2019/TT-BTC' },
      url: 'https://example.com/tt85',
    };
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, true);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column]),
    [
      ['link-host-not-allowed', 'warning', '/legalBasis/0/url', 23, 14],
      ['link-host-not-allowed', 'warning', '/fees/reductions/0/legalBasis/url', 232, 18],
    ],
  );
  assert.deepEqual(r.problems[0].message, {
    vi: 'Liên kết "https://luatvietnam.vn/van-ban" trỏ tới "luatvietnam.vn", không nằm trong danh sách trang được phép (*.gov.vn, vbpl.vn, thuvienphapluat.vn, dichvucong.gov.vn); biểu mẫu sẽ chỉ hiển thị nó dưới dạng chữ, không phải liên kết.',
    en: 'The link "https://luatvietnam.vn/van-ban" points to "luatvietnam.vn", which is not on the allowed list (*.gov.vn, vbpl.vn, thuvienphapluat.vn, dichvucong.gov.vn); forms show it as plain text, not as a link.',
  });
  assert.deepEqual(
    summary(text, { allowedLinkHosts: ['luatvietnam.vn', 'example.com'] }).map((p) => [p[0], p[2]]),
    [['link-host-not-allowed', '/fees/items/0/legalBasis/url']],
  );
  // An http link stays an error of the meta-schema, not a second warning.
  const insecure = variant((p) => (p.legalBasis[0].url = 'http://example.com/'));
  assert.deepEqual(
    summary(insecure).map((p) => [p[0], p[1]]),
    [['insecure-url', 'error']],
  );
  // An https link copied with its spaces is not "insecure": the message says what is wrong.
  const spaced = variant(
    (p) => (p.legalBasis[0].url = 'https://vbpl.vn/van-ban/Luat Ho tich.aspx'),
  );
  assert.deepEqual(
    loadProcedure(spaced).problems.map((p) => [p.code, p.severity, p.pointer, p.message.en]),
    [
      [
        'schema-pattern',
        'error',
        '/legalBasis/0/url',
        'The link "https://vbpl.vn/van-ban/Luat Ho tich.aspx" contains a space or a line break: write %20 for a space in an address, or remove what does not belong.',
      ],
    ],
  );
});

test('a version number written in quotes is told to lose its quotes, not to pick from a list', () => {
  // "Use one of: 1, 1.1" for "1.1" read as if 1.1 itself were wrong.
  const quoted = variant((p) => (p.formatVersion = '1.1'));
  assert.deepEqual(
    loadProcedure(quoted).problems.map((p) => [p.code, p.pointer, p.message.vi, p.message.en]),
    [
      [
        'schema-enum',
        '/formatVersion',
        '"formatVersion" nhận một số, không phải chữ: viết 1.1 không có dấu ngoặc kép, thay cho "1.1".',
        '"formatVersion" takes a number, not text: write 1.1 without quotes instead of "1.1".',
      ],
    ],
  );
  // A value that is not the text of an allowed one still gets the list.
  assert.deepEqual(
    loadProcedure(variant((p) => (p.formatVersion = '2'))).problems.map((p) => p.message.en),
    ['The value "2" is not allowed for "formatVersion". Use one of: 1, 1.1, 1.2.'],
  );
});

// --- rules lint --------------------------------------------------------------------------------

test("the rules module's warnings become author problems with positions", () => {
  const text = variant((p) => {
    p.rules.push(
      {
        id: 'show-copies',
        kind: 'show',
        conditions: { all: [{ fact: 'relation', operator: 'equal', value: 'father' }] },
        targets: { fields: ['copies'] },
      },
      {
        id: 'require-copies',
        kind: 'require',
        conditions: { all: [{ fact: 'relation', operator: 'equal', value: 'mother' }] },
        targets: { fields: ['copies'] },
      },
    );
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, true);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message.en]),
    [
      [
        'rule-require-never-visible',
        'warning',
        '/rules/3/targets/fields/0',
        299,
        11,
        'Rule "require-copies" requires "copies", but its conditions contradict every rule that shows "copies", so it is never required.',
      ],
    ],
  );
});
