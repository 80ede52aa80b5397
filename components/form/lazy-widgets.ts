/**
 * The field elements few procedures use, as lazy chunks of the one-file bundle: the address
 * field (province and commune lists) and the repeat group (which renders every widget, the
 * address included). `<dvc-form>` loads the ones its procedure's questions use, at any depth:
 * before the form is ready when the first page shows one (nothing may appear under a finger
 * after the first field is usable), otherwise right after it, and `settled()` waits for them.
 * A page reached before its element arrived shows the element undefined (an empty box styled by
 * `:not(:defined)`), upgraded with the properties already set on it.
 */
import type { FieldUi } from '../../src/procedure/index.js';
import { loadOnce } from '../base/load-once.js';

const LAZY_WIDGETS: Readonly<Record<string, () => Promise<unknown>>> = {
  address: loadOnce(() => import('../address-field/address-field.js')),
  group: loadOnce(() => import('../repeat-group/repeat-group.js')),
};

function widgetsIn(fields: readonly FieldUi[], into: Set<string>): Set<string> {
  for (const f of fields) {
    into.add(f.widget);
    if (f.fields) widgetsIn(f.fields, into);
  }
  return into;
}

/** Whether any of `fields` (or a field inside a group) needs a lazy element. */
export function needsLazyWidget(fields: readonly FieldUi[]): boolean {
  const used = widgetsIn(fields, new Set());
  return Object.keys(LAZY_WIDGETS).some((w) => used.has(w));
}

/**
 * Loads the lazy elements `fields` use (at any depth); resolves once they are defined. A chunk
 * that fails to load rejects, and is tried again on the next call.
 */
export function loadWidgetElements(fields: readonly FieldUi[]): Promise<unknown> {
  const used = widgetsIn(fields, new Set());
  return Promise.all(
    Object.entries(LAZY_WIDGETS)
      .filter(([widget]) => used.has(widget))
      .map(([, load]) => load()),
  );
}
