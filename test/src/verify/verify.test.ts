import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  verifySubmission,
  verifyMessage,
  createMemoryNonceStore,
  type VerifyOptions,
} from '../../../src/verify/index.js';
import { canonicalize } from '../../../src/jcs/index.js';
import {
  signPayload,
  createWebCryptoSigner,
  generateSigningKey,
} from '../../../src/signing/index.js';
import type { SubmissionPayload } from '../../../src/submission/index.js';
import {
  ANSWERS,
  b64u,
  headerText,
  ID_CARD,
  MARRIAGE,
  NOW,
  PROCEDURE,
  PROCEDURE_TEXT,
  payloadFor,
  setup,
  signRaw,
} from './helpers.js';

const base = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({
  procedure: PROCEDURE,
  procedureText: PROCEDURE_TEXT,
  now: NOW,
  ...extra,
});

async function validJws(): Promise<string> {
  return signPayload(await payloadFor(), (await setup()).signer);
}

/** A validly signed JWS of a payload changed after the form built it. */
async function tampered(change: (p: SubmissionPayload) => void): Promise<string> {
  const payload = await payloadFor();
  change(payload);
  return signRaw(await headerText(), canonicalize(payload));
}

async function codes(jws: string, options: VerifyOptions = base()): Promise<string[]> {
  const result = await verifySubmission(jws, options);
  assert.equal(result.ok, false, 'expected a rejection');
  return result.ok ? [] : result.errors.map((e) => e.code);
}

async function rejectedWith(jws: string, expected: object[], options: VerifyOptions = base()) {
  const result = await verifySubmission(jws, options);
  assert.equal(result.ok, false);
  assert.deepEqual(result.ok ? [] : result.errors, expected);
}

test('round trip: a signed payload verifies and comes back unchanged', async () => {
  const { signer } = await setup();
  const payload = await payloadFor();
  const jws = await signPayload(payload, signer);
  const store = createMemoryNonceStore();
  const result = await verifySubmission(
    jws,
    base({
      trustedKeys: [signer.publicJwk],
      nonceStore: store,
      attachments: { [ID_CARD.url!]: ID_CARD.sha256, [MARRIAGE.url!]: MARRIAGE.sha256 },
    }),
  );
  assert.deepEqual(result, { ok: true, submission: payload, kid: signer.kid });
  assert.equal(payload.fee.total, 16000);
});

test('a changed answer breaks the signature', async () => {
  const jws = await validJws();
  const [h, p, s] = jws.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as SubmissionPayload;
  payload.answers['copies'] = 3;
  await rejectedWith(`${h}.${b64u(canonicalize(payload))}.${s}`, [
    { code: 'signature-invalid', message: 'The signature does not match the header and payload.' },
  ]);
});

test('a stored file whose hash differs from the signed one is rejected', async () => {
  const jws = await validJws();
  await rejectedWith(
    jws,
    [
      {
        code: 'attachment-hash-mismatch',
        message: `The stored file for document /documents/1 has SHA-256 ${'c'.repeat(64)}, the payload says ${'b'.repeat(64)}.`,
        pointer: '/documents/1/sha256',
        params: { pointer: '/documents/1', actual: 'c'.repeat(64), expected: 'b'.repeat(64) },
      },
    ],
    base({
      attachments: {
        async sha256For(doc) {
          return doc.slot === 'id-card' ? ID_CARD.sha256 : 'c'.repeat(64);
        },
      },
    }),
  );
  assert.deepEqual(await codes(jws, base({ attachments: { [ID_CARD.url!]: ID_CARD.sha256 } })), [
    'attachment-missing',
  ]);
});

test('a replayed nonce is rejected; the first delivery is accepted', async () => {
  const jws = await validJws();
  const store = createMemoryNonceStore();
  assert.equal((await verifySubmission(jws, base({ nonceStore: store }))).ok, true);
  await rejectedWith(
    jws,
    [
      {
        code: 'nonce-replayed',
        message: 'The nonce has already been used: this submission was already received.',
        pointer: '/nonce',
      },
    ],
    base({ nonceStore: store }),
  );
});

test('a rejected submission does not spend its nonce', async () => {
  const store = createMemoryNonceStore();
  const bad = await tampered((p) => (p.fee.total = 1));
  assert.deepEqual(await codes(bad, base({ nonceStore: store })), ['fee-mismatch']);
  assert.equal(await store.consume('bm9uY2Utbm9uY2Utbm9uY2U'), true);
});

