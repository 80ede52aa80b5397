import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/text-field/text-field.js';

const meta: Meta = {
  title: 'Fields/Text field',
  component: 'dvc-text-field',
  args: { label: 'Họ, chữ đệm và tên', hint: 'Viết có dấu, ví dụ: Nguyễn Văn An', error: '' },
  render: (args) =>
    html`<dvc-text-field
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name="hoTen"
    ></dvc-text-field>`,
};
export default meta;

export const Empty: StoryObj = {};
export const WithError: StoryObj = { args: { error: 'Nhập họ, chữ đệm và tên' } };
