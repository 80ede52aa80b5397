/**
 * `formatVersion` 1.1 (1.2) is declared by files that use its features, so a reader knows what
 * the file needs and a dvc-forms that only knows an older format says "newer format" instead of
 * misreading it. A file declaring an older version than a feature it uses gets `format-version`
 * at its first use (an error) and at each other (warnings), with the feature named; files of
 * versions 1 and 1.1 without newer features load exactly as before.
 */
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { walkSchema } from './schema-walks.js';
import { CONDITION_REF, DATE_OPERATORS, FOREIGN_FORMATS, SET_OPERATORS } from './vocabulary.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const NEW_OPERATORS: ReadonlySet<unknown> = new Set([...DATE_OPERATORS, ...SET_OPERATORS]);
const NEW_FACTS: ReadonlySet<unknown> = new Set(['monthsBetween', 'yearsBetween', 'date']);
const DOCUMENT_1_1 = [
  'atDesk',
  'issueDateField',
  'validUntilField',
  'translation',
  'legalisation',
] as const;
const NEW_FORMATS: ReadonlySet<unknown> = new Set(FOREIGN_FORMATS);
const OLD_DERIVED: ReadonlySet<unknown> = new Set(['ageInYears', 'today', 'daysBetween', 'count']);

/** The versions of the format, oldest first; a feature's `version` is one of the later ones. */
const VERSIONS = [1, 1.1, 1.2] as const;
/** Every use of a format 1.1 or 1.2 feature: its pointer, the feature's name, its version. */
type Use = { pointer: string; feature: string; at: 'key' | 'value'; vi?: string; version: number };
export function formatFeatures(procedure: Obj): Use[] {
  const out: Use[] = [];
  // `vi`: the feature's name in the Vietnamese sentence, when it is words rather than JSON.
  const use = (
    pointer: string,
    feature: string,
    at: Use['at'] = 'value',
    vi?: string,
    version = 1.1,
  ) => out.push({ pointer, feature, at, version, ...(vi === undefined ? {} : { vi }) });
  const conditions = (node: unknown, pointer: string, depth = 0): void => {
    if (!isObject(node) || depth > 64) return;
    if (Object.prototype.hasOwnProperty.call(node, CONDITION_REF))
      use(`${pointer}/${CONDITION_REF}`, '{ "condition": … }', 'key');
    for (const k of ['all', 'any'])
      arr(node[k]).forEach((c, i) => conditions(c, `${pointer}/${k}/${i}`, depth + 1));
    if (node['not'] !== undefined) conditions(node['not'], `${pointer}/not`, depth + 1);
    if (NEW_OPERATORS.has(node['operator'])) use(`${pointer}/operator`, String(node['operator']));
    if (NEW_FACTS.has(node['fact'])) use(`${pointer}/fact`, String(node['fact']));
    const params = node['params'];
    if (node['fact'] === 'ageInYears' && isObject(params) && params['at'] !== undefined)
      use(`${pointer}/params/at`, 'ageInYears.at', 'key');
    const value = node['value'];
    if (isObject(value) && typeof value['fact'] === 'string') {
      if (OLD_DERIVED.has(value['fact']) || NEW_FACTS.has(value['fact']))
        use(
          `${pointer}/value/fact`,
          `{ "fact": "${value['fact']}" } as a value`,
          'value',
          `Giá trị so sánh { "fact": "${value['fact']}" }`,
        );
    }
  };
  // The foreign-party formats wherever a data schema declares them ($defs, items, allOf…).
  walkSchema(procedure['data'], '/data', (s, pointer) => {
    const format = Object.prototype.hasOwnProperty.call(s, 'format') ? s['format'] : undefined;
    if (NEW_FORMATS.has(format)) use(`${pointer}/format`, `"format": "${String(format)}"`);
  });
  if (procedure['conditions'] !== undefined) use('/conditions', 'conditions', 'key');
  arr(procedure['rules']).forEach((r, i) => {
    if (!isObject(r)) return;
    if (r['kind'] === 'check') use(`/rules/${i}/kind`, '"kind": "check"');
    conditions(r['conditions'], `/rules/${i}/conditions`);
  });
  const fees = procedure['fees'];
  if (isObject(fees)) {
    arr(fees['items']).forEach((f, i) => {
      if (!isObject(f)) return;
      if (f['schedule'] !== undefined) use(`/fees/items/${i}/schedule`, 'schedule', 'key');
      conditions(f['when'], `/fees/items/${i}/when`);
    });
    arr(fees['reductions']).forEach((r, i) => {
      if (!isObject(r)) return;
      if (r['amount'] !== undefined) use(`/fees/reductions/${i}/amount`, 'amount', 'key');
      conditions(r['when'], `/fees/reductions/${i}/when`);
    });
  }
  const declaration = procedure['declaration'];
  if (isObject(declaration) && declaration['label'] !== undefined)
    use('/declaration/label', 'declaration.label', 'key');
  if (procedure['ineligible'] !== undefined) use('/ineligible', 'ineligible', 'key');
  if (procedure['optionLists'] !== undefined) use('/optionLists', 'optionLists', 'key');
  arr(procedure['documents']).forEach((d, i) => {
    if (!isObject(d)) return;
    for (const k of DOCUMENT_1_1)
      if (d[k] !== undefined) use(`/documents/${i}/${k}`, `documents.${k}`, 'key');
  });
  const ui = procedure['ui'];
  const fields = (list: unknown, pointer: string): void =>
    arr(list).forEach((f, i) => {
      if (!isObject(f)) return;
      if (f['messages'] !== undefined) use(`${pointer}/${i}/messages`, 'messages', 'key');
      if (f['optionList'] !== undefined) use(`${pointer}/${i}/optionList`, 'optionList', 'key');
      const copy = f['copyFrom'];
      // 1.2: the object shape, pointed at by its `when` (the member that needs 1.2).
      if (isObject(copy) && copy['when'] !== undefined) {
        use(`${pointer}/${i}/copyFrom/when`, 'copyFrom.when', 'key', undefined, 1.2);
        conditions(copy['when'], `${pointer}/${i}/copyFrom/when`);
      } else if (copy !== undefined) use(`${pointer}/${i}/copyFrom`, 'copyFrom', 'key');
      fields(f['fields'], `${pointer}/${i}/fields`);
    });
  if (isObject(ui))
    arr(ui['steps']).forEach((s, i) => {
      if (isObject(s)) fields(s['fields'], `/ui/steps/${i}/fields`);
    });
  return out;
}

