import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/error-summary/error-summary.js';
import '../components/text-field/text-field.js';
import '../components/date-field/date-field.js';
import type { ErrorSummaryItem } from '../components/error-summary/error-summary.js';

interface Args {
  heading: string;
  items: ErrorSummaryItem[];
}

const meta: Meta<Args> = {
  title: 'Form/Error summary',
  component: 'dvc-error-summary',
  args: {
    heading: 'Có lỗi cần sửa',
    items: [
      { message: 'Nhập họ, chữ đệm và tên của trẻ', target: 'hoTen' },
      { message: 'Ngày sinh phải là một ngày trong quá khứ', target: 'ngaySinh' },
      { message: 'Tải lên giấy chứng sinh' },
    ],
  },
  // The summary links to the fields by id, so the story puts the fields beside it.
  render: (args) =>
    html`<dvc-error-summary .heading=${args.heading} .items=${args.items}></dvc-error-summary>
      <dvc-text-field
        id="hoTen"
        label="Họ, chữ đệm và tên của trẻ"
        error=${args.items[0]?.message ?? ''}
        required
      ></dvc-text-field>
      <dvc-date-field
        id="ngaySinh"
        label="Ngày sinh"
        .value=${'2099-01-01'}
        error=${args.items[1]?.message ?? ''}
        required
      ></dvc-date-field>`,
};
export default meta;

export const WithProblems = {};
export const English = {
  args: {
    heading: 'There is a problem',
    items: [
      { message: "Enter the child's full name", target: 'hoTen' },
      { message: 'The date of birth must be in the past', target: 'ngaySinh' },
      { message: 'Upload the medical birth certificate' },
    ],
  },
  globals: { locale: 'en' },
};
/** With no problems the summary renders nothing (it stays in the page, ready for the next check). */
export const Empty = { args: { items: [] } };
