/**
 * Messages for radio groups and lists whose label is a question (or is long): "Chọn trẻ có được
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
      ['required', '/eligibility/fatherStatus', 'Chọn thông tin về cha của trẻ'],
      ['required', '/child/sex', 'Chọn giới tính'],
    ],
  );
  const en = await messages(khaiSinh, answers, 'en');
  assert.deepEqual(
    en.filter(([, path]) => path.startsWith('/eligibility/') || path === '/child/sex'),
    [
      ['required', '/eligibility/alreadyRegistered', 'Select an answer'],
      ['required', '/eligibility/bornInVietnam', 'Select an answer'],
      ['required', '/eligibility/foreignParent', 'Select an answer'],
      ['required', '/eligibility/fatherStatus', 'Select an answer'],
      ['required', '/child/sex', 'Select the sex'],
    ],
  );
});

test('a long radio label without a question mark gets the plain message too', async () => {
  const thuongTru = sample('dang-ky-thuong-tru');
  const validator = await createValidator(thuongTru);
  const problems = validator.validate({ eligibility: {} }, { lang: 'vi' }).problems;
  const at = (path: string) => problems.find((p) => p.path === path)?.message;
  // A sentence stem that the options complete ("… là") cannot be repeated in the message.
  assert.equal(at('/eligibility/basis'), 'Hãy chọn một câu trả lời');
  // 202 characters ending in "?".
  assert.equal(at('/eligibility/restrictedPlace'), 'Hãy chọn một câu trả lời');
  // A number field is typed, not chosen: it keeps "Nhập <label>".
  assert.equal(
    at('/eligibility/floorAreaPerPerson'),
    'Nhập diện tích sàn bình quân cho mỗi người ở (m²)',
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
    ['enum', '/eligibility/fatherStatus', 'Chọn thông tin về cha của trẻ trong danh sách có sẵn'],
    ['enum', '/requester/relationship', 'Hãy chọn một câu trả lời trong danh sách có sẵn'],
  ]);
  assert.deepEqual(pick('en'), [
    ['type', '/eligibility/alreadyRegistered', 'Select yes or no'],
    ['enum', '/eligibility/fatherStatus', 'Select an answer from the list'],
    ['enum', '/requester/relationship', 'Select an answer from the list'],
  ]);
});

// Issue 15: messages of the samples that read badly, pinned word for word after the fix.
test('sample messages read as Vietnamese sentences (issue 15)', async () => {
  const ketHon = await createValidator(sample('dang-ky-ket-hon'));
  const khaiSinh = await createValidator(sample('dang-ky-khai-sinh'));
  const laiXe = await createValidator(sample('cap-giay-phep-lai-xe-quoc-te'));
  const at = (problems: { path: string; message: string }[], path: string) =>
    problems.filter((p) => p.path === path).map((p) => p.message);

  // "Bạn là" was "Chọn Bạn là": a stem, so the plain instruction.
  const lx = laiXe.validate({ eligibility: {} }, { lang: 'vi' }).problems;
  assert.deepEqual(at(lx, '/eligibility/citizenship'), ['Hãy chọn một câu trả lời']);

  // "(không bắt buộc)" is dropped and the label is not capitalised mid-sentence.
  const email = khaiSinh.validate(
    { requester: { email: 'khong-phai-thu' } },
    { lang: 'vi' },
  ).problems;
  assert.deepEqual(at(email, '/requester/email'), [
    'Nhập thư điện tử đúng dạng, ví dụ ten@example.com',
  ]);
  const emailEn = khaiSinh.validate({ requester: { email: 'nope' } }, { lang: 'en' }).problems;
  assert.deepEqual(at(emailEn, '/requester/email'), [
    'Enter the email in the correct format, like name@example.com',
  ]);

  // A missing name: the verb, then the label in lower case.
  const empty = khaiSinh.validate({}, { lang: 'vi', required: ['child.fullName'] }).problems;
  assert.deepEqual(at(empty, '/child/fullName'), ['Nhập họ, chữ đệm và tên của trẻ']);

  // A part of an address names the address instead of "Nhập thông tin bắt buộc này".
  const address = khaiSinh.validate({ child: { hometown: {} } }, { lang: 'vi' }).problems;
  assert.deepEqual(at(address, '/child/hometown/province'), [
    'Chọn tỉnh, thành phố cho quê quán của trẻ',
  ]);
  assert.deepEqual(at(address, '/child/hometown/commune'), [
    'Chọn xã, phường, đặc khu cho quê quán của trẻ',
  ]);

  // A question on a number field: "Nhập câu trả lời", never "Nhập Đây là lần … không?".
  const marriage = ketHon.validate({ man: { marriageNumber: 0 } }, { lang: 'vi' }).problems;
  assert.deepEqual(at(marriage, '/man/marriageNumber'), ['Câu trả lời phải từ 1 trở lên']);

  // A stem ending in "vì" ("Cuộc hôn nhân trước của bên nam đã chấm dứt vì"): plain instruction.
  const ended = ketHon.validate({ man: { previousMarriageEnded: 'x' } }, { lang: 'vi' }).problems;
  assert.deepEqual(at(ended, '/man/previousMarriageEnded'), [
    'Hãy chọn một câu trả lời trong danh sách có sẵn',
  ]);

  // "(nếu biết)" is dropped too.
  const known = laiXe.validate({ licence: { issueDate: '31/02/2020' } }, { lang: 'vi' }).problems;
  assert.deepEqual(at(known, '/licence/issueDate'), [
    'Ngày cấp phải là một ngày có thật, ví dụ 15/03/2025',
  ]);
});
