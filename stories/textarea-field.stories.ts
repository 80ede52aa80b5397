import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/textarea-field/textarea-field.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: string;
  rows: number;
  maxlength?: number;
}

const meta: Meta<Args> = {
  title: 'Fields/Textarea field',
  component: 'dvc-textarea-field',
  args: {
    ...baseFieldArgs,
    label: 'Lý do đề nghị',
    hint: 'Ghi ngắn gọn, ví dụ: bản chính bị mất khi chuyển nhà',
    name: 'lyDo',
    value: '',
    rows: 5,
  },
  render: (args) =>
    html`<dvc-textarea-field
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name=${args.name}
      .value=${args.value}
      rows=${args.rows}
      maxlength=${args.maxlength ?? nothing}
      placeholder=${args.placeholder}
      lang=${args.lang || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-textarea-field>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: 'Bản chính giấy khai sinh bị mất khi chuyển nhà năm 2024.' },
  error: 'Nhập lý do đề nghị',
  en: {
    label: 'Reason for the request',
    hint: 'Keep it short, e.g. the original was lost when moving house',
    value: 'The original birth certificate was lost when moving house in 2024.',
  },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;
