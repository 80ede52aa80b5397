/**
 * Is every required answer asked? A `required` member that no `ui` question gives can never be answered, so the citizen's form can never be sent
 * (`required-not-asked`); nor can a target field of a `require` rule while the rule holds
 * (`require-target-not-asked`). What the form does decides what counts as asked:
 * - a question at the path itself, or at an object above it, or below it (a required object is
 *   present as soon as the page holding its questions is: src/session/journey.ts
 *   `withRequiredParents`);
 * - an `address` question gives its object and only the parts the widget has (`ADDRESS_PARTS`:
 *   province, commune, street): any other member its schema requires is never given
 *   (`address-member-not-asked`, the same walk);
 * - a repeat `group` asks its list and its items, and its `fields` ask inside each item;
 * - a `file` widget asks for a document, never for an answer in `data`;
 * - nothing else gives an answer: the host's prefill and a resumed draft only fill questions of
 *   `ui` (components/form/loader.ts `applyPrefill`), the form's own `@…` answers cannot be members
 *   of `data`, `default` is not applied, and a `show` rule hides a question but never asks one.
 * A required member applies only where its object can be present (a question gives something in
 * it): a `$defs` schema used by an object nobody answers is not reported there, and a required
 * object nobody answers is reported once, at its own `required` entry. Conditional requirements
 * are read as the validator applies them: `then` unless its `if` requires an answer never asked,
 * `else` unless its `if` only constrains answers never given (then it always holds),
 * `dependentRequired` when its trigger is asked, and an `anyOf`/`oneOf` branch only when every
 * branch requires something never asked (otherwise the citizen can meet another branch).
 */
import { escapePointerToken } from '../json/parse.js';
import { pointerTokens } from '../session/field-path.js';
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import {
  applied,
  appliedPart,
  deref,
  itemSchema,
  resolveFieldPath,
  resolveLocalRef,
} from './schema-paths.js';
import { memberNames } from './schema-walks.js';

/**
 * The members an `address` question gives its object, and no others: the widget's value is
 * `{ province, commune, street }` (components/address-field `AddressValue`; two levels since the
 * 2025 reform, no district or ward), set over the whole object each time it changes. Here, not
 * in vocabulary.ts: that module is in the core bundle, and the loader chunk importing it from
 * there would cost the core an export.
 */
const ADDRESS_PARTS = ['province', 'commune', 'street'] as const;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A field path as segments, a list's items as `[]`: `siblings[].fullName` → siblings, [], fullName. */
type Segments = readonly string[];
const ITEM = '[]';
const segmentsOf = (path: string): string[] =>
  path.split('.').flatMap((s) => (s.endsWith(ITEM) ? [s.slice(0, -ITEM.length), ITEM] : [s]));
const pathOf = (segments: Segments): string => segments.join('.').replaceAll(`.${ITEM}`, ITEM);
const isProperPrefix = (a: Segments, b: Segments): boolean =>
  a.length < b.length && a.every((s, i) => s === b[i]);
const same = (a: Segments, b: Segments): boolean =>
  a.length === b.length && a.every((s, i) => s === b[i]);

/** A `ui` question: its path, its pointer in the file, its widget. */
interface Question {
  segments: Segments;
  pointer: string;
  widget: unknown;
}

/** What one `ui` question gives: its path, and whether it answers everything below it. */
interface Asked {
  segments: Segments;
  whole: boolean;
}

/**
 * What the `ui` questions ask, the objects holding a question whose path `data` does not
 * declare (`unknown-field` already: a required member beside a misspelt question is most likely
 * the one it meant, so it is not reported a second time), and the address questions' objects.
 */
