import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/checkbox-field/checkbox-field.js';
import type { FieldOptionItem } from '../components/base/options.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: string[];
  options: FieldOptionItem[];
}

const meta: Meta<Args> = {
  title: 'Fields/Checkbox group',
  component: 'dvc-checkbox-group',
  args: {
    ...baseFieldArgs,
    label: 'Bạn thuộc đối tượng nào sau đây?',
    hint: 'Chọn tất cả các trường hợp đúng với bạn',
    name: 'doiTuong',
    value: [],
    options: [
      { value: 'revolutionary-merit', label: 'Gia đình có công với cách mạng' },
      { value: 'poor-household', label: 'Hộ nghèo' },
      { value: 'disability', label: 'Người khuyết tật' },
    ],
  },
  render: (args) =>
    html`<dvc-checkbox-group
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name=${args.name}
      .value=${args.value}
      .options=${args.options}
      lang=${args.lang || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-checkbox-group>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: ['poor-household', 'disability'] },
  error: 'Chọn ít nhất một trường hợp',
  en: {
    label: 'Which of these apply to you?',
    hint: 'Select all that apply',
    value: ['poor-household'],
    options: [
      { value: 'revolutionary-merit', label: 'Family with revolutionary merit' },
      { value: 'poor-household', label: 'Poor household' },
      { value: 'disability', label: 'Person with a disability' },
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
