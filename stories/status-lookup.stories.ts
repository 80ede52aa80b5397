import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/status-lookup/status-lookup.js';
import type { DvcStatusLookup } from '../components/status-lookup/status-lookup.js';
import type { DvcTextField } from '../components/text-field/text-field.js';
import type { DvcErrorSummary } from '../components/error-summary/error-summary.js';
import { storyLocale } from '../.storybook/locale.js';
import {
  STATUS_STUB_ENDPOINT,
  STATUS_STUB_MODE,
  STUB_DOSSIER_CODE,
  STUB_PHONE,
  installStatusStub,
  type StatusStubMode,
} from './support/status-stub.js';

interface Args {
  /** The receiver's status endpoint; here the story's stub (stories/support/status-stub.ts). */
  endpoint: string;
  /** A dossier code filled in beforehand, as a link from the receipt would. */
  code: string;
}

/** How the story's stub endpoint answers (`parameters.statusStub`). */
const stubMode = (parameters: Record<string, unknown>): StatusStubMode =>
  (parameters.statusStub as StatusStubMode | undefined) ?? STATUS_STUB_MODE.receiver;

/**
 * The citizen's "Tra cứu tình trạng hồ sơ" page: dossier code plus the phone number or ID number
 * given in the application. There is no receiver in Storybook, so each story answers the
 * element's requests with a small stub of `GET /api/status` (installed before the story renders,
 * removed before the next one): code `KS-261126-7QF3` with phone `0912 345 678` is found,
 * anything else is not.
 */
const meta: Meta<Args> = {
  title: 'Form/Status lookup',
  component: 'dvc-status-lookup',
  args: { endpoint: STATUS_STUB_ENDPOINT, code: '' },
  beforeEach: (context: StoryContext<Args>) => installStatusStub(stubMode(context.parameters)),
  // `lang` from the toolbar's switch, passed on explicitly: the element reflects its empty
  // default as `lang=""`, which hides the decorator's `lang` from it (reported to the lead).
  render: (args, { globals }) =>
    html`<dvc-status-lookup
      endpoint=${args.endpoint}
      code=${args.code}
      lang=${storyLocale(globals)}
    ></dvc-status-lookup>`,
};
export default meta;

type Story = StoryObj<Args>;

function lookupIn(canvas: HTMLElement): DvcStatusLookup {
  const el = canvas.querySelector<DvcStatusLookup>('dvc-status-lookup');
  if (!el?.shadowRoot) throw new Error('The story has no <dvc-status-lookup>');
  return el;
}

const text = (node: Element | null | undefined) =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Types the code and second factor as a person would and presses "Tra cứu". */
async function search(canvas: HTMLElement, code: string, secret: string): Promise<DvcStatusLookup> {
  const el = lookupIn(canvas);
  await el.updateComplete;
  const field = (id: string) => el.shadowRoot!.querySelector<DvcTextField>(`#${id}`)!;
  field('code').value = code;
  field('secret').value = secret;
  await Promise.all([field('code').updateComplete, field('secret').updateComplete]);
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  // The click starts the lookup; its outcome is the result section or the error summary.
  const start = performance.now();
  while (!el.shadowRoot!.querySelector('[part="result"]') && summaryItems(el).length === 0) {
    if (performance.now() - start > 5000) throw new Error('No answer from the status lookup');
    await new Promise((r) => requestAnimationFrame(r));
  }
  await el.updateComplete;
  return el;
}

const summaryItems = (el: DvcStatusLookup) =>
  el.shadowRoot!.querySelector<DvcErrorSummary>('dvc-error-summary')?.items ?? [];

/** Throws unless the error summary lists exactly `messages`. */
function expectProblems(el: DvcStatusLookup, messages: string[]): void {
  const shown = summaryItems(el).map((i) => i.message);
  if (JSON.stringify(shown) !== JSON.stringify(messages)) {
    throw new Error(`The summary shows ${JSON.stringify(shown)}, not ${JSON.stringify(messages)}`);
  }
}

/** Throws unless the result's status badge and history read `status` and `history`. */
function expectResult(el: DvcStatusLookup, status: string, history: string[]): void {
  const shownStatus = text(el.shadowRoot!.querySelector('[part="status"]'));
  const shownHistory = [...el.shadowRoot!.querySelectorAll('[part="history"] li')].map(text);
  if (shownStatus !== status || JSON.stringify(shownHistory) !== JSON.stringify(history)) {
    throw new Error(`The result shows ${shownStatus} ${JSON.stringify(shownHistory)}`);
  }
}

/** The empty form, as the page first shows it. */
export const Empty: Story = {};

/** The code filled in from a link on the receipt; the person adds their phone number. */
export const CodeFromReceipt: Story = { args: { code: STUB_DOSSIER_CODE } };

/** Check pressed with nothing typed: both fields are named in the summary, which takes focus. */
export const MissingDetails: Story = {
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement, '', '');
    expectProblems(el, [
      'Vui lòng nhập mã hồ sơ.',
      'Vui lòng nhập số điện thoại hoặc số định danh cá nhân.',
    ]);
  },
};

/** A dossier found: current status, dates and the history with the officer's note. */
export const FoundWithHistory: Story = {
  play: async ({ canvasElement }) => {
    // Lower case and spaces, as people type them: the element and the receiver normalise.
    const el = await search(canvasElement, STUB_DOSSIER_CODE.toLowerCase(), STUB_PHONE);
    expectResult(el, 'Cần bổ sung hồ sơ', [
      'Đã tiếp nhận 10:05 26/11/2026',
      'Đang xử lý 15:00 26/11/2026',
      'Cần bổ sung hồ sơ 09:00 27/11/2026 Vui lòng bổ sung bản sao giấy chứng sinh.',
    ]);
  },
};

/** No dossier matches the code and phone number (the receiver answers 404). */
export const NotFound: Story = {
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement, 'KS-261126-ZZZZ', STUB_PHONE);
    expectProblems(el, [
      'Không tìm thấy hồ sơ với mã và số điện thoại hoặc số định danh này. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.',
    ]);
  },
};

/** The receiver is down (503): the person is asked to try again later. */
export const ServerError: Story = {
  parameters: { statusStub: STATUS_STUB_MODE.serverError },
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement, STUB_DOSSIER_CODE, STUB_PHONE);
    expectProblems(el, ['Hệ thống tra cứu đang gặp lỗi. Vui lòng thử lại sau ít phút.']);
  },
};

/** No network at all: the person is asked to check their connection. */
export const Offline: Story = {
  parameters: { statusStub: STATUS_STUB_MODE.offline },
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement, STUB_DOSSIER_CODE, STUB_PHONE);
    expectProblems(el, [
      'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
    ]);
  },
};

/** The found dossier in English (the officer's note stays as written). */
export const English: Story = {
  globals: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const el = await search(canvasElement, STUB_DOSSIER_CODE, STUB_PHONE);
    expectResult(el, 'Needs more information', [
      'Received 10:05 26/11/2026',
      'Processing 15:00 26/11/2026',
      'Needs more information 09:00 27/11/2026 Vui lòng bổ sung bản sao giấy chứng sinh.',
    ]);
  },
};
