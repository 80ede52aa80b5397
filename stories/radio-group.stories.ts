import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/radio-group/radio-group.js';
import type { FieldOptionItem } from '../components/base/options.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: string;
  options: FieldOptionItem[];
}

const meta: Meta<Args> = {
  title: 'Fields/Radio group',
  component: 'dvc-radio-group',
  args: {
    ...baseFieldArgs,
    label: 'Cách nhận kết quả',
    hint: '',
    name: 'nhanKetQua',
    value: '',
    options: [
      { value: 'post', label: 'Qua dịch vụ bưu chính' },
      { value: 'in-person', label: 'Nhận trực tiếp tại cơ quan giải quyết' },
      { value: 'online', label: 'Bản điện tử trên Cổng Dịch vụ công' },
    ],
  },
  render: (args) =>
    html`<dvc-radio-group
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
    ></dvc-radio-group>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: 'post' },
  error: 'Chọn cách nhận kết quả',
  en: {
    label: 'How do you want to receive the result?',
    value: 'post',
    options: [
      { value: 'post', label: 'By post' },
      { value: 'in-person', label: 'In person at the office' },
      { value: 'online', label: 'Electronic copy on the National Public Service Portal' },
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
