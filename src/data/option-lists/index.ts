/**
 * The option lists dvc-forms ships, by id. Each list is its own module, imported only when a
 * procedure names it (`"optionList": "countries"`): in the browser each is a lazy chunk, so the
 * core bundle carries only these names. Sources and caveats: SOURCES.md beside this file.
 */
import type { ShippedOptionList } from './types.js';

export type { ShippedOptionList } from './types.js';

/** The ids of the shipped lists (what lint accepts besides the procedure's own `optionLists`). */
export const SHIPPED_OPTION_LISTS = ['countries', 'ethnic-groups', 'religions'] as const;
export type ShippedOptionListId = (typeof SHIPPED_OPTION_LISTS)[number];

const LOADERS: Record<ShippedOptionListId, () => Promise<{ list: ShippedOptionList }>> = {
  countries: () => import('./countries.js'),
  'ethnic-groups': () => import('./ethnic-groups.js'),
  religions: () => import('./religions.js'),
};

export function isShippedOptionList(id: string): id is ShippedOptionListId {
  return (SHIPPED_OPTION_LISTS as readonly string[]).includes(id);
}

/** The shipped list `id` (loaded once). */
export async function loadShippedOptionList(id: ShippedOptionListId): Promise<ShippedOptionList> {
  return (await LOADERS[id]()).list;
}
