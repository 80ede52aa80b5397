/**
 * Cross-checks the meta-schema cannot express: references between parts of a procedure (every
 * field named in `ui`, `rules` and `fees` exists in `data`; documents and fee items named exist),
 * unique ids, rule facts and their parameters, safe regular expressions and sound `$ref`s.
 *
 * Runs on the parsed value even when the meta-schema found problems, so an author sees all
 * mistakes at once; every access is therefore defensive (the shape is not trusted).
 */
import { escapePointerToken } from '../json/parse.js';
import { checkAcceptedTypes } from './document-checks.js';
import { checkRegexSafety, UNSAFE_REASON } from '../safety/regex.js';
import { findNonLinearConstruct } from '../safety/linear-regex.js';
import type { PatternChecker } from './pattern-check.js';
import { DEFAULT_LINK_HOSTS, hostAllowed, linkHost } from './links.js';
import { NON_LINEAR_CONSTRUCTS, UNSAFE_REASONS } from './message-words.js';
import { localized, localizedAt } from './messages.js';
import { IdRegistry } from './id-registry.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { closest } from './suggest.js';
import { typeNames } from './meta-errors.js';
import { checkFieldMessages, checkWidgetType, declaredTypes } from './widget-checks.js';
import { checkConditionValue } from './value-checks.js';
import { checkFeeAmounts, checkFeeQuantities, checkFeeSchedule } from './fee-checks.js';
import { checkOptionList, checkOptionLists, choicesOf } from './option-list-checks.js';
import { checkCopySources } from './copy-checks.js';
import { copyConditions } from './copy-from.js';
import { checkFormatVersion } from './format-version.js';
import { checkRequiredAsked } from './coverage-checks.js';
import { checkConstraints } from './constraint-checks.js';
import { checkComposedValues } from './nfc-checks.js';
import { checkText } from './text-checks.js';
import {
  checkConditionCycles,
  checkConditionRef,
  conditionRef,
  namedConditions,
} from './condition-checks.js';
import {
  applied,
  appliedPart,
  deref,
  itemSchema,
  resolveFieldPath,
  resolveLocalRef,
} from './schema-paths.js';
import { allowedValues, memberNames, groupItemSchema, walkSchema } from './schema-walks.js';
import {
  DATE_OPERATORS,
  DATE_PARAMS,
  DERIVED_FACTS,
  DERIVED_FACT_OPTIONAL_PARAMS,
  DERIVED_FACT_PARAMS,
  NUMBER_PARAMS,
  TODAY_WORD,
  type DerivedFact,
} from './vocabulary.js';

type Obj = Record<string, unknown>;
/** The annotation linking a personal ID number to its owner's birth date (docs/validation.md). */
const BIRTH_DATE_ANNOTATION = 'x-dvc-birthDate';
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Obj, k: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Whether ajv applies `format` to the value of `schema` whatever it is (schema-paths `applied`). */
const hasFormat = (root: unknown, schema: unknown, format: string): boolean =>
  applied(root, schema).some((f) => own(f, 'format') === format);

/**
 * Date parameters of format 1.0: in a 1.0 file only a field that cannot hold text is `not-a-date`
 * (1.0 files keep working); 1.1 files need `"format": "date"` as for the 1.1 facts.
 */
const LEGACY_DATE_PARAMS: ReadonlySet<string> = new Set([
  'ageInYears.field',
  'daysBetween.from',
  'daysBetween.to',
]);
/** Derived facts whose value is an ISO date, usable with the date operators. */
const DATE_FACTS: ReadonlySet<string> = new Set([DERIVED_FACTS.today, DERIVED_FACTS.date]);
const isIsoDate = (v: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.toISOString().slice(0, 10) === v;
};

/**
 * `x-dvc-birthDate` on a member of `object` (at `pointer`) names the sibling member holding the
 * birth date whose year the personal ID number must encode (structure `PPP G YY NNNNNN`: Decree
 * 137/2015/NĐ-CP Art. 13, Law on Identification 2023 Art. 12; docs/domain/vietnam.md §2.1).
 * The validator
 * silently skips the check when the sibling is missing, is not a date or the member is not a
 * personal ID, so each of those is an authoring error here.
 */
