/** What the supplement checks say to clerks and applicants, Vietnamese first. */
import type { Lang } from '../procedure/types.js';
import type { SupplementItemProblemCode } from './payload.js';
import type { SupplementProblemCode } from './check.js';

type Params = Record<string, string | number>;

export const ITEM_MESSAGES: Record<SupplementItemProblemCode, (p: Params) => Record<Lang, string>> =
  {
    'supplement-nothing-requested': () => ({
      vi: 'Chọn ít nhất một giấy tờ hoặc thông tin cần bổ sung.',
      en: 'Choose at least one document or answer to ask for.',
    }),
    'supplement-too-many-items': (p) => ({
      vi: `Mỗi lần chỉ yêu cầu tối đa ${p['max']} ${p['what'] === 'fields' ? 'thông tin' : 'giấy tờ'}.`,
      en: `Ask for at most ${p['max']} ${p['what']} at a time.`,
    }),
    'supplement-unknown-field': (p) => ({
      vi: `Thủ tục không có câu hỏi "${p['item']}".`,
      en: `The procedure has no question "${p['item']}".`,
    }),
    'supplement-unknown-document': (p) => ({
      vi: `Thủ tục không có giấy tờ "${p['item']}".`,
      en: `The procedure has no document "${p['item']}".`,
    }),
    'supplement-duplicate-item': (p) => ({
      vi: `"${p['item']}" được chọn hai lần.`,
      en: `"${p['item']}" is chosen twice.`,
    }),
    'supplement-note-missing': () => ({
      vi: 'Ghi rõ lý do và nội dung cần bổ sung cho người nộp.',
      en: 'Tell the applicant why and what to supplement.',
    }),
    'supplement-note-too-long': (p) => ({
      vi: `Nội dung yêu cầu dài quá ${p['max']} ký tự.`,
      en: `The note is longer than ${p['max']} characters.`,
    }),
  };

export const SUPPLEMENT_MESSAGES: Record<
  SupplementProblemCode,
  (p: Params) => Record<Lang, string>
> = {
  'supplement-item-missing': (p) =>
    p['what'] === 'document'
      ? { vi: 'Chưa tải lên tệp của giấy tờ này.', en: 'No file uploaded for this document.' }
      : { vi: 'Chưa nhập thông tin này.', en: 'This answer is missing.' },
  'supplement-item-not-requested': (p) => ({
    vi: `"${p['item']}" không nằm trong yêu cầu bổ sung.`,
    en: `"${p['item']}" was not requested.`,
  }),
  'supplement-item-hidden': (p) => ({
    vi: `Với các câu trả lời hiện có, câu hỏi "${p['item']}" không còn áp dụng.`,
    en: `With the answers given, question "${p['item']}" does not apply.`,
  }),
  'supplement-answer-not-normalized': (p) => ({
    vi: `Câu trả lời "${p['item']}" chưa ở dạng chuẩn hoá.`,
    en: `Answer "${p['item']}" is not in normalised form.`,
  }),
};