function askedBy(
  data: Obj,
  ui: unknown,
): {
  asked: Asked[];
  misspelt: Segments[];
  addresses: Segments[];
  questions: Question[];
} {
  const asked: Asked[] = [];
  const misspelt: Segments[] = [];
  const addresses: Segments[] = [];
  const questions: Question[] = [];
  const visit = (fields: unknown, prefix: Segments, pointer: string, depth: number): void => {
    if (depth > 16) return;
    arr(fields).forEach((f, k) => {
      if (!isObject(f) || typeof own(f, 'field') !== 'string') return;
      const widget = own(f, 'widget');
      if (widget === 'file') return;
      const segments = [...prefix, ...segmentsOf(own(f, 'field') as string)];
      questions.push({ segments, pointer: `${pointer}/${k}`, widget });
      const schema = resolveFieldPath(data, data, pathOf(segments));
      if (!schema) misspelt.push(segments.slice(0, -1));
      // A group without `fields` (`group-without-fields`) or on no list is not judged inside.
      const group = widget === 'group' && Array.isArray(own(f, 'fields'));
      if (group && schema && itemSchema(data, schema)) {
        // The list and its items (the person adds them); inside an item, only its fields.
        asked.push({ segments, whole: false }, { segments: [...segments, ITEM], whole: false });
        visit(own(f, 'fields'), [...segments, ITEM], `${pointer}/${k}/fields`, depth + 1);
      } else if (widget === 'address') {
        addresses.push(segments);
        asked.push({ segments, whole: false });
        for (const part of ADDRESS_PARTS)
          asked.push({ segments: [...segments, part], whole: true });
      } else asked.push({ segments, whole: true });
    });
  };
  if (isObject(ui))
    arr(own(ui, 'steps')).forEach((step, s) => {
      if (isObject(step)) visit(own(step, 'fields'), [], `/ui/steps/${s}/fields`, 0);
    });
  return { asked, misspelt, addresses, questions };
}

/**
 * A question inside an address question's object (`home.ward` beside the address `home`) is
 * asked, but the address widget sets the whole object to `{ province, commune, street }` each
 * time it changes: the other answer is wiped (`address-part-asked-separately`).
 */
function checkInsideAddress(
  addresses: Segments[],
  questions: Question[],
  problems: ProblemList,
): void {
  for (const { segments, pointer } of questions) {
    const address = addresses.find((a) => isProperPrefix(a, segments));
    if (!address) continue;
    problems.add(
      C.addressPartAskedSeparately,
      `${pointer}/field`,
      localized('addressPartAskedSeparately', {
        path: pathOf(segments),
        address: pathOf(address),
        name: pathOf(segments.slice(address.length)),
      }),
    );
  }
}

/**
 * An address question's schema must hold what the widget gives, `{ province, commune, street }`,
 * all strings: `"additionalProperties": false` without one of them, or a part of another type,
 * refuses every address the citizen enters (`widget-type-mismatch`, at the question's widget).
 */
function checkAddressSchemas(data: Obj, questions: Question[], problems: ProblemList): void {
  for (const { segments, pointer, widget } of questions) {
    if (widget !== 'address') continue;
    const schema = deref(data, resolveFieldPath(data, data, pathOf(segments)));
    if (!schema) continue;
    const path = pathOf(segments);
    // Every part ajv applies to the object (schema-paths `applied`): an `additionalProperties`
    // sees only its own part's `properties` and `patternProperties`, and a part's `type` may sit
    // in any declaration of the member.
    const parts = applied(data, schema);
    const undeclared = ADDRESS_PARTS.filter((n) =>
      parts.some((part) => {
        const props = own(part, 'properties');
        return (
          own(part, 'additionalProperties') === false &&
          own(part, 'patternProperties') === undefined &&
          !(isObject(props) && Object.hasOwn(props, n))
        );
      }),
    );
    const mistyped = ADDRESS_PARTS.filter((n) =>
      applied(data, appliedPart(data, schema, n)).some((part) => {
        const type = own(part, 'type');
        return (
          (typeof type === 'string' || Array.isArray(type)) && ![type].flat().includes('string')
        );
      }),
    );
    for (const [key, parts] of [
      ['addressPartUndeclared', undeclared],
      ['addressPartType', mistyped],
    ] as const)
      if (parts.length > 0)
        problems.add(
          C.widgetTypeMismatch,
          `${pointer}/widget`,
          localized(key, { path, parts: parts.map((n) => `"${n}"`).join(', ') }),
        );
  }
}

