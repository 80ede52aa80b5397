import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/number-field/number-field.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: number | null;
  min?: number;
  max?: number;
  integer: boolean;
}

const meta: Meta<Args> = {
  title: 'Fields/Number field',
  component: 'dvc-number-field',
  args: {
    ...baseFieldArgs,
    label: 'Diện tích sàn (m²)',
    hint: 'Có thể nhập số thập phân, ví dụ: 24,5',
    name: 'dienTich',
    value: null,
    min: 1,
    integer: false,
  },
  render: (args) =>
    html`<dvc-number-field
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name=${args.name}
      .value=${args.value}
      min=${args.min ?? nothing}
      max=${args.max ?? nothing}
      placeholder=${args.placeholder}
      lang=${args.lang || nothing}
      ?integer=${args.integer}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-number-field>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: 1234.5 },
  error: 'Diện tích sàn phải lớn hơn hoặc bằng 1',
  errorValue: { value: 0 },
  en: { label: 'Floor area (m²)', hint: 'Decimals are fine, e.g. 24.5', value: 1234.5 },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;
/** Whole numbers only (counts, ages): the phone shows the digits keyboard. */
export const Integer = {
  args: {
    label: 'Số bản sao',
    hint: '',
    name: 'soBanSao',
    integer: true,
    min: 0,
    max: 20,
    value: 2,
  },
};
