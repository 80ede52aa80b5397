// verifySupplement: a supplement is verified like a submission and must answer exactly the
// clerk's open request, each item valid once merged into the dossier's answers and documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createMemoryNonceStore,
  verifySupplement,
  type SupplementCallOptions,
  type VerifierOptions,
} from '../../../src/verify/index.js';
import { signPayload } from '../../../src/signing/index.js';
import { canonicalize } from '../../../src/jcs/index.js';
import { buildSupplementPayload, type SupplementPayload } from '../../../src/supplement/index.js';
import type { PayloadDocument } from '../../../src/submission/index.js';
import {
  ANSWERS,
  ID_CARD,
  MARRIAGE,
  NOW,
  PROCEDURE,
  PROCEDURE_TEXT,
  SUBMITTED,
  headerText,
  setup,
  signRaw,
} from './helpers.js';

const REQUEST = {
  id: 'req-0000001',
  dossierCode: 'HT-250701-ABCD2345',
  items: { fields: ['spouseName'], documents: ['marriage-certificate'] },
};
const NEW_MARRIAGE: PayloadDocument = {
  ...MARRIAGE,
  name: 'ket-hon-ban-ro.pdf',
  sha256: 'c'.repeat(64),
  url: 'https://upload.example.gov.vn/files/3',
};
const BASE = { answers: ANSWERS, documents: [ID_CARD, MARRIAGE] };

async function supplement(
  answers: Record<string, unknown> = { spouseName: 'Trần Thị Bình Minh' },
  documents: PayloadDocument[] = [NEW_MARRIAGE],
  request = REQUEST,
): Promise<SupplementPayload> {
  const { procedureSha256 } = await setup();
  return buildSupplementPayload({
    request,
    procedure: PROCEDURE,
    procedureSha256,
    answers,
    documents,
    lang: 'vi',
    nonce: 'c3VwcGxlbWVudC1ub25jZS0x',
    now: SUBMITTED,
  });
}

const options = (
  extra: Partial<SupplementCallOptions> = {},
): VerifierOptions & SupplementCallOptions => ({
  procedure: PROCEDURE,
  procedureText: PROCEDURE_TEXT,
  now: NOW,
  request: REQUEST,
  base: BASE,
  ...extra,
});

/** Signs a payload as built, or changed afterwards (a modified client), with the fixture key. */
async function sign(payload: SupplementPayload): Promise<string> {
  return signRaw(await headerText(), canonicalize(payload));
}

async function errorsOf(jws: string, extra: Partial<SupplementCallOptions> = {}) {
  const result = await verifySupplement(jws, options(extra));
  assert.equal(result.ok, false, 'expected a rejection');
  return result.ok ? [] : result.errors;
}

test('a supplement with exactly the requested items verifies, its nonce spent once', async () => {
  const { signer } = await setup();
  const payload = await supplement();
  const jws = await signPayload(payload, signer);
  const nonceStore = createMemoryNonceStore();
  const attachments = { [NEW_MARRIAGE.url!]: NEW_MARRIAGE.sha256 };
  const result = await verifySupplement(jws, options({ nonceStore, attachments }));
  assert.deepEqual(result, { ok: true, supplement: payload, kid: signer.kid });
  // The same token again: a replay.
  assert.deepEqual(await errorsOf(jws, { nonceStore, attachments }), [
    {
      code: 'nonce-replayed',
      message: 'The nonce has already been used: this submission was already received.',
      pointer: '/nonce',
    },
  ]);
});

test('a missing requested answer and a missing requested document are each named', async () => {
  const jws = await sign(await supplement({}, []));
  assert.deepEqual(await errorsOf(jws), [
    {
      code: 'supplement-item-missing',
      message: 'Requested answer "spouseName" is missing.',
      pointer: '/answers/spouseName',
      params: { item: 'spouseName', what: 'answer', pointer: '/answers/spouseName' },
    },
    {
      code: 'supplement-item-missing',
      message: 'Requested document "marriage-certificate" is missing.',
      pointer: '/documents',
      params: { item: 'marriage-certificate', what: 'document', pointer: '/documents' },
    },
  ]);
});

