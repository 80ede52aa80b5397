/**
 * English messages name the field as English does, with its article ("Enter the expiry date of
 * the driving licence", never "Enter expiry date of …"), and keep the capital of a name. Labels
 * are author text, in Vietnamese or English; the Vietnamese messages are unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createValidator } from '../../../src/validation/index.js';
import { message, type MessageContext } from '../../../src/validation/messages.js';
import type { Procedure } from '../../../src/procedure/types.js';

test('a missing date in the driving-permit sample reads with its article in English', async () => {
  const url = new URL(
    '../../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.json',
    import.meta.url,
  );
  const validator = await createValidator(JSON.parse(readFileSync(url, 'utf8')) as Procedure);
  const expiry = (lang: 'vi' | 'en') =>
    validator
      .validate({ eligibility: { licenceHasExpiry: true } }, { lang })
      .problems.filter((p) => p.path === '/eligibility/licenceExpiryDate')
      .map((p) => [p.code, p.message]);
  assert.deepEqual(expiry('en'), [['required', 'Enter the expiry date of the driving licence']]);
  assert.deepEqual(expiry('vi'), [['required', 'Nhập ngày hết hạn của giấy phép lái xe']]);
});

test('the article is added only where English needs one, and names keep their capital', () => {
  const required = (label: string, action: MessageContext['action'] = 'enter') =>
    message('en', 'required', { label, action });
  assert.deepEqual(
    [
      required('Expiry date of the driving licence'),
      required('Child’s full name (optional)'),
      required('ID number'),
      required('Ethnic group', 'choose'),
      required('Portrait photo', 'upload'),
      // Already determined, or a clause: no article.
      required('Your full name'),
      required('What the certificate is for'),
      // Names: a nation's adjective, two capitalised words.
      required('Vietnamese passport number'),
      required('Ho Chi Minh City address'),
      required('International Driving Permit number'),
      // A Vietnamese label standing in for a missing English one takes no English article.
      required('Tổ chức'),
    ],
    [
      'Enter the expiry date of the driving licence',
      'Enter the child’s full name',
      'Enter the ID number',
      'Select the ethnic group',
      'Upload the portrait photo',
      'Enter your full name',
      'Enter what the certificate is for',
      'Enter the Vietnamese passport number',
      'Enter the Ho Chi Minh City address',
      'Enter the International Driving Permit number',
      'Enter tổ chức',
    ],
  );
  assert.equal(
    message('en', 'dependent-required', {
      label: 'Phone number',
      action: 'enter',
      dependsOnLabel: 'Email',
    }),
    'Enter the phone number (needed because you gave the email)',
  );
  assert.equal(
    message('en', 'required', { label: 'Place of birth', action: 'choose', part: 'province' }),
    'Select the province or city for the place of birth',
  );
  // Vietnamese has no articles: the label follows the verb as before.
  assert.equal(
    message('vi', 'required', { label: 'Ngày hết hạn của giấy phép lái xe', action: 'enter' }),
    'Nhập ngày hết hạn của giấy phép lái xe',
  );
  // A name keeps its capitals in both languages; an acronym after the first word does not make one.
  assert.deepEqual(
    ['Nơi sinh ở Việt Nam', 'Việt Nam', 'Hà Nội', 'Số CCCD'].map((label) =>
      message('vi', 'required', { label, action: 'enter' }),
    ),
    ['Nhập nơi sinh ở Việt Nam', 'Nhập Việt Nam', 'Nhập Hà Nội', 'Nhập số CCCD'],
  );
});
