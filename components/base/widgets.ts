/**
 * The widget registry: for each widget of the procedure format, the element that renders it and
 * the value an unanswered field shows. `<dvc-form>` and `<dvc-repeat-group>` render fields from
 * it, so a widget is added in one place. Tags are fixed literals, never author text.
 */
import { literal, type StaticValue } from 'lit/static-html.js';

/** A widget name of the procedure format, plus `checkbox-group` (a checkbox with options). */
export type WidgetName =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'checkbox-group'
  | 'address'
  | 'id-number'
  | 'phone'
  | 'email'
  | 'group';

export interface WidgetSpec {
  /** The element's tag. */
  readonly tag: StaticValue;
  /** The value the element shows when the question has no answer. */
  empty(): unknown;
  /** Inside a repeat group's item, when it differs (an item keeps every member). */
  itemEmpty?(): unknown;
}

const text = (tag: StaticValue): WidgetSpec => ({ tag, empty: () => '' });

export const WIDGETS: Readonly<Record<WidgetName, WidgetSpec>> = {
  text: text(literal`dvc-text-field`),
  textarea: text(literal`dvc-textarea-field`),
  number: { tag: literal`dvc-number-field`, empty: () => null },
  date: text(literal`dvc-date-field`),
  select: text(literal`dvc-select-field`),
  radio: text(literal`dvc-radio-group`),
  checkbox: { tag: literal`dvc-checkbox-field`, empty: () => false },
  'checkbox-group': { tag: literal`dvc-checkbox-group`, empty: () => [] },
  address: {
    tag: literal`dvc-address-field`,
    empty: () => undefined,
    itemEmpty: () => ({ province: '', commune: '', street: '' }),
  },
  'id-number': text(literal`dvc-id-number-field`),
  phone: text(literal`dvc-phone-field`),
  email: text(literal`dvc-email-field`),
  group: { tag: literal`dvc-repeat-group`, empty: () => [] },
};

/** The registry entry a field uses: a checkbox with options is a group of check boxes. */
export function widgetNameOf(field: { widget: string; options?: readonly unknown[] }): WidgetName {
  if (field.widget === 'checkbox' && field.options?.length) return 'checkbox-group';
  return (Object.hasOwn(WIDGETS, field.widget) ? field.widget : 'text') as WidgetName;
}

export function widgetOf(field: { widget: string; options?: readonly unknown[] }): WidgetSpec {
  return WIDGETS[widgetNameOf(field)];
}

/** The value shown for an unanswered field, at the top of the form or in a group's item. */
export function emptyValueOf(
  field: { widget: string; options?: readonly unknown[] },
  inItem = false,
): unknown {
  const spec = widgetOf(field);
  return inItem && spec.itemEmpty ? spec.itemEmpty() : spec.empty();
}
