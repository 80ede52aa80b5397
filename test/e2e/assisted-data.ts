// The assisted marriage registration the assisted journey enters (assisted.engines.ts, in
// each engine): the helper, the couple, and every answer
// that would be personal data in a log line.
export const ASSISTED_PAGE = '/thu-tuc/dang-ky-ket-hon.html';
export const HELPER = 'Bưu điện Hoàn Kiếm — nhân viên 07';
export const HELPER_STATEMENT =
  'Tôi đã đọc lại toàn bộ nội dung cho người nộp hồ sơ và người nộp đã đồng ý';
export const APPLICANT_STATEMENT = 'Người nộp hồ sơ đã nghe lời cam đoan trên và đồng ý';

export const WOMAN = { name: 'Trần Thị Hạnh', id: '001195012345', street: 'Số 12 phố Đội Cấn' };
export const MAN = { name: 'Lê Văn Quang', id: '001093004321', street: 'Số 7 ngõ Văn Chương' };
export const ASSISTED_PHONE = '0987654321';
/** Every answer that would be personal data in a log line, as typed and as normalised. */
export const PERSONAL = [
  WOMAN.name,
  WOMAN.id,
  WOMAN.street,
  MAN.name,
  MAN.id,
  MAN.street,
  ASSISTED_PHONE,
  '0987 654 321',
  '+84987654321',
  '84987654321',
];

/** What the clerk's view of the dossier says about the help (dvc-dossier). */
export const ASSISTANCE_SHOWN = [
  `Khai với sự hỗ trợ của ${HELPER}`,
  'Người nộp đã nghe lời cam đoan và đồng ý.',
  `Người hỗ trợ cam đoan: “${HELPER_STATEMENT}”`,
];

/** The summary line when only the applicant's box is ticked. */
export const HELPER_MISSING =
  'Người hỗ trợ cần đánh dấu xác nhận đã đọc lại toàn bộ nội dung cho người nộp hồ sơ';
