// Upload tokens (components/upload/upload-tokens.ts): kept by upload URL across page loads
// (IndexedDB), sent with the submission that references the uploads, and forgotten once it was
// accepted. A form embedded on another site depends on this: the receiver's cookies never come
// back there, so without the token the receiver refuses the file (docs/receiver.md "Uploads").
import { expect } from '@open-wc/testing';
import {
  forgetUploadTokens,
  rememberUploadToken,
  TOKEN_TTL_MS,
  uploadTokenFor,
  uploadTokensFor,
} from '../../../components/upload/upload-tokens.js';
import { sendSubmission } from '../../../components/submission/transport.js';
import { scriptedFetch } from '../submission/fake-fetch.js';

const A = 'https://hoso.example.gov.vn/api/uploads/0123456789abcdef0123456789abcdef';
const B = 'https://hoso.example.gov.vn/api/uploads/fedcba9876543210fedcba9876543210';
const TOKEN_A = 'AAAAAAAAAAAAAAAAAAAAAAAA';
const TOKEN_B = 'BBBBBBBBBBBBBBBBBBBBBBBB';

/** The stored row, read straight from IndexedDB (what a reload would find). */
function storedRow(url: string): Promise<{ token: string; savedAt: number } | undefined> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('dvc-forms-upload-tokens');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const get = req.result.transaction('tokens').objectStore('tokens').get(url);
      get.onsuccess = () => {
        req.result.close();
        resolve(get.result as { token: string; savedAt: number } | undefined);
      };
    };
  });
}

describe('upload tokens', () => {
  afterEach(() => forgetUploadTokens([A, B]));

  it('are kept by upload URL in IndexedDB, and forgotten on request', async () => {
    await rememberUploadToken(A, TOKEN_A);
    expect((await storedRow(A))?.token).to.equal(TOKEN_A);
    expect(await uploadTokenFor(A)).to.equal(TOKEN_A);
    expect(await uploadTokenFor(B)).to.equal(undefined);
    await rememberUploadToken(B, TOKEN_B);
    expect(await uploadTokensFor([A, B, A, 'https://x.invalid/u'])).to.deep.equal([
      TOKEN_A,
      TOKEN_B,
    ]);
    await forgetUploadTokens([A]);
    expect(await storedRow(A)).to.equal(undefined);
    expect(await uploadTokensFor([A, B])).to.deep.equal([TOKEN_B]);
  });

  it('the submission carries the tokens of its uploads, and drops them once accepted', async () => {
    await rememberUploadToken(A, TOKEN_A);
    await rememberUploadToken(B, TOKEN_B);
    const { fetch, calls } = scriptedFetch([
      { status: 503 },
      { status: 201, body: { dossierCode: 'KS-261126-7QF3' } },
    ]);
    await sendSubmission('h.p.s', {
      action: '/api/dossiers',
      idempotencyKey: '2f1c7d1e-0b8a-4a57-9d8e-3c6f1b2a9e10',
      fetch,
      sleep: async () => undefined,
      online: true,
      documents: [
        { slot: 'giay-to', name: 'a.pdf', url: A },
        { slot: 'giay-to', name: 'b.pdf', file: new Blob(['%PDF-1.7']) },
        { slot: 'anh', name: 'b.jpg', url: B },
      ],
    });
    expect(calls.map((c) => c.headers['dvc-upload-token'])).to.deep.equal([
      `${TOKEN_A}, ${TOKEN_B}`,
      `${TOKEN_A}, ${TOKEN_B}`,
    ]);
    // Forgetting runs after the answer: wait for it to land.
    await new Promise((r) => setTimeout(r, 50));
    expect(await storedRow(A)).to.equal(undefined);
    expect(await storedRow(B)).to.equal(undefined);
  });

  it('no upload, no header', async () => {
    const { fetch, calls } = scriptedFetch([{ status: 201, body: {} }]);
    await sendSubmission('h.p.s', {
      action: '/api/dossiers',
      idempotencyKey: '2f1c7d1e-0b8a-4a57-9d8e-3c6f1b2a9e10',
      fetch,
      online: true,
      documents: [{ slot: 'giay-to', name: 'b.pdf', file: new Blob(['%PDF-1.7']) }],
    });
    expect(calls[0]!.headers).not.to.have.property('dvc-upload-token');
  });

  it('a token older than the TTL is not used', async () => {
    // Written as an earlier page load would have, long ago.
    await rememberUploadToken(A, TOKEN_A);
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('dvc-forms-upload-tokens');
      req.onsuccess = () => {
        const tx = req.result.transaction('tokens', 'readwrite');
        tx.objectStore('tokens').put({
          url: B,
          token: TOKEN_B,
          savedAt: Date.now() - TOKEN_TTL_MS,
        });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    expect(await uploadTokensFor([A, B])).to.deep.equal([TOKEN_A]);
  });
});
