import type { FieldOption } from '../../procedure/types.js';

/** A list of options dvc-forms ships (countries, ethnic groups, religions). */
export interface ShippedOptionList {
  id: string;
  options: FieldOption[];
}