test('an old submission is expired; one from the future is refused', async () => {
  const jws = await validJws();
  await rejectedWith(
    jws,
    [
      {
        code: 'expired',
        message:
          'submittedAt 2025-07-01T02:59:00.000Z is older than 86400 seconds (server time 2025-07-02T03:00:00.000Z).',
        pointer: '/submittedAt',
        params: {
          submittedAt: '2025-07-01T02:59:00.000Z',
          now: '2025-07-02T03:00:00.000Z',
          maxAgeSeconds: 86400,
        },
      },
    ],
    base({ now: new Date('2025-07-02T03:00:00.000Z') }),
  );
  assert.deepEqual(await codes(jws, base({ maxAgeSeconds: 30 })), ['expired']);
  assert.deepEqual(await codes(jws, base({ now: new Date('2025-07-01T02:53:59.000Z') })), [
    'submitted-in-future',
  ]);
  // Within the default five minutes of clock skew.
  assert.equal(
    (await verifySubmission(jws, base({ now: new Date('2025-07-01T02:54:01.000Z') }))).ok,
    true,
  );
});

test('alg "none" is refused before any key is used', async () => {
  const payload = canonicalize(await payloadFor());
  const jws = `${b64u(await headerText({ alg: 'none' }))}.${b64u(payload)}.`;
  await rejectedWith(jws, [
    {
      code: 'alg-not-allowed',
      message: 'Algorithm "none" is not allowed; submissions use ES256, ES384 or EdDSA.',
      params: { alg: 'none' },
    },
  ]);
});

test('HS256 keyed with the public key is refused', async () => {
  const { signer } = await setup();
  const payload = canonicalize(await payloadFor());
  for (const secret of [JSON.stringify(signer.publicJwk), canonicalize(signer.publicJwk)]) {
    const input = `${b64u(await headerText({ alg: 'HS256' }))}.${b64u(payload)}`;
    const mac = createHmac('sha256', secret).update(input).digest();
    assert.deepEqual(
      await codes(`${input}.${b64u(mac)}`, base({ trustedKeys: [signer.publicJwk] })),
      ['alg-not-allowed'],
    );
  }
});

test('an embedded key that is not trusted is refused; a trusted one named only by kid works', async () => {
  const { signer } = await setup();
  const other = await createWebCryptoSigner(await generateSigningKey());
  const jws = await validJws();
  await rejectedWith(
    jws,
    [
      {
        code: 'untrusted-key',
        message: `The signing key ${signer.kid} is not one of the trusted keys.`,
        params: { thumbprint: signer.kid },
      },
    ],
    base({ trustedKeys: [other.publicJwk] }),
  );
  const payload = canonicalize(await payloadFor());
  const kidOnly = await signRaw(
    JSON.stringify({ alg: 'ES256', typ: 'dvc-submission+jws', kid: signer.kid }),
    payload,
  );
  const ok = await verifySubmission(
    kidOnly,
    base({ trustedKeys: [other.publicJwk, signer.publicJwk] }),
  );
  assert.equal(ok.ok, true);
  assert.deepEqual(await codes(kidOnly, base({ trustedKeys: [other.publicJwk] })), [
    'untrusted-key',
  ]);
  assert.deepEqual(await codes(kidOnly), ['missing-key']);
});

test('key checks: kid must be the thumbprint, no private material, curve must match alg', async () => {
  const { signer } = await setup();
  const payload = canonicalize(await payloadFor());
  assert.deepEqual(await codes(await signRaw(await headerText({ kid: 'someone-else' }), payload)), [
    'kid-mismatch',
  ]);
  assert.deepEqual(
    await codes(
      await signRaw(await headerText({ jwk: { ...signer.publicJwk, d: 'AAAA' } }), payload),
    ),
    ['invalid-key'],
  );
  await rejectedWith(await signRaw(await headerText({ alg: 'ES384' }), payload), [
    {
      code: 'invalid-key',
      message: 'The signing key is not usable: ES384 needs a EC P-384 key, got EC P-256.',
      params: { detail: 'ES384 needs a EC P-384 key, got EC P-256' },
    },
  ]);
  assert.deepEqual(
    await codes(await validJws(), base({ trustedKeys: [{ ...signer.publicJwk, alg: 'ES384' }] })),
    ['invalid-key'],
  );
});

