/** Text the session produces itself (the procedure's own text comes from the procedure file). */
import type { LocalizedText } from '../procedure/types.js';

export const SESSION_MESSAGES = {
  /** Title of the eligibility step made when a procedure has eligibility rules but no such step. */
  eligibilityStepTitle: {
    vi: 'Kiểm tra điều kiện nộp hồ sơ',
    en: 'Check you can apply',
  } satisfies LocalizedText,
  /** At the quantity answer when the fee would pass Number.MAX_SAFE_INTEGER đồng (fees.ts). */
  feeTooLarge: {
    vi: 'Số lượng quá lớn, không tính được lệ phí. Hãy nhập số nhỏ hơn',
    en: 'The number is too large to work out the fee. Enter a smaller number',
  } satisfies LocalizedText,
} as const;