interface Finding {
  pointer: string;
  path: string;
  /** The address question whose object lacks this member, when it is one. */
  address?: string;
}

/**
 * Reports every required answer no question asks (`required`, `dependentRequired` and the target
 * fields of `require` rules); see the module comment for what is asked.
 */
export function checkRequiredAsked(procedure: Obj, problems: ProblemList): void {
  const data = own(procedure, 'data');
  if (!isObject(data)) return;
  const { asked, misspelt, addresses, questions } = askedBy(data, own(procedure, 'ui'));
  checkInsideAddress(addresses, questions, problems);
  checkAddressSchemas(data, questions, problems);
  /** A finding for member `name` of the object at `at`, naming the address question it is in. */
  const finding = (pointer: string, at: Segments, name: string): Finding => {
    const path = pathOf([...at, name]);
    return addresses.some((a) => same(a, at))
      ? { pointer, path, address: pathOf(at) }
      : { pointer, path };
  };
  const isAsked = (p: Segments): boolean =>
    asked.some(
      (a) =>
        same(a.segments, p) ||
        (a.whole && isProperPrefix(a.segments, p)) ||
        isProperPrefix(p, a.segments),
    );
  // An `if` that requires an answer never asked never holds; one that constrains only answers
  // never given (absent members pass `properties`) always holds.
  const canHold = (cond: Obj, at: Segments): boolean =>
    arr(own(cond, 'required')).every((n) => typeof n !== 'string' || isAsked([...at, n]));
  const canFail = (cond: Obj, at: Segments): boolean => {
    const keys = Object.keys(cond).filter((k) => !['$comment', 'title', 'description'].includes(k));
    if (keys.some((k) => k !== 'properties')) return true;
    const props = own(cond, 'properties');
    return isObject(props) && Object.keys(props).some((n) => isAsked([...at, n]));
  };

  const seen = new Set<string>();
  const walk = (schema: unknown, at: Segments, pointer: string, out: Finding[], depth: number) => {
    if (!isObject(schema) || depth > 48) return;
    const key = `${pointer} ${at.join('.')}`;
    if (seen.has(key)) return;
    seen.add(key);
    // Nothing below an object no question answers can be present.
    if (at.length > 0 && !isAsked(at)) return;
    // A name `properties` never declares is `unknown-required` already.
    const names = isObject(own(schema, 'properties')) ? memberNames(data, schema) : undefined;
    arr(own(schema, 'required')).forEach((name, i) => {
      if (typeof name !== 'string' || (names && !names.includes(name))) return;
      const path = [...at, name];
      if (!isAsked(path) && !misspelt.some((m) => same(m, at)))
        out.push(finding(`${pointer}/required/${i}`, at, name));
    });
    const dependent = own(schema, 'dependentRequired');
    if (isObject(dependent))
      for (const [trigger, list] of Object.entries(dependent)) {
        if (!isAsked([...at, trigger])) continue;
        arr(list).forEach((name, j) => {
          if (typeof name === 'string' && !isAsked([...at, name]))
            out.push(
              finding(`${pointer}/dependentRequired/${escapePointerToken(trigger)}/${j}`, at, name),
            );
        });
      }
    const ref = own(schema, '$ref');
    if (typeof ref === 'string' && ref.startsWith('#') && resolveLocalRef(data, ref) !== undefined)
      walk(resolveLocalRef(data, ref), at, refPointer(ref), out, depth + 1);
    const props = own(schema, 'properties');
    if (isObject(props))
      for (const [name, s] of Object.entries(props))
        walk(s, [...at, name], `${pointer}/properties/${escapePointerToken(name)}`, out, depth + 1);
    walk(own(schema, 'items'), [...at, ITEM], `${pointer}/items`, out, depth + 1);
    arr(own(schema, 'prefixItems')).forEach((s, i) =>
      walk(s, [...at, ITEM], `${pointer}/prefixItems/${i}`, out, depth + 1),
    );
    arr(own(schema, 'allOf')).forEach((s, i) =>
      walk(s, at, `${pointer}/allOf/${i}`, out, depth + 1),
    );
    for (const k of ['anyOf', 'oneOf']) {
      const branches = arr(own(schema, k)).map((s, i) => {
        const found: Finding[] = [];
        walk(s, at, `${pointer}/${k}/${i}`, found, depth + 1);
        return found;
      });
      if (branches.length > 0 && branches.every((b) => b.length > 0)) out.push(...branches.flat());
    }
    const cond = own(schema, 'if');
    const condition = isObject(cond) ? cond : {};
    if (canHold(condition, at)) walk(own(schema, 'then'), at, `${pointer}/then`, out, depth + 1);
    if (canFail(condition, at)) walk(own(schema, 'else'), at, `${pointer}/else`, out, depth + 1);
  };
  const found: Finding[] = [];
  walk(data, [], '/data', found, 0);
  const reported = new Set<string>();
  for (const { pointer, path, address } of found) {
    if (reported.has(pointer)) continue;
    reported.add(pointer);
    if (address !== undefined)
      problems.add(
        C.addressMemberNotAsked,
        pointer,
        localized('addressMemberNotAsked', {
          path,
          address,
          name: path.slice(address.length + 1),
        }),
      );
    else problems.add(C.requiredNotAsked, pointer, localized('requiredNotAsked', { path }));
  }

  // A `require` rule makes its target fields required while it holds (src/rules): one no
  // question asks could then never be answered. A `check` rule's problem is shown at its
  // `field`: one no question asks has no place on the form, and the citizen would be refused
  // over an answer they cannot see. A path `data` lacks is `unknown-field`.
  const notAsked = (path: unknown): boolean => {
    if (typeof path !== 'string' || !resolveFieldPath(data, data, path)) return false;
    const segments = segmentsOf(path);
    return !isAsked(segments) && !misspelt.some((m) => same(m, segments.slice(0, -1)));
  };
  arr(own(procedure, 'rules')).forEach((rule, i) => {
    if (!isObject(rule)) return;
    const id = own(rule, 'id');
    const params = { rule: typeof id === 'string' ? id : `/rules/${i}` };
    const kind = own(rule, 'kind');
    const checked = own(rule, 'field');
    // A check field inside a list is `check-field-in-list` already.
    if (kind === 'check' && notAsked(checked) && !(checked as string).includes('['))
      problems.add(
        C.checkFieldNotAsked,
        `/rules/${i}/field`,
        localized('checkFieldNotAsked', { ...params, path: checked as string }),
      );
    if (kind !== 'require') return;
    const targets = own(rule, 'targets');
    arr(isObject(targets) ? own(targets, 'fields') : undefined).forEach((path, j) => {
      if (notAsked(path))
        problems.add(
          C.requireTargetNotAsked,
          `/rules/${i}/targets/fields/${j}`,
          localized('requireTargetNotAsked', { ...params, path: path as string }),
        );
    });
  });
}

/** The file's pointer to the target of a local `$ref` ("#/$defs/a%20b" → /data/$defs/a b). */
function refPointer(ref: string): string {
  return (
    '/data' +
    pointerTokens(ref.slice(1))
      .map((t) => {
        try {
          return `/${escapePointerToken(decodeURIComponent(t))}`;
        } catch {
          return `/${escapePointerToken(t)}`;
        }
      })
      .join('')
  );
}
