import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildSubmissionPayload,
  findField,
  randomNonce,
  removeFields,
  sha256Hex,
  type RulesOutcome,
} from '../../../src/submission/index.js';
import { DvcError } from '../../../src/errors.js';

const rules: RulesOutcome = {
  eligibility: { status: 'eligible', reasons: [] },
  hidden: { fields: ['spouse.name', 'siblings[].note'], documents: ['marriage'] },
  fee: {
    total: 4000,
    currency: 'VND',
    items: [
      {
        id: 'copy',
        label: { vi: 'Bản sao' },
        amount: 8000,
        quantity: 1,
        subtotal: 4000,
        reductions: [{ id: 'half', label: { vi: 'Giảm' }, percent: 50, amount: 4000 }],
      },
    ],
  },
};

test('sha256Hex matches the FIPS 180-2 "abc" vector for strings and bytes', async () => {
  const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  assert.equal(await sha256Hex('abc'), abc);
  assert.equal(await sha256Hex(new Uint8Array([0x61, 0x62, 0x63])), abc);
});

test('randomNonce is 128 bits of base64url', () => {
  const a = randomNonce();
  assert.match(a, /^[A-Za-z0-9_-]{22}$/);
  assert.equal(Buffer.from(a, 'base64url').length, 16);
  assert.notEqual(a, randomNonce());
});

test('builds the payload: hidden answers and documents left out, fee without labels', () => {
  const answers = {
    fullName: 'Lê Thị Cúc',
    spouse: { name: 'x', age: 30 },
    siblings: [{ name: 'a', note: 'n' }, { name: 'b' }],
  };
  const payload = buildSubmissionPayload({
    procedure: { code: '1.001193', version: '2.0.0' },
    procedureSha256: 'f'.repeat(64),
    answers,
    rules,
    documents: [
      { slot: 'id', name: 'cccd.jpg', type: 'image/jpeg', size: 10, sha256: '0'.repeat(64) },
      {
        slot: 'marriage',
        name: 'kh.pdf',
        type: 'application/pdf',
        size: 20,
        sha256: '1'.repeat(64),
        url: 'u',
      },
    ],
    lang: 'en',
    assistedBy: 'officer-17',
    nonce: 'abcdefghijklmnopqrstuv',
    now: new Date('2025-07-01T08:30:00Z'),
  });
  assert.deepEqual(payload, {
    v: 1,
    procedure: { code: '1.001193', version: '2.0.0', sha256: 'f'.repeat(64) },
    answers: {
      fullName: 'Lê Thị Cúc',
      spouse: { age: 30 },
      siblings: [{ name: 'a' }, { name: 'b' }],
    },
    documents: [
      { slot: 'id', name: 'cccd.jpg', type: 'image/jpeg', size: 10, sha256: '0'.repeat(64) },
    ],
    fee: {
      total: 4000,
      currency: 'VND',
      items: [
        {
          id: 'copy',
          amount: 8000,
          quantity: 1,
          subtotal: 4000,
          reductions: [{ id: 'half', percent: 50, amount: 4000 }],
        },
      ],
    },
    eligibility: { status: 'eligible', reasons: [] },
    lang: 'en',
    assistedBy: 'officer-17',
    submittedAt: '2025-07-01T08:30:00.000Z',
    nonce: 'abcdefghijklmnopqrstuv',
  });
  // The caller's answers are untouched.
  assert.deepEqual(answers.spouse, { name: 'x', age: 30 });
});

test('a random nonce is used when the server gave none', () => {
  const payload = buildSubmissionPayload({
    procedure: { code: '1.001193', version: '2.0.0' },
    procedureSha256: 'f'.repeat(64),
    answers: {},
    rules,
    lang: 'vi',
  });
  assert.match(payload.nonce, /^[A-Za-z0-9_-]{22}$/);
  assert.equal('assistedBy' in payload, false);
  assert.deepEqual(payload.documents, []);
});

function refuses(change: Record<string, unknown>, message: string) {
  assert.throws(
    () =>
      buildSubmissionPayload({
        procedure: { code: '1.001193', version: '2.0.0' },
        procedureSha256: 'f'.repeat(64),
        answers: {},
        rules,
        lang: 'vi',
        ...change,
      }),
    (err: unknown) =>
      err instanceof DvcError && err.code === 'invalid-argument' && err.message === message,
  );
}

test('refuses inputs that cannot be signed faithfully', () => {
  refuses({ procedureSha256: 'F'.repeat(64) }, 'procedureSha256 must be 64 lower-case hex digits.');
  refuses({ nonce: 'short' }, 'nonce must be 22 to 86 base64url characters.');
  refuses(
    { documents: [{ slot: 'id', name: 'a.jpg', type: 'image/jpeg', size: 1, sha256: 'x' }] },
    'The SHA-256 of document "a.jpg" must be 64 lower-case hex digits.',
  );
  refuses(
    { answers: { when: new Date(0) } },
    'Cannot canonicalise JSON at "/answers/when": only plain objects and arrays can be canonicalised.',
  );
  refuses(
    { answers: { n: NaN } },
    'Cannot canonicalise JSON at "/answers/n": NaN is not a JSON number.',
  );
});

test('findField and removeFields follow item paths and keep __proto__ as data', () => {
  const answers = JSON.parse(
    '{"a":{"b":null},"list":[{"x":1},{"y":2},{"x":""}],"__proto__":{"p":1}}',
  ) as Record<string, unknown>;
  assert.deepEqual(findField(answers, 'a.b'), ['/a/b']);
  assert.deepEqual(findField(answers, 'list[].x'), ['/list/0/x', '/list/2/x']);
  assert.deepEqual(findField(answers, 'a.c'), []);
  assert.deepEqual(findField(answers, 'toString'), []);
  const copy = removeFields(answers, ['list[].x', 'a.b']);
  assert.equal(JSON.stringify(copy), '{"a":{},"list":[{},{"y":2},{}],"__proto__":{"p":1}}');
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
});

test('assisted digital: the payload records both confirmations and the helper’s words', () => {
  const payload = buildSubmissionPayload({
    procedure: { code: '1.001193', version: '2.0.0' },
    procedureSha256: 'f'.repeat(64),
    answers: {},
    rules,
    lang: 'vi',
    assistedBy: 'bưu điện 07',
    assistance: {
      applicantConfirmed: true,
      helperConfirmed: true,
      helperStatement: 'Tôi đã đọc lại toàn bộ nội dung cho người nộp hồ sơ và người nộp đã đồng ý',
    },
  });
  assert.equal(payload.assistedBy, 'bưu điện 07');
  assert.deepEqual(payload.assistance, {
    applicantConfirmed: true,
    helperConfirmed: true,
    helperStatement: 'Tôi đã đọc lại toàn bộ nội dung cho người nộp hồ sơ và người nộp đã đồng ý',
  });
});
