// Every JSON example an author copies from the author docs is checked by the loader, in the place
// the docs put it: a fragment (a question, a rule, a fee item, top-level members…) is set into a
// complete procedure that asks every field the examples name, and the whole must lint clean. The
// cases-file example is checked against schemas/procedure-cases.schema.json. A new example fails
// this test until it is given a place below, so none can drift from the format unseen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AUTHOR_PROBLEM_CODE, loadProcedure } from '../../../src/procedure/index.js';
import { lintCasesFile } from '../../../src/cli/commands/lint-cases.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- examples are set in freely
type Json = any;

const DOCS = ['README.md', 'docs/procedure-format.md', 'docs/rules.md', 'docs/validation.md'];
const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8');

interface Example {
  file: string;
  line: number;
  lang: string;
  text: string;
}
function examples(): Example[] {
  const out: Example[] = [];
  for (const file of DOCS) {
    const doc = read(file);
    for (const m of doc.matchAll(/```(json|jsonc)\n([\s\S]*?)```/g))
      out.push({
        file,
        line: doc.slice(0, m.index).split('\n').length,
        lang: m[1]!,
        text: m[2]!,
      });
  }
  return out;
}

/** An example as JSON: a value, members of an object (`"a": …`), or parts split by a `…` line. */
function parts(text: string): Json[] {
  return text.split(/^…$/m).map((part) => {
    const t = part.trim().replace(/,$/, '');
    for (const wrap of [(s: string) => s, (s: string) => `{${s}}`, (s: string) => `[${s}]`]) {
      try {
        return JSON.parse(wrap(t));
      } catch {
        // try the next reading
      }
    }
    throw new Error(`not JSON, even as members or list items:\n${t}`);
  });
}

const vi = (text: string) => ({ vi: text });
const q = (field: string, widget: string, label: string) => ({ field, widget, label: vi(label) });

/** A complete 1.1 procedure asking every field the examples read. */
function base(): Json {
  return {
    formatVersion: 1.1,
    code: '1.000001',
    version: '1.0.0',
    title: vi('Thủ tục mẫu'),
    description: vi('Thủ tục để kiểm tra các ví dụ trong tài liệu.'),
    agency: vi('Ủy ban nhân dân cấp xã'),
    legalBasis: [{ title: vi('Luật Hộ tịch 60/2014/QH13') }],
    serviceKind: 'toan-trinh',
    processingDays: 1,
    resultDelivery: ['online'],
    data: {
      type: 'object',
      properties: {
        applicant: {
          type: 'object',
          properties: {
            fullName: { type: 'string', maxLength: 100 },
            personalId: { type: 'string', format: 'vn-personal-id' },
            phone: { type: 'string', format: 'vn-mobile' },
            nationality: { type: 'string' },
            residenceCard: { type: 'string', maxLength: 20 },
          },
        },
        passport: {
          type: 'object',
          properties: {
            issueDate: { type: 'string', format: 'date' },
            expiryDate: { type: 'string', format: 'date' },
          },
        },
        foreignParty: { type: 'object', properties: { nationality: { type: 'string' } } },
        vnParty: { type: 'object', properties: { sex: { type: 'string' } } },
      },
    },
    ui: {
      steps: [
        {
          id: 'main',
          title: vi('Thông tin'),
          fields: [
            q('applicant.fullName', 'text', 'Họ, chữ đệm và tên'),
            q('applicant.personalId', 'id-number', 'Số định danh cá nhân'),
            q('applicant.phone', 'phone', 'Số điện thoại'),
            { ...q('applicant.nationality', 'select', 'Quốc tịch'), optionList: 'countries' },
            q('applicant.residenceCard', 'text', 'Số thẻ thường trú'),
            q('passport.issueDate', 'date', 'Ngày cấp hộ chiếu'),
            q('passport.expiryDate', 'date', 'Ngày hết hạn hộ chiếu'),
            { ...q('passportScan', 'file', 'Hộ chiếu'), document: 'passport' },
          ],
        },
      ],
    },
    documents: [
      {
        id: 'passport',
        title: vi('Hộ chiếu'),
        form: 'copy',
        copies: 1,
        required: false,
        accept: ['application/pdf'],
        maxSizeBytes: 5000000,
        maxFiles: 1,
      },
    ],
    fees: { currency: 'VND', items: [] },
    rules: [],
    declaration: { text: vi('Tôi cam đoan những nội dung khai trên đây là đúng sự thật.') },
  };
}

const questions = (p: Json): Json[] => p.ui.steps[0].fields;
/** Asks `field` in place of the base's question of the same path, or adds it. */
const ask = (p: Json, question: Json) => {
  const list = questions(p);
  const i = list.findIndex((f: Json) => f.field === question.field);
  if (i >= 0) list[i] = question;
  else list.push(question);
};