function checkBirthDateAnnotations(
  root: unknown,
  object: Obj,
  outer: Obj,
  pointer: string,
  problems: ProblemList,
): void {
  const props = own(object, 'properties');
  if (!isObject(props)) return;
  // The validator reads each member of the object the annotation sits in as ajv applies it: every
  // applied part of `outer` (the schema whose `allOf` branch `object` is, or `object` itself)
  // declaring it, joined. A `format` may be in any of them.
  const siblings = new Map<string, unknown>();
  for (const f of applied(root, outer)) {
    const p = own(f, 'properties');
    if (isObject(p))
      for (const k of Object.keys(p))
        if (!siblings.has(k)) siblings.set(k, appliedPart(root, outer, k));
  }
  for (const name of Object.keys(props)) {
    const member = props[name];
    if (!isObject(member)) continue;
    const target = own(member, BIRTH_DATE_ANNOTATION);
    // A value that is no property name is the meta-schema's `schema-pattern` problem already.
    if (typeof target !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(target)) continue;
    const at = `${pointer}/properties/${escapePointerToken(name)}/${BIRTH_DATE_ANNOTATION}`;
    if (!hasFormat(root, siblings.get(name), 'vn-personal-id'))
      problems.add(
        C.birthDateWithoutPersonalId,
        at,
        localized('birthDateWithoutPersonalId', { name }),
      );
    if (target === name || !siblings.has(target)) {
      const candidates = [...siblings.keys()].filter(
        (k) => k !== name && hasFormat(root, siblings.get(k), 'date'),
      );
      problems.add(
        C.unknownBirthDateField,
        at,
        localized('unknownBirthDateField', {
          target,
          // The only date beside it is almost certainly the one meant, however it is spelt.
          suggestion: closest(target, candidates) || (candidates.length === 1 ? candidates[0] : ''),
        }),
      );
    } else if (!hasFormat(root, siblings.get(target), 'date')) {
      problems.add(C.birthDateFieldNotDate, at, localized('birthDateFieldNotDate', { target }));
    }
  }
}

/**
 * One author regular expression (a `pattern` value or a `patternProperties` key at `pointer`):
 * invalid ECMAScript, a construct with no linear-time matcher, a construct the linear-time
 * engine cannot read (only with `checker`, which loads re2js), or, as a hint, a pattern that
 * would backtrack in other engines. Columns point at the construct inside the string.
 */
function checkPattern(
  pattern: string,
  pointer: string,
  at: 'key' | 'value',
  problems: ProblemList,
  checker: PatternChecker | undefined,
): void {
  // From the opening quote to the character at `index` of the pattern, as JSON spells it.
  const offset = (index: number) => JSON.stringify(pattern.slice(0, index)).length - 1;
  const safety = checkRegexSafety(pattern);
  if (!safety.safe && safety.reason === UNSAFE_REASON.invalid) {
    problems.add(C.invalidPattern, pointer, localized('invalidPattern', { value: show(pattern) }), {
      at,
    });
    return;
  }
  const nonLinear = findNonLinearConstruct(pattern);
  if (nonLinear) {
    // An error: patterns run on re2js (linear time) in the browser and on the server, and
    // it has no lookaround or backreference. The column points at the construct itself.
    const position = nonLinear.index + 1;
    problems.add(
      C.nonLinearPattern,
      pointer,
      localized(
        'nonLinearPattern',
        { value: show(pattern), text: nonLinear.text, position: String(position) },
        {
          vi: { construct: NON_LINEAR_CONSTRUCTS.vi[nonLinear.construct]! },
          en: { construct: NON_LINEAR_CONSTRUCTS.en[nonLinear.construct]! },
        },
      ),
      { at, columnOffset: offset(nonLinear.index) },
    );
    return;
  }
  const refused = checker?.(pattern);
  if (refused) {
    // Valid ECMAScript the linear-time engine cannot read (`\\p{Script=Latin}`, `a{1001}`): it
    // would only fail when the validator is compiled, in the browser or the receiver.
    problems.add(C.unsupportedPattern, pointer, refused.message, {
      at,
      columnOffset: refused.index === undefined ? 0 : offset(refused.index),
    });
    return;
  }
  if (!safety.safe)
    // Only a hint now: the linear-time engine cannot blow up, but a pattern that would
    // backtrack elsewhere (an agency's own tools) is still worth rewriting.
    problems.add(
      C.unsafePattern,
      pointer,
      localized(
        'unsafePattern',
        { value: show(pattern) },
        {
          vi: { reason: UNSAFE_REASONS.vi[safety.reason]! },
          en: { reason: UNSAFE_REASONS.en[safety.reason]! },
        },
      ),
      { at, severity: 'warning' },
    );
}

