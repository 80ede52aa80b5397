/**
 * Turns ajv error objects into citizen-facing `Problem`s: a stable code, a JSON pointer to the
 * answer concerned (the missing field itself for `required`), and a message from our catalog.
 */
import type { Problem } from '../problem.js';
import type { Lang, Procedure } from '../procedure/types.js';
import { escapePointer, pointerToFieldPath, valueAt, type FieldInfo } from './fields.js';
import { FOREIGN_FORMAT_REASONS } from './foreign-formats.js';
import {
  VN_FORMAT_REASONS,
  commune2025Reason,
  personalIdBirthYear,
  personalIdReason,
  province2025Reason,
} from './formats.js';
import { isCommuneInProvince2025 } from '../data/admin-codes-2025.js';
import { message, type MessageContext } from './messages.js';
import { applied, appliedPart, appliedPointers } from '../procedure/schema-paths.js';
import type { AjvErrorObject } from './runtime.js';
import { pointerTokens as pointerSegments } from '../session/field-path.js';
import type { VnFormat } from '../procedure/vocabulary.js';

/** Stable problem codes by ajv keyword (formats are `format.<name>`): see docs/validation.md. */
export const KEYWORD_CODES: Record<string, string> = {
  required: 'required',
  dependentRequired: 'dependent-required',
  additionalProperties: 'unknown-property',
  unevaluatedProperties: 'unknown-property',
  type: 'type',
  enum: 'enum',
  const: 'const',
  minLength: 'too-short',
  maxLength: 'too-long',
  pattern: 'pattern',
  minimum: 'too-small',
  exclusiveMinimum: 'too-small-exclusive',
  maximum: 'too-large',
  exclusiveMaximum: 'too-large-exclusive',
  multipleOf: 'not-multiple',
  minItems: 'too-few-items',
  maxItems: 'too-many-items',
  items: 'too-many-items',
  unevaluatedItems: 'too-many-items',
  uniqueItems: 'duplicate-items',
  minProperties: 'too-few-properties',
  maxProperties: 'too-many-properties',
  oneOf: 'one-of',
  anyOf: 'any-of',
  not: 'not',
  contains: 'contains',
  propertyNames: 'property-name',
  'false schema': 'not-allowed',
};

/** Code of the cross-field check between a personal ID number and the birth date it names. */
export const PERSONAL_ID_BIRTH_YEAR = 'personal-id-birth-year';
/**
 * A 2025 commune code that is not in the province chosen beside it (an address object with a
 * `vn-province-2025` and a `vn-commune-2025` member): the widget prevents it, and `check` and
 * verify refuse it too (issue 19, point 9).
 */
export const COMMUNE_NOT_IN_PROVINCE = 'commune-not-in-province';

const CHOOSE_WIDGETS = new Set(['select', 'radio', 'checkbox', 'address']);

export class ProblemBuilder {
  constructor(
    private readonly fields: ReadonlyMap<string, FieldInfo>,
    private readonly lang: Lang,
    /** The schema ajv checked (`procedure.data`): where an error's `schemaPath` points. */
    private readonly root?: unknown,
  ) {}

  /** A problem at `pointer`, its message naming the field when the `ui` labels it. */
  make(code: string, pointer: string, params: Record<string, unknown>): Problem {
    let info = this.fields.get(pointerToFieldPath(pointer));
    // A part of an address widget (province, commune, street) is named after the address:
    // "Chọn tỉnh, thành phố của quê quán của trẻ", not "Nhập thông tin bắt buộc này".
    let part: string | undefined;
    if (!info) {
      const cut = pointer.lastIndexOf('/');
      const parent =
        cut > 0 ? this.fields.get(pointerToFieldPath(pointer.slice(0, cut))) : undefined;
      if (parent?.widget === 'address') {
        info = parent;
        part = pointer.slice(cut + 1);
      }
    }
    const label = info ? (info.label[this.lang] ?? info.label.vi) : undefined;
    const action: MessageContext['action'] =
      info?.widget === 'file'
        ? 'upload'
        : info && CHOOSE_WIDGETS.has(info.widget)
          ? 'choose'
          : 'enter';
    const p: Record<string, unknown> = { ...params };
    if (label !== undefined) p.label = label;
    // Radio buttons and lists whose label is a question: the message must not repeat it.
    const choice = info?.widget === 'radio' || info?.widget === 'select';
    return {
      code,
      path: pointer,
      message: message(this.lang, code, {
        ...p,
        action,
        choice,
        ...(info ? { widget: info.widget } : {}),
        ...(part !== undefined ? { part } : {}),
      }),
      params: p,
    };
  }

