/**
 * Dossier statuses (trạng thái hồ sơ) after reception, their labels and the moves a clerk may
 * make: what the receiver stores and the citizen's status look-up shows, defined once for both.
 */
import type { LocalizedText } from '../procedure/types.js';

export const DOSSIER_STATUS = {
  received: 'received',
  processing: 'processing',
  needsMoreInformation: 'needs-more-information',
  resultReady: 'result-ready',
  rejected: 'rejected',
} as const;
export type DossierStatus = (typeof DOSSIER_STATUS)[keyof typeof DOSSIER_STATUS];

/** Every status, in the order a dossier usually goes through them. */
export const DOSSIER_STATUSES: readonly DossierStatus[] = Object.values(DOSSIER_STATUS);

/** What a person reads for each status, Vietnamese first (the words of the national portal). */
export const DOSSIER_STATUS_LABELS: Readonly<Record<DossierStatus, Required<LocalizedText>>> = {
  received: { vi: 'Đã tiếp nhận', en: 'Received' },
  processing: { vi: 'Đang xử lý', en: 'Processing' },
  'needs-more-information': { vi: 'Cần bổ sung hồ sơ', en: 'Needs more information' },
  'result-ready': { vi: 'Đã có kết quả', en: 'Result ready' },
  rejected: { vi: 'Từ chối tiếp nhận', en: 'Rejected' },
};

/**
 * Allowed moves. A dossier that needs more information goes back to processing once the citizen
 * has supplied it; result-ready and rejected are final.
 */
export const DOSSIER_TRANSITIONS: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  received: ['processing', 'rejected'],
  processing: ['needs-more-information', 'result-ready', 'rejected'],
  'needs-more-information': ['processing', 'rejected'],
  'result-ready': [],
  rejected: [],
};

export function isDossierStatus(value: unknown): value is DossierStatus {
  return typeof value === 'string' && (DOSSIER_STATUSES as readonly string[]).includes(value);
}
