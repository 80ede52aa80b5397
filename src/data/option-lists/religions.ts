// Religions recognised in Việt Nam (tôn giáo được Nhà nước công nhận), after the Government
// Committee for Religious Affairs (Ban Tôn giáo Chính phủ): 16 religions, whose 40-odd
// organisations were recognised or registered under the Law on Belief and Religion
// 02/2016/QH14 and earlier ordinances. The list changes when a new organisation is recognised;
// it was compiled from public statements of the Committee, not from a published catalogue with
// codes, so the values are dvc-forms' own stable slugs, and the list must be checked against the
// Committee's current list before a procedure relies on it (SOURCES.md). "Không" (none) comes
// first: most people answer it, and identity forms ask "Tôn giáo: Không".
import type { ShippedOptionList } from './types.js';

/** "none" and the 16 recognised religions. */
export const list: ShippedOptionList = {
  id: 'religions',
  options: [
    { value: 'none', label: { vi: 'Không', en: 'None' } },
    { value: 'phat-giao', label: { vi: 'Phật giáo', en: 'Buddhism' } },
    { value: 'cong-giao', label: { vi: 'Công giáo', en: 'Catholicism' } },
    { value: 'tin-lanh', label: { vi: 'Tin lành', en: 'Protestantism' } },
    { value: 'cao-dai', label: { vi: 'Cao Đài', en: 'Caodaism' } },
    { value: 'phat-giao-hoa-hao', label: { vi: 'Phật giáo Hòa Hảo', en: 'Hòa Hảo Buddhism' } },
    { value: 'hoi-giao', label: { vi: 'Hồi giáo', en: 'Islam' } },
    { value: 'bahai', label: { vi: "Tôn giáo Baha'i", en: "Bahá'í Faith" } },
    {
      value: 'tinh-do-cu-si',
      label: {
        vi: 'Tịnh độ Cư sĩ Phật hội Việt Nam',
        en: 'Pure Land Buddhist Home Practice Association',
      },
    },
    {
      value: 'co-doc-phuc-lam',
      label: { vi: 'Cơ đốc Phục lâm', en: 'Seventh-day Adventist Church' },
    },
    {
      value: 'tu-an-hieu-nghia',
      label: { vi: 'Phật giáo Tứ Ân Hiếu Nghĩa', en: 'Tứ Ân Hiếu Nghĩa Buddhism' },
    },
    { value: 'minh-su-dao', label: { vi: 'Minh Sư đạo', en: 'Minh Sư Đạo' } },
    {
      value: 'minh-ly-dao',
      label: { vi: 'Minh Lý đạo – Tam Tông Miếu', en: 'Minh Lý Đạo – Tam Tông Miếu' },
    },
    { value: 'buu-son-ky-huong', label: { vi: 'Bửu Sơn Kỳ Hương', en: 'Bửu Sơn Kỳ Hương' } },
    { value: 'ba-la-mon', label: { vi: 'Bà-la-môn giáo', en: 'Brahmanism (Chăm)' } },
    {
      value: 'cac-thanh-huu-ngay-sau',
      label: {
        vi: 'Giáo hội Các Thánh hữu Ngày sau của Chúa Giê-su Ky-tô',
        en: 'The Church of Jesus Christ of Latter-day Saints',
      },
    },
    {
      value: 'phat-giao-hieu-nghia-ta-lon',
      label: { vi: 'Phật giáo Hiếu Nghĩa Tà Lơn', en: 'Hiếu Nghĩa Tà Lơn Buddhism' },
    },
  ],
};
