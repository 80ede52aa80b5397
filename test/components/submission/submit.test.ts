import { expect } from '@open-wc/testing';
import {
  SignedSubmission,
  submissionFailureMessage,
  type SubmissionProgress,
} from '../../../components/submission/submit.js';
import { SubmissionTransportError } from '../../../components/submission/transport.js';
import { loadProcedure } from '../../../src/procedure/load.js';
import { ProcedureModel } from '../../../src/session/index.js';
import {
  createWebCryptoSigner,
  generateSigningKey,
  type Signer,
} from '../../../src/signing/index.js';
import { sha256Hex, type SubmissionPayload } from '../../../src/submission/payload.js';
import { verifySubmission, createMemoryNonceStore } from '../../../src/verify/index.js';
import { canonicalizeToBytes } from '../../../src/jcs/canonicalize.js';
import { SigningError, TransportError } from '../../../src/errors.js';
import type { Procedure } from '../../../src/procedure/types.js';
import simple from './fixtures/simple.json';
import { problem, scriptedFetch, type Step } from './fake-fetch.js';

const TEXT = JSON.stringify(simple);
const loaded = loadProcedure(TEXT);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const procedure: Procedure = loaded.procedure;
const NONCE = 'bm9uY2Utbm9uY2Utbm9uY2U';
const OK = {
  status: 201,
  body: {
    dossierCode: 'KS-261126-7QF3',
    receivedAt: '2026-11-26T03:00:00.000Z',
    expectedResultDate: '2026-12-01',
  },
};

async function formPayload(answers: Record<string, unknown>): Promise<SubmissionPayload> {
  // The payload as the form builds it: the session's decision (src/session).
  const session = (await ProcedureModel.create(procedure)).createSession({ answers });
  await session.check();
  return session.toPayload({ procedureSha256: await sha256Hex(TEXT), lang: 'vi' });
}

/** A signer that notes when it signs, around a fresh WebCrypto key. */
async function recordingSigner(log: string[]): Promise<Signer> {
  const inner = await createWebCryptoSigner(await generateSigningKey());
  return {
    async sign(bytes) {
      log.push('sign');
      return inner.sign(bytes);
    },
  };
}

function loggingFetch(steps: Step[], log: string[]) {
  const scripted = scriptedFetch(steps);
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    log.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return scripted.fetch(input, init);
  }) as typeof globalThis.fetch;
  return { fetch, calls: scripted.calls };
}

