import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/checkbox-field/checkbox-field.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: boolean;
}

const meta: Meta<Args> = {
  title: 'Fields/Checkbox field',
  component: 'dvc-checkbox-field',
  args: {
    ...baseFieldArgs,
    label: 'Tôi cam đoan những nội dung khai trên là đúng sự thật',
    hint: 'Khai sai có thể bị xử lý theo quy định của pháp luật',
    name: 'camDoan',
    value: false,
  },
  render: (args) =>
    html`<dvc-checkbox-field
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name=${args.name}
      .value=${args.value}
      lang=${args.lang || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-checkbox-field>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: true },
  error: 'Đánh dấu vào ô cam đoan để nộp hồ sơ',
  en: {
    label: 'I declare that the information I have given is true',
    hint: 'Giving false information may be punished by law',
    value: true,
  },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;
