// Forwarding to the one-stop system through the transactional outbox (demo/server/outbox/): a
// real HTTP target that is down for a while, then up; every dossier arrives exactly once, signed;
// a target that keeps failing makes a dead letter after FORWARD_MAX_ATTEMPTS tries, which a clerk
// sends again from the desk. The desk (Chromium) says where each dossier stands in its words.
// Runs on SQLite, and on PostgreSQL in the `postgres` stage of `npm test`.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CLERK,
  challenge,
  fakeJws,
  fakeVerify,
  payload,
  postDossier,
  start,
  type Running,
} from './helpers.js';
import { forwardTarget } from './fixtures/forward-target.js';
import { until } from './poll.js';
import { signIn } from './desk-page.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();

const SECRET = randomBytes(32).toString('base64url');
const FAST = { baseDelayMs: 100, maxDelayMs: 400, timeoutMs: 2000, pollMs: 100 };

async function submit(s: Running, i: number) {
  const nonce = await challenge(s.base);
  const jws = fakeJws(payload(nonce, { assistedBy: `forward-${i}` }));
  const r = await postDossier(s.base, jws);
  assert.equal(r.status, 201);
  return { jws, code: ((await r.json()) as { dossierCode: string }).dossierCode };
}

async function forwardingOf(s: Running, code: string) {
  const r = await fetch(`${s.base}/api/clerk/dossiers/${code}`, {
    headers: { authorization: `Bearer ${s.clerkKey}` },
  });
  assert.equal(r.status, 200);
  return ((await r.json()) as { forwarding: Record<string, unknown> | null }).forwarding;
}

/** The desk's forwarding line of a dossier in `state`, once the signed-in clerk opened it. */
async function deskForwarding(page: Page, code: string, state: string) {
  await page.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
  const line = page
    .getByRole('region', { name: `Hồ sơ ${code}` })
    .locator(`dt:text-is("Chuyển sang một cửa điện tử") + dd[data-forwarding="${state}"]`);
  await line.waitFor();
  return line;
}

/** A time as the desk writes it (Hà Nội, 24 h). */
const deskTime = (iso: unknown) =>
  new Date(String(iso)).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });

