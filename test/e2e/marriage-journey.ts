// The marriage-registration pages the e2e journeys walk alike (assisted.engines.ts,
// copy-from.test.ts): the eligibility page, the contact page up to the review, and the payload
// the receiver stored, verified against the sample file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Procedure } from '../../src/procedure/types.js';
import { verifySubmission } from '../../src/verify/index.js';
import type { formOn } from './engines.js';
import type { Running } from './helpers.js';

type Form = ReturnType<typeof formOn>;

/** Both are of age, free to marry and willing: on to "Thông tin bên nữ". */
export async function marriageEligibility(
  { type, choose, continueTo }: Form,
  womanBirthDate: string,
  manBirthDate: string,
): Promise<void> {
  await type('woman.birthDate', womanBirthDate);
  await type('man.birthDate', manBirthDate);
  await choose('eligibility.foreignElement', 'Không');
  await choose('eligibility.currentlyMarried', 'Không');
  await choose('eligibility.closeRelatives', 'Không');
  await choose('eligibility.voluntary', 'Có');
  await choose('eligibility.lostCapacity', 'Không');
  await continueTo(/Thông tin bên nữ/);
}

/** From the groom's page: the contact phone, no copies, on to the review page. */
export async function marriageContactToReview(
  { type, choose, continueTo }: Form,
  phone: string,
): Promise<void> {
  await continueTo(/Liên hệ và bản sao/);
  await type('contact.phone', phone);
  await choose('copies.requested', 'Không');
  const next = await continueTo(/Giấy tờ cần nộp|Kiểm tra lại thông tin/);
  if (next.includes('Giấy tờ')) await continueTo(/Kiểm tra lại thông tin/);
}

/** The payload of dossier `code` as the receiver stored it, verified against `procedureFile`. */
export async function verifiedPayload(
  s: Running,
  code: string,
  procedureFile: string,
): Promise<Record<string, unknown>> {
  const procedureText = readFileSync(procedureFile, 'utf8');
  const clear = (await s.app.dvc.readDossier(code))!;
  const verified = await verifySubmission(clear.jws, {
    procedure: JSON.parse(procedureText) as Procedure,
    procedureText,
  });
  assert.ok(verified.ok, JSON.stringify(!verified.ok && verified.errors));
  assert.deepEqual(clear.payload, verified.submission);
  return verified.submission as unknown as Record<string, unknown>;
}
