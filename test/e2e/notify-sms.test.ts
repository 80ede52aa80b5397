// The SMS channel (demo/server/notify/sms-http.js) for real: the receiver, configured from the
// environment as an agency would (SMS_HTTP_URL, SMS_HTTP_HEADERS, SMS_HTTP_FIXED, field names),
// sends to a node:http server on 127.0.0.1 standing in for the provider's HTTP JSON API. The
// test asserts the exact request (method, URL, headers, JSON body), the number taken from the
// dossier's vn-mobile answer, the Vietnamese text without personal data, retries after 5xx/408/
// 429 and timeouts delivering once, a 4xx failing for good, and the dossier never affected.
// On SQLite, and on PostgreSQL in npm test's postgres stage.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Procedure } from '../../src/procedure/types.js';
import { createValidator } from '../../src/validation/index.js';
import { createRules } from '../../src/rules/index.js';
import { buildSubmissionPayload, type PayloadDocument } from '../../src/submission/index.js';
import { createWebCryptoSigner, generateSigningKey, signPayload } from '../../src/signing/index.js';
import { loadNotifyConfig } from '../../demo/server/notify/index.js';
import { challenge, clock, postDossier, start, uploadSession, type Running } from './helpers.js';

const SAMPLES = fileURLToPath(new URL('../../schemas/procedures/', import.meta.url));
const TEXT = readFileSync(`${SAMPLES}dang-ky-khai-sinh.json`, 'utf8');
const PROCEDURE = JSON.parse(TEXT) as Procedure;
const CASES = JSON.parse(readFileSync(`${SAMPLES}dang-ky-khai-sinh.cases.json`, 'utf8')) as {
  cases: { answers: Record<string, unknown>; expect: { eligibility?: { status: string } } }[];
};
const ANSWERS = structuredClone(
  CASES.cases.find((c) => c.expect.eligibility?.status === 'eligible')!.answers,
) as { requester: Record<string, unknown> };
// Typed as an applicant would; the engine stores the canonical 0xxxxxxxxx.
ANSWERS.requester.phone = '+84 912.345.679';
const LINK = 'https://dichvucong.example.gov.vn/tra-cuu.html';

/** Monday 30 November 2026, 09:00 in Việt Nam. */
const t = clock('2026-11-30T02:00:00.000Z');
const later = (seconds: number) =>
  t.set(new Date(t.now().getTime() + seconds * 1000).toISOString());

interface ProviderRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}
/** What the provider answers next: a status code, or 'hang' (never answers). */
type Answer = number | 'hang';

