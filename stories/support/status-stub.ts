import type { DossierStatusResult } from '../../components/status-lookup/status-lookup.js';
import { DOSSIER_STATUS } from '../../components/status-lookup/messages.js';

/**
 * A stand-in for the reference receiver's status endpoint (`GET /api/status?code=…&secret=…`,
 * docs/receiver.md "Status lookup"), so the `<dvc-status-lookup>` stories work without a server.
 * Only requests to {@link STATUS_STUB_ENDPOINT} are answered here; every other request goes to
 * the real `fetch`, so the stub cannot change what another element on the page sees.
 */
export const STATUS_STUB_ENDPOINT = '/storybook-stub/api/status';

/** How the stub answers. */
export const STATUS_STUB_MODE = {
  /** Like the receiver: the dossier below for its code and phone number, else 404. */
  receiver: 'receiver',
  /** The receiver fails (503 without a body). */
  serverError: 'server-error',
  /** No network: `fetch` rejects, as it does offline. */
  offline: 'offline',
} as const;
export type StatusStubMode = (typeof STATUS_STUB_MODE)[keyof typeof STATUS_STUB_MODE];

/** The code and second factor the stub knows (the values of the sample receipt). */
export const STUB_DOSSIER_CODE = 'KS-261126-7QF3';
export const STUB_PHONE = '0912 345 678';

/**
 * What the receiver answers for the sample birth registration after an officer asked for a
 * missing document (demo/server/status.js `view`). Status labels come from the element's own
 * catalog; the officer's note is data, shown as written.
 */
export const STUB_DOSSIER: DossierStatusResult = {
  dossierCode: STUB_DOSSIER_CODE,
  procedure: {
    code: '1.001193',
    version: '1.0.0',
    title: { vi: 'Đăng ký khai sinh', en: 'Birth registration' },
  },
  status: DOSSIER_STATUS.needsMoreInformation,
  receivedAt: '2026-11-26T03:05:00.000Z',
  expectedResultDate: '2026-12-01',
  updatedAt: '2026-11-27T02:00:00.000Z',
  history: [
    { status: DOSSIER_STATUS.received, at: '2026-11-26T03:05:00.000Z' },
    { status: DOSSIER_STATUS.processing, at: '2026-11-26T08:00:00.000Z' },
    {
      status: DOSSIER_STATUS.needsMoreInformation,
      at: '2026-11-27T02:00:00.000Z',
      note: 'Vui lòng bổ sung bản sao giấy chứng sinh.',
    },
  ],
};

const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');

function answer(mode: StatusStubMode, url: URL): Response {
  if (mode === STATUS_STUB_MODE.serverError) return new Response(null, { status: 503 });
  const code = (url.searchParams.get('code') ?? '').trim().toUpperCase();
  const found =
    code === STUB_DOSSIER_CODE && digits(url.searchParams.get('secret')) === digits(STUB_PHONE);
  // A bare 404: the element then shows its own "Không tìm thấy hồ sơ…" message.
  if (!found) return new Response(null, { status: 404 });
  return new Response(JSON.stringify(STUB_DOSSIER), {
    status: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

/**
 * Replaces `fetch` with one that answers {@link STATUS_STUB_ENDPOINT} as `mode` says; returns the
 * function that puts the original back (Storybook calls it before the next story renders, and
 * test/browser/stories.test.ts after each story).
 */
export function installStatusStub(mode: StatusStubMode): () => void {
  const original = globalThis.fetch;
  const stub: typeof fetch = async (input, init) => {
    const href = input instanceof Request ? input.url : String(input);
    const url = new URL(href, document.baseURI);
    if (url.origin !== location.origin || url.pathname !== STATUS_STUB_ENDPOINT) {
      return original(input, init);
    }
    if (mode === STATUS_STUB_MODE.offline) throw new TypeError('Failed to fetch');
    return answer(mode, url);
  };
  globalThis.fetch = stub;
  return () => {
    // Only undo our own replacement: something installed later stays in place.
    if (globalThis.fetch === stub) globalThis.fetch = original;
  };
}
