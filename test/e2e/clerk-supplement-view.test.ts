// The clerk reads a supplement on the desk page as the applicant's answers, not as stored data:
// a really signed birth registration is received, the clerk asks for the place of birth, the
// birth date and the sex again, the applicant signs and sends them, and the dossier's
// "Bổ sung hồ sơ" section gives each under its question as the desk writes it. The real receiver
// in Chromium.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { buildSupplementPayload } from '../../src/supplement/index.js';
import { createWebCryptoSigner, generateSigningKey, signPayload } from '../../src/signing/index.js';
import {
  ANSWERS,
  PHONE,
  PROCEDURE,
  receiveBirthDossier,
  SAMPLES,
  TEXT,
} from './clerk-journey-data.js';
import { signIn } from './desk-page.js';
import { CLERK, challenge, start, type Running } from './helpers.js';

const { CHROMIUM_ARGS, findChromium } = (await import(
  new URL('../../scripts/chromium.mjs', import.meta.url).href
)) as { CHROMIUM_ARGS: string[]; findChromium(): string | undefined };
const chromiumPath = findChromium();

// Skipped only without Chromium: npm test installs it before the e2e stage (ensureChromium), so
// there it always runs.
// Skipped only without Chromium: npm test installs it before the e2e stage, so there it runs.
describe('the clerk reads a supplement', { skip: chromiumPath ? false : 'needs Chromium' }, () => {
  let s: Running;
  let browser: Browser;
  before(async () => {
    s = await start({ proceduresDir: SAMPLES });
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  test('an address, a date and a choice under their questions, never as stored JSON', async () => {
    const code = await receiveBirthDossier(s);
    // The clerk asks again for the place of birth, the birth date and the sex.
    const clerk = (path: string, body: unknown) =>
      fetch(`${s.base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.clerkKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const moved = await clerk(`/api/clerk/dossiers/${code}/status`, { status: 'processing' });
    assert.equal(moved.status, 200);
    const items = { fields: ['child.placeOfBirth', 'child.birthDate', 'child.sex'], documents: [] };
    const asked = await clerk(`/api/clerk/dossiers/${code}/supplement-requests`, {
      items,
      note: 'Đề nghị khai lại nơi sinh, ngày sinh và giới tính của trẻ.',
    });
    const { request } = (await asked.json()) as { request: { id: string } };
    assert.equal(asked.status, 201);

    // The applicant sends them, signed.
    const jws = await signPayload(
      buildSupplementPayload({
        request: { id: request.id, dossierCode: code, items },
        procedure: PROCEDURE,
        procedureSha256: createHash('sha256').update(TEXT).digest('hex'),
        answers: {
          'child.placeOfBirth': { province: '01', commune: '00004', street: 'Số 12 phố Đội Cấn' },
          'child.birthDate': ANSWERS.child.birthDate,
          'child.sex': ANSWERS.child.sex,
        },
        documents: [],
        lang: 'vi',
        nonce: await challenge(s.base, { code: PROCEDURE.code, version: PROCEDURE.version }),
      }),
      await createWebCryptoSigner(await generateSigningKey()),
    );
    const supplemented = await fetch(`${s.base}/api/supplements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'sup-1' },
      body: JSON.stringify({ code, secret: PHONE, jws }),
    });
    assert.equal(supplemented.status, 201, await supplemented.text());

    // The desk gives each answer under its question, as the clerk reads it (the birth date the
    // dossier was sent with: a few days before today).
    const born = ANSWERS.child.birthDate as string;
    const page = await browser.newPage();
    await signIn(page, s.base, CLERK);
    await page.getByRole('button', { name: `Xem hồ sơ ${code}` }).click();
    const view = page.locator('.supplements-view');
    await view.getByText('Đã nhận bổ sung').waitFor();
    const terms = await view.locator('dt').allInnerTexts();
    const answers = await view.locator('dd').allInnerTexts();
    assert.deepEqual(
      terms.map((term, i) => [term, answers[i]]),
      [
        ['Ngày, tháng, năm sinh của trẻ', born.split('-').reverse().join('/')],
        ['Địa chỉ nơi sinh', 'Số 12 phố Đội Cấn (xã 00004, tỉnh 01)'],
        ['Giới tính', 'Nam'],
      ],
    );
    await page.close();
  });
});
