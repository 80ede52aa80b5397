import { expect } from '@open-wc/testing';
import {
  OUTBOX_RESULT,
  Outbox,
  isOfflineFailure,
  type OutboxSend,
  type OutboxSign,
} from '../../../components/drafts/outbox.js';
import {
  FAILURE_KIND,
  SubmissionTransportError,
  submissionBody,
  type DocumentWithFile,
} from '../../../components/submission/transport.js';
import { buildMultipartBody } from '../../../components/upload/multipart.js';
import { TransportError } from '../../../src/errors.js';
import type { SubmissionPayload } from '../../../src/submission/index.js';
import { DraftCipher } from '../../../components/drafts/crypto.js';
import { holdsBlob, rawValues } from './raw-store.js';

let n = 0;
const dbName = () => `dvc-outbox-test-${Date.now()}-${n++}`;

const FORM: SubmissionPayload = {
  v: 1,
  procedure: { code: '1.000001', version: '1.0.0', sha256: 'a'.repeat(64) },
  answers: { hoTen: 'Nguyễn Văn An' },
  documents: [],
  fee: { total: 0, currency: 'VND', items: [] },
  eligibility: { status: 'eligible', reasons: [] },
  lang: 'vi',
  submittedAt: '2026-11-26T03:00:00.000Z',
  nonce: 'bm9uY2Utbm9uY2Utbm9uY2U',
};
const SIGNING = { challengeEndpoint: '/api/challenges' };

const networkError = () =>
  new SubmissionTransportError('down', { kind: FAILURE_KIND.network, attempts: 2 });
const rejected = (status: number, problem: Record<string, unknown>) =>
  new SubmissionTransportError('no', { kind: FAILURE_KIND.rejected, status, problem, attempts: 1 });

interface Call {
  jws: string;
  key: string;
  action: string;
  documents?: DocumentWithFile[];
}

function harness(script: (call: Call, i: number) => unknown) {
  const calls: Call[] = [];
  let signs = 0;
  const send: OutboxSend = async (jws, o) => {
    const call: Call = { jws, key: o.idempotencyKey, action: o.action };
    if (o.documents) call.documents = o.documents;
    calls.push(call);
    const r = script(call, calls.length - 1);
    if (r instanceof Error) throw r;
    return { status: 201, body: r, replayed: false };
  };
  const sign: OutboxSign = async () => ({ jws: `signed-${++signs}` });
  return { calls, send, sign, signs: () => signs };
}

