/**
 * A JSON pointer into a procedure (or cases) file said in words for an author, as the procedure
 * messages quote places (`where`, used by messages.ts `localizedAt`, the meta-schema errors and
 * the CLI). Apart from the catalogs so messages.ts stays within the 700-line limit.
 */
import type { Lang } from './types.js';

/** The procedure format's lists an author knows by name: [kind, vi, en]. */
type Place = [kind: string, vi: string, en: string];
const TOP_LISTS: Record<string, Place> = {
  'fees/items': ['fee', 'khoản phí', 'fee item'],
  'fees/reductions': ['reduction', 'khoản miễn giảm', 'reduction'],
  documents: ['document', 'giấy tờ', 'document'],
  rules: ['rule', 'quy tắc', 'rule'],
  'ui/steps': ['step', 'bước', 'step'],
  // A cases file (`dvc-forms test`).
  cases: ['case', 'ca kiểm thử', 'case'],
};
/** Lists inside a place of the kind named first: a step's or question's questions, … */
const INNER_LISTS: Record<string, Place> = {
  'step|fields': ['field', 'câu hỏi', 'question'],
  'field|fields': ['field', 'câu hỏi', 'question'],
  'field|options': ['option', 'lựa chọn', 'option'],
  'optionList|options': ['option', 'lựa chọn', 'option'],
  'fee|schedule': ['rate', 'mức phí', 'rate'],
};
/** Top-level members whose members are named by the author: [kind, vi, en] before the name. */
const TOP_MAPS: Record<string, Place> = {
  conditions: ['named', 'điều kiện đặt tên', 'the named condition'],
  optionLists: ['optionList', 'danh sách lựa chọn', 'the option list'],
};
/** Where a condition group (`all`, `any`) may stand, after a place of this kind. */
const GROUPS_AFTER: Record<string, string> = {
  rule: 'conditions/',
  named: '',
  condition: '',
};

/**
 * Where a pointer is, for sentences: "khoản phí thứ 2" / "fee item 2" rather than
 * "/fees/items/1", which an author has to count from zero to read; a rule's condition is
 * "điều kiện thứ 1 trong nhóm any của quy tắc thứ 2" / "condition 1 of the any group of rule 2",
 * a named condition or option list is named ("điều kiện đặt tên "isMother""). What lies below the
 * last known place stays quoted ("title" of step 2); a place in no known list is the pointer
 * itself. The pointer itself still goes with the problem (its `pointer`, line and column).
 */
export function where(pointer: string): Record<Lang, string> {
  if (pointer === '') return { vi: 'cấp ngoài cùng của tệp', en: 'the top level of the file' };
  const places: Place[] = [];
  let rest: string[] = [];
  for (const token of pointer.split('/').slice(1).map(unescapePointerToken)) {
    const index = /^\d+$/.test(token) ? Number(token) + 1 : 0;
    const last = places[places.length - 1];
    const below = rest.join('/');
    const group =
      last && /^(all|any)$/.test(rest[rest.length - 1] ?? '') ? rest[rest.length - 1] : '';
    let place: Place | undefined;
    if (!last && rest.length === 1 && TOP_MAPS[below]) {
      const [kind, vi, en] = TOP_MAPS[below]!;
      place = [kind, `${vi} "${token}"`, `${en} "${token}"`];
    } else if (index && !last && TOP_LISTS[below]) {
      const [kind, vi, en] = TOP_LISTS[below]!;
      place = [kind, `${vi} thứ ${index}`, `${en} ${index}`];
    } else if (index && last && INNER_LISTS[`${last[0]}|${below}`]) {
      const [kind, vi, en] = INNER_LISTS[`${last[0]}|${below}`]!;
      place = [kind, `${vi} thứ ${index}`, `${en} ${index}`];
    } else if (index && group && GROUPS_AFTER[last![0]] + group === below)
      place = [
        'condition',
        `điều kiện thứ ${index} trong nhóm ${group}`,
        `condition ${index} of the ${group} group`,
      ];
    if (place) {
      places.push(place);
      rest = [];
    } else rest.push(token);
  }
  if (places.length === 0) return { vi: `"${pointer}"`, en: `"${pointer}"` };
  const inner = places.reverse();
  const vi = inner.map((p) => p[1]).join(' của ');
  const en = inner.map((p) => p[2]).join(' of ');
  const below = rest.join('/');
  return below ? { vi: `"${below}" của ${vi}`, en: `"${below}" of ${en}` } : { vi, en };
}

const unescapePointerToken = (t: string): string => t.replace(/~1/g, '/').replace(/~0/g, '~');
