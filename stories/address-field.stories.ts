import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/address-field/address-field.js';
import type { AddressValue } from '../components/address-field/address-field.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: AddressValue;
}

const meta: Meta<Args> = {
  title: 'Fields/Address field',
  component: 'dvc-address-field',
  args: {
    ...baseFieldArgs,
    label: 'Nơi thường trú',
    hint: 'Theo danh mục đơn vị hành chính từ ngày 01/7/2025: tỉnh, thành phố rồi xã, phường',
    name: 'noiThuongTru',
    value: { province: '', commune: '', street: '' },
  },
  render: (args) =>
    html`<dvc-address-field
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
    ></dvc-address-field>`,
};
export default meta;

// Phường Ba Đình, Thành phố Hà Nội (codes of the 2025 list, src/data/admin-units-2025.json).
const baDinh: AddressValue = { province: '01', commune: '00004', street: 'Số 12 phố Đội Cấn' };

const states = fieldStates<Args>({
  filled: { value: baDinh },
  error: 'Chọn xã, phường',
  errorValue: { value: { province: '01', commune: '', street: '' } },
  en: {
    label: 'Permanent address',
    hint: 'Using the administrative units in force from 1 July 2025: province, then commune',
    value: baDinh,
  },
});
export const Empty = states.Empty;
export const Filled = states.Filled;
export const WithError = states.WithError;
export const Disabled = states.Disabled;
export const ReadOnly = states.ReadOnly;
export const Prefilled = states.Prefilled;
export const English = states.English;
/** A province chosen: the commune list is filtered to it and the search box appears. */
export const ProvinceChosen = {
  args: { value: { province: '79', commune: '', street: '' } },
};
