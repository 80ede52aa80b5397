import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type CliIo } from '../../../src/cli/main.js';
import {
  casesShapeProblems,
  compareCase,
  parseCasesFile,
  runCases,
} from '../../../src/cli/commands/test.js';
import { problemLine } from '../../../src/cli/problem-line.js';
import { loadProcedure } from '../../../src/procedure/load.js';
import type { RulesResult } from '../../../src/rules/index.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const family = readFileSync(new URL('../rules/fixtures/family.json', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'dvc-test-'));

function writeCase(name: string, cases: unknown): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, family);
  writeFileSync(join(dir, `${name}.cases.json`), JSON.stringify(cases));
  return file;
}

const baseAnswers = {
  applicant: { fullName: 'Nguyễn Văn A', residesInVietnam: true },
  child: { birthDate: '2025-05-01' },
  maritalStatus: 'single',
  copies: 2,
};

test('prints one line per case and a closing count, in Vietnamese unless --lang en; exit 1 on any failure', async () => {
  const file = writeCase('mixed', {
    today: '2025-06-01',
    cases: [
      {
        name: 'đủ điều kiện',
        answers: baseAnswers,
        expect: {
          eligibility: { status: 'eligible', reasons: [] },
          problems: [],
          visible: { fields: ['child.birthDate'], documents: ['birthCertificate'] },
          hidden: { fields: ['spouse.fullName'], documents: ['marriageCertificate'] },
          required: { fields: [], documents: ['birthCertificate'] },
          fee: { total: 16000, items: [{ id: 'copy', quantity: 2, subtotal: 16000 }] },
        },
      },
      {
        name: 'sai kỳ vọng',
        today: '2025-09-01',
        answers: { ...baseAnswers, spouse: { idNumber: '1' } },
        expect: {
          eligibility: { status: 'eligible', reasons: ['resides-in-vietnam'] },
          problems: [{ code: 'required', path: '/applicant' }],
          visible: { fields: ['spouse'] },
          required: { documents: [] },
          fee: { total: 16000, items: ['copy'] },
        },
      },
    ],
  });
  const io = capture();
  assert.equal(await main(['test', file], io), 1);
  assert.deepEqual(io.stderr, []);
  assert.deepEqual(io.stdout, [
    '✓ đủ điều kiện',
    '✗ sai kỳ vọng — eligibility.reasons: thiếu ["resides-in-vietnam"]; ' +
      'problems: thiếu ["required tại /applicant"]; visible.fields: ["spouse"] không hiển thị; ' +
      'required.documents: thừa ["birthCertificate"]; fee.total: cần 16000, thực tế 31001; ' +
      'fee.items: thừa ["registration"]',
    '1 đạt, 1 không đạt',
  ]);
  const en = capture();
  assert.equal(await main(['test', '--lang', 'en', file], en), 1);
  assert.deepEqual(en.stderr, []);
  assert.deepEqual(en.stdout, [
    '✓ đủ điều kiện',
    '✗ sai kỳ vọng — eligibility.reasons: missing ["resides-in-vietnam"]; ' +
      'problems: missing ["required at /applicant"]; visible.fields: ["spouse"] not visible; ' +
      'required.documents: unexpected ["birthCertificate"]; fee.total: expected 16000, got 31001; ' +
      'fee.items: unexpected ["registration"]',
    '1 passed, 1 failed',
  ]);
});

test('all cases passing exits 0', async () => {
  const file = writeCase('passing', {
    today: '2025-06-01',
    cases: [{ name: 'a', answers: {}, expect: { eligibility: { status: 'unknown' } } }],
  });
  const io = capture();
  assert.equal(await main(['test', file], io), 0);
  assert.deepEqual(io.stdout, ['✓ a', '1 đạt, 0 không đạt']);
  const en = capture();
  assert.equal(await main(['test', file, '--lang', 'en'], en), 0);
  assert.deepEqual(en.stdout, ['✓ a', '1 passed, 0 failed']);
});

