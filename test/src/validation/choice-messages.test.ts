/**
 * Messages for radio groups and lists whose label is a question (or is long): "Chọn Trẻ có được
 * sinh ra tại Việt Nam không?" repeats the whole question after a verb and reads oddly, so such
 * fields say plainly what to do; short labels ("Giới tính") keep naming the field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createValidator } from '../../../src/validation/index.js';
import type { Lang, Procedure } from '../../../src/procedure/types.js';

function sample(name: string): Procedure {
  const url = new URL(`../../../schemas/procedures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Procedure;
}

async function messages(
  procedure: Procedure,
  answers: Record<string, unknown>,
  lang: Lang,
): Promise<[string, string, string][]> {
  const validator = await createValidator(procedure);
  return validator
    .validate(answers, { lang })
    .problems.filter((p) => p.path.startsWith('/eligibility/') || p.path.startsWith('/child/'))
    .map((p) => [p.code, p.path, p.message]);
}

test('a missing answer to a question-like radio asks for an answer without repeating it', async () => {
  const khaiSinh = sample('dang-ky-khai-sinh');
  const answers = { eligibility: {}, child: {} };
  const vi = await messages(khaiSinh, answers, 'vi');
  assert.deepEqual(
    vi.filter(([, path]) => path.startsWith('/eligibility/') || path === '/child/sex'),
    [
      ['required', '/eligibility/alreadyRegistered', 'Hãy chọn một câu trả lời'],
      ['required', '/eligibility/bornInVietnam', 'Hãy chọn một câu trả lời'],
      ['required', '/eligibility/foreignParent', 'Hãy chọn một câu trả lời'],
      // 24 characters and no question mark: the label still names the question.
      ['required', '/eligibility/fatherStatus', 'Chọn Thông tin về cha của trẻ'],
      ['required', '/child/sex', 'Chọn Giới tính'],
    ],
  );
  const en = await messages(khaiSinh, answers, 'en');
  assert.deepEqual(
    en.filter(([, path]) => path.startsWith('/eligibility/') || path === '/child/sex'),
    [
      ['required', '/eligibility/alreadyRegistered', 'Select an answer'],
      ['required', '/eligibility/bornInVietnam', 'Select an answer'],
      ['required', '/eligibility/foreignParent', 'Select an answer'],
      ['required', '/eligibility/fatherStatus', 'Select About the child’s father'],
      ['required', '/child/sex', 'Select Sex'],
    ],
  );
});

test('a long radio label without a question mark gets the plain message too', async () => {
  const thuongTru = sample('dang-ky-thuong-tru');
  const validator = await createValidator(thuongTru);
  const problems = validator.validate({ eligibility: {} }, { lang: 'vi' }).problems;
  const at = (path: string) => problems.find((p) => p.path === path)?.message;
  // 36 characters: short enough to name.
  assert.equal(at('/eligibility/basis'), 'Chọn Chỗ ở bạn muốn đăng ký thường trú là');
  // 202 characters ending in "?".
  assert.equal(at('/eligibility/restrictedPlace'), 'Hãy chọn một câu trả lời');
  // A number field is typed, not chosen: it keeps "Nhập <label>".
  assert.equal(
    at('/eligibility/floorAreaPerPerson'),
    'Nhập Diện tích sàn bình quân cho mỗi người ở (m²)',
  );
});

test('a wrong type or a value outside the options: the same plain wording', async () => {
  const khaiSinh = sample('dang-ky-khai-sinh');
  const answers = {
    eligibility: {
      alreadyRegistered: 'chưa',
      bornInVietnam: true,
      foreignParent: false,
      fatherStatus: 'khác',
    },
    requester: { relationship: 'hàng xóm' },
  };
  const validator = await createValidator(khaiSinh);
  const pick = (lang: Lang) =>
    validator
      .validate(answers, { lang })
      .problems.filter((p) => p.code !== 'required')
      .map((p) => [p.code, p.path, p.message]);
  assert.deepEqual(pick('vi'), [
    ['type', '/eligibility/alreadyRegistered', 'Hãy chọn Có hoặc Không'],
    ['enum', '/eligibility/fatherStatus', 'Chọn Thông tin về cha của trẻ trong danh sách có sẵn'],
    ['enum', '/requester/relationship', 'Hãy chọn một câu trả lời trong danh sách có sẵn'],
  ]);
  assert.deepEqual(pick('en'), [
    ['type', '/eligibility/alreadyRegistered', 'Select yes or no'],
    ['enum', '/eligibility/fatherStatus', 'Select About the child’s father from the list'],
    ['enum', '/requester/relationship', 'Select an answer from the list'],
  ]);
});
