// Forwarding's configuration, retry delays and signature (demo/server/outbox/): the rules an
// operator and a one-stop system rely on, with exact messages.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';

// Plain JavaScript modules of the receiver (no types).
const { loadForwardConfig } = (await import(
  new URL('../../demo/server/outbox/config.js', import.meta.url).href
)) as { loadForwardConfig(env: Record<string, string>): Record<string, unknown> | undefined };
const { backoffMs } = (await import(
  new URL('../../demo/server/outbox/index.js', import.meta.url).href
)) as {
  backoffMs(n: number, c: { baseDelayMs: number; maxDelayMs: number }, r: () => number): number;
};
const { signForward, verifyForward } = (await import(
  new URL('../../demo/server/outbox/signature.js', import.meta.url).href
)) as {
  signForward(secret: string, body: string, t: number): string;
  verifyForward(
    secret: string,
    header: string | undefined,
    body: string,
    o?: { nowSeconds?: number },
  ): boolean;
};

const SECRET = 'k'.repeat(32);

describe('forwarding configuration', () => {
  test('unset FORWARD_URL: no forwarding', () => {
    assert.equal(loadForwardConfig({}), undefined);
  });

  test('https anywhere, http only to a loopback address', () => {
    for (const url of [
      'https://motcua.example.gov.vn/api/dossiers',
      'http://127.0.0.1:9000/x',
      'http://localhost/x',
      'http://[::1]:8080/',
    ]) {
      assert.equal(loadForwardConfig({ FORWARD_URL: url, FORWARD_SECRET: SECRET })?.url, url);
    }
    assert.throws(
      () =>
        loadForwardConfig({ FORWARD_URL: 'http://motcua.example.gov.vn/', FORWARD_SECRET: SECRET }),
      {
        message:
          'FORWARD_URL must be https:// (http:// only to a loopback address: 127.0.0.1, [::1], localhost), got "http://motcua.example.gov.vn"',
      },
    );
    assert.throws(
      () =>
        loadForwardConfig({
          FORWARD_URL: 'https://u:p@motcua.example.gov.vn/',
          FORWARD_SECRET: SECRET,
        }),
      { message: 'FORWARD_URL must not hold a user name or password: use FORWARD_SECRET' },
    );
    assert.throws(() => loadForwardConfig({ FORWARD_URL: 'not a url', FORWARD_SECRET: SECRET }), {
      message: 'FORWARD_URL is not a URL: "not a url"',
    });
  });

  test('a secret of at least 32 characters, whole numbers in range, defaults', () => {
    assert.throws(
      () => loadForwardConfig({ FORWARD_URL: 'https://a.example/', FORWARD_SECRET: 'short' }),
      { message: 'FORWARD_SECRET must be set to at least 32 characters when FORWARD_URL is' },
    );
    assert.throws(
      () =>
        loadForwardConfig({
          FORWARD_URL: 'https://a.example/',
          FORWARD_SECRET: SECRET,
          FORWARD_MAX_ATTEMPTS: '0',
        }),
      { message: 'FORWARD_MAX_ATTEMPTS must be a whole number from 1 to 1000, got "0"' },
    );
    assert.deepEqual(
      loadForwardConfig({ FORWARD_URL: 'https://a.example/', FORWARD_SECRET: SECRET }),
      {
        url: 'https://a.example/',
        secret: SECRET,
        maxAttempts: 12,
        baseDelayMs: 10_000,
        maxDelayMs: 3_600_000,
        timeoutMs: 15_000,
        pollMs: 5_000,
      },
    );
  });
});

describe('retry delays', () => {
  const c = { baseDelayMs: 1000, maxDelayMs: 60_000 };
  test('doubles each try, capped, of which a random half', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => [backoffMs(n, c, () => 0), backoffMs(n, c, () => 1)]),
      [
        [500, 1000],
        [1000, 2000],
        [2000, 4000],
        [4000, 8000],
      ],
    );
    assert.deepEqual([backoffMs(40, c, () => 0), backoffMs(40, c, () => 1)], [30_000, 60_000]);
  });
});

describe('the signature a target checks', () => {
  const body = '{"type":"dossier.received","dossierCode":"KS-261204-7QX2"}';
  test('HMAC-SHA256 of "<t>.<body>" under FORWARD_SECRET', () => {
    const mac = createHmac('sha256', SECRET).update(`1796423089.${body}`).digest('hex');
    assert.equal(signForward(SECRET, body, 1796423089), `t=1796423089,v1=${mac}`);
  });
  test('verified; refused when the body, the key or the time differ', () => {
    const header = signForward(SECRET, body, 1796423089);
    assert.equal(verifyForward(SECRET, header, body, { nowSeconds: 1796423089 + 299 }), true);
    assert.equal(verifyForward(SECRET, header, `${body} `, { nowSeconds: 1796423089 }), false);
    assert.equal(verifyForward('x'.repeat(32), header, body, { nowSeconds: 1796423089 }), false);
    assert.equal(verifyForward(SECRET, header, body, { nowSeconds: 1796423089 + 301 }), false);
    assert.equal(verifyForward(SECRET, undefined, body), false);
    assert.equal(verifyForward(SECRET, 't=1,v1=zz', body), false);
  });
});
