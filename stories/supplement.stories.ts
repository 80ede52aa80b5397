import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/supplement/supplement.js';
import type { DvcSupplement, SupplementRequestView } from '../components/supplement/supplement.js';
import type { Procedure } from '../src/procedure/index.js';
import { storyLocale } from '../.storybook/locale.js';
import khaiSinh from '../schemas/procedures/dang-ky-khai-sinh.json';

interface Args {
  request: SupplementRequestView;
}

const REQUEST: SupplementRequestView = {
  id: 'yeu-cau-0001',
  note: 'Giấy chứng sinh chụp mờ; ghi đúng tên cơ sở y tế như trên giấy.',
  requestedAt: '2026-11-30T03:00:00.000Z',
  items: { fields: ['child.healthFacility'], documents: ['birthCertificate'] },
  procedure: { code: khaiSinh.code, version: khaiSinh.version, url: '' },
};

/**
 * The applicant's supplement (bổ sung hồ sơ), as `<dvc-status-lookup>` shows it when the clerk
 * asked for more: exactly the requested questions and documents, the clerk's note, an error
 * summary when something is missing. There is no receiver here: sending is not shown.
 */
const meta: Meta<Args> = {
  title: 'Form/Supplement',
  component: 'dvc-supplement',
  args: { request: REQUEST },
  render: (args, { globals }) =>
    html`<dvc-supplement
      .request=${args.request}
      .procedureData=${khaiSinh as unknown as Procedure}
      code="KS-261126-7QF3"
      lang=${storyLocale(globals)}
    ></dvc-supplement>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Requested: Story = {};

/** Sent with nothing filled in: the summary names each requested item and takes focus. */
export const MissingItems: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<DvcSupplement>('dvc-supplement')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('dvc-upload'); i++)
      await new Promise((r) => setTimeout(r, 50));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    for (
      let i = 0;
      i < 100 && !el.shadowRoot?.querySelector('dvc-error-summary')?.items.length;
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
  },
};
