/**
 * The words of a question's `copyFrom` offer (copy-offer.ts), Vietnamese first. Its own catalog,
 * in the form's engine chunk (as components/address-field/messages.ts is in the address chunk):
 * the core's catalog (messages.ts) keeps the words every form page needs. The button reads
 * "<what> “<the source question's label>”"; its name adds "<for> “<this question's label>”",
 * as it stands above this question's label (WCAG 2.2 SC 3.3.7 Redundant Entry).
 */
import type { Lang } from '../../src/procedure/index.js';

export interface CopyMessages {
  /** The offer on most questions. */
  answer: string;
  /** The offer on an address. */
  address: string;
  /** The offer on a group (a list of items). */
  group: string;
  /** Joins the offer and the question it fills, in the button's name. */
  for: string;
}

export const COPY_MESSAGES: Record<Lang, CopyMessages> = {
  vi: {
    answer: 'Dùng lại câu trả lời đã khai ở',
    address: 'Dùng lại địa chỉ đã khai ở',
    group: 'Dùng lại danh sách đã khai ở',
    for: 'cho',
  },
  en: {
    answer: 'Use the answer given in',
    address: 'Use the address given in',
    group: 'Use the list given in',
    for: 'for',
  },
};
