// dang-ky-thuong-tru (permanent residence) on the demo site, driven to the receipt on a 360 px
// phone by touch and again by keyboard alone (test/e2e/phone.ts): a rented home too small (the
// "cannot apply" page and its remedy), back to a relative's home, the applicant, the residence
// and its repeat group of members registering too (added, an impossible date and a short number
// refused inside the items, an item moved up with its error, one removed and restored, another
// removed for good), the proof of lawful residence asked for until the home is said to be on
// record (then none is uploaded), the review page, the signed submission and the receipt; the
// dossier the receiver stored verifies against the sample with the members in the order left on
// screen. Needs `npm run build`.
import assert from 'node:assert/strict';
import { verifiedPayload } from './marriage-journey.js';
import { onPhones, SAMPLES, type Phone } from './phone.js';

const MEMBERS = 'members';
const ID_LENGTH = 'Số định danh cá nhân phải gồm đúng 12 chữ số';
const ADD = 'Thêm người cùng đăng ký';

/** Member `n` (0-based) of the group, answered: `sex` by its label. */
async function member(
  p: Phone,
  n: number,
  m: { fullName: string; birthDate: string; sex: string; personalId: string; relation: string },
): Promise<void> {
  const item = p.item(MEMBERS, n);
  await item.type('fullName', m.fullName);
  await item.type('birthDate', m.birthDate);
  await item.choose('sex', m.sex);
  await item.type('personalId', m.personalId);
  await item.select('relationshipToHead', m.relation);
}

