import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/receipt/receipt.js';
import type { DvcReceipt } from '../components/receipt/receipt.js';
import { samples } from './support/journey.js';

interface Args {
  dossierCode: string;
  /** RFC 3339 instant the receiver took the dossier. */
  receivedAt: string;
  /** The receiver's result date (`YYYY-MM-DD`); empty to let the receipt compute it. */
  expectedResultDate: string;
  /** Working days for the computed date; unset when the procedure states none. */
  processingDays?: number;
  procedureTitle: string;
  signedSha256: string;
}

const KHAI_SINH = samples.khaiSinh.procedure;
const LAI_XE = samples.laiXe.procedure;

/** The row values of the receipt's list, whitespace collapsed, for the play functions. */
function rowsOf(canvas: HTMLElement): Record<string, string> {
  const receipt = canvas.querySelector<DvcReceipt>('dvc-receipt');
  if (!receipt?.shadowRoot) throw new Error('The story has no <dvc-receipt>');
  const rows: Record<string, string> = {};
  for (const dt of receipt.shadowRoot.querySelectorAll('dt')) {
    const dd = dt.nextElementSibling as HTMLElement;
    rows[dt.textContent!.trim()] = dd.textContent!.replace(/\s+/g, ' ').trim();
  }
  return rows;
}

/** Throws unless the receipt's rows for `labels` read exactly `expected` (undefined = absent). */
function expectRows(canvas: HTMLElement, expected: Record<string, string | undefined>): void {
  const rows = rowsOf(canvas);
  for (const [label, value] of Object.entries(expected)) {
    if (rows[label] !== value) {
      throw new Error(
        `Row "${label}" is ${JSON.stringify(rows[label])}, not ${JSON.stringify(value)}`,
      );
    }
  }
}

/**
 * The "giấy tiếp nhận" a citizen keeps after submitting: the dossier code in large type and as a
 * QR code, the time received, the expected result date and the SHA-256 of the signed bytes.
 * Print it with the browser's print preview: the Print button is hidden and it fits one A4 page.
 */
const meta: Meta<Args> = {
  title: 'Form/Receipt',
  component: 'dvc-receipt',
  args: {
    dossierCode: 'KS-261126-7QF3',
    // 10:05 in Vietnam (UTC+7) on Thursday 26/11/2026.
    receivedAt: '2026-11-26T03:05:00.000Z',
    expectedResultDate: '2026-12-01',
    processingDays: undefined,
    procedureTitle: KHAI_SINH.title.vi,
    signedSha256: 'a3f1c2d4e5b6a7980123456789abcdef0123456789abcdef0123456789abcdef',
  },
  // No `lang` here: the receipt follows the closest `lang`, i.e. the toolbar's language switch.
  render: (args) =>
    html`<dvc-receipt
      dossier-code=${args.dossierCode}
      received-at=${args.receivedAt}
      expected-result-date=${args.expectedResultDate}
      processing-days=${args.processingDays ?? nothing}
      procedure-title=${args.procedureTitle}
      signed-sha256=${args.signedSha256}
    ></dvc-receipt>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The code, and under it (once) why to keep it. */
const KEEP_VI =
  'KS-261126-7QF3Hãy giữ mã này để tra cứu tình trạng giải quyết và đưa cho cán bộ khi cần hỏi về hồ sơ.';
const KEEP_EN =
  'KS-261126-7QF3Keep this code to check the progress of your application, and show it to an officer when you ask about it.';

/** The receiver gave the result date. */
export const WithExpectedDate: Story = {
  play: ({ canvasElement }) =>
    expectRows(canvasElement, {
      'Mã hồ sơ': KEEP_VI,
      'Thời gian tiếp nhận': '10:05 26/11/2026',
      'Ngày hẹn trả kết quả (dự kiến)':
        '01/12/2026Tính theo ngày làm việc, đã trừ ngày nghỉ lễ, Tết và ngày nghỉ bù.',
    }),
};

/** Same receipt in English; dates stay day first, in Vietnam time. */
export const English: Story = {
  args: { procedureTitle: KHAI_SINH.title.en ?? KHAI_SINH.title.vi },
  globals: { locale: 'en' },
  play: ({ canvasElement }) =>
    expectRows(canvasElement, {
      Procedure: 'Birth registration',
      'Received at': '10:05 26/11/2026',
      'Expected result date':
        '01/12/2026Counted in working days, leaving out public holidays, Tết and days off in lieu.',
    }),
};

/**
 * No date from the receiver: the receipt counts the procedure's `processingDays` (5 for the
 * international driving permit) in working days, Monday to Friday, from the day received:
 * Thursday 26/11 → Thursday 03/12/2026. Public holidays are not known, hence "dự kiến".
 */
export const ComputedExpectedDate: Story = {
  args: {
    dossierCode: 'LX-261126-2M8D',
    expectedResultDate: '',
    processingDays: LAI_XE.processingDays,
    procedureTitle: LAI_XE.title.vi,
  },
  play: ({ canvasElement }) =>
    expectRows(canvasElement, {
      'Ngày hẹn trả kết quả (dự kiến)':
        '03/12/2026Tính theo ngày làm việc, đã trừ ngày nghỉ lễ, Tết và ngày nghỉ bù.',
    }),
};

/** Neither a date nor a processing time known: the row is left out rather than guessed. */
export const WithoutExpectedDate: Story = {
  args: { expectedResultDate: '', processingDays: undefined },
  play: ({ canvasElement }) =>
    expectRows(canvasElement, {
      'Mã hồ sơ': KEEP_VI,
      'Ngày hẹn trả kết quả (dự kiến)': undefined,
    }),
};

/** English without a result date. */
export const EnglishWithoutExpectedDate: Story = {
  args: {
    expectedResultDate: '',
    processingDays: undefined,
    procedureTitle: KHAI_SINH.title.en ?? KHAI_SINH.title.vi,
  },
  globals: { locale: 'en' },
  play: ({ canvasElement }) =>
    expectRows(canvasElement, {
      'Application code': KEEP_EN,
      'Expected result date': undefined,
    }),
};
