import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/email-field/email-field.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: string;
}

const meta: Meta<Args> = {
  title: 'Fields/Email field',
  component: 'dvc-email-field',
  args: {
    ...baseFieldArgs,
    label: 'Thư điện tử (nếu có)',
    hint: 'Chúng tôi gửi thông báo kết quả vào địa chỉ này',
    name: 'email',
    value: '',
  },
  render: (args) =>
    html`<dvc-email-field
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name=${args.name}
      .value=${args.value}
      placeholder=${args.placeholder}
      lang=${args.lang || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-email-field>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: 'lan.nguyen@example.vn' },
  error: 'Nhập địa chỉ thư điện tử đúng dạng, ví dụ: ten@example.vn',
  errorValue: { value: 'lan.nguyen@' },
  en: {
    label: 'Email address (optional)',
    hint: 'We send the result notice to this address',
    value: 'lan.nguyen@example.vn',
  },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;