test('a malformed cases file names each bad value and exits 2', async () => {
  const file = writeCase('malformed', {
    today: '1/6/2025',
    cases: [
      { name: 'x', answers: [], expect: { eligibility: { status: 'maybe' }, fees: 1 } },
      { name: 'x', answers: {}, expect: { fee: { total: 1.5 } } },
    ],
  });
  const io = capture();
  assert.equal(await main(['test', file], io), 2);
  const casesFile = join(dir, 'malformed.cases.json');
  // As `dvc-forms lint` says it: line and column, code, and the member meant for a misspelt one.
  assert.deepEqual(io.stderr, [
    `${casesFile}:1:10  schema-pattern  "today" phải là một ngày dạng YYYY-MM-DD, không phải "1/6/2025".`,
    `${casesFile}:1:52  schema-type  "answers" phải là một đối tượng {…}.`,
    `${casesFile}:1:89  schema-enum  Giá trị "maybe" không dùng được cho "status". Chọn một trong: "eligible", "ineligible", "unknown".`,
    `${casesFile}:1:98  schema-additional-property  Mục "fees" không có trong định dạng ở vị trí này; có phải ý bạn là "fee"?`,
    `${casesFile}:1:117  duplicate-id  Tên ca kiểm thử "x" bị trùng (lần đầu ở ca kiểm thử thứ 1).`,
    `${casesFile}:1:159  schema-type  "total" phải là một số nguyên.`,
  ]);
  const en = capture();
  assert.equal(await main(['test', file, '--lang', 'en'], en), 2);
  assert.deepEqual(en.stderr, [
    `${casesFile}:1:10  schema-pattern  "today" must be a date YYYY-MM-DD, not "1/6/2025".`,
    `${casesFile}:1:52  schema-type  "answers" must be an object {…}.`,
    `${casesFile}:1:89  schema-enum  The value "maybe" is not allowed for "status". Use one of: "eligible", "ineligible", "unknown".`,
    `${casesFile}:1:98  schema-additional-property  "fees" is not part of the format here; did you mean "fee"?`,
    `${casesFile}:1:117  duplicate-id  The case name "x" is used twice (first at case 1).`,
    `${casesFile}:1:159  schema-type  "total" must be a whole number.`,
  ]);
});

test('a cases file that is not JSON, or not UTF-8, is reported at its line and column', async () => {
  const file = writeCase('comma', {});
  const casesFile = join(dir, 'comma.cases.json');
  writeFileSync(casesFile, '{\n  "cases": [],\n}\n');
  let io = capture();
  assert.equal(await main(['test', file], io), 2);
  assert.deepEqual(io.stderr, [
    `${casesFile}:2:14  json-syntax  Dấu phẩy thừa trước "}": hãy xoá dấu phẩy này (JSON không cho phép dấu phẩy cuối).`,
  ]);
  io = capture();
  assert.equal(await main(['test', file, '--lang', 'en'], io), 2);
  assert.deepEqual(io.stderr, [
    `${casesFile}:2:14  json-syntax  Extra comma before "}": remove this comma (JSON does not allow a trailing comma).`,
  ]);
  // "Tên" saved in Windows-1258 by an old editor: ê is one byte, not UTF-8.
  writeFileSync(
    casesFile,
    Buffer.concat([
      Buffer.from('{\n  "cases": [{ "name": "T'),
      Buffer.from([0xea]),
      Buffer.from('n" }]\n}\n'),
    ]),
  );
  io = capture();
  assert.equal(await main(['test', '--lang', 'en', file], io), 2);
  assert.deepEqual(io.stderr, [
    `${casesFile}:2:25  not-utf8  Unreadable character (\ufffd) here: the file was probably not saved as UTF-8 (e.g. ANSI, Windows-1252 or 1258). Save it again as UTF-8, then check the accented letters around this place.`,
  ]);
});

