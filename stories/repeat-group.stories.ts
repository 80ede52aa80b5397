import type { Meta } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../components/repeat-group/repeat-group.js';
import type { RepeatFieldSpec, RepeatItem } from '../components/repeat-group/repeat-group.js';
import { baseFieldArgs, fieldStates, type FieldArgs } from './support/states.js';

interface Args extends FieldArgs {
  value: RepeatItem[];
  fields: RepeatFieldSpec[];
  itemLabel: string;
  addLabel: string;
  min: number;
  max?: number;
  errors: Record<string, string>;
}

const members: RepeatFieldSpec[] = [
  { field: 'fullName', widget: 'text', label: 'Họ, chữ đệm và tên', required: true },
  { field: 'birthDate', widget: 'date', label: 'Ngày sinh', required: true },
  { field: 'personalId', widget: 'id-number', label: 'Số định danh cá nhân', required: true },
  {
    field: 'relationship',
    widget: 'select',
    label: 'Quan hệ với chủ hộ',
    options: [
      { value: 'spouse', label: 'Vợ hoặc chồng' },
      { value: 'child', label: 'Con' },
      { value: 'parent', label: 'Cha hoặc mẹ' },
    ],
  },
];

const twoMembers: RepeatItem[] = [
  {
    fullName: 'Trần Văn Hùng',
    birthDate: '1993-07-20',
    personalId: '001093054321',
    relationship: 'spouse',
  },
  {
    fullName: 'Trần Minh An',
    birthDate: '2020-11-10',
    personalId: '001220012345',
    relationship: 'child',
  },
];

const meta: Meta<Args> = {
  title: 'Fields/Repeat group',
  component: 'dvc-repeat-group',
  args: {
    ...baseFieldArgs,
    label: 'Thành viên trong hộ gia đình cùng đăng ký',
    hint: 'Tối đa 7 người',
    name: 'members',
    value: [],
    fields: members,
    itemLabel: 'Người cùng đăng ký',
    addLabel: 'Thêm người cùng đăng ký',
    min: 0,
    max: 7,
    errors: {},
  },
  render: (args) =>
    html`<dvc-repeat-group
      label=${args.label}
      hint=${args.hint}
      error=${args.error}
      name=${args.name}
      .value=${args.value}
      .fields=${args.fields}
      .errors=${args.errors}
      item-label=${args.itemLabel}
      add-label=${args.addLabel}
      min=${args.min}
      max=${args.max ?? nothing}
      lang=${args.lang || nothing}
      ?required=${args.required}
      ?disabled=${args.disabled}
      ?readonly=${args.readonly}
      ?prefilled=${args.prefilled}
    ></dvc-repeat-group>`,
};
export default meta;

const states = fieldStates<Args>({
  filled: { value: twoMembers },
  error: 'Thêm ít nhất 1 người cùng đăng ký',
  errorValue: { min: 0, value: [] },
  en: {
    label: 'Household members registering with you',
    hint: 'Up to 7 people',
    itemLabel: 'Person',
    addLabel: 'Add a person',
    value: twoMembers,
    fields: [
      { field: 'fullName', widget: 'text', label: 'Full name', required: true },
      { field: 'birthDate', widget: 'date', label: 'Date of birth', required: true },
      { field: 'personalId', widget: 'id-number', label: 'Personal ID number', required: true },
      {
        field: 'relationship',
        widget: 'select',
        label: 'Relationship to the head of household',
        options: [
          { value: 'spouse', label: 'Spouse' },
          { value: 'child', label: 'Child' },
          { value: 'parent', label: 'Parent' },
        ],
      },
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
/** Errors placed at the item field they belong to, by JSON pointer relative to the group. */
export const ItemErrors = {
  args: {
    value: [{ ...twoMembers[0], personalId: '00109305' }, twoMembers[1]],
    errors: { '/0/personalId': 'Số định danh cá nhân gồm 12 chữ số' },
  },
};
