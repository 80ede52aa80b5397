import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIo } from '../../../src/cli/main.js';
import {
  signPayload,
  importSigningKeyPair,
  createWebCryptoSigner,
} from '../../../src/signing/index.js';
import { jwkThumbprint } from '../../../src/signing/index.js';
import { payloadFor, setup } from '../verify/helpers.js';

const PROCEDURE_FILE = fileURLToPath(
  new URL('../verify/fixtures/extract-copy.json', import.meta.url),
);
// English where these tests read English; Vietnamese is the default (tested below).
const NOW = ['--now', '2025-07-01T03:00:00Z', '--lang', 'en'];

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'dvc-cli-verify-'));
}

test('keygen writes a private JWK (0600) and a public JWK and prints the thumbprint', async () => {
  const dir = tempDir();
  try {
    const io = capture();
    assert.equal(await main(['keygen', '--out', dir], io), 0);
    const priv = JSON.parse(readFileSync(join(dir, 'private.jwk.json'), 'utf8'));
    const pub = JSON.parse(readFileSync(join(dir, 'public.jwk.json'), 'utf8'));
    assert.equal(statSync(join(dir, 'private.jwk.json')).mode & 0o777, 0o600);
    assert.deepEqual(Object.keys(pub).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    assert.equal(typeof priv.d, 'string');
    assert.deepEqual({ ...priv, d: undefined }, { ...pub, d: undefined });
    assert.deepEqual(io.stdout, [await jwkThumbprint(pub)]);
    assert.equal(pub.kid, io.stdout[0]);
    // Vietnamese by default, as every command speaks.
    assert.deepEqual(io.stderr, [
      `Đã ghi ${join(dir, 'private.jwk.json')} (giữ bí mật tệp này) và ${join(dir, 'public.jwk.json')}.`,
    ]);
    // Refuses to overwrite a key by accident.
    const again = capture();
    assert.equal(await main(['keygen', '--out', dir], again), 2);
    assert.deepEqual(again.stderr, [
      `dvc-forms keygen: đã có ${join(dir, 'private.jwk.json')} hoặc ${join(dir, 'public.jwk.json')}; thêm --force để ghi đè`,
    ]);
    const againEn = capture();
    assert.equal(await main(['keygen', '--out', dir, '--lang', 'en'], againEn), 2);
    assert.deepEqual(againEn.stderr, [
      `dvc-forms keygen: ${join(dir, 'private.jwk.json')} or ${join(dir, 'public.jwk.json')} exists; use --force to replace it`,
    ]);
    const forced = capture();
    assert.equal(await main(['keygen', '--force', '--lang', 'en', '--out', dir], forced), 0);
    assert.deepEqual(forced.stderr, [
      `Wrote ${join(dir, 'private.jwk.json')} (keep it secret) and ${join(dir, 'public.jwk.json')}.`,
    ]);

    // The key signs a payload that `verify` accepts with the public key as the trusted key.
    const signer = await createWebCryptoSigner(await importSigningKeyPair(priv));
    writeFileSync(join(dir, 'payload.jws'), (await signPayload(await payloadFor(), signer)) + '\n');
    writeFileSync(join(dir, 'keys.json'), JSON.stringify({ keys: [pub] }));
    const ok = capture();
    assert.equal(
      await main(
        [
          'verify',
          join(dir, 'payload.jws'),
          '--procedure',
          PROCEDURE_FILE,
          '--trusted-keys',
          join(dir, 'keys.json'),
          ...NOW,
        ],
        ok,
      ),
      0,
    );
    assert.deepEqual(ok.stdout, [
      `VALID  procedure 9.000042 1.2.0, key ${pub.kid}, submitted 2025-07-01T02:59:00.000Z, fee 16000 VND`,
    ]);
    // Without --lang: Vietnamese, like lint and check.
    const vi = capture();
    const args = ['verify', join(dir, 'payload.jws'), '--procedure', PROCEDURE_FILE];
    assert.equal(
      await main(
        [...args, '--trusted-keys', join(dir, 'keys.json'), '--now', '2025-07-01T03:00:00Z'],
        vi,
      ),
      0,
    );
    assert.deepEqual(vi.stdout, [
      `HỢP LỆ  thủ tục 9.000042 1.2.0, khoá ${pub.kid}, nộp lúc 2025-07-01T02:59:00.000Z, lệ phí 16.000 đ`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verify reports rejections in text and JSON and exits 1', async () => {
  const dir = tempDir();
  try {
    const { signer } = await setup();
    const jws = await signPayload(await payloadFor(), signer);
    writeFileSync(join(dir, 'payload.jws'), jws);
    const other = await createWebCryptoSigner(
      await (await import('../../../src/signing/index.js')).generateSigningKey(),
    );
    writeFileSync(join(dir, 'keys.json'), JSON.stringify([other.publicJwk]));

    const text = capture();
    assert.equal(
      await main(
        [
          'verify',
          join(dir, 'payload.jws'),
          '--procedure',
          PROCEDURE_FILE,
          '--trusted-keys',
          join(dir, 'keys.json'),
          ...NOW,
        ],
        text,
      ),
      1,
    );
    assert.deepEqual(text.stdout, [
      'REJECTED',
      `  untrusted-key: The signing key ${signer.kid} is not one of the trusted keys.`,
    ]);

    const vi = capture();
    assert.equal(
      await main(
        [
          'verify',
          join(dir, 'payload.jws'),
          '--procedure',
          PROCEDURE_FILE,
          '--now',
          '2025-07-03T00:00:00Z',
          '--lang',
          'vi',
        ],
        vi,
      ),
      1,
    );
    assert.deepEqual(vi.stdout, [
      'KHÔNG HỢP LỆ',
      '  expired: Thời điểm nộp 2025-07-01T02:59:00.000Z đã quá 86400 giây (giờ máy chủ 2025-07-03T00:00:00.000Z).',
    ]);

    const json = capture();
    assert.equal(
      await main(
        [
          'verify',
          join(dir, 'payload.jws'),
          '--procedure',
          PROCEDURE_FILE,
          '--max-age',
          '30',
          ...NOW,
          '--format',
          'json',
        ],
        json,
      ),
      1,
    );
    assert.deepEqual(JSON.parse(json.stdout.join('\n')), {
      ok: false,
      errors: [
        {
          code: 'expired',
          message:
            'submittedAt 2025-07-01T02:59:00.000Z is older than 30 seconds (server time 2025-07-01T03:00:00.000Z).',
          pointer: '/submittedAt',
          params: {
            submittedAt: '2025-07-01T02:59:00.000Z',
            now: '2025-07-01T03:00:00.000Z',
            maxAgeSeconds: 30,
          },
        },
      ],
    });

    const good = capture();
    assert.equal(
      await main(
        [
          'verify',
          join(dir, 'payload.jws'),
          '--procedure',
          PROCEDURE_FILE,
          ...NOW,
          '--format',
          'json',
        ],
        good,
      ),
      0,
    );
    const report = JSON.parse(good.stdout.join('\n'));
    assert.equal(report.ok, true);
    assert.equal(report.kid, signer.kid);
    assert.deepEqual(report.submission.answers.copies, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verify usage and file errors exit 2', async () => {
  const io = capture();
  assert.equal(await main(['verify', 'x.jws'], io), 2);
  assert.deepEqual(io.stderr, [
    'dvc-forms verify: thiếu tệp thủ tục (--procedure <thủ-tục.json>).',
    'Cách dùng: dvc-forms verify <hồ-sơ.jws> --procedure <thủ-tục.json> [--trusted-keys khóa.json] [--max-age số-giây] [--now thời-điểm-ISO] [--lang vi|en] [--format text|json]',
  ]);
  const en = capture();
  assert.equal(await main(['verify', 'x.jws', '--lang', 'en'], en), 2);
  assert.deepEqual(en.stderr, [
    'dvc-forms verify: missing the procedure file (--procedure <procedure.json>)',
    'Usage: dvc-forms verify <payload.jws> --procedure <procedure.json> [--trusted-keys keys.json] [--max-age seconds] [--now ISO-time] [--lang vi|en] [--format text|json]',
  ]);
  const missing = capture();
  assert.equal(
    await main(['verify', '/nonexistent/x.jws', '--procedure', PROCEDURE_FILE], missing),
    2,
  );
  assert.deepEqual(missing.stderr, [
    'dvc-forms: không đọc được /nonexistent/x.jws: không tìm thấy tệp',
  ]);
  const missingEn = capture();
  assert.equal(
    await main(
      ['verify', '/nonexistent/x.jws', '--procedure', PROCEDURE_FILE, '--lang', 'en'],
      missingEn,
    ),
    2,
  );
  assert.equal(missingEn.stderr[0], 'dvc-forms: cannot read /nonexistent/x.jws: no such file');
  const badKeys = capture();
  assert.equal(
    await main(
      ['verify', PROCEDURE_FILE, '--procedure', PROCEDURE_FILE, '--trusted-keys', PROCEDURE_FILE],
      badKeys,
    ),
    2,
  );
  assert.equal(
    badKeys.stderr[0],
    `dvc-forms verify: giá trị "${PROCEDURE_FILE}" không dùng được cho --trusted-keys (một tệp JSON chứa danh sách khóa JWK hoặc một JWK Set).`,
  );
});

test('verify prints a procedure the loader refuses as lint does, in its --lang', async () => {
  const dir = tempDir();
  try {
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{"a":');
    const vi = capture();
    assert.equal(await main(['verify', PROCEDURE_FILE, '--procedure', bad], vi), 2);
    assert.deepEqual(vi.stderr, [
      `${bad}:1:6  json-syntax  Tệp JSON kết thúc đột ngột: có thể thiếu dấu đóng "}", "]" hoặc dấu ngoặc kép.`,
    ]);
    const en = capture();
    assert.equal(await main(['verify', PROCEDURE_FILE, '--procedure', bad, '--lang', 'en'], en), 2);
    assert.deepEqual(en.stderr, [
      `${bad}:1:6  json-syntax  The JSON ends too early: a closing "}", "]" or double quote may be missing.`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