async function jwsPayload(jws: string): Promise<Record<string, unknown>> {
  const b64 = jws.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

describe('SignedSubmission', () => {
  it('fetches the challenge before signing, signs a payload verifySubmission accepts, and sends it', async () => {
    const log: string[] = [];
    const { fetch, calls } = loggingFetch(
      [{ status: 201, body: { nonce: NONCE, expiresAt: '2999-01-01T00:00:00.000Z' } }, OK],
      log,
    );
    const signer = await recordingSigner(log);
    const progress: SubmissionProgress[] = [];
    const result = await new SignedSubmission().submit(
      await formPayload({ hoTen: 'Nguyễn Văn An', soBanSao: 2 }),
      {
        action: '/api/dossiers',
        challengeEndpoint: '/api/challenges',
        signer,
        fetch,
        newKey: () => 'key-1',
        onProgress: (p) => void progress.push(p),
      },
    );
    expect(log).to.deep.equal(['POST /api/challenges', 'sign', 'POST /api/dossiers']);
    expect(progress).to.deep.equal([
      { phase: 'signing' },
      { phase: 'sending', attempt: 1, maxAttempts: 4 },
    ]);
    // The receiver binds the nonce to the procedure it is asked for.
    expect(JSON.parse(String(calls[0]!.body))).to.deep.equal({
      procedure: { code: procedure.code, version: procedure.version },
    });
    expect(calls[0]!.headers['content-type']).to.equal('application/json');
    expect(calls[1]!.body).to.equal(JSON.stringify({ jws: result.jws }));
    expect(calls[1]!.headers['idempotency-key']).to.equal('key-1');
    expect(calls[1]!.headers['accept-language']).to.equal('vi');
    expect(result.status).to.equal(201);
    expect(result.response).to.deep.equal(OK.body);
    expect(result.idempotencyKey).to.equal('key-1');
    expect(result.payload.nonce).to.equal(NONCE);
    expect(result.payload.answers).to.deep.equal({ hoTen: 'Nguyễn Văn An', soBanSao: 2 });
    expect(result.payload.fee).to.deep.equal({
      total: 16000,
      currency: 'VND',
      items: [{ id: 'ban-sao', amount: 8000, quantity: 2, subtotal: 16000, reductions: [] }],
    });
    expect(result.signedSha256).to.equal(await sha256Hex(canonicalizeToBytes(result.payload)));
    expect(await jwsPayload(result.jws)).to.deep.equal(result.payload);

    const nonceStore = createMemoryNonceStore();
    const verified = await verifySubmission(result.jws, {
      procedure,
      procedureText: TEXT,
      nonceStore,
    });
    expect(verified).to.deep.include({ ok: true });
    if (verified.ok) expect(verified.submission).to.deep.equal(result.payload);
  });

  it('an assisted submission signs both confirmations, and verify accepts it', async () => {
    const { fetch } = loggingFetch(
      [{ status: 201, body: { nonce: NONCE, expiresAt: '2999-01-01T00:00:00.000Z' } }, OK],
      [],
    );
    const assistance = {
      applicantConfirmed: true as const,
      helperConfirmed: true as const,
      helperStatement: 'Tôi đã đọc lại toàn bộ nội dung cho người nộp hồ sơ và người nộp đã đồng ý',
    };
    const form = {
      ...(await formPayload({ hoTen: 'Nguyễn Văn An', soBanSao: 2 })),
      assistedBy: 'Bưu điện Hoàn Kiếm — nhân viên 07',
      assistance,
    };
    const result = await new SignedSubmission().submit(form, {
      action: '/api/dossiers',
      challengeEndpoint: '/api/challenges',
      signer: await recordingSigner([]),
      fetch,
      newKey: () => 'key-assisted',
    });
    expect(result.payload.assistedBy).to.equal('Bưu điện Hoàn Kiếm — nhân viên 07');
    expect(result.payload.assistance).to.deep.equal(assistance);
    const verified = await verifySubmission(result.jws, {
      procedure,
      procedureText: TEXT,
      nonceStore: createMemoryNonceStore(),
    });
    expect(verified).to.deep.include({ ok: true });
  });

  it('uses the browser key from IndexedDB when no signer is given', async () => {
    const { fetch } = scriptedFetch([OK]);
    const result = await new SignedSubmission().submit(await formPayload({ hoTen: 'An' }), {
      action: '/api/dossiers',
      fetch,
    });
    const header = JSON.parse(
      atob(result.jws.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/')),
    );
    expect(header.alg).to.equal('ES256');
    expect(header.jwk.crv).to.equal('P-256');
    expect(header.kid).to.be.a('string');
    const verified = await verifySubmission(result.jws, { procedure, procedureText: TEXT });
    expect(verified.ok).to.equal(true);
  });

  it('after an uncertain failure, sends the same JWS with the same key when pressed again', async () => {
    const { fetch, calls } = scriptedFetch([
      { networkError: true },
      { networkError: true },
      { ...OK, headers: { 'idempotent-replayed': 'true' } },
    ]);
    const submission = new SignedSubmission();
    const form = await formPayload({ hoTen: 'Nguyễn Văn An' });
    let keys = 0;
    const options = {
      action: '/api/dossiers',
      signer: await recordingSigner([]),
      fetch,
      maxAttempts: 2,
      sleep: async () => {},
      newKey: () => `key-${++keys}`,
    };
    let failed: unknown;
    try {
      await submission.submit(form, options);
    } catch (e) {
      failed = e;
    }
    expect((failed as SubmissionTransportError).kind).to.equal('network');
    expect(submission.idempotencyKey).to.equal('key-1');
    const again = await submission.submit(
      { ...form, submittedAt: new Date().toISOString() },
      options,
    );
    expect(again.replayed).to.equal(true);
    expect(calls.map((c) => c.headers['idempotency-key'])).to.deep.equal([
      'key-1',
      'key-1',
      'key-1',
    ]);
    expect(new Set(calls.map((c) => c.body)).size).to.equal(1);
    expect(submission.idempotencyKey).to.equal(undefined);
  });

  it('re-signs after a 4xx refusal, and takes a new key when the answers change', async () => {
    const { fetch, calls } = scriptedFetch([
      problem(422, 'Hồ sơ không hợp lệ', 'Hồ sơ không vượt qua bước kiểm tra.'),
      problem(422, 'Hồ sơ không hợp lệ', 'Hồ sơ không vượt qua bước kiểm tra.'),
      OK,
    ]);
    const submission = new SignedSubmission();
    let keys = 0;
    const options = {
      action: '/api/dossiers',
      signer: await recordingSigner([]),
      fetch,
      newKey: () => `key-${++keys}`,
    };
    const form = await formPayload({ hoTen: 'Nguyễn Văn An' });
    for (let i = 0; i < 2; i++) {
      try {
        await submission.submit(form, options);
      } catch {
        // expected
      }
    }
    await submission.submit(await formPayload({ hoTen: 'Nguyễn Văn Bình' }), options);
    expect(calls.map((c) => c.headers['idempotency-key'])).to.deep.equal([
      'key-1',
      'key-1',
      'key-2',
    ]);
    // A refusal is final for those bytes: the second press signed again (new nonce).
    expect(calls[0]!.body).not.to.equal(calls[1]!.body);
  });

  it('sends once when submit is called twice at the same time', async () => {
    const { fetch, calls } = scriptedFetch([OK, OK]);
    const submission = new SignedSubmission();
    const form = await formPayload({ hoTen: 'An' });
    const options = {
      action: '/api/dossiers',
      signer: await recordingSigner([]),
      fetch,
    };
    const [a, b] = await Promise.all([
      submission.submit(form, options),
      submission.submit(form, options),
    ]);
    expect(a).to.equal(b);
    expect(calls.length).to.equal(1);
  });
});

describe('submissionFailureMessage', () => {
  const rejected = (detail?: string, title?: string) =>
    new SubmissionTransportError('x', {
      kind: 'rejected',
      status: 422,
      attempts: 1,
      problem: { ...(title ? { title } : {}), ...(detail ? { detail } : {}) },
    });

  it('shows the server problem detail, else its title, else the catalog', () => {
    expect(submissionFailureMessage(rejected('Chi tiết.', 'Tiêu đề'), 'vi')).to.equal('Chi tiết.');
    expect(submissionFailureMessage(rejected(undefined, 'Tiêu đề'), 'vi')).to.equal('Tiêu đề');
    expect(submissionFailureMessage(rejected(), 'vi')).to.equal(
      'Cơ quan chưa tiếp nhận hồ sơ (mã lỗi 422). Vui lòng tải lại trang, kiểm tra thông tin và gửi lại.',
    );
    expect(submissionFailureMessage(rejected(), 'en')).to.equal(
      'The agency has not accepted your application (error 422). Please reload the page, check your answers and send it again.',
    );
  });

  it('explains network, challenge and signing failures', () => {
    expect(
      submissionFailureMessage(
        new SubmissionTransportError('x', { kind: 'network', attempts: 4 }),
        'vi',
      ),
    ).to.equal(
      'Không kết nối được với máy chủ nên hồ sơ có thể chưa được gửi. Vui lòng kiểm tra kết nối mạng rồi bấm “Gửi hồ sơ” lần nữa. Hồ sơ sẽ không bị gửi trùng.',
    );
    expect(
      submissionFailureMessage(
        new SubmissionTransportError('x', { kind: 'server', status: 503, attempts: 4 }),
        'vi',
      ),
    ).to.equal(
      'Hệ thống của cơ quan đang gặp lỗi nên chưa nhận được hồ sơ. Thông tin bạn nhập vẫn được giữ. Vui lòng thử lại sau ít phút.',
    );
    expect(submissionFailureMessage(new TransportError('x', 500), 'en')).to.equal(
      'Could not reach the server to prepare your application. Check your internet connection and press “Send application” again.',
    );
    expect(submissionFailureMessage(new SigningError('x'), 'vi')).to.equal(
      'Trình duyệt không ký được hồ sơ. Vui lòng tải lại trang rồi gửi lại, hoặc dùng một trình duyệt khác.',
    );
    expect(submissionFailureMessage(new Error('x'), 'vi')).to.equal(undefined);
  });
});