test('header checks: typ, x5c, crit and key URLs', async () => {
  const payload = canonicalize(await payloadFor());
  assert.deepEqual(await codes(await signRaw(await headerText({ typ: 'JWT' }), payload)), [
    'wrong-type',
  ]);
  assert.deepEqual(await codes(await signRaw(await headerText({ x5c: ['MIIB'] }), payload)), [
    'x5c-not-supported',
  ]);
  await rejectedWith(await signRaw(await headerText({ crit: ['exp'], exp: 1 }), payload), [
    {
      code: 'unsupported-header',
      message: 'Header parameter "crit" is not supported.',
      params: { name: 'crit' },
    },
  ]);
  assert.deepEqual(
    await codes(await signRaw(await headerText({ jku: 'https://evil.example/keys' }), payload)),
    ['unsupported-header'],
  );
});

test('malformed compact serialisations', async () => {
  const jws = await validJws();
  const [h, p, s] = jws.split('.') as [string, string, string];
  const detail = (d: string) => [
    { code: 'malformed-jws', message: `Not a compact JWS: ${d}.`, params: { detail: d } },
  ];
  await rejectedWith(`${h}.${p}`, detail('expected three base64url parts separated by dots'));
  await rejectedWith(`${jws}\n`, detail('expected three base64url parts separated by dots'));
  await rejectedWith(`${h}=.${p}.${s}`, detail('a part is not unpadded base64url'));
  await rejectedWith(
    `${b64u('{"alg":"ES256","alg":"ES256"}')}.${p}.${s}`,
    detail('the protected header is not a strict JSON object'),
  );
  await rejectedWith(
    `${b64u('[1]')}.${p}.${s}`,
    detail('the protected header is not a strict JSON object'),
  );
  await rejectedWith(42 as unknown as string, detail('not a string'));
});

test('validly signed but not canonical bytes are refused', async () => {
  const payload = await payloadFor();
  await rejectedWith(await signRaw(await headerText(), JSON.stringify(payload, null, 2)), [
    {
      code: 'payload-not-canonical',
      message: 'The payload bytes are not the RFC 8785 canonical form of the JSON they contain.',
    },
  ]);
  // Same members, insertion order instead of sorted.
  assert.deepEqual(await codes(await signRaw(await headerText(), JSON.stringify(payload))), [
    'payload-not-canonical',
  ]);
});

test('duplicate members are refused even when the last one would be harmless', async () => {
  const text = canonicalize(await payloadFor()).replace('"lang":"vi"', '"lang":"en","lang":"vi"');
  await rejectedWith(await signRaw(await headerText(), text), [
    {
      code: 'duplicate-key',
      message: 'The payload has a duplicate member "lang" at /lang.',
      pointer: '/lang',
      params: { key: 'lang', pointer: '/lang' },
    },
  ]);
});

test('prototype-pollution members are refused', async () => {
  const text = canonicalize(await payloadFor()).replace(
    '"answers":{',
    '"answers":{"__proto__":{"isAdmin":true},',
  );
  await rejectedWith(await signRaw(await headerText(), text), [
    {
      code: 'forbidden-key',
      message: 'The payload has a forbidden member "__proto__" at /answers/__proto__.',
      pointer: '/answers/__proto__',
      params: { key: '__proto__', pointer: '/answers/__proto__' },
    },
  ]);
  const ctor = canonicalize(await payloadFor()).replace(
    '"answers":{',
    '"answers":{"constructor":1,',
  );
  assert.deepEqual(await codes(await signRaw(await headerText(), ctor)), ['forbidden-key']);
});

test('an answer smuggled into a hidden field is refused', async () => {
  const single = { ...ANSWERS, married: false } as Record<string, unknown>;
  delete single['spouseName'];
  const payload = await payloadFor(single, [ID_CARD]);
  assert.equal(
    (await verifySubmission(await signRaw(await headerText(), canonicalize(payload)), base())).ok,
    true,
  );
  payload.answers['spouseName'] = 'Người lạ';
  await rejectedWith(await signRaw(await headerText(), canonicalize(payload)), [
    {
      code: 'hidden-field-present',
      message: 'The answers contain /answers/spouseName, a field the rules hide for these answers.',
      pointer: '/answers/spouseName',
      params: { pointer: '/answers/spouseName' },
    },
  ]);
});

test('ineligible answers are refused, whatever the payload claims', async () => {
  const jws = await tampered((p) => (p.answers['birthDate'] = '2010-05-12'));
  await rejectedWith(jws, [
    {
      code: 'ineligible',
      message: 'The answers do not meet eligibility rule "adult".',
      pointer: '/answers',
      params: { rule: 'adult' },
    },
  ]);
  // Eligibility is judged on the submission date: 18 on 2025-07-01 exactly.
  assert.equal(
    (await verifySubmission(await tampered((p) => (p.answers['birthDate'] = '2007-07-01')), base()))
      .ok,
    true,
  );
  assert.deepEqual(await codes(await tampered((p) => (p.answers['birthDate'] = '2007-07-02'))), [
    'ineligible',
  ]);
  assert.deepEqual(await codes(await tampered((p) => delete p.answers['birthDate'])), [
    'eligibility-unknown',
    'invalid-answers',
  ]);
  assert.deepEqual(await codes(await tampered((p) => (p.eligibility.status = 'unknown'))), [
    'eligibility-mismatch',
  ]);
});

