// dang-ky-ket-hon-nuoc-ngoai (marriage with a foreign party) on the demo site, driven to the
// receipt on a 360 px phone by touch and again by keyboard alone (test/e2e/phone.ts): the
// Vietnamese partner, the foreign partner (Việt Nam as nationality refused with what to do
// instead), two foreign documents (their translation and legalisation notes in each one's own
// card, after its title), an issue date older than six months refused, the review page, the
// signed submission and the receipt naming the passport to bring; the dossier the receiver stored
// verifies against the sample. Needs `npm run build`.
import assert from 'node:assert/strict';
import { vnDaysAgo } from './journey-data.js';
import { verifiedPayload } from './marriage-journey.js';
import { onPhones, SAMPLES } from './phone.js';

const NOTES =
  'Nếu giấy tờ không bằng tiếng Việt, nộp kèm bản dịch sang tiếng Việt có chứng thực.' +
  'Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn theo điều ước quốc tế.';

onPhones('dang-ky-ket-hon-nuoc-ngoai on a phone, to the receipt', async (p, { s, pdf }) => {
  await p.open(`${s.base}/thu-tuc/dang-ky-ket-hon-nuoc-ngoai.html`, /^Bên là công dân Việt Nam$/);
  assert.deepEqual(await p.refused(), [
    'Nhập họ, chữ đệm và tên',
    'Chọn giới tính',
    'Nhập ngày sinh',
    'Chọn dân tộc',
    'Nhập số định danh cá nhân',
    'Nhập số điện thoại di động',
    'Chọn nơi cư trú',
  ]);
  await p.answer([
    { type: 'vnParty.fullName', text: 'Trần Thị Hoa' },
    { choose: 'vnParty.sex', label: 'Nữ' },
    { type: 'vnParty.birthDate', text: '12/05/1995' },
    { select: 'vnParty.ethnicity', value: '01' },
    { type: 'vnParty.personalId', text: '001195012345' },
    { type: 'vnParty.phone', text: '0912 345 678' },
    { address: 'vnParty.residence', province: '01', commune: '00004', street: 'Số 3 phố Kim Mã' },
    { continueTo: 'Bên là người nước ngoài' },
    { type: 'foreignParty.fullName', text: 'SMITH John' },
    { choose: 'foreignParty.sex', label: 'Nam' },
    { type: 'foreignParty.birthDate', text: '01/02/1990' },
    { select: 'foreignParty.nationality', value: 'VN' },
    { type: 'foreignParty.passportNumber', text: 'C1234567' },
    { type: 'foreignParty.phone', text: '+44 20 7946 0958' },
    { select: 'foreignParty.addressAbroad.country', value: 'GB' },
    { type: 'foreignParty.addressAbroad.address', text: '10 Downing Street, London' },
  ]);
  assert.deepEqual(await p.refused(), [
    'Quốc tịch của người nước ngoài không thể là Việt Nam; nếu cả hai là công dân Việt Nam, hãy dùng thủ tục đăng ký kết hôn',
  ]);
  await p.select('foreignParty.nationality', 'GB');
  await p.continueTo(/^Giấy tờ$/);

  // Each foreign document's notes are in its own card, after its title.
  const cards = await p.page.locator('dvc-form > dvc-upload').evaluateAll((list) =>
    list.map((u) => {
      const card = u.shadowRoot!;
      const notes = [...card.querySelectorAll('legend ~ [part="requirements"] li')].slice(-2);
      return [card.querySelector('legend')!.textContent, notes.map((n) => n.textContent).join('')];
    }),
  );
  assert.deepEqual(cards, [
    ['Giấy xác nhận tình trạng hôn nhân của người nước ngoài', NOTES],
    ['Giấy xác nhận của tổ chức y tế', NOTES],
  ]);
  await p.upload('maritalStatus', pdf('xac-nhan-hon-nhan.pdf'));
  await p.upload('medical', pdf('giay-kham-suc-khoe.pdf'));
  await p.type('foreignParty.maritalStatusIssueDate', vnDaysAgo(200));
  await p.type('foreignParty.medicalIssueDate', vnDaysAgo(20));
  assert.deepEqual(await p.refused(), [
    'Ngày cấp giấy xác nhận tình trạng hôn nhân phải trong vòng 6 tháng gần đây và không sau hôm nay',
  ]);
  await p.type('foreignParty.maritalStatusIssueDate', vnDaysAgo(30));
  await p.continueTo(/^Kiểm tra lại thông tin$/);

  const review = (
    await p.page.locator('dvc-form').evaluate((f) => f.shadowRoot!.textContent!)
  ).replace(/\s+/g, ' ');
  assert.ok(review.includes('Quốc tịch Vương quốc Anh'), review);
  assert.ok(review.includes('Lệ phí đăng ký kết hôn có yếu tố nước ngoài 1.000.000 đồng'));

  const code = await p.submit();
  assert.match(code, /^NN-\d{6}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
  const receipt = await p.receipt();
  assert.match(
    receipt,
    /Giấy tờ mang theo khi đến nộp hồ sơ \(không tải lên\)\nHộ chiếu của người nước ngoài \(bản chính\)/,
  );
  assert.match(receipt, /1\.000\.000 đồng · Chưa nộp/);

  const payload = await verifiedPayload(s, code, `${SAMPLES}dang-ky-ket-hon-nuoc-ngoai.json`);
  const answers = payload.answers as Record<string, Record<string, unknown>>;
  assert.equal(answers.foreignParty.nationality, 'GB');
  assert.equal(answers.vnParty.phone, '0912345678');
  assert.deepEqual(
    (payload.documents as { slot: string; name: string }[]).map((d) => [d.slot, d.name]),
    [
      ['maritalStatus', 'xac-nhan-hon-nhan.pdf'],
      ['medical', 'giay-kham-suc-khoe.pdf'],
    ],
  );
});
