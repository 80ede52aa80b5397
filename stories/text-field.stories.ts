import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/text-field/text-field.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: string;
  maxlength?: number;
  autocomplete: string;
}

const meta: Meta<Args> = {
  title: 'Fields/Text field',
  component: 'dvc-text-field',
  args: {
    ...baseFieldArgs,
    label: 'Họ, chữ đệm và tên',
    hint: 'Viết có dấu, ví dụ: Nguyễn Văn An',
    name: 'hoTen',
    value: '',
    autocomplete: 'name',
  },
  render: (args) =>
    html`<dvc-text-field
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name=${args.name}
      .value=${args.value}
      maxlength=${args.maxlength ?? nothing}
      autocomplete=${args.autocomplete}
      placeholder=${args.placeholder}
      lang=${args.lang || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-text-field>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: 'Nguyễn Thị Lan' },
  error: 'Nhập họ, chữ đệm và tên',
  en: {
    label: 'Full name',
    hint: 'As written on your ID card, e.g. Nguyễn Văn An',
    value: 'Nguyễn Thị Lan',
  },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;
/** `maxlength` stops typing at the limit; a longer value set by script is reported as too long. */
export const TooLong = {
  args: { maxlength: 10, value: 'Nguyễn Thị Lan', error: 'Họ tên dài quá 10 ký tự' },
};
