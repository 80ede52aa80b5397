import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/form/form.js';
import type { Submitter } from '../components/form/form.js';
import type { SubmissionPayload } from '../components/form/events.js';
import { sha256Hex } from '../src/submission/payload.js';
import { PHONE_VIEWPORT, storyLocale } from '../.storybook/locale.js';
import {
  continueToReview,
  formIn,
  heading,
  pressPrimary,
  samples,
  tinyPdf,
  waitFor,
  type Sample,
} from './support/journey.js';

interface Args {
  sample: Sample;
  /** Answers shown as already known (from case 0 of the `.cases.json`), or none. */
  prefill?: Record<string, unknown>;
  assistedBy: string;
  oneQuestionPerPage: boolean;
}

/**
 * Stands in for the agency's server: Storybook has no receiver, so the payload is logged and
 * the journey ends on the "submitted" page (see docs/receiver.md for the real delivery).
 */
const storySubmitter: Submitter = async (payload) => {
  console.info('dvc-submit payload', payload);
  return { receipt: 'STORYBOOK' };
};

/**
 * Each sample procedure of schemas/procedures/ rendered by `<dvc-form>` from its JSON, the way an
 * agency page embeds it. Use the toolbar's "Ngôn ngữ" switch for English; the stories open in the
 * 360 × 740 "Điện thoại phổ thông" viewport, the phone most citizens apply from.
 */
