/** One province or commune of the 2025 list, with what the picker needs precomputed. */
export interface AdminUnit {
  code: string;
  /** The official name, shown as is (VIETNAM.md §1: display the official name). */
  name: string;
  /** The name folded for search: no tone marks, đ → d, no apostrophes, lower case. */
  folded: string;
  /**
   * The option text. Provinces put the proper name first ("Hà Nội (Thành phố)") so the list reads
   * and type-aheads alphabetically by the name people say; communes show the official name.
   */
  label: string;
  /** The folded name without "Tỉnh"/"Thành phố"/"Xã"/"Phường"/"Đặc khu" ("ha noi"). */
  foldedShort: string;
}

export interface AdminUnits {
  /** Provinces sorted by Vietnamese collation of the name without "Tỉnh"/"Thành phố". */
  provinces: AdminUnit[];
  /** Communes of each province code, sorted the same way without "Xã"/"Phường"/"Đặc khu". */
  communesByProvince: Map<string, AdminUnit[]>;
}

/**
 * Folds a name for matching what people type on phones without Vietnamese input: official lists
 * mix tone placement (Hòa/Hoà) and apostrophes (Ea H'Leo / H’Leo), VIETNAM.md §1.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/['’‘`]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Made on first sort, not when the module is evaluated: the review, receipt and delivery chunks
 * import this module on every form page, and a Vietnamese collator loads its ICU data (≈ 50 ms of
 * main thread at 4x CPU, a long task just after the form is usable), which only a page that
 * shows an address needs.
 */
let collator: Intl.Collator | undefined;
const UNIT_TYPE = /^(Thành phố|Tỉnh|Xã|Phường|Đặc khu)\s+/u;
const withoutType = (name: string) => name.replace(UNIT_TYPE, '');

/** "Thành phố Hà Nội" → "Hà Nội (Thành phố)": the same official words, proper name first. */
export function provinceLabel(name: string): string {
  const m = UNIT_TYPE.exec(name);
  return m ? `${name.slice(m[0].length)} (${m[1]})` : name;
}

function unit(code: string, name: string, label: string): AdminUnit {
  return {
    code,
    name,
    folded: foldVietnamese(name),
    label,
    foldedShort: foldVietnamese(withoutType(name)),
  };
}
const byName = (a: AdminUnit, b: AdminUnit) =>
  (collator ??= new Intl.Collator('vi')).compare(withoutType(a.name), withoutType(b.name));

let loading: Promise<AdminUnits> | undefined;

/**
 * The 2025 administrative units (34 provinces, 3,321 communes; National Assembly Resolution
 * 202/2025/QH15 and UBTVQH Resolutions 1654–1687/NQ-UBTVQH15, codes from NSO letters
 * 915/CTK-CSCL and 1027/CTK-CSCL). Loaded with a dynamic import so the ~140 KB list is a lazy
 * chunk fetched only by pages with an address field, and only once per page.
 */
export function loadAdminUnits(): Promise<AdminUnits> {
  loading ??= import('../../src/data/admin-units-2025.json').then((mod) => {
    const data = (mod as { default?: RawUnits }).default ?? (mod as unknown as RawUnits);
    const provinces = data.provinces.map(([code, name]) => unit(code, name, provinceLabel(name)));
    provinces.sort(byName);
    const communesByProvince = new Map<string, AdminUnit[]>();
    for (const [code, name, province] of data.communes) {
      let list = communesByProvince.get(province);
      if (!list) communesByProvince.set(province, (list = []));
      list.push(unit(code, name, name));
    }
    for (const list of communesByProvince.values()) list.sort(byName);
    return { provinces, communesByProvince };
  });
  loading.catch(() => {
    // Let a later field retry (e.g. after a flaky network on a cheap phone).
    loading = undefined;
  });
  return loading;
}

interface RawUnits {
  provinces: string[][];
  communes: string[][];
}