test('a missing cases file or no argument is a usage error', async () => {
  const lone = join(dir, 'lone.json');
  writeFileSync(lone, family);
  let io = capture();
  assert.equal(await main(['test', lone], io), 2);
  assert.deepEqual(io.stderr, [
    `dvc-forms: không có tệp ca kiểm thử ${join(dir, 'lone.cases.json')} bên cạnh ${lone}`,
  ]);
  io = capture();
  assert.equal(await main(['test', lone, '--lang', 'en'], io), 2);
  assert.deepEqual(io.stderr, [
    `dvc-forms: no cases file ${join(dir, 'lone.cases.json')} beside ${lone}`,
  ]);
  const usage =
    'Cách dùng: dvc-forms test <thủ-tục.json>... [--lang vi|en] [--debug] (chạy tệp <tên>.cases.json bên cạnh mỗi thủ tục)';
  for (const [args, problem] of [
    [[], 'thiếu tệp thủ tục <thủ-tục.json>.'],
    [['--lang', 'fr', lone], 'giá trị "fr" không dùng được cho --lang (dùng vi hoặc en).'],
    [['--lang'], '--lang cần một giá trị đứng sau.'],
    [['--verbose', lone], 'không có tùy chọn --verbose.'],
  ] as const) {
    io = capture();
    assert.equal(await main(['test', ...args], io), 2);
    assert.deepEqual(io.stderr, [`dvc-forms test: ${problem}`, usage]);
  }
  io = capture();
  assert.equal(await main(['test', '--verbose', '--lang', 'en'], io), 2);
  assert.deepEqual(io.stderr, [
    'dvc-forms test: unknown option --verbose',
    'Usage: dvc-forms test <procedure.json>... [--lang vi|en] [--debug] (runs <name>.cases.json beside each)',
  ]);
});

test('parseCasesFile accepts the documented format', () => {
  const r = parseCasesFile({
    today: '2025-06-01',
    cases: [{ name: 'n', answers: {}, expect: {} }],
  });
  assert.equal(r.ok, true);
});

test("the shape check's own errors are problem lines at their line and column, in vi and en", () => {
  // What `dvc-forms test` prints when its shape check refuses what the cases schema let through:
  // the same `file:line:column  code  message` as lint, never the check's English words.
  const text = [
    '{',
    '  "cases": [',
    '    { "name": "a", "answers": {}, "expect": { "fee": { "total": 1.5 } } },',
    '    { "name": "a", "answers": [], "expect": { "seen": true } }',
    '  ]',
    '}',
  ].join('\n');
  const r = parseCasesFile(JSON.parse(text));
  assert.equal(r.ok, false);
  const problems = r.ok ? [] : casesShapeProblems(text, r.errors);
  const expected = {
    vi: [
      '3:65  schema-invalid  "total" phải là một số tiền nguyên (đồng).',
      '4:15  schema-invalid  Tên ca "a" đã dùng cho một ca khác; mỗi ca cần một tên riêng.',
      '4:31  schema-invalid  "answers" phải là một đối tượng JSON.',
      '4:55  schema-invalid  Không có kỳ vọng "seen"; dùng eligibility, problems, visible, hidden, required hoặc fee.',
    ],
    en: [
      '3:65  schema-invalid  "total" must be a whole number of VND.',
      '4:15  schema-invalid  The case name "a" is already used by another case; each case needs its own name.',
      '4:31  schema-invalid  "answers" must be a JSON object.',
      '4:55  schema-invalid  There is no expectation "seen"; use eligibility, problems, visible, hidden, required or fee.',
    ],
  };
  for (const lang of ['vi', 'en'] as const)
    assert.deepEqual(
      problems.map((p) => problemLine('x.cases.json', p, p.message[lang], lang)),
      expected[lang].map((l) => `x.cases.json:${l}`),
    );
  // Not an object at all: the whole file, at its start.
  const root = parseCasesFile([]);
  assert.deepEqual(
    root.ok
      ? []
      : casesShapeProblems('[]', root.errors).map((p) => [p.line, p.column, p.message.en]),
    [[1, 1, 'A cases file is a JSON object with a "cases" list.']],
  );
});