  labelOf(pointer: string): string | undefined {
    const info = this.fields.get(pointerToFieldPath(pointer));
    return info ? (info.label[this.lang] ?? info.label.vi) : undefined;
  }

  /**
   * Problems for ajv's errors, in ajv's order, without the redundant wrapper/branch errors.
   * With `keep`, only the errors whose problem pointer it accepts become problems (the others
   * are not wanted: building a problem words its message): leaving one field asks for that
   * field's problems, while ajv reports every missing required answer beside it.
   */
  fromAjv(
    errors: readonly AjvErrorObject[],
    value: unknown,
    keep?: (pointer: string) => boolean,
  ): Problem[] {
    // Failed branches of anyOf/oneOf contradict each other, and the items a `contains` did not
    // match are not wrong: report the keyword once, not what its sub-schema said. A `$ref`'d
    // branch's errors are reported at its target (`#/$defs/x/…`), not under the keyword.
    const wrappers = errors
      .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'contains')
      .map((e) => e.schemaPath.replace(/(?:min|max)Contains$/, 'contains') + '/');
    const branchParts = this.branchParts(errors);
    // Only an error at the value the keyword checked, or one its branch's members reach: the same
    // target may be applied elsewhere too (a person's spouse is a person), and those errors stand.
    const inBranch = (e: AjvErrorObject) => {
      const at = decodedPath(e);
      for (const [w, parts] of branchParts) {
        const below = e.instancePath.slice(w.instancePath.length);
        if (!e.instancePath.startsWith(w.instancePath) || (below && below[0] !== '/')) continue;
        for (const part of parts)
          for (const p of part)
            if (p && at.startsWith(p + '/') && reaches(at.slice(p.length), below)) return true;
      }
      return false;
    };
    const out: Problem[] = [];
    // The failed anyOf/oneOf keywords, once: most pages have none, and every `required` error
    // (one per unanswered question of the form) is checked against them.
    const branches = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
    const branchRequired = this.requiredInEveryBranch(errors, branchParts, branches);
    for (const e of errors) {
      // `if` only says "then/else failed"; the branch's own errors say what.
      if (e.keyword === 'if') continue;
      const members = branchRequired.get(e);
      if (members) {
        for (const r of members)
          if (!keep || keep(ajvErrorPointer(r))) out.push(this.fromError(r, value));
        continue;
      }
      if (
        wrappers.some((prefix) => e.schemaPath.startsWith(prefix)) ||
        inBranch(e) ||
        this.throughBranch(e, branches)
      )
        continue;
      // propertyNames reports the inner failure too (marked with `propertyName`); keep one per name.
      if (e.keyword !== 'propertyNames' && e.propertyName !== undefined) continue;
      if (keep && !keep(ajvErrorPointer(e))) continue;
      out.push(this.fromError(e, value));
    }
    return out;
  }

  /**
   * Per failed anyOf/oneOf, where ajv reports each branch's applied parts (src/procedure/
   * schema-paths.ts `appliedPointers`: the branch, its `allOf` parts, a `$ref` target).
   */
  private branchParts(errors: readonly AjvErrorObject[]): Map<AjvErrorObject, string[][]> {
    const out = new Map<AjvErrorObject, string[][]>();
    for (const w of errors) {
      if ((w.keyword !== 'anyOf' && w.keyword !== 'oneOf') || w.params?.passingSchemas) continue;
      const at = decodedPath(w);
      const list = at ? valueAt(this.root, at) : undefined;
      if (Array.isArray(list) && list.length)
        out.set(
          w,
          list.map((_, i) => appliedPointers(this.root, `${at}/${i}`)),
        );
    }
    return out;
  }

  /**
   * The members every branch of a failed anyOf/oneOf requires and the answers lack, by the
   * keyword's error: missing whichever branch the person meets, each is its member's own
   * `required` (at the member's question, worded as a plain `required`), and the keyword's
   * problem on the object, which no question owns, is not repeated. Only a `required` ajv
   * applies with the branch counts (written in it, its allOf parts or its `$ref` target); a
   * member already required outside the branches, or by another such keyword, is reported once.
   */
  private requiredInEveryBranch(
    errors: readonly AjvErrorObject[],
    branchParts: Map<AjvErrorObject, string[][]>,
    branches: readonly AjvErrorObject[],
  ): Map<AjvErrorObject, AjvErrorObject[]> {
    const out = new Map<AjvErrorObject, AjvErrorObject[]>();
    if (branchParts.size === 0) return out;
    const seen = new Set<string>();
    const required = errors.filter((e) => e.keyword === 'required');
    const inSome = new Set<AjvErrorObject>();
    // Per keyword, per missing member: its first `required` error and the branches requiring it.
    type Missing = { first: AjvErrorObject; n: Set<number> };
    const byWrapper = new Map<AjvErrorObject, Map<string, Missing>>();
    for (const [w, parts] of branchParts) {
      const members = new Map<string, Missing>();
      for (const r of required) {
        if (r.instancePath !== w.instancePath) continue;
        const at = decodedPath(r).slice(0, -'/required'.length);
        parts.forEach((part, i) => {
          if (!part.includes(at)) return;
          inSome.add(r);
          const pointer = ajvErrorPointer(r);
          const m = members.get(pointer) ?? { first: r, n: new Set<number>() };
          members.set(pointer, m);
          m.n.add(i);
        });
      }
      byWrapper.set(w, members);
    }
    const plain = new Set(
      required
        .filter(
          (r) =>
            !inSome.has(r) &&
            !/\/(?:anyOf|oneOf|not)\//.test(r.schemaPath) &&
            !this.throughBranch(r, branches),
        )
        .map(ajvErrorPointer),
    );
    for (const [w, members] of byWrapper) {
      const count = branchParts.get(w)!.length;
      const every = [...members].filter(([, m]) => m.n.size === count);
      // In a branch of another failed keyword, ajv may accept the answer by another of its
      // branches: `anyOf: [{anyOf: [{required: [a]}]}, {required: [b]}]` takes `{b}`. Not a
      // plain `required` there: the keywords' own problems say it.
      if (every.length === 0 || this.nested(w, errors)) continue;
      out.set(
        w,
        every.filter(([p]) => !plain.has(p) && !seen.has(p) && seen.add(p)).map(([, m]) => m.first),
      );
    }
    return out;
  }

  /**
   * Whether ajv may have tried the failed keyword `w` only in a branch of another failed
   * anyOf/oneOf, or for an item a `contains` tests, at its value or above: written in it or
   * reached through a `$ref` in it (whatever the value, on the safe side).
   */
  private nested(w: AjvErrorObject, errors: readonly AjvErrorObject[]): boolean {
    return errors.some(
      (c) =>
        c !== w &&
        (c.keyword === 'anyOf' || c.keyword === 'oneOf' || c.keyword === 'contains') &&
        `${w.instancePath}/`.startsWith(`${c.instancePath}/`) &&
        within(this.root, decodedPath(c), decodedPath(w), new Set()),
    );
  }

  /**
   * Whether ajv may have applied the `required` `r` only in a branch of a failed anyOf/oneOf
   * (`branches`, the failed ones) at the same value, through `$ref`s the branch's parts do not
   * show (the paths of a target ajv compiles on its own restart at it), and not also whatever
   * the branch (then it stands).
   */
  private throughBranch(r: AjvErrorObject, branches: readonly AjvErrorObject[]): boolean {
    if (r.keyword !== 'required' || branches.length === 0) return false;
    const at = decodedPath(r).slice(0, -'/required'.length);
    return branches.some((c) => {
      if (c.instancePath !== r.instancePath) return false;
      const keyword = decodedPath(c);
      return (
        within(this.root, keyword, at, new Set()) &&
        !appliedPointers(this.root, keyword.slice(0, keyword.lastIndexOf('/'))).includes(at)
      );
    });
  }

  private fromError(e: AjvErrorObject, value: unknown): Problem {
    const p = e.params ?? {};
    const at = e.instancePath;
    const code = KEYWORD_CODES[e.keyword] ?? 'invalid';
    switch (e.keyword) {
      case 'required':
        return this.make(code, `${at}/${escapePointer(String(p.missingProperty))}`, {});
      case 'dependentRequired': {
        const dependsOn = String(p.property);
        const dependsOnLabel = this.labelOf(`${at}/${escapePointer(dependsOn)}`);
        return this.make(code, `${at}/${escapePointer(String(p.missingProperty))}`, {
          dependsOn,
          ...(dependsOnLabel ? { dependsOnLabel } : {}),
        });
      }
      case 'additionalProperties':
        return this.make(code, `${at}/${escapePointer(String(p.additionalProperty))}`, {
          property: p.additionalProperty,
        });
      case 'unevaluatedProperties':
        return this.make(code, `${at}/${escapePointer(String(p.unevaluatedProperty))}`, {
          property: p.unevaluatedProperty,
        });
      case 'type': {
        const expected = String(p.type).split(',')[0];
        return this.make(code, at, { expected: expected, type: p.type });
      }
      case 'enum':
        return this.make(code, at, { allowed: p.allowedValues });
      case 'const':
        return this.make(code, at, { allowed: p.allowedValue });
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'items':
      case 'unevaluatedItems':
      case 'minProperties':
      case 'maxProperties':
        return this.make(code, at, { limit: p.limit });
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        return this.make(code, at, { limit: p.limit });
      case 'multipleOf':
        return this.make(code, at, { multipleOf: p.multipleOf });
      case 'pattern':
        return this.make(code, at, { pattern: p.pattern });
      case 'uniqueItems':
        // ajv's i and j are 0-based indexes (order depends on the item type); people count from 1.
        return this.make(code, at, {
          first: Math.min(Number(p.i), Number(p.j)) + 1,
          second: Math.max(Number(p.i), Number(p.j)) + 1,
        });
      case 'format': {
        const format = String(p.format);
        const params: Record<string, unknown> = { format };
        const reasonOf = VN_FORMAT_REASONS[format as VnFormat] ?? FOREIGN_FORMAT_REASONS[format];
        const v = valueAt(value, at);
        if (reasonOf && typeof v === 'string') params.reason = reasonOf(v);
        return this.make(`format.${format}`, at, params);
      }
      case 'oneOf':
        return this.make(code, at, { matches: p.passingSchemas ? 'many' : 'none' });
      case 'contains':
        return this.make(code, at, {
          minContains: p.minContains,
          ...(p.maxContains !== undefined ? { maxContains: p.maxContains } : {}),
        });
      case 'propertyNames':
        return this.make(code, `${at}/${escapePointer(String(p.propertyName))}`, {
          property: p.propertyName,
        });
      default:
        return this.make(code, at, {});
    }
  }
}

