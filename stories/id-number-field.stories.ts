import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/id-number-field/id-number-field.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: string;
  digits: number;
}

const meta: Meta<Args> = {
  title: 'Fields/ID number field',
  component: 'dvc-id-number-field',
  args: {
    ...baseFieldArgs,
    label: 'Số định danh cá nhân',
    hint: '12 chữ số, in trên thẻ căn cước',
    name: 'soDinhDanh',
    value: '',
    digits: 12,
  },
  render: (args) =>
    html`<dvc-id-number-field
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name=${args.name}
      .value=${args.value}
      digits=${args.digits}
      placeholder=${args.placeholder}
      lang=${args.lang || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-id-number-field>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: '001195012345' },
  error: 'Số định danh cá nhân gồm 12 chữ số',
  errorValue: { value: '00119501' },
  en: {
    label: 'Personal ID number',
    hint: '12 digits, printed on your ID card',
    value: '001195012345',
  },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;
/** A 10-digit tax code uses the same element with `digits="10"`. */
export const TaxCode = {
  args: {
    label: 'Mã số thuế',
    hint: '10 chữ số',
    name: 'maSoThue',
    digits: 10,
    value: '0101234567',
  },
};
