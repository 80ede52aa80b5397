import { expect } from '@open-wc/testing';
import { DRAFT_PHASE } from '../../../components/drafts/controller.js';
import {
  FAILURE_KIND,
  SubmissionTransportError,
} from '../../../components/submission/transport.js';
import type { SubmissionPayload } from '../../../src/submission/index.js';
import { waitUntil, env, resetEnv, sent, mount, stored, text } from './controller-harness.js';

describe('DraftController: the outbox', () => {
  beforeEach(resetEnv);

  it('queues a submission that failed offline with the key and bytes of the failed POST', async () => {
    const el = await mount();
    el.set('hoTen', 'Võ Thị Em');
    await el.updateComplete;
    const payload: SubmissionPayload = {
      v: 1,
      procedure: { code: '1.000009', version: '1.0.0', sha256: 'a'.repeat(64) },
      answers: { hoTen: 'Võ Thị Em' },
      documents: [],
      eligibility: { status: 'eligible', reasons: [] },
      fee: { total: 0, currency: 'VND', items: [] },
      lang: 'vi',
      submittedAt: '2026-11-26T03:00:00.000Z',
      nonce: 'bm9uY2Utbm9uY2Utbm9uY2U',
    };
    // What the delivery's submission object says: the key and bytes of the POST that failed.
    const key = 'key-of-the-failed-post';
    const submission = { idempotencyKey: key, jws: 'first-bytes' };
    const cause = new TypeError('Failed to fetch');
    // A server error is not a lack of network: not queued.
    expect(
      await el.drafts.queueIfOffline(
        payload,
        new SubmissionTransportError('5xx', {
          kind: FAILURE_KIND.server,
          status: 500,
          attempts: 4,
        }),
        {
          action: '/api/dossiers',
        },
      ),
    ).to.equal(false);
    env.online = false;
    expect(
      await el.drafts.queueIfOffline(payload, cause, {
        action: '/api/dossiers',
        challengeEndpoint: '/api/challenges',
        submission,
      }),
    ).to.equal(true);
    await el.updateComplete;
    expect(text(el, '.draft-notice[data-kind="outbox"] p')).to.deep.equal([
      'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.',
    ]);
    // Still offline: it stays.
    const waiting = await el.drafts.flushOutbox();
    expect(waiting.map((r) => r.result)).to.deep.equal(['waiting']);
    env.online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.delivered.length === 1);
    expect(sent).to.deep.equal([{ jws: 'first-bytes', key }]);
    expect(el.delivered).to.deep.equal([{ key, response: { dossierCode: 'TN-261126-0001' } }]);
    await el.updateComplete;
    expect(text(el, '.draft-notice[data-kind="outbox"] p')).to.deep.equal([
      'Hồ sơ đã lưu trước đây đã được gửi. Mã hồ sơ của bạn là TN-261126-0001.',
    ]);
    expect(await stored()).to.equal(undefined);
    expect(el.drafts.phase).to.equal(DRAFT_PHASE.done);
  });

  it('queues with the key and signed bytes taken from the failed submission itself', async () => {
    sent.length = 0;
    const el = await mount();
    el.set('hoTen', 'Phan Văn Hải');
    await el.updateComplete;
    const payload: SubmissionPayload = {
      v: 1,
      procedure: { code: '1.000009', version: '1.0.0', sha256: 'a'.repeat(64) },
      answers: { hoTen: 'Phan Văn Hải' },
      documents: [],
      eligibility: { status: 'eligible', reasons: [] },
      fee: { total: 0, currency: 'VND', items: [] },
      lang: 'vi',
      submittedAt: '2026-11-26T03:00:00.000Z',
      nonce: 'bm9uY2Utbm9uY2Utbm9uY2U',
    };
    // The delivery's submission object says what was sent.
    env.online = false;
    expect(
      await el.drafts.queueIfOffline(payload, new TypeError('Failed to fetch'), {
        action: '/api/dossiers',
        submission: { idempotencyKey: 'key-from-submission', jws: 'signed-bytes' },
      }),
    ).to.equal(true);
    env.online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.delivered.length === 1);
    expect(sent).to.deep.equal([{ jws: 'signed-bytes', key: 'key-from-submission' }]);
  });

  it('queues a multipart submission with its files, within the cap', async () => {
    sent.length = 0;
    env.sentDocuments = [];
    const el = await mount();
    el.set('hoTen', 'Đỗ Văn Giang');
    await el.updateComplete;
    const pdf = new Blob(['%PDF-1.4\n', new Uint8Array(900).fill(0x20), '\n%%EOF\n'], {
      type: 'application/pdf',
    });
    const document = {
      slot: 'giay-to',
      name: 'giay-to.pdf',
      type: 'application/pdf',
      size: pdf.size,
      sha256: 'e'.repeat(64),
    };
    const payload: SubmissionPayload = {
      v: 1,
      procedure: { code: '1.000009', version: '1.0.0', sha256: 'a'.repeat(64) },
      answers: { hoTen: 'Đỗ Văn Giang' },
      eligibility: { status: 'eligible', reasons: [] },
      fee: { total: 0, currency: 'VND', items: [] },
      lang: 'vi',
      submittedAt: '2026-11-26T03:00:00.000Z',
      nonce: 'bm9uY2Utbm9uY2Utbm9uY2U',
      documents: [document],
    };
    const ctx = {
      action: '/api/dossiers',
      documents: [{ ...document, file: pdf }],
      submission: { idempotencyKey: 'key-of-the-multipart-post', jws: 'multipart-bytes' },
    };
    // The multipart POST (no upload endpoint) failed for lack of network: the submission
    // object has its key and the signed bytes it sent as the `payload` part.
    const key = 'key-of-the-multipart-post';
    const cause = new TypeError('Failed to fetch');

    // Over the cap: not queued, and the person is told why.
    env.capMb = 0.0005; // 524 bytes
    expect(await el.drafts.queueIfOffline(payload, cause, ctx)).to.equal(false);
    await el.updateComplete;
    expect(text(el, '.draft-notice[data-kind="outbox"][role="alert"] p')).to.deep.equal([
      'Không có mạng nên hồ sơ chưa được gửi. Các tệp đính kèm quá lớn để lưu tạm trên thiết bị, nên hồ sơ không thể tự động gửi khi có mạng. Bạn vui lòng giữ trang này mở và bấm “Gửi hồ sơ” lại khi có mạng.',
    ]);
    // A file without its bytes (not kept across a reload) cannot wait either.
    env.capMb = 50;
    expect(
      await el.drafts.queueIfOffline(payload, cause, {
        ...ctx,
        documents: [{ ...document, file: new Blob([]) }],
      }),
    ).to.equal(false);

    env.online = false;
    expect(await el.drafts.queueIfOffline(payload, cause, ctx)).to.equal(true);
    await el.updateComplete;
    expect(text(el, '.draft-notice[data-kind="outbox"] p')).to.deep.equal([
      'Hồ sơ đã được lưu và sẽ tự động gửi khi có mạng.',
    ]);
    env.online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.delivered.length === 1);
    // The very bytes of the failed POST, under its key, with the file.
    expect(sent).to.deep.equal([{ jws: 'multipart-bytes', key }]);
    const [docs] = env.sentDocuments as { slot: string; name: string; file?: Blob }[][];
    expect(docs.map((d) => [d.slot, d.name, d.file?.size])).to.deep.equal([
      ['giay-to', 'giay-to.pdf', pdf.size],
    ]);
    expect(await docs[0].file!.text()).to.equal(await pdf.text());
  });
});