describe('SMS notifications through a provider HTTP API', () => {
  let s: Running;
  let provider: Server;
  const requests: ProviderRequest[] = [];
  const answers: Answer[] = [];
  let code = '';
  const send = () => s.app.dvc.notifications.runOnce();
  const rows = () =>
    s.app.dvc.storage
      .prepare(
        'SELECT event, ref, channel, status, attempts, last_error FROM notifications ORDER BY id',
      )
      .all() as Promise<Record<string, unknown>[]>;
  const last = async () => (await rows()).at(-1);
  const queue = (event: string, ref: string) =>
    s.app.dvc.storage
      .prepare(
        "INSERT INTO notifications (dossier_code, event, ref, channel, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, 'sms', 'pending', 0, ?, ?)",
      )
      .run(code, event, ref, t.now().toISOString(), t.now().toISOString());
  const clerk = (path: string, body: unknown) =>
    fetch(`${s.base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.clerkKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const sms = (text: string) => ({
    method: 'POST',
    url: '/v2/sms/send?channel=brandname',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer token-cua-nha-cung-cap',
      'x-client-id': 'ubnd-phuong',
    },
    body: { brandname: 'UBND-PHUONG', smsType: '2', phone: '84912345679', content: text },
  });
  /** The requests, with only the headers the test configured (fetch adds its own). */
  const seen = () =>
    requests.map((r) => ({
      ...r,
      headers: Object.fromEntries(
        ['content-type', 'authorization', 'x-client-id'].map((h) => [h, r.headers[h]]),
      ),
    }));

  before(async () => {
    provider = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
        const answer = answers.shift() ?? 200;
        if (answer === 'hang') return;
        res.writeHead(answer, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer === 200 ? { code: '00', id: 'msg-1' } : { error: 'x' }));
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const address = provider.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // Configured as an agency would, from the environment.
    const notify = loadNotifyConfig({
      SMS_HTTP_URL: `http://127.0.0.1:${port}/v2/sms/send?channel=brandname`,
      SMS_HTTP_HEADERS: JSON.stringify({
        authorization: 'Bearer token-cua-nha-cung-cap',
        'x-client-id': 'ubnd-phuong',
      }),
      SMS_HTTP_FIXED: JSON.stringify({ brandname: 'UBND-PHUONG', smsType: '2' }),
      SMS_HTTP_TO_FIELD: 'phone',
      SMS_HTTP_TEXT_FIELD: 'content',
      // A short timeout so the provider that never answers is given up on quickly.
      SMS_HTTP_TIMEOUT_SECONDS: '1',
      PUBLIC_BASE_URL: 'https://dichvucong.example.gov.vn',
    });
    s = await start({
      proceduresDir: SAMPLES,
      now: t.now,
      // The test sends when it wants to (runOnce); the timer would race it.
      notify: { ...notify, everySeconds: 3600 },
    });
  });
  after(async () => {
    await s?.close();
    provider?.closeAllConnections();
    await new Promise((resolve) => provider?.close(resolve));
  });

  test('the receipt is sent as the configured request, to the dossier’s mobile number', async () => {
    assert.deepEqual(s.app.dvc.notifications.kinds, ['sms']);
    const b = uploadSession(s.base);
    const rules = createRules(PROCEDURE, { today: '2026-11-30' });
    const first = await rules.evaluate(ANSWERS);
    const checked = (await createValidator(PROCEDURE)).validate(ANSWERS, {
      hidden: first.hidden.fields,
      required: first.required.fields,
    });
    assert.deepEqual(checked.problems, []);
    const final = await rules.evaluate(checked.value);
    const documents: PayloadDocument[] = [];
    for (const slot of final.required.documents) {
      const bytes = Buffer.from(`%PDF-1.4\n% ${slot}\n%%EOF\n`);
      documents.push({
        slot,
        name: `${slot}.pdf`,
        type: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        url: await b.upload(new Uint8Array(bytes), { slot }),
      });
    }
    const payload = buildSubmissionPayload({
      procedure: PROCEDURE,
      procedureSha256: createHash('sha256').update(TEXT).digest('hex'),
      answers: checked.value,
      rules: final,
      documents,
      lang: 'vi',
      delivery: { method: 'in-person' },
      nonce: await challenge(s.base, { code: PROCEDURE.code, version: PROCEDURE.version }),
      now: new Date(t.now().getTime() - 60_000),
    });
    const jws = await signPayload(payload, await createWebCryptoSigner(await generateSigningKey()));
    const r = await postDossier(s.base, jws, 'sms-1', b.cookie);
    const body = (await r.json()) as { dossierCode: string };
    assert.equal(r.status, 201, JSON.stringify(body));
    code = body.dossierCode;

    assert.equal(requests.length, 0, 'nothing is sent inside the request that stores the dossier');
    assert.equal(await send(), 1);
    assert.deepEqual(seen(), [sms(`Ho so ${code} da duoc tiep nhan. Tra cuu: ${LINK}`)]);
    assert.deepEqual(await rows(), [
      {
        event: 'received',
        ref: 'received',
        channel: 'sms',
        status: 'sent',
        attempts: 1,
        last_error: null,
      },
    ]);
    // No personal data beyond the code and status: no name, ID number or other answer.
    const text = JSON.stringify(requests[0]!.body);
    const requester = ANSWERS.requester as Record<string, string>;
    for (const personal of [requester.fullName, requester.personalId])
      assert.ok(personal && !text.includes(personal), personal);
    assert.equal(await send(), 0, 'sent once');
  });

  for (const status of [503, 408, 429]) {
    test(`a provider answering ${status} is retried later and the message delivered once`, async () => {
      requests.length = 0;
      if (status === 503) {
        // A real event: the result, moved by the clerk.
        for (const to of ['processing', 'result-ready'])
          assert.equal(
            (await clerk(`/api/clerk/dossiers/${code}/status`, { status: to })).status,
            200,
          );
      } else await queue('supplement-requested', `test-${status}`);
      const [event, ref, text] =
        status === 503
          ? ['result', 'result-ready', `Ho so ${code} da duoc giai quyet. Tra cuu: ${LINK}`]
          : [
              'supplement-requested',
              `test-${status}`,
              `Ho so ${code} can bo sung. Xem va nop bo sung tai: ${LINK}`,
            ];
      answers.push(status);
      assert.equal(await send(), 1);
      assert.deepEqual(await last(), {
        event,
        ref,
        channel: 'sms',
        status: 'pending',
        attempts: 1,
        last_error: `SMS HTTP ${status}`,
      });
      // Not due again before the first retry delay (30 s).
      later(20);
      assert.equal(await send(), 0);
      later(11);
      assert.equal(await send(), 1);
      assert.deepEqual((await last())?.status, 'sent');
      assert.equal((await last())?.attempts, 2);
      later(7200);
      assert.equal(await send(), 0);
      assert.deepEqual(seen(), [sms(text), sms(text)]);
    });
  }

  for (const status of [400, 401, 422]) {
    test(`a provider answering ${status} marks the message failed, never retried`, async () => {
      requests.length = 0;
      await queue('result', `test-${status}`);
      answers.push(status);
      assert.equal(await send(), 1);
      assert.deepEqual(await last(), {
        event: 'result',
        ref: `test-${status}`,
        channel: 'sms',
        status: 'failed',
        attempts: 1,
        last_error: `SMS HTTP ${status}`,
      });
      later(7200);
      assert.equal(await send(), 0);
      assert.equal(requests.length, 1);
    });
  }

  test('a provider that never answers is given up on and retried later', async () => {
    requests.length = 0;
    await queue('supplement-requested', 'test-timeout');
    answers.push('hang');
    assert.equal(await send(), 1);
    assert.deepEqual(await last(), {
      event: 'supplement-requested',
      ref: 'test-timeout',
      channel: 'sms',
      status: 'pending',
      attempts: 1,
      last_error: 'SMS HTTP: TimeoutError',
    });
    later(31);
    assert.equal(await send(), 1);
    assert.equal((await last())?.status, 'sent');
    const text = `Ho so ${code} can bo sung. Xem va nop bo sung tai: ${LINK}`;
    assert.deepEqual(seen(), [sms(text), sms(text)]);
  });

  test('bad SMS settings stop the start with a clear error', () => {
    const base = { SMS_HTTP_URL: 'https://sms.example.vn/send' };
    assert.throws(() => loadNotifyConfig({ ...base, SMS_HTTP_HEADERS: '["x"]' }), {
      message: 'SMS_HTTP_HEADERS must be a JSON object of strings',
    });
    assert.throws(() => loadNotifyConfig({ ...base, SMS_HTTP_NUMBER_FORMAT: 'e164' }), {
      message:
        'SMS_HTTP_NUMBER_FORMAT must be "national" (0912345678) or "international" (84912345678)',
    });
    assert.throws(() => loadNotifyConfig({ ...base, SMS_HTTP_TIMEOUT_SECONDS: '0' }), {
      message: 'SMS_HTTP_TIMEOUT_SECONDS must be a positive number',
    });
    assert.equal(
      loadNotifyConfig({ ...base, SMS_HTTP_NUMBER_FORMAT: 'national' }).sms?.numberFormat,
      'national',
    );
  });

  test('the dossier is never affected by the provider’s answers', async () => {
    const stored = (await s.app.dvc.storage
      .prepare('SELECT status FROM dossiers WHERE code = ?')
      .get(code)) as { status: string };
    assert.deepEqual(stored, { status: 'result-ready' });
    const { payload } = (await s.app.dvc.readDossier(code))!;
    assert.equal(
      (payload as { answers: { requester: { phone: string } } }).answers.requester.phone,
      '0912345679',
    );
    // Nothing personal in the log lines of the sender either.
    const logs = s.logs.filter((l) => l.includes('"notification'));
    assert.ok(logs.length > 0);
    for (const line of logs) assert.ok(!line.includes('912345679'), line);
  });
});
