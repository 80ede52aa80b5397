import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/phone-field/phone-field.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: string;
}

const meta: Meta<Args> = {
  title: 'Fields/Phone field',
  component: 'dvc-phone-field',
  args: {
    ...baseFieldArgs,
    label: 'Số điện thoại di động',
    hint: 'Ví dụ: 0912 345 678',
    name: 'soDienThoai',
    value: '',
  },
  render: (args) =>
    html`<dvc-phone-field
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
    ></dvc-phone-field>`,
};
export default meta;

const states = fieldStates<Args>({
  // Shown tidied as "0912 345 678"; the value stays digits only.
  filled: { value: '0912345678' },
  error: 'Nhập số điện thoại gồm 10 chữ số, ví dụ: 0912 345 678',
  errorValue: { value: '091234' },
  en: { label: 'Mobile phone number', hint: 'For example 0912 345 678', value: '0912345678' },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;