describe('forwarding dossiers to the one-stop system', { timeout: 120_000 }, () => {
  let browser: Browser | undefined;
  before(async () => {
    if (chromiumPath) {
      browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    }
  });
  after(async () => {
    await browser?.close();
  });

  test('target down for a while: every dossier forwarded exactly once when it is back, signed', async () => {
    const target = await forwardTarget(SECRET);
    const s = await start({
      verifySubmission: fakeVerify,
      forward: { url: target.url, secret: SECRET, maxAttempts: 100, ...FAST },
    });
    try {
      const sent = await Promise.all(Array.from({ length: 6 }, (_, i) => submit(s, i)));
      // Down: each dossier is tried, refused by the network, and waits for its next try.
      await until(
        'two failed tries each',
        async () => {
          const rows = (await s.app.dvc.storage
            .prepare("SELECT attempts FROM outbox WHERE state = 'pending'")
            .all()) as { attempts: number }[];
          return rows.length === 6 && rows.every((r) => Number(r.attempts) >= 2);
        },
        30_000,
      );
      const waiting = await forwardingOf(s, sent[0].code);
      assert.equal(waiting?.state, 'pending');
      assert.equal(waiting?.lastError, 'ECONNREFUSED');
      assert.equal(typeof waiting?.nextAttemptAt, 'string');
      assert.equal(target.requests.length, 0);
      // The desk says it is waiting: how many tries, the error, when the next one is (the count
      // and the time move on while the page reads them, hence the pattern).
      if (browser) {
        const page = await browser.newPage();
        await signIn(page, s.base, CLERK);
        assert.match(
          await (await deskForwarding(page, sent[0].code, 'pending')).innerText(),
          /^Chưa chuyển được \(\d+ lần, lỗi ECONNREFUSED\); thử lại lúc \d{2}:\d{2}:\d{2} \d{1,2}\/\d{1,2}\/\d{4}$/,
        );
        await page.close();
      }

      await target.up();
      await until('all forwarded', () => target.accepted.size === 6, 30_000);
      // A moment for any stray repeat to show up.
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(target.requests.length, 6, 'one request per dossier, no repeats');
      for (const { code, jws } of sent) {
        const got = target.accepted.get(`dvc-forward-${code}`);
        assert.ok(got, code);
        assert.equal(got.signatureOk, true);
        assert.equal(got.body.type, 'dossier.received');
        assert.equal(got.body.dossierCode, code);
        assert.equal(got.body.jws, jws);
        assert.deepEqual(got.body.procedure, { code: '9.000001', version: '1.0.0' });
        assert.deepEqual(got.body.files, []);
        const view = await forwardingOf(s, code);
        assert.equal(view?.state, 'delivered');
        assert.equal(view?.lastStatus, 201);
        assert.equal(view?.lastError, null);
        assert.equal(view?.nextAttemptAt, null);
      }
      // The log says what happened without personal data.
      assert.ok(s.logs.some((l) => l.includes('"msg":"dossier forwarded"')));
      assert.ok(!s.logs.some((l) => l.includes('Nguyễn')));
    } finally {
      await s.close();
      await target.down();
    }
  });

  test('a target that keeps failing: dead letter after N tries; a clerk retries it at the desk', async (t) => {
    // Skipped only where no Chromium can be found: npm test installs it first, so it runs there.
    if (!browser) return t.skip('needs Chromium');
    const target = await forwardTarget(SECRET);
    await target.up();
    target.setMode('unavailable');
    const s = await start({
      verifySubmission: fakeVerify,
      forward: { url: target.url, secret: SECRET, maxAttempts: 3, ...FAST },
    });
    try {
      const { code } = await submit(s, 0);
      await until('dead', async () => (await forwardingOf(s, code))?.state === 'dead', 30_000);
      const dead = await forwardingOf(s, code);
      assert.deepEqual(
        { ...dead, nextAttemptAt: null },
        {
          state: 'dead',
          attempts: 3,
          nextAttemptAt: null,
          deliveredAt: null,
          lastStatus: 503,
          lastError: 'HTTP 503',
        },
      );
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(target.requests.length, 3, 'no try after the dead letter');
      assert.ok(target.requests.every((r) => r.signatureOk));

      // The desk says it gave up, and why, with the button that sends it again.
      const page = await browser.newPage();
      await signIn(page, s.base, CLERK);
      const line = await deskForwarding(page, code, 'dead');
      assert.equal(
        await line.innerText(),
        'Không chuyển được sau 3 lần (lỗi HTTP 503). Chuyển lại',
      );

      // A clerk without a session cannot; signed in at the desk, after the target is fixed, can.
      const anonymous = await fetch(`${s.base}/api/clerk/dossiers/${code}/forwarding/retry`, {
        method: 'POST',
      });
      assert.equal(anonymous.status, 401);
      target.setMode('ok');
      await line.getByRole('button', { name: 'Chuyển lại' }).click();
      await page
        .locator('#clerk-detail-message')
        .getByText(`Đã đặt chuyển lại hồ sơ ${code}.`, { exact: true })
        .waitFor();
      await until('sent', async () => (await forwardingOf(s, code))?.state === 'delivered', 30_000);
      assert.equal(target.accepted.size, 1);
      const delivered = await forwardingOf(s, code);
      assert.equal(delivered?.attempts, 1);
      assert.equal(
        await (await deskForwarding(page, code, 'delivered')).innerText(),
        `Đã chuyển lúc ${deskTime(delivered?.deliveredAt)}`,
      );
      await page.close();
      const again = await fetch(`${s.base}/api/clerk/dossiers/${code}/forwarding/retry`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.clerkKey}` },
      });
      assert.equal(again.status, 404, 'a delivered dossier is not sent again');
      const audited = await s.app.dvc.storage
        .prepare("SELECT outcome FROM audit_log WHERE action = 'dossier.forwarding.retry'")
        .all();
      assert.deepEqual(
        audited.map((r) => (r as { outcome: string }).outcome),
        ['success', 'not-found'],
      );
    } finally {
      await s.close();
      await target.down();
    }
  });

  test('a dossier on its way: the desk says "Đang chuyển" until the target answers', async (t) => {
    // Skipped only where no Chromium can be found: npm test installs it first, so it runs there.
    if (!browser) return t.skip('needs Chromium');
    const target = await forwardTarget(SECRET);
    await target.up();
    // A slow one-stop system: the request arrives and is not answered yet (no timeout meanwhile).
    target.setMode('hold');
    const s = await start({
      verifySubmission: fakeVerify,
      forward: { url: target.url, secret: SECRET, maxAttempts: 3, ...FAST, timeoutMs: 60_000 },
    });
    try {
      const { code } = await submit(s, 0);
      await until('the request sent', () => target.requests.length === 1, 30_000);
      const sending = await forwardingOf(s, code);
      assert.equal(sending?.state, 'pending');
      assert.equal(sending?.attempts, 0);
      assert.equal(sending?.lastError, null);
      const page = await browser.newPage();
      await signIn(page, s.base, CLERK);
      assert.equal(await (await deskForwarding(page, code, 'pending')).innerText(), 'Đang chuyển');
      await page.close();

      target.release();
      await until('sent', async () => (await forwardingOf(s, code))?.state === 'delivered', 30_000);
      assert.equal(target.accepted.size, 1);
      assert.equal(target.requests.length, 1);
    } finally {
      target.release();
      await s.close();
      await target.down();
    }
  });

  test('a wrong signature key: the target refuses (401), which is a dead letter at once', async () => {
    const target = await forwardTarget(SECRET);
    await target.up();
    const s = await start({
      verifySubmission: fakeVerify,
      forward: {
        url: target.url,
        secret: randomBytes(32).toString('base64url'),
        maxAttempts: 5,
        ...FAST,
      },
    });
    try {
      const { code } = await submit(s, 0);
      await until('dead', async () => (await forwardingOf(s, code))?.state === 'dead', 30_000);
      assert.equal(target.requests.length, 1);
      assert.equal(target.requests[0].signatureOk, false);
      assert.equal((await forwardingOf(s, code))?.lastStatus, 401);
    } finally {
      await s.close();
      await target.down();
    }
  });

  test('without FORWARD_URL nothing is queued and the dossier JSON says forwarding: null', async () => {
    const s = await start({ verifySubmission: fakeVerify });
    try {
      const { code } = await submit(s, 0);
      assert.equal(await forwardingOf(s, code), null);
      const n = await s.app.dvc.storage.prepare('SELECT COUNT(*) AS n FROM outbox').get();
      assert.equal(Number((n as { n: number }).n), 0);
    } finally {
      await s.close();
    }
  });
});