/** Keywords whose sub-schema applies to one member or item of the value, and the tokens naming it. */
const STEP_NAMED: ReadonlySet<string> = new Set(['properties', 'patternProperties', 'prefixItems']);
const STEP: ReadonlySet<string> = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
]);

/**
 * Whether a schema path (below a schema applied to a value) can report an error at `instance`
 * (below that value): each member or item keyword on the way steps one token into the value.
 */
function reaches(schemaPath: string, instance: string): boolean {
  const s = pointerSegments(schemaPath);
  const v = pointerSegments(instance);
  let i = 0;
  for (let t = 0; t < s.length; t++) {
    const k = s[t]!;
    if (STEP_NAMED.has(k)) {
      t++;
      if (k === 'properties' && s[t] !== v[i]) return false;
      i++;
    } else if (STEP.has(k)) i++;
    else if (k === 'dependentSchemas') t++;
  }
  return i === v.length;
}

/** An error's `schemaPath` as a JSON pointer ('' for one outside this document). */
/**
 * Whether the schema at `to` is in the one at `from` or where a `$ref` in it leads (followed
 * through; one ajv cannot be followed here might lead anywhere).
 */
function within(root: unknown, from: string, to: string, seen: Set<string>): boolean {
  if (to === from || to.startsWith(`${from}/`)) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  const refs: string[] = [];
  const walk = (node: unknown): void => {
    if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node))
        if (k === '$ref' && typeof v === 'string') refs.push(v);
        else walk(v);
  };
  walk(valueAt(root, from));
  return refs.some((ref) => {
    if (ref !== '#' && !ref.startsWith('#/')) return true;
    try {
      return within(root, decodeURIComponent(ref.slice(1)), to, seen);
    } catch {
      return true;
    }
  });
}

