/** One choice of a select, radio group or checkbox group; `label` is already localised. */
export interface FieldOptionItem {
  value: string;
  label: string;
}

/**
 * The `options` property: set it as an array, or in plain HTML as a JSON attribute
 * (`options='[{"value":"nam","label":"Nam"}]'`). Values are compared as strings because that is
 * what a form submits; the validation engine turns them back into the schema's types.
 */
export const optionsProperty = {
  attribute: 'options',
  converter: {
    fromAttribute(value: string | null): FieldOptionItem[] {
      if (!value) return [];
      try {
        const parsed: unknown = JSON.parse(value);
        return Array.isArray(parsed)
          ? parsed.map((o: { value?: unknown; label?: unknown }) => ({
              value: String(o?.value ?? ''),
              label: String(o?.label ?? ''),
            }))
          : [];
      } catch {
        return [];
      }
    },
  },
};