/** `data`: patterns, unresolved and cyclic `$ref`s, birth-date annotations. */
function checkDataSchema(
  data: unknown,
  problems: ProblemList,
  checker: PatternChecker | undefined,
): void {
  const refs: { pointer: string; ref: string }[] = [];
  // Each `allOf` branch's outermost schema: what ajv applies the branch with (visited first).
  const outerOf = new WeakMap<Obj, Obj>();
  walkSchema(data, '/data', (s, pointer) => {
    const outer = outerOf.get(s) ?? s;
    for (const b of arr(own(s, 'allOf'))) if (isObject(b)) outerOf.set(b, outer);
    const pattern = own(s, 'pattern');
    if (typeof pattern === 'string')
      checkPattern(pattern, `${pointer}/pattern`, 'value', problems, checker);
    // A `patternProperties` key is a pattern too (matched against answer names).
    const patternProperties = own(s, 'patternProperties');
    if (isObject(patternProperties))
      for (const key of Object.keys(patternProperties))
        checkPattern(
          key,
          `${pointer}/patternProperties/${escapePointerToken(key)}`,
          'key',
          problems,
          checker,
        );
    const ref = own(s, '$ref');
    if (typeof ref === 'string' && ref.startsWith('#')) refs.push({ pointer, ref });
    checkBirthDateAnnotations(data, s, outer, pointer, problems);
    // A required member that is never declared can never be answered: the form could not be sent.
    if (isObject(own(s, 'properties'))) {
      const names = memberNames(data, s);
      arr(own(s, 'required')).forEach((name, i) => {
        if (typeof name === 'string' && !names.includes(name))
          problems.add(
            C.unknownRequired,
            `${pointer}/required/${i}`,
            localized('unknownRequired', { name, suggestion: closest(name, names) }),
          );
      });
    }
  });

  // Each ref target is a node; an edge leads to every ref inside the target's subtree.
  const targetRefs = new Map<string, string[]>();
  const refsUnder = (ref: string): string[] => {
    const cached = targetRefs.get(ref);
    if (cached) return cached;
    const found: string[] = [];
    walkSchema(resolveLocalRef(data, ref), '', (s) => {
      const r = own(s, '$ref');
      if (typeof r === 'string' && r.startsWith('#')) found.push(r);
    });
    targetRefs.set(ref, found);
    return found;
  };
  const reported = new Set<string>();
  for (const { pointer, ref } of refs) {
    if (resolveLocalRef(data, ref) === undefined) {
      problems.add(
        C.unresolvedRef,
        `${pointer}/$ref`,
        localized('unresolvedRef', { value: show(ref) }),
      );
      continue;
    }
    // Depth-first search for a path from this ref's target back to itself.
    const chain: string[] = [ref];
    const onPath = new Set<string>([ref]);
    const done = new Set<string>();
    const cycleFrom = (current: string): boolean => {
      for (const next of refsUnder(current)) {
        if (resolveLocalRef(data, next) === undefined) continue;
        if (next === ref) {
          chain.push(next);
          return true;
        }
        if (onPath.has(next) || done.has(next)) continue;
        onPath.add(next);
        chain.push(next);
        if (cycleFrom(next)) return true;
        chain.pop();
        onPath.delete(next);
        done.add(next);
      }
      return false;
    };
    // Report the loop once, at a `$ref` that lies inside it (not at every way into it).
    const inside = (chainRef: string): boolean =>
      pointer === `/data${chainRef.slice(1)}` || pointer.startsWith(`/data${chainRef.slice(1)}/`);
    if (cycleFrom(ref) && chain.some(inside)) {
      const key = [...new Set(chain)].sort().join(' ');
      if (reported.has(key)) continue;
      reported.add(key);
      problems.add(
        C.refCycle,
        `${pointer}/$ref`,
        localized('refCycle', { value: show(ref), chain: chain.join(' → ') }),
      );
    }
  }
}