const decodedPath = (e: AjvErrorObject): string =>
  e.schemaPath.startsWith('#/') ? decodeURIComponent(e.schemaPath.slice(1)) : '';

/**
 * The JSON pointer of the problem `fromAjv` makes for `e`: the missing or extra member for the
 * keywords that name one, else the value ajv checked.
 */
export function ajvErrorPointer(e: AjvErrorObject): string {
  const p = e.params ?? {};
  const member =
    e.keyword === 'required' || e.keyword === 'dependentRequired'
      ? p.missingProperty
      : e.keyword === 'additionalProperties'
        ? p.additionalProperty
        : e.keyword === 'unevaluatedProperties'
          ? p.unevaluatedProperty
          : e.keyword === 'propertyNames'
            ? p.propertyName
            : undefined;
  return member === undefined
    ? e.instancePath
    : `${e.instancePath}/${escapePointer(String(member))}`;
}

/**
 * The cross-field check of a personal ID number against a birth date: a `vn-personal-id`
 * property with `"x-dvc-birthDate": "<sibling property>"` must encode the birth year of that
 * sibling's `YYYY-MM-DD` date (VIETNAM.md §2.1: digits 4–6 are century/sex and year). Only runs
 * when both values are otherwise valid, so it never repeats a format problem.
 */
