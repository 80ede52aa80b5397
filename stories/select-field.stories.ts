import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/select-field/select-field.js';
import type { FieldOptionItem } from '../components/base/options.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: string;
  options: FieldOptionItem[];
}

const relationships: FieldOptionItem[] = [
  { value: 'head', label: 'Chủ hộ' },
  { value: 'spouse', label: 'Vợ hoặc chồng' },
  { value: 'child', label: 'Con' },
  { value: 'parent', label: 'Cha hoặc mẹ' },
  { value: 'other', label: 'Người thân khác' },
];

const meta: Meta<Args> = {
  title: 'Fields/Select field',
  component: 'dvc-select-field',
  args: {
    ...baseFieldArgs,
    label: 'Quan hệ của bạn với chủ hộ',
    hint: '',
    name: 'quanHe',
    value: '',
    options: relationships,
  },
  render: (args) =>
    html`<dvc-select-field
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name=${args.name}
      .value=${args.value}
      .options=${args.options}
      placeholder=${args.placeholder}
      lang=${args.lang || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-select-field>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: 'child' },
  error: 'Chọn quan hệ của bạn với chủ hộ',
  en: {
    label: 'Your relationship to the head of household',
    value: 'child',
    options: [
      { value: 'head', label: 'Head of household' },
      { value: 'spouse', label: 'Spouse' },
      { value: 'child', label: 'Child' },
      { value: 'parent', label: 'Parent' },
      { value: 'other', label: 'Other relative' },
    ],
  },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;