/** Warns about every https url whose host is not on the allow-list (see ./links.ts). */
function checkLinks(procedure: Obj, problems: ProblemList, allowed: readonly string[]): void {
  const check = (ref: unknown, pointer: string): void => {
    if (!isObject(ref)) return;
    const url = own(ref, 'url');
    if (typeof url !== 'string') return;
    const host = linkHost(url);
    // Not https (or no usable host): the meta-schema already reports `insecure-url`.
    if (host === undefined || hostAllowed(host, allowed)) return;
    problems.add(
      C.linkHostNotAllowed,
      `${pointer}/url`,
      localized('linkHostNotAllowed', { value: show(url), host, allowed: allowed.join(', ') }),
      { severity: 'warning' },
    );
  };
  arr(own(procedure, 'legalBasis')).forEach((r, i) => check(r, `/legalBasis/${i}`));
  const fees = own(procedure, 'fees');
  if (!isObject(fees)) return;
  for (const list of ['items', 'reductions'])
    arr(own(fees, list)).forEach((f, i) => {
      if (isObject(f)) check(own(f, 'legalBasis'), `/fees/${list}/${i}/legalBasis`);
    });
}

export interface CrossCheckOptions {
  /** Hosts rendered as links (see ./links.ts); others get a `link-host-not-allowed` warning. */
  allowedLinkHosts?: readonly string[];
  /** Whether the linear-time engine reads a pattern (see `LoadOptions.checkPattern`). */
  checkPattern?: PatternChecker;
  /** The meta-schema accepted the file: the form's journey can be planned from it (copy-checks). */
  wellFormed?: boolean;
}

