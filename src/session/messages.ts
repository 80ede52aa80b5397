/** Text the session produces itself (the procedure's own text comes from the procedure file). */
import type { LocalizedText } from '../procedure/types.js';

export const SESSION_MESSAGES = {
  /** Title of the eligibility step made when a procedure has eligibility rules but no such step. */
  eligibilityStepTitle: {
    vi: 'Kiểm tra điều kiện nộp hồ sơ',
    en: 'Check you can apply',
  } satisfies LocalizedText,
} as const;