test('compareCase: visible and hidden are "at least these", required and reasons are exact sets', () => {
  const rules = {
    eligibility: {
      status: 'ineligible',
      reasons: [{ rule: 'a', message: { vi: 'a' } }],
      undecided: [],
    },
    visible: { fields: ['x', 'y'], documents: ['d1'] },
    hidden: { fields: ['z'], documents: [] },
    required: { fields: ['x'], documents: ['d1'] },
    fee: { total: 0, currency: 'VND', items: [] },
    problems: [],
  } as unknown as RulesResult;
  assert.deepEqual(
    compareCase(
      {
        eligibility: { status: 'ineligible', reasons: ['a'] },
        visible: { fields: ['y'] },
        hidden: { fields: ['z'] },
        required: { fields: ['x'], documents: ['d1'] },
      },
      rules,
      [],
    ),
    [],
  );
  assert.deepEqual(
    compareCase({ required: { fields: [] }, hidden: { documents: ['d1'] } }, rules, [], 'en'),
    ['hidden.documents: ["d1"] not hidden', 'required.fields: unexpected ["x"]'],
  );
});

test('every sample procedure passes its cases', async () => {
  const samples = new URL('../../../schemas/procedures/', import.meta.url);
  const files = readdirSync(samples).filter(
    (f) => f.endsWith('.json') && !f.endsWith('.cases.json'),
  );
  assert.ok(files.length >= 4, `expected the four samples, found ${files.join(', ')}`);
  for (const f of files) {
    const loaded = loadProcedure(readFileSync(new URL(f, samples), 'utf8'), { file: f });
    assert.ok(loaded.ok, `${f} does not load`);
    const cases = parseCasesFile(
      JSON.parse(readFileSync(new URL(f.replace(/\.json$/, '.cases.json'), samples), 'utf8')),
    );
    assert.ok(
      cases.ok,
      `${f}: ${cases.ok ? '' : cases.errors.map((e) => `${e.pointer}: ${e.message.en}`).join('; ')}`,
    );
    const outcomes = await runCases(loaded.procedure, cases.file);
    assert.ok(outcomes.length > 0);
    const failed = outcomes
      .filter((o) => !o.ok)
      .map((o) => `${o.name} — ${o.differences.join('; ')}`);
    assert.deepEqual(failed, [], `${f}`);
  }
});

test('the sample cases files satisfy schemas/procedure-cases.schema.json', async () => {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  const schema = JSON.parse(
    readFileSync(new URL('../../../schemas/procedure-cases.schema.json', import.meta.url), 'utf8'),
  );
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  const samples = new URL('../../../schemas/procedures/', import.meta.url);
  for (const f of readdirSync(samples).filter((x) => x.endsWith('.cases.json'))) {
    const ok = validate(JSON.parse(readFileSync(new URL(f, samples), 'utf8')));
    assert.deepEqual(validate.errors ?? [], [], f);
    assert.equal(ok, true);
  }
  assert.equal(validate({ cases: [{ name: 'x', answers: {}, expect: { fees: {} } }] }), false);
});

test('a case that throws is that case failing, named, in vi or en; the others still run; the stack only with --debug', async () => {
  const file = writeCase('crash', {
    cases: [
      { name: 'ngày không có thật', today: '2025-02-30', answers: baseAnswers, expect: {} },
      { name: 'ngày thật', today: '2025-06-01', answers: baseAnswers, expect: {} },
    ],
  });
  let io = capture();
  assert.equal(await main(['test', file], io), 1);
  assert.deepEqual(io.stdout, [
    '✗ ngày không có thật — ca này không chạy được: ngày "today" 2025-02-30 không có trên lịch; hãy viết một ngày có thật dạng YYYY-MM-DD',
    '✓ ngày thật',
    '1 đạt, 1 không đạt',
  ]);
  assert.deepEqual(io.stderr, []);
  io = capture();
  assert.equal(await main(['test', file, '--lang', 'en', '--debug'], io), 1);
  assert.deepEqual(io.stdout, [
    '✗ ngày không có thật — the case could not run: the "today" date 2025-02-30 is not on the calendar; write a real date YYYY-MM-DD',
    '✓ ngày thật',
    '1 passed, 1 failed',
  ]);
  assert.equal(io.stderr.length, 1);
  assert.match(
    io.stderr[0]!,
    /^\w*Error: today must be a date YYYY-MM-DD, got "2025-02-30"\n {4}at /,
  );
});