export function crossCheck(
  procedure: unknown,
  problems: ProblemList,
  options: CrossCheckOptions = {},
): void {
  // Any string or key, before the shape: the file is one text, whatever else is wrong with it.
  checkText(procedure, problems);
  if (!isObject(procedure)) return;
  checkLinks(procedure, problems, options.allowedLinkHosts ?? DEFAULT_LINK_HOSTS);
  checkFormatVersion(procedure, problems);
  const data = own(procedure, 'data');
  if (isObject(data)) checkDataSchema(data, problems, options.checkPattern);
  if (isObject(data)) checkConstraints(data, problems);
  checkRequiredAsked(procedure, problems);
  checkComposedValues(procedure, problems);

  const documents = new IdRegistry('document', problems);
  arr(own(procedure, 'documents')).forEach((d, i) => {
    if (isObject(d)) documents.add(own(d, 'id'), `/documents/${i}/id`);
  });
  const feeItems = new IdRegistry('fee', problems);
  const fees = own(procedure, 'fees');
  const feeList = isObject(fees) ? arr(own(fees, 'items')) : [];
  feeList.forEach((f, i) => {
    if (isObject(f)) feeItems.add(own(f, 'id'), `/fees/items/${i}/id`);
  });

  const fieldExists = (path: unknown, pointer: string, base: unknown = data): unknown => {
    if (typeof path !== 'string' || !isObject(data)) return undefined;
    const schema = resolveFieldPath(data, base, path);
    if (!schema)
      problems.add(
        C.unknownField,
        pointer,
        localized('unknownField', {
          path,
          suggestion: suggestPath(base, path) || inItem(base, path),
        }),
      );
    return schema;
  };
  // Inside a group, "siblings[].fullName" written whole → "fullName", relative to the item.
  const inItem = (base: unknown, path: string, rel = path.slice(path.lastIndexOf('[].') + 3)) =>
    base !== data && rel !== path && resolveFieldPath(data, base, rel) ? rel : '';
  // "child.fullname" → "child.fullName": the closest member where the path stops resolving.
  const suggestPath = (base: unknown, path: string): string => {
    const segments = path.split('.');
    for (let n = 0; n < segments.length; n++) {
      const head = segments.slice(0, n).join('.');
      const parent = n === 0 ? deref(data, base) : resolveFieldPath(data, base, head);
      const next = resolveFieldPath(data, base, segments.slice(0, n + 1).join('.'));
      if (next) continue;
      if (!parent) return '';
      const segment = segments[n];
      const list = segment.endsWith('[]') ? '[]' : '';
      const name = closest(
        segment.slice(0, segment.length - list.length),
        memberNames(data, parent),
      );
      if (!name) return '';
      const fixed = [...segments.slice(0, n), name + list, ...segments.slice(n + 1)].join('.');
      return resolveFieldPath(data, base, fixed) ? fixed : '';
    }
    return '';
  };
  const documentExists = (id: unknown, pointer: string): void => {
    if (typeof id === 'string' && !documents.has(id))
      problems.add(C.unknownDocument, pointer, localized('unknownDocument', { id }));
  };

  // ui: steps, fields (groups resolve their children against the item schema).
  const steps = new IdRegistry('step', problems);
  const ui = own(procedure, 'ui');
  const asked = new Map<string, string>();
  /** The values each question lets the citizen choose, by full field path (for rule values). */
  const choicesAt = new Map<string, unknown[]>();
  const checkFields = (fields: unknown, pointer: string, base: unknown, prefix: string): void => {
    arr(fields).forEach((f, i) => {
      if (!isObject(f)) return;
      const fp = `${pointer}/${i}`;
      const path = own(f, 'field');
      const widget = own(f, 'widget');
      // A file widget's files travel as the payload's `documents`, never as answers, so its
      // `field` only names the widget in the form (conventionally the document id) and is not
      // looked up in `data`. A `data` property at that path would be a redundant answer signed
      // a second time beside the document: warn.
      const isFile = widget === 'file';
      const schema = isFile ? undefined : fieldExists(path, `${fp}/field`, base);
      const document = own(f, 'document');
      if (
        isFile &&
        typeof path === 'string' &&
        typeof document === 'string' &&
        isObject(data) &&
        resolveFieldPath(data, base, path)
      )
        problems.add(
          C.fileFieldInData,
          `${fp}/field`,
          localized('fileFieldInData', { path: prefix + path, document }),
          { severity: 'warning' },
        );
      if (typeof path === 'string') {
        const full = prefix + path;
        const first = asked.get(full);
        if (first !== undefined)
          problems.add(
            C.duplicateField,
            `${fp}/field`,
            // The first question in words, not its "field" member's pointer.
            localizedAt('duplicateField', { path: full }, { first: first.replace(/\/field$/, '') }),
            {
              severity: 'warning',
            },
          );
        else asked.set(full, `${fp}/field`);
      }
      // Option values: unique per field, and among the schema's enum when it has one.
      const values = allowedValues(data, isObject(schema) ? schema : {});
      const seen: unknown[] = [];
      arr(own(f, 'options')).forEach((o, j) => {
        if (!isObject(o) || !Object.prototype.hasOwnProperty.call(o, 'value')) return;
        const v = own(o, 'value');
        const vp = `${fp}/options/${j}/value`;
        if (seen.includes(v))
          problems.add(C.duplicateId, vp, localized('duplicateOption', { value: show(v) }));
        else seen.push(v);
        if (values && !values.includes(v))
          problems.add(
            C.unknownOption,
            vp,
            localized('unknownOption', { value: show(v), path: String(path) }),
          );
      });
      checkOptionList(procedure, f, fp, values, problems);
      const choices = choicesOf(procedure, f);
      if (choices && typeof path === 'string') choicesAt.set(prefix + path, choices);
      // A `$ref` loop leaves no form to build: its widgets are not judged as well.
      if (isObject(schema) && !problems.items.some((p) => p.code === C.refCycle))
        checkWidgetType(data, f, schema, fp, problems, choices, prefix !== '');
      checkFieldMessages(f, fp, problems);
      if (widget === 'group') {
        if (!Array.isArray(own(f, 'fields')))
          problems.add(C.groupWithoutFields, `${fp}/widget`, localized('groupWithoutFields'));
        else if (isObject(schema)) {
          // A group over an object (no list) asks inside it: `spouse.idCard`, not `spouse[]…`.
          const list = itemSchema(data, schema) ? '[]' : '';
          const item = groupItemSchema(data, schema);
          checkFields(own(f, 'fields'), `${fp}/fields`, item, `${prefix}${String(path)}${list}.`);
        }
      }
      if (widget === 'file' && own(f, 'document') === undefined)
        problems.add(C.fileWithoutDocument, `${fp}/widget`, localized('fileWithoutDocument'));
      documentExists(own(f, 'document'), `${fp}/document`);
    });
  };
  if (isObject(ui))
    arr(own(ui, 'steps')).forEach((s, i) => {
      if (!isObject(s)) return;
      steps.add(own(s, 'id'), `/ui/steps/${i}/id`);
      checkFields(own(s, 'fields'), `/ui/steps/${i}/fields`, data, '');
    });

  // Conditions: every fact is a data path or a derived fact with its parameters.
  const named = namedConditions(procedure);
  const checkConditions = (node: unknown, pointer: string): void => {
    if (!isObject(node)) return;
    const ref = conditionRef(node);
    if (ref !== undefined) return checkConditionRef(ref, `${pointer}/condition`, named, problems);
    for (const k of ['all', 'any'])
      arr(own(node, k)).forEach((c, i) => checkConditions(c, `${pointer}/${k}/${i}`));
    if (own(node, 'not') !== undefined) checkConditions(own(node, 'not'), `${pointer}/not`);
    const fact = own(node, 'fact');
    if (typeof fact !== 'string' || fact === '') return;
    const dateOperator = (DATE_OPERATORS as readonly unknown[]).includes(own(node, 'operator'));
    checkFact(fact, own(node, 'params'), pointer, dateOperator);
    if (isObject(data)) checkConditionValue(node, pointer, data, choicesAt, problems);
    const value = own(node, 'value');
    if (isObject(value) && typeof own(value, 'fact') === 'string' && own(value, 'fact') !== '')
      checkFact(String(own(value, 'fact')), own(value, 'params'), `${pointer}/value`, dateOperator);
    else if (dateOperator && typeof value === 'string' && !isIsoDate(value))
      problems.add(C.notADate, `${pointer}/value`, localized('notADateValue', { value }));
  };
  /** A fact (of a condition, or of its value at `${pointer}/value`) and its parameters. */
  const checkFact = (fact: string, params: unknown, pointer: string, date: boolean): void => {
    if (Object.prototype.hasOwnProperty.call(DERIVED_FACTS, fact)) {
      const derived = fact as DerivedFact;
      const required = DERIVED_FACT_PARAMS[derived];
      for (const param of [...required, ...DERIVED_FACT_OPTIONAL_PARAMS[derived]]) {
        const value = isObject(params) ? own(params, param) : undefined;
        const at = `${pointer}/params/${param}`;
        if (value === undefined && !required.includes(param)) continue;
        if (NUMBER_PARAMS.has(param)) {
          if (!Number.isInteger(value))
            problems.add(
              C.schemaType,
              at,
              localized('type', { name: param }, typeNames('integer')),
            );
        } else if (typeof value !== 'string' || value === '') {
          problems.add(
            C.missingFactParam,
            isObject(params) ? `${pointer}/params` : `${pointer}/fact`,
            localized('missingFactParam', { fact, param }),
          );
        } else if (!(DATE_PARAMS[derived].includes(param) && value === TODAY_WORD)) {
          const schema = fieldExists(value, at);
          // 1.0's ageInYears/daysBetween only need a field that can hold a date as text.
          const legacy = LEGACY_DATE_PARAMS.has(`${derived}.${param}`);
          if (schema && (legacy || DATE_PARAMS[derived].includes(param)))
            dateField(value, schema, at, legacy && procedure['formatVersion'] === 1);
        }
      }
      if (date && !DATE_FACTS.has(derived))
        problems.add(C.notADate, `${pointer}/fact`, localized('notADateFact', { fact }));
    } else if (isObject(data) && !resolveFieldPath(data, data, fact)) {
      problems.add(
        C.unknownFact,
        `${pointer}/fact`,
        localized('unknownFact', { fact, suggestion: suggestPath(data, fact) }),
      );
    } else if (date && isObject(data)) {
      dateField(fact, resolveFieldPath(data, data, fact), `${pointer}/fact`);
    }
  };
  /** A field read as a date must be one (`"format": "date"`), or the comparison is always false. */
  const dateField = (path: string, schema: unknown, pointer: string, loose = false): void => {
    const resolved = deref(data, schema);
    // A schema that declares nothing (an unresolved $ref, reported already) is not judged.
    if (!resolved || (own(resolved, 'type') === undefined && own(resolved, 'format') === undefined))
      return;
    // A file the meta-schema refused may have this very format misspelt ("dd/mm/yyy",
    // `unknown-format` at the field): one mistake, one problem, at the mistake.
    const format = own(resolved, 'format');
    if (!options.wellFormed && typeof format === 'string' && format !== 'date') return;
    if (
      loose
        ? !(declaredTypes(data, schema) ?? ['string']).includes('string')
        : !hasFormat(data, schema, 'date')
    )
      problems.add(C.notADate, pointer, localized('notADateField', { path }));
  };

  // Documents (1.1): the issue-date and validity questions are date fields of `data`.
  arr(own(procedure, 'documents')).forEach((d, i) => {
    if (!isObject(d)) return;
    for (const key of ['issueDateField', 'validUntilField']) {
      const path = own(d, key);
      if (typeof path !== 'string') continue;
      const schema = fieldExists(path, `/documents/${i}/${key}`);
      if (schema) dateField(path, schema, `/documents/${i}/${key}`);
    }
  });
  checkAcceptedTypes(procedure, problems);
  checkOptionLists(procedure, problems);
  checkCopySources(procedure, problems, options.wellFormed);
  for (const c of copyConditions(procedure)) checkConditions(c.when, c.at);

  const rules = new IdRegistry('rule', problems);
  arr(own(procedure, 'rules')).forEach((r, i) => {
    if (!isObject(r)) return;
    const rp = `/rules/${i}`;
    rules.add(own(r, 'id'), `${rp}/id`);
    checkConditions(own(r, 'conditions'), `${rp}/conditions`);
    // A check rule's problem is shown at one field, outside any list (its message names it).
    const checked = own(r, 'field');
    if (own(r, 'kind') === 'check' && typeof checked === 'string') {
      if (checked.includes('['))
        problems.add(
          C.checkFieldInList,
          `${rp}/field`,
          localized('checkFieldInList', { path: checked }),
        );
      else fieldExists(checked, `${rp}/field`);
    }
    const targets = own(r, 'targets');
    if (isObject(targets)) {
      arr(own(targets, 'fields')).forEach((f, j) => fieldExists(f, `${rp}/targets/fields/${j}`));
      arr(own(targets, 'documents')).forEach((d, j) =>
        documentExists(d, `${rp}/targets/documents/${j}`),
      );
    }
  });

  // Named conditions (1.1): each checked where it is written, and no loops between them.
  for (const [name, conditions] of Object.entries(named))
    checkConditions(conditions, `/conditions/${escapePointerToken(name)}`);
  checkConditionCycles(named, problems);

  // privacy.identifyingFields: existing answers, each a string (a phone or ID number).
  const privacy = own(procedure, 'privacy');
  if (isObject(privacy))
    arr(own(privacy, 'identifyingFields')).forEach((path, i) => {
      const pointer = `/privacy/identifyingFields/${i}`;
      const schema = fieldExists(path, pointer);
      const resolved = isObject(schema) ? deref(data, schema) : undefined;
      const type = resolved ? own(resolved, 'type') : undefined;
      if (type !== undefined && type !== 'string')
        problems.add(
          C.identifyingFieldNotText,
          pointer,
          localized('identifyingFieldNotText', { path: String(path), type: String(type) }),
        );
    });

  checkFeeQuantities(
    feeList,
    (path, at) => {
      const schema = fieldExists(path, at);
      return isObject(schema) ? deref(data, schema) : undefined;
    },
    problems,
  );
  checkFeeAmounts(fees, problems);
  feeList.forEach((f, i) => {
    if (!isObject(f)) return;
    checkConditions(own(f, 'when'), `/fees/items/${i}/when`);
    checkFeeSchedule(f, `/fees/items/${i}`, problems);
  });
  const reductions = new IdRegistry('reduction', problems);
  if (isObject(fees))
    arr(own(fees, 'reductions')).forEach((r, i) => {
      if (!isObject(r)) return;
      const rp = `/fees/reductions/${i}`;
      reductions.add(own(r, 'id'), `${rp}/id`);
      arr(own(r, 'items')).forEach((id, j) => {
        if (typeof id === 'string' && !feeItems.has(id))
          problems.add(C.unknownFeeItem, `${rp}/items/${j}`, localized('unknownFeeItem', { id }));
      });
      checkConditions(own(r, 'when'), `${rp}/when`);
    });
}