export function crossFieldProblems(
  procedure: Procedure,
  value: unknown,
  builder: ProblemBuilder,
): Problem[] {
  const out: Problem[] = [];
  const root = procedure.data;
  const walk = (v: unknown, schema: unknown, pointer: string, depth: number): void => {
    if (depth > 64 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      const items = appliedPart(root, schema);
      v.forEach((item, i) => walk(item, items, `${pointer}/${i}`, depth + 1));
      return;
    }
    const obj = v as Record<string, unknown>;
    let province: string | undefined;
    let provinces = 0;
    let commune: string | undefined;
    let communes = 0;
    for (const key of Object.keys(obj)) {
      const plan = memberPlan(root, schema, key);
      if (plan.province) {
        province = key;
        provinces++;
      }
      if (plan.commune) {
        commune = key;
        communes++;
      }
      const id = obj[key];
      const birthKey = plan.birthKey;
      if (birthKey !== undefined && typeof id === 'string' && personalIdReason(id) === undefined) {
        const birth = Object.prototype.hasOwnProperty.call(obj, birthKey)
          ? obj[birthKey]
          : undefined;
        const m = typeof birth === 'string' ? /^(\d{4})-\d{2}-\d{2}$/.exec(birth) : null;
        if (m && personalIdBirthYear(id) !== Number(m[1])) {
          out.push(
            builder.make(PERSONAL_ID_BIRTH_YEAR, `${pointer}/${escapePointer(key)}`, {
              birthYear: Number(m[1]),
              idBirthYear: personalIdBirthYear(id),
              birthDateField: birthKey,
            }),
          );
        }
      }
      // Only objects and arrays hold more to check: no pointer is built for the other answers.
      if (id !== null && typeof id === 'object')
        walk(id, plan.child, `${pointer}/${escapePointer(key)}`, depth + 1);
    }
    if (provinces === 1 && communes === 1) {
      const problem = addressProblem(obj, province!, commune!, pointer, builder);
      if (problem) out.push(problem);
    }
  };
  walk(value, root, '', 0);
  return out;
}