const meta: Meta<Args> = {
  title: 'Procedures/Sample procedures',
  component: 'dvc-form',
  globals: { viewport: { value: PHONE_VIEWPORT, isRotated: false } },
  parameters: { layout: 'fullscreen', controls: { exclude: ['sample', 'prefill'] } },
  args: { assistedBy: '', oneQuestionPerPage: false },
  render: (args, { globals }) =>
    html`<dvc-form
      .procedureData=${args.sample.procedure}
      .prefill=${args.prefill}
      .submitter=${storySubmitter}
      today=${args.sample.today}
      lang=${storyLocale(globals)}
      assisted-by=${args.assistedBy || nothing}
      ?one-question-per-page=${args.oneQuestionPerPage}
    ></dvc-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/**
 * Fills the form with case 0 and goes on to the review page. Each story spells its `name` out
 * in its own object literal: Storybook's indexer reads names statically, and a name returned by
 * a call showed as "Dang Ky Khai Sinh Review" in the sidebar.
 */
const review = (sample: Sample): Story => ({
  args: { sample, prefill: sample.complete },
  play: async ({ canvasElement }) => continueToReview(await formIn(canvasElement)),
});

// Story names are the procedures' own Vietnamese names, with their diacritics (CSF would
// derive "Dang Ky Khai Sinh" from the export name).
export const DangKyKhaiSinh: Story = {
  name: 'Đăng ký khai sinh',
  args: { sample: samples.khaiSinh },
};
export const DangKyKetHon: Story = { name: 'Đăng ký kết hôn', args: { sample: samples.ketHon } };
export const DangKyThuongTru: Story = {
  name: 'Đăng ký thường trú',
  args: { sample: samples.thuongTru },
};
export const CapGiayPhepLaiXeQuocTe: Story = {
  name: 'Cấp giấy phép lái xe quốc tế',
  args: { sample: samples.laiXe },
};

export const DangKyTamTru: Story = { name: 'Đăng ký tạm trú', args: { sample: samples.tamTru } };
export const DangKyKetHonNuocNgoai: Story = {
  name: 'Đăng ký kết hôn có yếu tố nước ngoài',
  args: { sample: samples.ketHonNuocNgoai },
};
export const CapPhieuLyLichTuPhap: Story = {
  name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
  args: { sample: samples.lyLich },
};

export const DangKyKhaiSinhReview: Story = {
  name: 'Đăng ký khai sinh: trang xem lại',
  ...review(samples.khaiSinh),
};
export const DangKyKetHonReview: Story = {
  name: 'Đăng ký kết hôn: trang xem lại',
  ...review(samples.ketHon),
};
export const DangKyThuongTruReview: Story = {
  name: 'Đăng ký thường trú: trang xem lại',
  ...review(samples.thuongTru),
};
export const CapGiayPhepLaiXeQuocTeReview: Story = {
  name: 'Cấp giấy phép lái xe quốc tế: trang xem lại',
  ...review(samples.laiXe),
};
export const DangKyTamTruReview: Story = {
  name: 'Đăng ký tạm trú: trang xem lại',
  ...review(samples.tamTru),
};
export const DangKyKetHonNuocNgoaiReview: Story = {
  name: 'Đăng ký kết hôn có yếu tố nước ngoài: trang xem lại',
  ...review(samples.ketHonNuocNgoai),
};
export const CapPhieuLyLichTuPhapReview: Story = {
  name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam: trang xem lại',
  ...review(samples.lyLich),
};

/** Continue on an empty first page: the error summary takes focus and links to each field. */
export const DangKyKhaiSinhErrors: Story = {
  name: 'Đăng ký khai sinh: báo lỗi',
  args: { sample: samples.khaiSinh },
  play: async ({ canvasElement }) => pressPrimary(await formIn(canvasElement)),
};

/** Answers that fail an eligibility rule end on the "cannot apply" page with the reasons. */
export const DangKyKhaiSinhIneligible: Story = {
  name: 'Đăng ký khai sinh: không đủ điều kiện',
  args: { sample: samples.khaiSinh, prefill: samples.khaiSinh.ineligible },
  play: async ({ canvasElement }) => pressPrimary(await formIn(canvasElement)),
};

/**
 * The whole journey: case 0, a small PDF for each required document, review, declaration
 * ticked, submitted to the story's stub (no network).
 */
export const DangKyKhaiSinhSubmitted: Story = {
  name: 'Đăng ký khai sinh: đã gửi',
  args: { sample: samples.khaiSinh, prefill: samples.khaiSinh.complete },
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    await continueToReview(form);
    form.shadowRoot!.querySelector<HTMLInputElement>('#declaration')!.click();
    // The procedure offers post, so the review page asks how the result is received.
    await customElements.whenDefined('dvc-delivery-choice');
    const choice = form.shadowRoot!.querySelector<
      HTMLElement & { updateComplete: Promise<unknown> }
    >('dvc-delivery-choice');
    await choice?.updateComplete;
    choice
      ?.shadowRoot!.querySelector('#method')!
      .shadowRoot!.querySelector<HTMLInputElement>('input[value="in-person"]')!
      .click();
    await form.settled();
    let sent: SubmissionPayload | undefined;
    form.addEventListener('dvc-submitted', (e) => (sent = e.detail.payload), { once: true });
    await pressPrimary(form);
    const shown = heading(form);
    if (shown !== 'Đã gửi hồ sơ') throw new Error(`Ended on "${shown}", not the submitted page`);
    // The payload names the attached file by the SHA-256 the browser computed of its bytes.
    const pdf = tinyPdf('birthCertificate.pdf');
    const expected = {
      slot: 'birthCertificate',
      name: pdf.name,
      type: 'application/pdf',
      size: pdf.size,
      sha256: await sha256Hex(new Uint8Array(await pdf.arrayBuffer())),
    };
    const got = sent?.documents?.find((d) => d.slot === expected.slot);
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      throw new Error(`The payload has ${JSON.stringify(got)}, not ${JSON.stringify(expected)}`);
    }
  },
};

/** Case 0 without the mother's name and personal ID, which the parents' page then offers. */
const withoutMother = (): Record<string, unknown> => {
  const answers = structuredClone(samples.khaiSinh.complete);
  const mother = answers['mother'] as Record<string, unknown>;
  delete mother['fullName'];
  delete mother['personalId'];
  return answers;
};

/**
 * `copyFrom` with a `when` (format 1.2): the requester said they are the mother, so the mother's
 * empty name and personal ID offer the requester's, each with one button; the father's do not
 * (their offer's condition is "the requester is the father").
 */
export const DangKyKhaiSinhCopyOffer: Story = {
  name: 'Đăng ký khai sinh: dùng lại câu trả lời',
  args: { sample: samples.khaiSinh, prefill: withoutMother() },
  play: async ({ canvasElement }) => {
    const form = await formIn(canvasElement);
    for (let i = 0; i < 10 && heading(form) !== 'Thông tin của cha, mẹ'; i++)
      await pressPrimary(form);
    const offered = () =>
      [...form.shadowRoot!.querySelectorAll('button[part~="copy-offer"]')].map((b) =>
        b.closest('p')!.nextElementSibling?.getAttribute('data-path'),
      );
    await waitFor(() => offered().length > 0, 'the copy offers');
    const expected = ['mother.fullName', 'mother.personalId'];
    if (JSON.stringify(offered()) !== JSON.stringify(expected))
      throw new Error(`Offers above ${JSON.stringify(offered())}, not ${JSON.stringify(expected)}`);
  },
};

/** A clerk or postal worker fills the form in with the applicant (`assisted-by`). */
export const DangKyThuongTruAssisted: Story = {
  name: 'Đăng ký thường trú: có người hỗ trợ',
  args: { sample: samples.thuongTru, assistedBy: 'Nhân viên bưu điện Nguyễn Văn Bình' },
};

/** One question per page, for people who find long pages hard. */
export const CapGiayPhepLaiXeQuocTeOneQuestion: Story = {
  name: 'Cấp giấy phép lái xe quốc tế: mỗi trang một câu hỏi',
  args: { sample: samples.laiXe, oneQuestionPerPage: true },
};
