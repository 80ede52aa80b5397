import { expect } from '@open-wc/testing';
import {
  backoffDelay,
  sendSubmission,
  submissionBody,
  SubmissionTransportError,
  type RetryInfo,
  type SendOptions,
} from '../../../components/submission/transport.js';
import { ChallengeError, fetchChallenge } from '../../../components/submission/challenge.js';
import { submissionFailureMessage } from '../../../components/submission/submit.js';
import { isOfflineFailure } from '../../../components/drafts/outbox.js';
import { problem, scriptedFetch, type Step } from './fake-fetch.js';

const KEY = '2f1c7d1e-0b8a-4a57-9d8e-3c6f1b2a9e10';
const OK = {
  status: 201,
  body: { dossierCode: 'KS-261126-7QF3', receivedAt: 'x', expectedResultDate: 'y' },
};

function setup(steps: Step[], extra: Partial<SendOptions> = {}) {
  const { fetch, calls, probes } = scriptedFetch(steps);
  const waits: number[] = [];
  const retries: RetryInfo[] = [];
  const options: SendOptions = {
    action: '/api/dossiers',
    idempotencyKey: KEY,
    fetch,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    random: () => 0,
    sleep: async (ms) => void waits.push(ms),
    onRetry: (info) => void retries.push(info),
    online: true,
    ...extra,
  };
  return { options, calls, waits, retries, probes };
}

async function rejection(p: Promise<unknown>): Promise<SubmissionTransportError> {
  try {
    await p;
  } catch (e) {
    return e as SubmissionTransportError;
  }
  throw new Error('expected a rejection');
}

