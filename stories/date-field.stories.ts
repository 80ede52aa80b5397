import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/date-field/date-field.js';
import type { DvcDateField } from '../components/date-field/date-field.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  /** ISO date `YYYY-MM-DD`. */
  value: string;
  min: string;
  max: string;
}

const meta: Meta<Args> = {
  title: 'Fields/Date field',
  component: 'dvc-date-field',
  args: {
    ...baseFieldArgs,
    label: 'Ngày sinh',
    hint: '',
    name: 'ngaySinh',
    value: '',
    min: '1900-01-01',
    max: '',
  },
  render: (args) =>
    html`<dvc-date-field
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name=${args.name}
      .value=${args.value}
      min=${args.min}
      max=${args.max}
      placeholder=${args.placeholder}
      lang=${args.lang || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-date-field>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: '1995-03-15' },
  error: 'Ngày sinh phải là một ngày trong quá khứ',
  errorValue: { value: '2099-01-01' },
  en: { label: 'Date of birth', hint: 'Day first, as on Vietnamese papers', value: '1995-03-15' },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;

/** The calendar picker, opened on the chosen day (a modal dialog with a month grid). */
export const PickerOpen: StoryObj<Args> = {
  args: { value: '2025-03-15', min: '2025-01-01', max: '2025-12-31' },
  play: async ({ canvasElement }) => {
    const field = canvasElement.querySelector<DvcDateField>('dvc-date-field');
    await field?.updateComplete;
    await field?.openPicker();
  },
};