/** Where each example goes, by its file and a text it starts with (after `{`/spaces). */
const PLACES: { file: string; starts: string; place: (p: Json, parts: Json[]) => void }[] = [
  {
    file: 'docs/procedure-format.md',
    starts:
      '"$schema": "./node_modules/dvc-forms/schemas/procedure.schema.json",\n  "formatVersion": 1\n',
    place: (p, [head]) => Object.assign(p, head, { formatVersion: 1.1 }),
  },
  // The complete example is linted by test/src/procedure/load.test.ts, as a whole file.
  {
    file: 'docs/procedure-format.md',
    starts:
      '"$schema": "./node_modules/dvc-forms/schemas/procedure.schema.json",\n  "formatVersion": 1,\n  "code"',
    place: () => {},
  },
  { file: 'docs/procedure-format.md', starts: '"json.schemas"', place: () => {} },
  {
    file: 'docs/procedure-format.md',
    starts: '"mother"',
    place: (p, [members]) => {
      Object.assign(p.data.properties, members);
      ask(p, q('mother.birthDate', 'date', 'Ngày sinh của mẹ'));
      ask(p, q('mother.personalId', 'id-number', 'Số định danh cá nhân của mẹ'));
    },
  },
  {
    file: 'docs/procedure-format.md',
    starts: '"field": "applicant.fullName"',
    place: (p, [question]) => ask(p, question),
  },
  {
    // (1.2) The copy offer with a condition: the applicant's relationship asked before.
    file: 'docs/procedure-format.md',
    starts: '"field": "mother.fullName", "copyFrom"',
    place: (p, [question]) => {
      p.formatVersion = 1.2;
      p.data.properties.applicant.properties.relationship = {
        type: 'string',
        enum: ['mother', 'father'],
      };
      p.data.properties.mother = {
        type: 'object',
        properties: { fullName: { type: 'string', maxLength: 100 } },
      };
      ask(p, {
        ...q('applicant.relationship', 'radio', 'Bạn là gì của trẻ?'),
        options: [
          { value: 'mother', label: vi('Mẹ') },
          { value: 'father', label: vi('Cha') },
        ],
      });
      ask(p, question);
    },
  },
  {
    file: 'docs/procedure-format.md',
    starts: '"field": "mother.fullName"',
    place: (p, [question]) => {
      p.data.properties.mother = {
        type: 'object',
        properties: { fullName: { type: 'string', maxLength: 100 } },
      };
      ask(p, question);
    },
  },
  {
    file: 'docs/procedure-format.md',
    starts: '"optionLists"',
    place: (p, [members, list]) => {
      Object.assign(p, members);
      for (const question of list) ask(p, question);
    },
  },
  {
    file: 'docs/procedure-format.md',
    starts: '"conditions"',
    place: (p, [members]) => Object.assign(p, members),
  },
  {
    file: 'docs/procedure-format.md',
    starts: '"id": "passport-dates"',
    place: (p, [rule]) => p.rules.push(rule),
  },
  {
    file: 'docs/procedure-format.md',
    starts: '"fact": "date"',
    place: (p, [condition]) =>
      p.rules.push({
        id: 'issued-recently',
        kind: 'eligibility',
        conditions: { all: [condition] },
        reason: vi('Hộ chiếu được cấp quá 6 tháng.'),
      }),
  },
  {
    file: 'docs/procedure-format.md',
    starts: '"id": "issue"',
    place: (p, [item]) => p.fees.items.push(item),
  },
  {
    file: 'docs/procedure-format.md',
    starts: '"declaration"',
    place: (p, [members]) => Object.assign(p, members),
  },
  {
    file: 'docs/procedure-format.md',
    starts: '"privacy"',
    place: (p, [members]) => Object.assign(p, members),
  },
  {
    file: 'docs/validation.md',
    starts: '"applicant"',
    place: (p, [members]) => {
      Object.assign(p.data.properties.applicant.properties, members.applicant.properties);
      ask(p, q('applicant.birthDate', 'date', 'Ngày sinh'));
    },
  },
];

const startOf = (text: string) => text.replace(/^[\s{]*/, '');

for (const example of examples()) {
  const name = `${example.file}:${example.line}`;
  if (example.lang === 'jsonc') continue; // the two jsonc examples: below
  test(`the example at ${name} lints clean where the docs put it`, () => {
    const place = PLACES.find(
      (x) => x.file === example.file && startOf(example.text).startsWith(x.starts),
    );
    assert.ok(place, `${name} has no place in doc-examples.test.ts: give it one`);
    const p = base();
    place.place(p, parts(example.text));
    const r = loadProcedure(JSON.stringify(p, null, 2));
    assert.deepEqual(
      r.problems.map((x) => `${x.code} ${x.pointer}: ${x.message.en}`),
      [],
    );
  });
}

test('the cases-file example in docs/rules.md has the shape of procedure-cases.schema.json', () => {
  const jsonc = examples().filter((e) => e.file === 'docs/rules.md' && e.lang === 'jsonc');
  const cases = jsonc.find((e) => e.text.includes('procedure-cases.schema.json'));
  assert.ok(cases);
  // Comments out (none of its strings holds "//"), "{ … }" answers as an empty object.
  const text = cases.text.replace(/\s*\/\/.*$/gm, '').replace(/\{ … \}/g, '{}');
  assert.deepEqual(
    lintCasesFile(text, 'x.cases.json', () => true).map(
      (x) => `${x.code} ${x.pointer}: ${x.message.en}`,
    ),
    [],
  );
});

test('every problem code the loader reports has its row in the codes table of the format doc', () => {
  const doc = read('docs/procedure-format.md');
  const rows = new Set(
    [...doc.matchAll(/^\| `([a-z0-9-]+)`(?: \/ `([a-z0-9-]+)`)? \|/gm)].flatMap((m) => [
      m[1],
      m[2],
    ]),
  );
  assert.deepEqual(
    Object.values(AUTHOR_PROBLEM_CODE).filter((code) => !rows.has(code)),
    [],
  );
});