/** What the cross-field checks need to know about one member of an object schema. */
interface MemberPlan {
  /** The member's schema as ajv applies it (src/procedure/schema-paths.ts `appliedPart`). */
  child: unknown;
  /** Its `x-dvc-birthDate` sibling when it is a `vn-personal-id` that names one. */
  birthKey: string | undefined;
  province: boolean;
  commune: boolean;
}

const NO_PLAN: MemberPlan = {
  child: undefined,
  birthKey: undefined,
  province: false,
  commune: false,
};

/**
 * Member plans per schema object: the same schemas are asked about for every answer of every
 * payload. Only members the schema declares are kept, so a stranger's keys cannot grow the memo.
 */
const plans = new WeakMap<object, Map<string, MemberPlan>>();

function memberPlan(root: Procedure['data'], schema: unknown, key: string): MemberPlan {
  if (schema === null || typeof schema !== 'object') return NO_PLAN;
  let byKey = plans.get(schema);
  if (!byKey) plans.set(schema, (byKey = new Map()));
  let plan = byKey.get(key);
  if (plan) return plan;
  // Every applied part declaring the member, joined: ajv applies each (a `format` in one `allOf`
  // branch, the `x-dvc-birthDate` in another), so the plan reads them all, not the first.
  const child = appliedPart(root, schema, key);
  if (!child) return NO_PLAN;
  const parts = applied(root, child);
  const has = (format: string) => parts.some((f) => f.format === format);
  const birthKey = parts.find((f) => typeof f['x-dvc-birthDate'] === 'string')?.[
    'x-dvc-birthDate'
  ] as string | undefined;
  plan = {
    child,
    birthKey: has('vn-personal-id') ? birthKey : undefined,
    province: has('vn-province-2025'),
    commune: has('vn-commune-2025'),
  };
  byKey.set(key, plan);
  return plan;
}

/**
 * The commune of an address object must lie in its province (both valid 2025 codes, so a format
 * problem is never repeated). Reported at the commune: that is the answer to change. Asked only
 * of an object with exactly one member of each format.
 */
function addressProblem(
  obj: Record<string, unknown>,
  provinceKey: string,
  communeKey: string,
  pointer: string,
  builder: ProblemBuilder,
): Problem | undefined {
  const province = obj[provinceKey];
  const commune = obj[communeKey];
  if (typeof province !== 'string' || typeof commune !== 'string') return undefined;
  if (province2025Reason(province) || commune2025Reason(commune)) return undefined;
  if (isCommuneInProvince2025(commune, province)) return undefined;
  return builder.make(COMMUNE_NOT_IN_PROVINCE, `${pointer}/${escapePointer(communeKey)}`, {
    province,
    commune,
  });
}