test('an answer or a file that was not requested is refused', async () => {
  const payload = await supplement();
  // Added after the form built it: buildSupplementPayload itself leaves unrequested items out.
  payload.answers['fullName'] = 'Người Khác';
  payload.documents.push({ ...ID_CARD, sha256: 'd'.repeat(64) });
  const errors = await errorsOf(await sign(payload));
  assert.deepEqual(
    errors.map((e) => [e.code, e.pointer, e.message]),
    [
      [
        'supplement-item-not-requested',
        '/answers/fullName',
        '"fullName" at /answers/fullName was not requested.',
      ],
      [
        'supplement-item-not-requested',
        '/documents/1/slot',
        '"id-card" at /documents/1/slot was not requested.',
      ],
    ],
  );
});

test('buildSupplementPayload keeps only the requested items', async () => {
  const payload = await supplement({ spouseName: 'Bình', fullName: 'X' }, [NEW_MARRIAGE, ID_CARD]);
  assert.deepEqual(payload.answers, { spouseName: 'Bình' });
  assert.deepEqual(payload.documents, [NEW_MARRIAGE]);
});

test('a requested answer is checked against the procedure schema', async () => {
  const jws = await sign(await supplement({ spouseName: 'x'.repeat(101) }));
  const errors = await errorsOf(jws);
  assert.deepEqual(
    errors.map((e) => [e.code, e.pointer]),
    [['invalid-answers', '/answers/spouseName']],
  );
});

test('a requested file is checked against the document rules', async () => {
  const jws = await sign(
    await supplement(undefined, [{ ...NEW_MARRIAGE, type: 'image/png', name: 'a.png' }]),
  );
  const errors = await errorsOf(jws);
  assert.deepEqual(
    errors.map((e) => [e.code, e.pointer]),
    [['document-type-not-accepted', '/documents/0/type']],
  );
});

test('a supplement for another dossier or another request is refused first', async () => {
  const other = await sign(
    await supplement(undefined, undefined, { ...REQUEST, dossierCode: 'HT-250701-ZZZZ2345' }),
  );
  assert.deepEqual(await errorsOf(other), [
    {
      code: 'supplement-dossier-mismatch',
      message: 'The supplement is for dossier HT-250701-ZZZZ2345, not HT-250701-ABCD2345.',
      pointer: '/dossierCode',
      params: { actual: 'HT-250701-ZZZZ2345', expected: 'HT-250701-ABCD2345' },
    },
  ]);
  const old = await sign(await supplement(undefined, undefined, { ...REQUEST, id: 'req-older01' }));
  assert.deepEqual(
    (await errorsOf(old)).map((e) => e.code),
    ['supplement-request-mismatch'],
  );
});

test('a submission token is not a supplement, and a supplement is not a submission', async () => {
  const { verifySubmission } = await import('../../../src/verify/index.js');
  const supplementJws = await sign(await supplement());
  const asSubmission = await verifySubmission(supplementJws, {
    procedure: PROCEDURE,
    procedureText: PROCEDURE_TEXT,
    now: NOW,
  });
  assert.equal(asSubmission.ok, false);
  assert.equal(!asSubmission.ok && asSubmission.errors[0]?.code, 'invalid-payload');
  const { payloadFor } = await import('./helpers.js');
  const submissionJws = await sign((await payloadFor()) as unknown as SupplementPayload);
  assert.deepEqual(
    (await errorsOf(submissionJws)).map((e) => [e.code, e.pointer]),
    [['invalid-payload', '/kind']],
  );
});

test('the stored file of a supplement must have the signed hash', async () => {
  const jws = await sign(await supplement());
  const errors = await errorsOf(jws, { attachments: { [NEW_MARRIAGE.url!]: 'e'.repeat(64) } });
  assert.deepEqual(
    errors.map((e) => e.code),
    ['attachment-hash-mismatch'],
  );
});
