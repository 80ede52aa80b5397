/**
 * What the applicant reads when the fee cannot be computed exactly (src/rules/fees.ts
 * `tooLarge`), at the quantity answer. Its own catalog, not SESSION_MESSAGES: that one is in the
 * core bundle (journey.ts), this one only in the engine chunk with field-checks.ts.
 */
import type { LocalizedText } from '../procedure/types.js';

export const FEE_MESSAGES = {
  feeTooLarge: {
    vi: 'Số lượng quá lớn, không tính được lệ phí. Hãy nhập số nhỏ hơn',
    en: 'The number is too large to work out the fee. Enter a smaller number',
  } satisfies LocalizedText,
} as const;