describe('sendSubmission', () => {
  it('500, 500, 201 → one success, the same Idempotency-Key and body on every attempt', async () => {
    const { options, calls, waits, retries } = setup([
      {
        status: 500,
        body: { title: 'Lỗi máy chủ', detail: 'Máy chủ gặp lỗi.' },
        type: 'application/problem+json',
      },
      { status: 502 },
      OK,
    ]);
    const result = await sendSubmission('a.b.c', options);
    expect(result).to.deep.equal({ status: 201, body: OK.body, replayed: false, attempts: 3 });
    expect(calls.length).to.equal(3);
    for (const call of calls) {
      expect(call.url).to.equal('/api/dossiers');
      expect(call.method).to.equal('POST');
      expect(call.headers['idempotency-key']).to.equal(KEY);
      expect(call.headers['content-type']).to.equal('application/json');
      expect(call.body).to.equal('{"jws":"a.b.c"}');
    }
    // Equal jitter with random() = 0: half the exponential step.
    expect(waits).to.deep.equal([50, 100]);
    expect(retries).to.deep.equal([
      { attempt: 2, maxAttempts: 4, delayMs: 50, reason: 'server', status: 500 },
      { attempt: 3, maxAttempts: 4, delayMs: 100, reason: 'server', status: 502 },
    ]);
  });

  it('retries a network error, then succeeds and reports a replayed answer', async () => {
    const { options, calls, retries } = setup([
      { networkError: true },
      { ...OK, headers: { 'idempotent-replayed': 'true' } },
    ]);
    const result = await sendSubmission('a.b.c', options);
    expect(result.replayed).to.equal(true);
    expect(result.attempts).to.equal(2);
    expect(calls.map((c) => c.headers['idempotency-key'])).to.deep.equal([KEY, KEY]);
    expect(retries).to.deep.equal([{ attempt: 2, maxAttempts: 4, delayMs: 50, reason: 'network' }]);
  });

  it('never retries a 4xx and hands over its RFC 9457 problem', async () => {
    const { options, calls, waits } = setup([
      problem(422, 'Hồ sơ không hợp lệ', 'Hồ sơ không vượt qua bước kiểm tra.', {
        errors: [{ code: 'nonce-replayed', message: 'The nonce was already used.' }],
      }),
      OK,
    ]);
    const error = await rejection(sendSubmission('a.b.c', options));
    expect(error).to.be.instanceOf(SubmissionTransportError);
    expect(error.kind).to.equal('rejected');
    expect(error.status).to.equal(422);
    expect(error.attempts).to.equal(1);
    expect(error.problem!.detail).to.equal('Hồ sơ không vượt qua bước kiểm tra.');
    expect(error.problem!.errors).to.deep.equal([
      { code: 'nonce-replayed', message: 'The nonce was already used.' },
    ]);
    expect(calls.length).to.equal(1);
    expect(waits).to.deep.equal([]);
  });

  it('gives up after maxAttempts with the last status', async () => {
    const { options, calls } = setup([{ status: 503 }, { status: 503 }, { status: 500 }], {
      maxAttempts: 3,
    });
    const error = await rejection(sendSubmission('a.b.c', options));
    expect(error.kind).to.equal('server');
    expect(error.status).to.equal(500);
    expect(error.attempts).to.equal(3);
    expect(error.message).to.equal('/api/dossiers answered HTTP 500 to all 3 attempts.');
    expect(calls.length).to.equal(3);
  });

  it('counts a request that takes longer than timeoutMs as a network failure', async () => {
    const { options } = setup([{ hang: true }, { hang: true }], { maxAttempts: 2, timeoutMs: 20 });
    const error = await rejection(sendSubmission('a.b.c', options));
    expect(error.kind).to.equal('network');
    expect(error.status).to.equal(undefined);
    expect(error.message).to.equal('/api/dossiers could not be reached after 2 attempts.');
  });

  it('waits at least a 5xx Retry-After, within maxDelayMs', async () => {
    const { options, waits } = setup(
      [
        { status: 503, headers: { 'retry-after': '3' } },
        { status: 503, headers: { 'retry-after': '0' } },
        OK,
      ],
      { maxDelayMs: 2000 },
    );
    await sendSubmission('a.b.c', options);
    expect(waits).to.deep.equal([2000, 100]);
  });

  it('stops at once when the page aborts', async () => {
    const controller = new AbortController();
    const { options, calls } = setup([{ hang: true }], { signal: controller.signal });
    const sent = sendSubmission('a.b.c', options);
    controller.abort(new DOMException('left the page', 'AbortError'));
    const error = (await rejection(sent)) as unknown as DOMException;
    expect(error.name).to.equal('AbortError');
    expect(calls.length).to.equal(1);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with equal jitter and a cap', () => {
    const at = (retry: number, r: number) =>
      backoffDelay(retry, { baseDelayMs: 1000, maxDelayMs: 15000, random: () => r });
    expect([1, 2, 3, 4, 5, 6].map((i) => at(i, 0))).to.deep.equal([
      500, 1000, 2000, 4000, 7500, 7500,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((i) => at(i, 0.999999))).to.deep.equal([
      1000, 2000, 4000, 8000, 15000, 15000,
    ]);
  });
});

describe('submissionBody', () => {
  it('is JSON when every file was uploaded beforehand', () => {
    expect(
      submissionBody('a.b.c', [{ slot: 'cccd', name: 'a.jpg', url: '/api/uploads/1' }]),
    ).to.deep.equal({
      body: '{"jws":"a.b.c"}',
      contentType: 'application/json',
    });
  });

  it('is multipart with file:<slot>:<n> parts numbered over all the slot’s entries', async () => {
    const { body, contentType } = submissionBody('a.b.c', [
      { slot: 'cccd', name: 'truoc.jpg', url: '/api/uploads/1' },
      { slot: 'cccd', name: 'sau.jpg', file: new Blob(['sau'], { type: 'image/jpeg' }) },
      { slot: 'giay-chung-sinh', name: 'gcs.pdf', file: new Blob(['pdf']) },
    ]);
    expect(contentType).to.equal(undefined);
    const form = body as FormData;
    expect([...form.keys()]).to.deep.equal(['payload', 'file:cccd:1', 'file:giay-chung-sinh:0']);
    expect(form.get('payload')).to.equal('a.b.c');
    const file = form.get('file:cccd:1') as File;
    expect(file.name).to.equal('sau.jpg');
    expect(await file.text()).to.equal('sau');
  });

  it('sends the multipart body on every retry without a JSON content type', async () => {
    const { options, calls } = setup([{ status: 503 }, OK], {
      documents: [{ slot: 'cccd', name: 'a.jpg', file: new Blob(['x']) }],
    });
    await sendSubmission('a.b.c', options);
    expect(calls.length).to.equal(2);
    for (const c of calls) {
      expect(c.headers['content-type']).to.equal(undefined);
      expect(c.headers['idempotency-key']).to.equal(KEY);
    }
  });

  describe('a permanent cross-origin refusal is told apart from a lost connection', () => {
    it('CORS refused twice while the server answers the probe → blocked, no more attempts', async () => {
      const { options, calls, probes } = setup([{ corsBlocked: true }, { corsBlocked: true }]);
      const error = await rejection(sendSubmission('a.b.c', options));
      expect(error).to.be.instanceOf(SubmissionTransportError);
      expect(error.kind).to.equal('blocked');
      expect(error.attempts).to.equal(2);
      expect(calls.length).to.equal(2);
      expect(probes).to.deep.equal(['HEAD /api/dossiers', 'HEAD /api/dossiers']);
      expect(submissionFailureMessage(error, 'vi')).to.equal(
        'Máy chủ của cơ quan không chấp nhận hồ sơ gửi từ trang này, nên hồ sơ chưa được gửi và sẽ không tự động gửi lại. Đây là lỗi cài đặt của trang, không phải do bạn. Thông tin bạn đã nhập vẫn được giữ trên máy này. Vui lòng báo cho cơ quan, hoặc nộp hồ sơ trực tiếp.',
      );
    });

    it('a single refusal followed by a lost connection is a network failure, retried', async () => {
      const { options, calls } = setup([
        { corsBlocked: true },
        { networkError: true },
        { networkError: true },
        { networkError: true },
      ]);
      const error = await rejection(sendSubmission('a.b.c', options));
      expect(error.kind).to.equal('network');
      expect(calls.length).to.equal(4);
    });

    it('no network and no answer to the probe → network (transient), all attempts made', async () => {
      const { options, probes } = setup([
        { networkError: true },
        { networkError: true },
        { networkError: true },
        { networkError: true },
      ]);
      const error = await rejection(sendSubmission('a.b.c', options));
      expect(error.kind).to.equal('network');
      expect(probes.length).to.equal(4);
    });

    it('navigator.onLine false → network without probing', async () => {
      const { options, probes } = setup([{ corsBlocked: true }], { maxAttempts: 1, online: false });
      const error = await rejection(sendSubmission('a.b.c', options));
      expect(error.kind).to.equal('network');
      expect(probes).to.deep.equal([]);
    });

    it('404 is rejected at once (permanent); 503 and 429 are retried (transient)', async () => {
      const notFound = setup([{ status: 404 }]);
      expect((await rejection(sendSubmission('a.b.c', notFound.options))).kind).to.equal(
        'rejected',
      );
      expect(notFound.calls.length).to.equal(1);
      const busy = setup([{ status: 503 }, OK]);
      expect((await sendSubmission('a.b.c', busy.options)).attempts).to.equal(2);
    });
  });
});

describe('fetchChallenge failures', () => {
  const fail = async (steps: Step[], online = true) => {
    const { fetch } = scriptedFetch(steps);
    try {
      await fetchChallenge('/api/challenges', { fetch, online });
    } catch (e) {
      return e as ChallengeError;
    }
    throw new Error('expected a rejection');
  };

  it('CORS refused → blocked; no network → network; 404 → rejected; 503 and 429 → server', async () => {
    const blocked = await fail([{ corsBlocked: true }]);
    expect([blocked.name, blocked.kind]).to.deep.equal(['ChallengeError', 'blocked']);
    expect((await fail([{ networkError: true }])).kind).to.equal('network');
    expect((await fail([{ corsBlocked: true }], false)).kind).to.equal('network');
    const missing = await fail([{ status: 404 }]);
    expect([missing.kind, missing.status]).to.deep.equal(['rejected', 404]);
    expect((await fail([{ status: 503 }])).kind).to.equal('server');
    expect((await fail([{ status: 429 }])).kind).to.equal('server');
  });

  it('says what happened, in Vietnamese, and never that it will be sent later', async () => {
    expect(submissionFailureMessage(await fail([{ status: 404 }]), 'vi')).to.equal(
      'Máy chủ của cơ quan từ chối bước chuẩn bị gửi hồ sơ (mã lỗi 404), nên hồ sơ chưa được gửi và sẽ không tự động gửi lại. Thông tin bạn đã nhập vẫn được giữ trên máy này. Vui lòng báo cho cơ quan, hoặc nộp hồ sơ trực tiếp.',
    );
    expect(submissionFailureMessage(await fail([{ status: 503 }]), 'vi')).to.equal(
      'Hệ thống của cơ quan đang gặp lỗi nên chưa nhận được hồ sơ. Thông tin bạn nhập vẫn được giữ. Vui lòng thử lại sau ít phút.',
    );
    expect(isOfflineFailure(await fail([{ corsBlocked: true }]), true)).to.equal(false);
    expect(isOfflineFailure(await fail([{ networkError: true }]), true)).to.equal(true);
  });
});