// Every behaviour holds with entries encrypted at rest (what the form uses) and without.
for (const encrypted of [false, true])
  describe(encrypted ? 'Outbox (encrypted)' : 'Outbox', () => {
    const open = (o: Parameters<typeof Outbox.open>[0]) => {
      const name = o.name ?? dbName();
      return Outbox.open({
        ...o,
        name,
        ...(encrypted ? { cipher: () => DraftCipher.open(undefined, `${name}-keys`) } : {}),
      });
    };

    it('sends the first signed bytes with their key and removes the entry', async () => {
      const h = harness(() => ({ dossierCode: 'KS-1' }));
      const box = await open({ name: dbName(), send: h.send, sign: h.sign, now: () => 5 });
      await box.enqueue({
        key: 'k-1',
        action: '/api/dossiers',
        jws: 'first',
        form: FORM,
        signing: SIGNING,
      });
      const [r, ...rest] = await box.flush();
      expect(rest).to.deep.equal([]);
      expect(r.result).to.equal(OUTBOX_RESULT.sent);
      expect(r.response).to.deep.equal({ dossierCode: 'KS-1' });
      expect(h.calls).to.deep.equal([{ jws: 'first', key: 'k-1', action: '/api/dossiers' }]);
      expect(h.signs()).to.equal(0);
      expect(await box.list()).to.deep.equal([]);
      box.close();
    });

    it('keeps the entry while the network is down, then signs once and sends', async () => {
      let online = false;
      const h = harness(() => (online ? { dossierCode: 'KS-2' } : networkError()));
      const box = await open({ name: dbName(), send: h.send, sign: h.sign, now: () => 7 });
      // Offline before the challenge: nothing was signed yet.
      await box.enqueue({ key: 'k-2', action: '/a', form: FORM, signing: SIGNING });
      const [first] = await box.flush();
      expect(first.result).to.equal(OUTBOX_RESULT.waiting);
      const [stored] = await box.list();
      // The bytes signed for the failed attempt are kept, to be sent again as they are.
      expect(stored).to.deep.include({
        key: 'k-2',
        jws: 'signed-1',
        attempts: 1,
        lastAttemptAt: 7,
      });
      online = true;
      const [second] = await box.flush();
      expect(second.result).to.equal(OUTBOX_RESULT.sent);
      expect(h.calls.map((c) => [c.jws, c.key])).to.deep.equal([
        ['signed-1', 'k-2'],
        ['signed-1', 'k-2'],
      ]);
      expect(h.signs()).to.equal(1);
      box.close();
    });

    it('signs again under the same key when the receiver refuses an expired nonce', async () => {
      const h = harness((c) =>
        c.jws === 'old'
          ? rejected(422, {
              type: 'urn:dvc-forms:problem:invalid-submission',
              errors: [{ code: 'nonce-replayed', message: 'x' }],
            })
          : { dossierCode: 'KS-3' },
      );
      const box = await open({ name: dbName(), send: h.send, sign: h.sign });
      await box.enqueue({ key: 'k-3', action: '/a', jws: 'old', form: FORM, signing: SIGNING });
      const [r] = await box.flush();
      expect(r.result).to.equal(OUTBOX_RESULT.sent);
      expect(h.calls.map((c) => [c.jws, c.key])).to.deep.equal([
        ['old', 'k-3'],
        ['signed-1', 'k-3'],
      ]);
      box.close();
    });

    it('counts idempotency-key-reused as delivered and other 4xx as rejected', async () => {
      const h = harness((c) =>
        c.key === 'k-4'
          ? rejected(422, { type: 'urn:dvc-forms:problem:idempotency-key-reused' })
          : rejected(422, { type: 'urn:dvc-forms:problem:unknown-procedure', detail: 'Không có' }),
      );
      const box = await open({ name: dbName(), send: h.send, sign: h.sign, now: () => 1 });
      await box.enqueue({ key: 'k-4', action: '/a', jws: 'j4', form: FORM, signing: SIGNING });
      await box.enqueue({
        key: 'k-5',
        action: '/a',
        jws: 'j5',
        form: FORM,
        signing: SIGNING,
        queuedAt: 2,
      });
      const results = await box.flush();
      expect(results.map((r) => [r.entry.key, r.result])).to.deep.equal([
        ['k-4', 'sent'],
        ['k-5', 'rejected'],
      ]);
      expect(await box.list()).to.deep.equal([]);
      box.close();
    });

    it('leaves an entry another tab is sending (409) for later', async () => {
      const h = harness(() => rejected(409, { type: 'urn:dvc-forms:problem:request-in-progress' }));
      const box = await open({ name: dbName(), send: h.send, sign: h.sign });
      await box.enqueue({ key: 'k-6', action: '/a', jws: 'j6', form: FORM, signing: SIGNING });
      expect((await box.flush())[0].result).to.equal(OUTBOX_RESULT.waiting);
      expect((await box.list()).map((e) => e.key)).to.deep.equal(['k-6']);
      box.close();
    });

    it('keeps the files of a multipart submission as bytes and sends them with the same bytes', async () => {
      let online = false;
      const h = harness(() => (online ? { dossierCode: 'KS-7' } : networkError()));
      const name = dbName();
      const box = await open({ name, send: h.send, sign: h.sign });
      const pdf = new Blob(['%PDF-1.4\n', new Uint8Array(5000).fill(0x41), '\n%%EOF\n'], {
        type: 'application/pdf',
      });
      const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], {
        type: 'image/jpeg',
      });
      const doc = (slot: string, name: string, size: number, url?: string) => ({
        slot,
        name,
        type: 'application/pdf',
        size,
        sha256: 'f'.repeat(64),
        ...(url ? { url } : {}),
      });
      await box.enqueue({
        key: 'k-7',
        action: '/api/dossiers',
        jws: 'multi',
        form: FORM,
        signing: {
          ...SIGNING,
          documents: [
            doc('giay-to', 'a.pdf', pdf.size),
            doc('giay-to', 'tren-may-chu.pdf', 10, '/api/uploads/u1'),
            doc('anh', 'anh.jpg', photo.size),
          ],
        },
        files: [
          { slot: 'giay-to', name: 'a.pdf', file: pdf },
          { slot: 'anh', name: 'anh.jpg', file: photo },
        ],
      });
      // Stored as bytes, never a Blob (WebKit's ephemeral sessions refuse Blobs in IndexedDB),
      // and read back as Blobs with their bytes and type.
      expect((await rawValues(name, 'outbox')).some(holdsBlob)).to.equal(false);
      const [kept] = await box.list();
      expect(
        kept.files!.map((f) => [f.name, f.file instanceof Blob, f.file.size, f.file.type]),
      ).to.deep.equal([
        ['a.pdf', true, pdf.size, 'application/pdf'],
        ['anh.jpg', true, 7, 'image/jpeg'],
      ]);
      expect((await box.flush())[0].result).to.equal(OUTBOX_RESULT.waiting);
      online = true;
      const [r] = await box.flush();
      expect(r.result).to.equal(OUTBOX_RESULT.sent);
      expect(h.calls.map((c) => [c.jws, c.key])).to.deep.equal([
        ['multi', 'k-7'],
        ['multi', 'k-7'],
      ]);
      const docs = h.calls[1].documents!;
      expect(docs.map((d) => [d.slot, d.name, d.url, d.file?.size])).to.deep.equal([
        ['giay-to', 'a.pdf', undefined, pdf.size],
        ['giay-to', 'tren-may-chu.pdf', '/api/uploads/u1', undefined],
        ['anh', 'anh.jpg', undefined, 7],
      ]);
      expect(new Uint8Array(await docs[0].file!.arrayBuffer())).to.deep.equal(
        new Uint8Array(await pdf.arrayBuffer()),
      );
      // The body is the multipart one: the JWS as `payload`, each kept file as its part, the
      // second giay-to entry (already on the server) counted but not sent.
      const { body } = submissionBody('multi', docs);
      expect(body).to.be.instanceOf(FormData);
      const parts = [...(body as FormData).entries()].map(([name, v]) => [
        name,
        typeof v === 'string' ? v : [v.name, v.size],
      ]);
      expect(parts).to.deep.equal([
        ['payload', 'multi'],
        ['file:giay-to:0', ['a.pdf', pdf.size]],
        ['file:anh:0', ['anh.jpg', 7]],
      ]);
      // …the same parts buildMultipartBody makes from the kept files.
      const built = buildMultipartBody('multi', kept.files!);
      expect([...built.keys()]).to.deep.equal(['payload', 'file:giay-to:0', 'file:anh:0']);
      expect(await box.list()).to.deep.equal([]);
      box.close();
    });

    it('tells offline failures apart', () => {
      expect(isOfflineFailure(networkError(), true)).to.equal(true);
      expect(isOfflineFailure(new TypeError('Failed to fetch'), true)).to.equal(true);
      expect(isOfflineFailure(new TransportError('challenge unreachable'), true)).to.equal(true);
      expect(isOfflineFailure(new Error('anything'), false)).to.equal(true);
      expect(isOfflineFailure(new TransportError('challenge 500', 500), true)).to.equal(false);
      expect(isOfflineFailure(rejected(422, {}), true)).to.equal(false);
      expect(
        isOfflineFailure(
          new SubmissionTransportError('5xx', {
            kind: FAILURE_KIND.server,
            status: 503,
            attempts: 4,
          }),
          true,
        ),
      ).to.equal(false);
    });

    // Only the encrypted suite has sealed entries to look at: the plain one does not declare it.
    (encrypted ? it : () => undefined)(
      'stores the answers, JWS and files sealed when encrypted',
      async function () {
        const name = dbName();
        const h = harness(() => networkError());
        const box = await open({ name, send: h.send, sign: h.sign });
        await box.enqueue({
          key: 'k-sealed',
          action: '/api/dossiers',
          jws: 'eyJ.secret-jws.sig',
          form: FORM,
          signing: SIGNING,
          files: [
            { slot: 'giay-to', name: 'cccd-nguyen-van-an.pdf', file: new Blob(['%PDF-1.7 CCCD']) },
          ],
        });
        const raw = await new Promise<Record<string, unknown>>((resolve) => {
          const r = indexedDB.open(name);
          r.onsuccess = () => {
            const q = r.result.transaction('outbox').objectStore('outbox').get('k-sealed');
            q.onsuccess = () => {
              resolve(q.result as Record<string, unknown>);
              r.result.close();
            };
          };
        });
        expect(Object.keys(raw).sort()).to.deep.equal([
          'action',
          'attempts',
          'key',
          'queuedAt',
          'sealed',
          'sealedFiles',
        ]);
        expect(JSON.stringify(raw)).to.not.include('Nguyễn');
        expect(JSON.stringify(raw)).to.not.include('cccd-nguyen');
        const [entry] = await box.list();
        expect(entry.form).to.deep.equal(FORM);
        expect(entry.jws).to.equal('eyJ.secret-jws.sig');
        expect(entry.files!.map((f) => f.name)).to.deep.equal(['cccd-nguyen-van-an.pdf']);
        expect(await entry.files![0].file.text()).to.equal('%PDF-1.7 CCCD');
        box.close();
      },
    );
  });