test('wrong procedure code, version or file hash', async () => {
  const jws = await validJws();
  await rejectedWith(
    jws,
    [
      {
        code: 'procedure-version-mismatch',
        message: 'The payload is for procedure version 1.2.0, the server has 1.3.0.',
        pointer: '/procedure/version',
        params: { actual: '1.2.0', expected: '1.3.0' },
      },
    ],
    base({ procedure: { ...PROCEDURE, version: '1.3.0' } }),
  );
  assert.deepEqual(await codes(jws, base({ procedure: { ...PROCEDURE, code: '9.000043' } })), [
    'procedure-mismatch',
  ]);
  assert.deepEqual(await codes(jws, base({ procedureText: PROCEDURE_TEXT + '\n' })), [
    'procedure-hash-mismatch',
  ]);
  assert.deepEqual(
    await codes(jws, base({ procedureText: new TextEncoder().encode(PROCEDURE_TEXT + ' ') })),
    ['procedure-hash-mismatch'],
  );
  // Without the text, the hash is not checked.
  assert.equal((await verifySubmission(jws, base({ procedureText: undefined }))).ok, true);
});

test('a fee that differs from the recomputed one is refused', async () => {
  const jws = await tampered((p) => {
    p.fee.total = 0;
    p.fee.items[0]!.subtotal = 0;
  });
  await rejectedWith(jws, [
    {
      code: 'fee-mismatch',
      message: "The payload's fee (total 0 VND) differs from the recomputed fee (total 16000 VND).",
      pointer: '/fee',
      params: { actual: 0, expected: 16000 },
    },
  ]);
  // Claiming the poor-household exemption requires answering it.
  const claimed = await tampered((p) => {
    p.fee.total = 0;
    p.fee.items[0]!.subtotal = 0;
    p.fee.items[0]!.reductions = [{ id: 'poor', percent: 100, amount: 16000 }];
  });
  assert.deepEqual(await codes(claimed), ['fee-mismatch']);
});

test('invalid and non-normalised answers', async () => {
  const invalid = await verifySubmission(await tampered((p) => (p.answers['copies'] = 11)), base());
  assert.equal(invalid.ok, false);
  if (!invalid.ok) {
    assert.deepEqual(
      invalid.errors.map((e) => [e.code, e.pointer]),
      [
        ['invalid-answers', '/answers/copies'],
        ['fee-mismatch', '/fee'],
      ],
    );
    assert.equal(invalid.errors[0]!.params!['problem'], 'too-large');
  }
  assert.deepEqual(
    await codes(await tampered((p) => (p.answers['fullName'] = '  Nguyễn  Văn An '))),
    ['answers-not-normalized'],
  );
  assert.deepEqual(await codes(await tampered((p) => delete p.answers['spouseName'])), [
    'invalid-answers',
  ]);
});

test('document checks against the procedure', async () => {
  const withDocs = (docs: SubmissionPayload['documents']) => tampered((p) => (p.documents = docs));
  assert.deepEqual(await codes(await withDocs([MARRIAGE])), ['missing-document']);
  assert.deepEqual(await codes(await withDocs([ID_CARD, { ...MARRIAGE, type: 'text/html' }])), [
    'document-type-not-accepted',
  ]);
  assert.deepEqual(await codes(await withDocs([ID_CARD, { ...MARRIAGE, size: 5_000_001 }])), [
    'document-too-large',
  ]);
  const tooMany = { slot: 'id-card', count: 3, max: 2 };
  await rejectedWith(await withDocs([ID_CARD, ID_CARD, ID_CARD, MARRIAGE]), [
    {
      code: 'too-many-documents',
      message: 'Slot "id-card" has 3 files; at most 2 allowed.',
      pointer: '/documents',
      params: tooMany,
    },
  ]);
  // The receiver answers a citizen in Vietnamese from the same catalog (demo/server/verify-errors.js).
  assert.equal(
    verifyMessage('too-many-documents', tooMany, 'vi'),
    'Mục "id-card" có 3 tệp; tối đa 2 tệp.',
  );
  assert.equal(
    verifyMessage('too-many-documents', { ...tooMany, count: 1, max: 0 }, 'en'),
    'Slot "id-card" has 1 file; at most 0 allowed.',
  );
  assert.deepEqual(
    await codes(await withDocs([ID_CARD, MARRIAGE, { ...ID_CARD, slot: 'passport' }])),
    ['unknown-document'],
  );
  await rejectedWith(await withDocs([ID_CARD]), [
    {
      code: 'missing-document',
      message: 'Required document "marriage-certificate" is missing.',
      pointer: '/documents',
      params: { slot: 'marriage-certificate' },
    },
  ]);
  const single = { ...ANSWERS, married: false } as Record<string, unknown>;
  delete single['spouseName'];
  const payload = await payloadFor(single, [ID_CARD]);
  payload.documents.push(MARRIAGE);
  assert.deepEqual(await codes(await signRaw(await headerText(), canonicalize(payload))), [
    'hidden-document-present',
  ]);
});