onPhones('dang-ky-thuong-tru on a phone, to the receipt', async (p, { s }) => {
  await p.open(
    `${s.base}/thu-tuc/dang-ky-thuong-tru.html`,
    /^Kiểm tra điều kiện đăng ký thường trú$/,
  );
  await p.answer([
    { choose: 'eligibility.basis', label: 'Nhà thuê, mượn hoặc ở nhờ' },
    { choose: 'eligibility.restrictedPlace', label: 'Không' },
    { choose: 'eligibility.ownerConsent', label: 'Có' },
    { type: 'eligibility.floorAreaPerPerson', text: '7,5' },
    { continueTo: 'Bạn chưa thể nộp hồ sơ này trực tuyến' },
  ]);
  const cannot = await p.page
    .locator('dvc-form')
    .evaluate((f) => f.shadowRoot!.textContent!.replace(/\s+/g, ' '));
  // The remedy follows its label once, not "Bạn có thể: Bạn có thể…".
  assert.ok(
    cannot.includes(
      'Bạn có thể: Đăng ký thường trú tại chỗ ở khác đủ diện tích, hoặc đăng ký tạm trú tại chỗ ở này.',
    ),
    cannot,
  );
  await p.buttonTo('Sửa câu trả lời', /^Kiểm tra điều kiện đăng ký thường trú$/);
  await p.answer([
    { choose: 'eligibility.basis', label: 'Nhà của người thân' },
    { continueTo: 'Thông tin của bạn' },
    { type: 'applicant.fullName', text: 'Lê Văn Nam' },
    { type: 'applicant.birthDate', text: '20/10/1990' },
    { choose: 'applicant.sex', label: 'Nam' },
    { type: 'applicant.personalId', text: '001090012345' },
    { type: 'applicant.phone', text: '0987 654 321' },
    { continueTo: 'Nơi đăng ký thường trú' },
    {
      address: 'residence.address',
      province: '01',
      commune: '00004',
      street: 'Số 8 ngõ 5 phố Láng Hạ',
    },
    { type: 'residence.headFullName', text: 'Lê Văn Hùng' },
    { type: 'residence.headPersonalId', text: '001060001234' },
    { select: 'residence.relationshipToHead', value: 'child' },
    { choose: 'residence.relationshipOnRecord', label: 'Đã có' },
    { choose: 'residence.residenceOnRecord', label: 'Chưa có hoặc không biết' },
    { select: 'feeExemption', value: 'none' },
  ]);

  // One member with an impossible date and no number: the errors name the member.
  await p.groupButton(MEMBERS, ADD);
  const first = p.item(MEMBERS, 0);
  await first.type('fullName', 'Lê Thị Hạnh');
  await first.type('birthDate', '31/02/2015');
  await first.choose('sex', 'Nữ');
  assert.deepEqual(await p.refused(), [
    'Người cùng đăng ký 1: Ngày không hợp lệ. Vui lòng nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 15/03/2025. (câu hỏi: Ngày, tháng, năm sinh)',
    'Người cùng đăng ký 1: Nhập số định danh cá nhân',
    'Người cùng đăng ký 1: Chọn quan hệ với chủ hộ',
  ]);
  assert.equal(await first.error('personalId'), 'Nhập số định danh cá nhân');
  await member(p, 0, {
    fullName: 'Lê Thị Hạnh',
    birthDate: '15/02/2015',
    sex: 'Nữ',
    personalId: '001315012345',
    relation: 'grandchild',
  });
  const more = [
    ['Lê Văn Bình', '01/06/2012', 'Nam', '001212012345', 'grandchild'],
    ['Nguyễn Thị Cúc', '02/03/1992', 'Nữ', '123', 'other'],
  ];
  for (const [n, [fullName, birthDate, sex, personalId, relation]] of more.entries()) {
    await p.groupButton(MEMBERS, ADD);
    await member(p, n + 1, { fullName, birthDate, sex, personalId, relation });
  }
  assert.deepEqual(await p.refused(), [`Người cùng đăng ký 3: ${ID_LENGTH}`]);

  // Moved up, the member keeps her error; the member moved down has none.
  await p.item(MEMBERS, 2).press('up');
  assert.deepEqual(
    [await p.item(MEMBERS, 1).error('personalId'), await p.item(MEMBERS, 2).error('personalId')],
    [ID_LENGTH, ''],
  );
  // Removed, then restored in place with "Hoàn tác".
  await p.item(MEMBERS, 0).press('remove');
  await p.groupButton(MEMBERS, 'Hoàn tác');
  const names = () =>
    p.page
      .locator(`dvc-form [data-path="${MEMBERS}"]`)
      .evaluate((g) =>
        (g as HTMLElement & { value: { fullName: string }[] }).value.map((m) => m.fullName),
      );
  assert.deepEqual(await names(), ['Lê Thị Hạnh', 'Nguyễn Thị Cúc', 'Lê Văn Bình']);
  assert.equal(await p.item(MEMBERS, 1).error('personalId'), ID_LENGTH);
  await p.item(MEMBERS, 1).type('personalId', '001192012345');
  await p.item(MEMBERS, 2).press('remove');
  assert.deepEqual(await names(), ['Lê Thị Hạnh', 'Nguyễn Thị Cúc']);
  await p.continueTo(/^Giấy tờ cần nộp$/);

  // Not on record (or not sure): the proof of lawful residence is asked for. Once the home is
  // said to be on record, it is not (Law on Residence 2020, Art. 21; Decree 154/2024, Art. 5(2)).
  assert.deepEqual(await p.refused(), ['Vui lòng chọn tệp Giấy tờ chứng minh chỗ ở hợp pháp']);
  await p.back(/^Nơi đăng ký thường trú$/);
  await p.choose('residence.residenceOnRecord', 'Đã có');
  await p.continueTo(/^Giấy tờ cần nộp$/);
  await p.continueTo(/^Kiểm tra lại thông tin$/);
  const review = (
    await p.page.locator('dvc-form').evaluate((f) => f.shadowRoot!.textContent!)
  ).replace(/\s+/g, ' ');
  assert.match(
    review,
    /Người cùng đăng ký 1 Họ, chữ đệm và tên: Lê Thị Hạnh.*Người cùng đăng ký 2 Họ, chữ đệm và tên: Nguyễn Thị Cúc.*Số định danh cá nhân: 001192012345/,
  );
  assert.ok(!review.includes('Lê Văn Bình'));
  assert.ok(
    review.includes('Thông tin về chỗ ở này đã có trong cơ sở dữ liệu của Nhà nước chưa? Đã có'),
    review,
  );

  const code = await p.submit();
  assert.match(code, /^TT-\d{6}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
  assert.match(await p.receipt(), /10\.000 đồng · Chưa nộp/);
  const payload = await verifiedPayload(s, code, `${SAMPLES}dang-ky-thuong-tru.json`);
  assert.equal(
    (payload.answers as { residence: { residenceOnRecord: unknown } }).residence.residenceOnRecord,
    true,
  );
  // Nothing uploaded, and the receiver's check against the sample accepts it.
  assert.deepEqual(payload.documents, []);
  assert.deepEqual((payload.answers as { members: unknown }).members, [
    {
      fullName: 'Lê Thị Hạnh',
      birthDate: '2015-02-15',
      sex: 'female',
      personalId: '001315012345',
      relationshipToHead: 'grandchild',
    },
    {
      fullName: 'Nguyễn Thị Cúc',
      birthDate: '1992-03-02',
      sex: 'female',
      personalId: '001192012345',
      relationshipToHead: 'other',
    },
  ]);
});
