// dang-ky-ket-hon (marriage registration) on the demo site, driven to the receipt on a 360 px
// phone by touch and again by keyboard alone (test/e2e/phone.ts): the eligibility questions
// refused empty then answered, both partners (the groom divorced abroad, so a document to
// upload), two copies of the extract, the review page and back, the signed submission and the
// receipt; the dossier the receiver stored verifies against the sample and holds what was typed.
// Needs `npm run build`.
import assert from 'node:assert/strict';
import { verifiedPayload } from './marriage-journey.js';
import { onPhones, SAMPLES } from './phone.js';

onPhones('dang-ky-ket-hon on a phone, to the receipt', async (p, { s, pdf }) => {
  await p.open(`${s.base}/thu-tuc/dang-ky-ket-hon.html`, /^Kiểm tra điều kiện kết hôn$/);
  assert.deepEqual((await p.refused()).slice(0, 2), [
    'Nhập ngày, tháng, năm sinh của bên nữ',
    'Nhập ngày, tháng, năm sinh của bên nam',
  ]);
  await p.answer([
    { type: 'woman.birthDate', text: '08/08/1998' },
    { type: 'man.birthDate', text: '30/01/1996' },
    { choose: 'eligibility.foreignElement', label: 'Không' },
    { choose: 'eligibility.currentlyMarried', label: 'Không' },
    { choose: 'eligibility.closeRelatives', label: 'Không' },
    { choose: 'eligibility.voluntary', label: 'Có' },
    { choose: 'eligibility.lostCapacity', label: 'Không' },
    { continueTo: 'Thông tin bên nữ' },
    { type: 'woman.fullName', text: 'Hoàng Thị Mai' },
    { select: 'woman.ethnicity', value: '02' },
    { type: 'woman.personalId', text: '001198004567' },
    { address: 'woman.residence', province: '01', commune: '00004', street: 'Số 12 phố Đội Cấn' },
    { type: 'woman.marriageNumber', text: '1' },
    { continueTo: 'Thông tin bên nam' },
    { type: 'man.fullName', text: 'Bùi Đức Anh' },
    { select: 'man.ethnicity', value: '01' },
    { type: 'man.personalId', text: '079096007890' },
    { address: 'man.residence', province: '79', commune: '27316', street: 'Số 5 đường Lê Lợi' },
    // A second marriage asks, below this answer, how the first one ended.
    { type: 'man.marriageNumber', text: '2' },
    { choose: 'man.previousMarriageEnded', label: 'Ly hôn ở nước ngoài' },
    { continueTo: 'Liên hệ và bản sao' },
    { type: 'contact.phone', text: '0366 123 456' },
    { choose: 'copies.requested', label: 'Có' },
    { type: 'copies.count', text: '2' },
    { continueTo: 'Giấy tờ cần nộp' },
  ]);
  assert.deepEqual(await p.refused(), [
    'Vui lòng chọn tệp Trích lục ghi chú ly hôn đã giải quyết ở nước ngoài',
  ]);
  // "…or drag and drop files here" is no way for a finger: offered with a mouse only.
  const dropHint = p.page.locator('dvc-form > dvc-upload').getByText('hoặc kéo và thả tệp vào đây');
  assert.equal(await dropHint.isVisible(), p.way === 'keyboard');
  await p.upload('foreignDivorceRecord', pdf('trich-luc-ghi-chu-ly-hon.pdf'));
  await p.continueTo(/^Kiểm tra lại thông tin$/);
  // Back one page and forward again: the file chosen is still there.
  await p.back(/^Giấy tờ cần nộp$/);
  await p.continueTo(/^Kiểm tra lại thông tin$/);

  const review = (
    await p.page.locator('dvc-form').evaluate((f) => f.shadowRoot!.textContent!)
  ).replace(/\s+/g, ' ');
  assert.ok(review.includes('Cuộc hôn nhân trước của bên nam đã chấm dứt vì Ly hôn ở nước ngoài'));
  assert.ok(review.includes('trich-luc-ghi-chu-ly-hon.pdf (329 byte)'));
  assert.ok(review.includes('Phí cấp bản sao trích lục kết hôn (2 × 8.000 đồng) 16.000 đồng'));
  // Both partners declare: the tick box speaks as both.
  assert.ok(review.includes('Chúng tôi đã đọc và đồng ý với lời cam đoan trên'), review);

  const code = await p.submit();
  assert.match(code, /^KH-\d{6}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
  const receipt = await p.receipt();
  assert.match(receipt, /Đăng ký kết hôn/);
  assert.match(receipt, /16\.000 đồng · Chưa nộp/);

  const payload = await verifiedPayload(s, code, `${SAMPLES}dang-ky-ket-hon.json`);
  const answers = payload.answers as Record<string, Record<string, unknown>>;
  assert.deepEqual(answers.man, {
    fullName: 'Bùi Đức Anh',
    ethnicity: '01',
    personalId: '079096007890',
    residence: { province: '79', commune: '27316', street: 'Số 5 đường Lê Lợi' },
    marriageNumber: 2,
    previousMarriageEnded: 'divorce-abroad',
    birthDate: '1996-01-30',
  });
  assert.deepEqual(answers.contact, { phone: '0366123456' });
  assert.deepEqual(answers.copies, { requested: true, count: 2 });
  assert.deepEqual(
    (payload.documents as { slot: string; name: string }[]).map((d) => [d.slot, d.name]),
    [['foreignDivorceRecord', 'trich-luc-ghi-chu-ly-hon.pdf']],
  );
});