/**
 * `format-version` for a file that declares `formatVersion: 1` (or 1.1) and uses 1.1 (1.2)
 * features: an error at the first use in the file, saying how many other places use them, and
 * a warning at each of those. One line, `"formatVersion": <the newest version used>`, fixes
 * them all, so it is one error (five errors for two rules read as five things to fix); the
 * warnings keep every place marked for an author whose file must stay at its version and so has
 * to take each use out.
 */
export function checkFormatVersion(procedure: Obj, problems: ProblemList): void {
  const declared = procedure['formatVersion'];
  // 1.2, or a version the meta-schema refuses (reported there): nothing newer to tell.
  if (declared !== 1 && declared !== 1.1) return;
  // A member that is new (`conditions`, `schedule`…) is pointed at by its key; a new value
  // (an operator, a fact) at the value. In file order, so "first" is the one read first.
  const uses = formatFeatures(procedure)
    .filter((u) => u.version > declared)
    .map((u) => ({ ...u, pos: problems.locate(u.pointer, u.at) }))
    .sort((a, b) => a.pos.line - b.pos.line || a.pos.column - b.pos.column);
  // The newest version used is the one to declare; the others are said by their versions.
  const needed = String(Math.max(...uses.map((u) => u.version), VERSIONS[1]));
  const otherVersions = VERSIONS.filter((v) => uses.slice(1).some((u) => u.version === v)).join(
    ', ',
  );
  uses.forEach(({ pointer, feature, at, vi, version }, i) =>
    problems.add(
      C.formatVersion,
      pointer,
      localized(
        i === 0 ? 'formatVersion' : 'formatVersionAlso',
        {
          feature,
          others: uses.length - 1,
          version: String(version),
          needed,
          otherVersions,
          declared: String(declared),
        },
        vi === undefined ? undefined : { vi: { feature: vi } },
      ),
      i === 0 ? { at } : { at, severity: 'warning' },
    ),
  );
}