test('runCases: an answer that throws when read fails its case with the error, not the run', async () => {
  const loaded = loadProcedure(family);
  assert.ok(loaded.ok);
  const answers = {
    ...baseAnswers,
    get copies(): number {
      throw new TypeError('copies cannot be read');
    },
  };
  const file = { cases: [{ name: 'hỏng', answers, expect: {} }] };
  for (const lang of ['vi', 'en'] as const) {
    const [outcome] = await runCases(loaded.procedure, file, { lang });
    assert.equal(outcome!.ok, false);
    assert.deepEqual(outcome!.differences, [
      lang === 'vi'
        ? 'ca này không chạy được vì dvc-forms gặp lỗi bên trong (TypeError: copies cannot be read); các ca khác vẫn chạy. Hãy báo lỗi này kèm kết quả của "dvc-forms test --debug"'
        : 'the case could not run: dvc-forms failed inside (TypeError: copies cannot be read); the other cases still run. Please report it with the output of "dvc-forms test --debug"',
    ]);
  }
});

test('(1.2) copyOffers: exactly the copy offers whose when holds, and a bad expectation is a shape error', async () => {
  const procedure = readFileSync(
    new URL('../procedure/fixtures/valid-copy-when.json', import.meta.url),
    'utf8',
  );
  const file = join(dir, 'copy-when.json');
  writeFileSync(file, procedure);
  const answers = { child: { fullName: 'Nguyễn Thị Lan' }, relation: 'mother' };
  writeFileSync(
    join(dir, 'copy-when.cases.json'),
    JSON.stringify({
      today: '2025-07-31',
      cases: [
        { name: 'mẹ', answers, expect: { copyOffers: ['mother.fullName'] } },
        { name: 'cha', answers: { ...answers, relation: 'father' }, expect: { copyOffers: [] } },
        {
          name: 'sai',
          answers: { ...answers, relation: 'father' },
          expect: { copyOffers: ['mother.fullName'] },
        },
        { name: 'thừa', answers, expect: { copyOffers: [] } },
      ],
    }),
  );
  const io = capture();
  assert.equal(await main(['test', file], io), 1);
  assert.deepEqual(io.stderr, []);
  assert.deepEqual(io.stdout, [
    '✓ mẹ',
    '✓ cha',
    '✗ sai — copyOffers: thiếu ["mother.fullName"]',
    '✗ thừa — copyOffers: thừa ["mother.fullName"]',
    '2 đạt, 2 không đạt',
  ]);
  const en = capture();
  assert.equal(await main(['test', '--lang', 'en', file], en), 1);
  assert.deepEqual(en.stdout.slice(2), [
    '✗ sai — copyOffers: missing ["mother.fullName"]',
    '✗ thừa — copyOffers: unexpected ["mother.fullName"]',
    '2 passed, 2 failed',
  ]);
  assert.deepEqual(
    parseCasesFile({
      cases: [{ name: 'x', answers: {}, expect: { copyOffers: 'mother.fullName' } }],
    }),
    {
      ok: false,
      errors: [
        {
          pointer: '/cases/0/expect/copyOffers',
          message: {
            vi: '"copyOffers" phải là danh sách mã.',
            en: '"copyOffers" must be a list of ids.',
          },
        },
      ],
    },
  );
});
