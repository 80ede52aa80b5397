/**
 * Makes a native `<select>` show `value` after a change made from script (a form reset, a
 * restored draft), when one of its options has that value. Rendering the `selected` attributes
 * is not enough in Firefox: once the person has picked an option, adding `selected` to another
 * no longer selects it (the option's "dirtiness", which Chromium and WebKit do not apply), so
 * after a reset the list went on showing the old choice while the field's value was the default.
 */
export function showSelected(select: HTMLSelectElement | null, value: string): void {
  if (!select || select.value === value) return;
  if ([...select.options].some((o) => o.value === value)) select.value = value;
}
