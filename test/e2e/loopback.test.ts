// "Loopback" has one meaning in the receiver's settings (demo/server/loopback.js): whether HOST
// with a count in TRUST_PROXY is only reachable from this machine, and which FORWARD_URL and
// S3_ENDPOINT may be plain http://. It is the set TRUST_PROXY's `loopback` keyword trusts.
import assert from 'node:assert/strict';
import { test } from 'node:test';

// Plain JavaScript modules of the receiver (no types).
const { isLoopbackHost } = (await import(
  new URL('../../demo/server/loopback.js', import.meta.url).href
)) as { isLoopbackHost(host: string): boolean };
const { checkForwardUrl } = (await import(
  new URL('../../demo/server/outbox/config.js', import.meta.url).href
)) as { checkForwardUrl(raw: string): string };
const { loadS3Config } = (await import(
  new URL('../../demo/server/storage/s3-config.js', import.meta.url).href
)) as { loadS3Config(env: Record<string, string>): { endpoint: string } | undefined };
// What fastify trusts for TRUST_PROXY=loopback.
const { compile } = (await import('@fastify/proxy-addr')) as unknown as {
  compile(list: string): (address: string, i: number) => boolean;
};

const LOOPBACK = ['127.0.0.1', '127.0.0.2', '127.255.255.254', '::1', '0:0:0:0:0:0:0:1'];
const MAPPED = ['::ffff:127.0.0.1', '::ffff:7f00:1'];
const ELSEWHERE = ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', '192.168.1.10', '::2', 'fe80::1'];
const NOT_ADDRESSES = ['127.foo', '127.0.0.1.nip.io', 'localhost.example.gov.vn', ''];

test('loopback: 127.0.0.0/8, ::1, their IPv4-mapped forms and localhost; nothing else', () => {
  for (const host of [...LOOPBACK, ...MAPPED, 'localhost', 'LOCALHOST', '[::1]']) {
    assert.equal(isLoopbackHost(host), true, host);
  }
  for (const host of [...ELSEWHERE, ...NOT_ADDRESSES, '[10.0.0.1]']) {
    assert.equal(isLoopbackHost(host), false, host);
  }
});

test("the addresses TRUST_PROXY's `loopback` keyword trusts, and only those", () => {
  const trusted = compile('loopback');
  for (const address of [...LOOPBACK, ...MAPPED, ...ELSEWHERE]) {
    assert.equal(isLoopbackHost(address), trusted(address, 0), address);
  }
});

test('FORWARD_URL and S3_ENDPOINT take plain http:// to the same loopback addresses', () => {
  const s3 = (endpoint: string) =>
    loadS3Config({
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'ho-so',
      S3_REGION: 'vn-local-1',
      S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      S3_SECRET_ACCESS_KEY: 's'.repeat(32),
    })?.endpoint;
  for (const host of ['127.0.0.1', '127.0.0.2', '[::1]', '[::ffff:127.0.0.1]', 'localhost']) {
    const url = `http://${host}:9000/`;
    assert.equal(checkForwardUrl(url), new URL(url).href, url);
    assert.equal(s3(url.slice(0, -1)), url.slice(0, -1), url);
  }
  for (const host of ['10.0.0.1', '[::2]', '127.0.0.1.nip.io']) {
    const url = `http://${host}:9000`;
    assert.throws(() => checkForwardUrl(`${url}/`), {
      message: `FORWARD_URL must be https:// (http:// only to a loopback address: 127.0.0.1, [::1], localhost), got "${url}"`,
    });
    assert.throws(() => s3(url), {
      message: `S3_ENDPOINT must be https:// (plain http:// only to a loopback address), got "${url}"`,
    });
  }
});