test('payload structure and version', async () => {
  await rejectedWith(
    await tampered((p) => ((p as unknown as Record<string, unknown>)['extra'] = 1)),
    [
      {
        code: 'invalid-payload',
        message: 'The payload is malformed at /extra: unknown member.',
        pointer: '/extra',
        params: { pointer: '/extra', detail: 'unknown member' },
      },
    ],
  );
  assert.deepEqual(
    await codes(await tampered((p) => ((p as unknown as Record<string, unknown>)['v'] = 2))),
    ['unsupported-version'],
  );
  assert.deepEqual(await codes(await tampered((p) => (p.nonce = 'short'))), ['invalid-payload']);
  assert.deepEqual(await codes(await tampered((p) => (p.submittedAt = '2025-07-01 02:59:00'))), [
    'invalid-payload',
  ]);
  assert.deepEqual(await codes(await tampered((p) => (p.documents[0]!.sha256 = 'A'.repeat(64)))), [
    'invalid-payload',
  ]);
  assert.deepEqual(await codes(await signRaw(await headerText(), '[1,2]')), ['invalid-payload']);
  assert.deepEqual(await codes(await signRaw(await headerText(), '{"a":')), ['payload-not-json']);
});

test('never throws: broken options come back as internal-error', async () => {
  const jws = await validJws();
  const result = await verifySubmission(
    jws,
    base({
      procedure: {
        ...PROCEDURE,
        data: { type: 'object', properties: { a: { $ref: '#/nowhere' } } },
      },
    }),
  );
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0]!.code, 'internal-error');
    assert.match(result.errors[0]!.message, /^Verification could not be completed: \S/);
  }
});

test('an assisted submission needs both the applicant’s and the helper’s confirmation', async () => {
  const statement = 'Tôi đã đọc lại toàn bộ nội dung cho người nộp hồ sơ và người nộp đã đồng ý';
  const assisted = (assistance?: unknown) =>
    tampered((p) => {
      p.assistedBy = 'bưu điện Hoàn Kiếm, nhân viên 07';
      if (assistance !== undefined)
        (p as unknown as Record<string, unknown>)['assistance'] = assistance;
    });
  const ok = await verifySubmission(
    await assisted({ applicantConfirmed: true, helperConfirmed: true, helperStatement: statement }),
    base(),
  );
  assert.equal(ok.ok, true);
  assert.deepEqual(ok.ok && ok.submission.assistance, {
    applicantConfirmed: true,
    helperConfirmed: true,
    helperStatement: statement,
  });
  await rejectedWith(await assisted(), [
    {
      code: 'invalid-payload',
      message:
        "The payload is malformed at /assistance: expected the applicant's and the helper's confirmations.",
      pointer: '/assistance',
      params: {
        pointer: '/assistance',
        detail: "expected the applicant's and the helper's confirmations",
      },
    },
  ]);
  await rejectedWith(
    await assisted({
      applicantConfirmed: false,
      helperConfirmed: true,
      helperStatement: statement,
    }),
    [
      {
        code: 'invalid-payload',
        message: 'The payload is malformed at /assistance/applicantConfirmed: expected true.',
        pointer: '/assistance/applicantConfirmed',
        params: { pointer: '/assistance/applicantConfirmed', detail: 'expected true' },
      },
    ],
  );
  // Confirmations without a helper make no sense either.
  const alone = await tampered((p) => {
    (p as unknown as Record<string, unknown>)['assistance'] = {
      applicantConfirmed: true,
      helperConfirmed: true,
      helperStatement: statement,
    };
  });
  assert.deepEqual(await codes(alone), ['invalid-payload']);
});
