/**
 * Structural check of a parsed payload before any of its values is trusted: exact member sets,
 * JSON types and formats. Unknown members are rejected so a future field cannot be smuggled past
 * an older verifier.
 */
import { NONCE_PATTERN, type SubmissionPayload } from '../submission/payload.js';
import { LANGS } from '../procedure/types.js';

export interface ShapeIssue {
  pointer: string;
  detail: string;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const HEX_SHA256 = /^[0-9a-f]{64}$/;
/** RFC 3339 UTC with optional fraction, as `Date.prototype.toISOString` writes it. */
export const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** The first structural problem of a payload, or undefined when it has the v1 shape. */
export function checkPayloadShape(value: unknown): ShapeIssue | undefined {
  try {
    shape(value);
    return undefined;
  } catch (issue) {
    if (issue instanceof Issue) return { pointer: issue.pointer, detail: issue.detail };
    throw issue;
  }
}

class Issue {
  constructor(
    readonly pointer: string,
    readonly detail: string,
  ) {}
}

function members(v: unknown, pointer: string, required: string[], optional: string[] = []): Json {
  if (!isRecord(v)) throw new Issue(pointer || '/', 'expected an object');
  for (const key of required)
    if (!(key in v)) throw new Issue(`${pointer}/${key}`, 'required member is missing');
  for (const key of Object.keys(v))
    if (!required.includes(key) && !optional.includes(key))
      throw new Issue(`${pointer}/${key}`, 'unknown member');
  return v;
}

function str(v: unknown, pointer: string, pattern?: RegExp, what = 'a string'): void {
  if (typeof v !== 'string' || (pattern && !pattern.test(v)))
    throw new Issue(pointer, `expected ${what}`);
}

function int(v: unknown, pointer: string, min = 0): void {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
    throw new Issue(pointer, `expected an integer >= ${min}`);
}

function num(v: unknown, pointer: string): void {
  if (typeof v !== 'number') throw new Issue(pointer, 'expected a number');
}

function arr(v: unknown, pointer: string): unknown[] {
  if (!Array.isArray(v)) throw new Issue(pointer, 'expected an array');
  return v;
}

function shape(value: unknown): asserts value is SubmissionPayload {
  const p = members(
    value,
    '',
    [
      'v',
      'procedure',
      'answers',
      'documents',
      'fee',
      'eligibility',
      'lang',
      'submittedAt',
      'nonce',
    ],
    ['assistedBy', 'delivery', 'assistance'],
  );
  commonShape(p);
  const fee = members(p['fee'], '/fee', ['total', 'currency', 'items']);
  int(fee['total'], '/fee/total');
  if (fee['currency'] !== 'VND') throw new Issue('/fee/currency', 'expected "VND"');
  arr(fee['items'], '/fee/items').forEach((it, i) => {
    const at = `/fee/items/${i}`;
    const item = members(it, at, ['id', 'amount', 'quantity', 'subtotal', 'reductions']);
    str(item['id'], `${at}/id`);
    int(item['amount'], `${at}/amount`);
    int(item['quantity'], `${at}/quantity`);
    int(item['subtotal'], `${at}/subtotal`);
    arr(item['reductions'], `${at}/reductions`).forEach((r, j) => {
      const rat = `${at}/reductions/${j}`;
      const red = members(r, rat, ['id', 'percent', 'amount']);
      str(red['id'], `${rat}/id`);
      num(red['percent'], `${rat}/percent`);
      int(red['amount'], `${rat}/amount`);
    });
  });
  const el = members(p['eligibility'], '/eligibility', ['status', 'reasons']);
  if (!['eligible', 'ineligible', 'unknown'].includes(el['status'] as string))
    throw new Issue('/eligibility/status', 'expected "eligible", "ineligible" or "unknown"');
  arr(el['reasons'], '/eligibility/reasons').forEach((r, i) => str(r, `/eligibility/reasons/${i}`));
  if (!(LANGS as readonly unknown[]).includes(p['lang']))
    throw new Issue('/lang', 'expected "vi" or "en"');
  if ('assistedBy' in p) str(p['assistedBy'], '/assistedBy');
  if ('delivery' in p) deliveryShape(p['delivery']);
  // Assisted digital: the helper's word alone is not the applicant's consent; both are signed.
  if ('assistedBy' in p && !('assistance' in p))
    throw new Issue('/assistance', "expected the applicant's and the helper's confirmations");
  if ('assistance' in p) {
    if (!('assistedBy' in p)) throw new Issue('/assistance', 'only with assistedBy');
    const a = members(p['assistance'], '/assistance', [
      'applicantConfirmed',
      'helperConfirmed',
      'helperStatement',
    ]);
    for (const k of ['applicantConfirmed', 'helperConfirmed'] as const)
      if (a[k] !== true) throw new Issue(`/assistance/${k}`, 'expected true');
    str(a['helperStatement'], '/assistance/helperStatement');
  }
  str(p['submittedAt'], '/submittedAt', RFC3339_UTC, 'an RFC 3339 UTC timestamp');
  if (Number.isNaN(Date.parse(p['submittedAt'] as string)))
    throw new Issue('/submittedAt', 'expected an RFC 3339 UTC timestamp');
  str(p['nonce'], '/nonce', NONCE_PATTERN, '22 to 86 base64url characters');
}

/** `delivery`: the method, and for post the recipient and the postage (src/delivery). */
function deliveryShape(v: unknown): void {
  const d = members(v, '/delivery', ['method'], ['recipient', 'postage']);
  str(d['method'], '/delivery/method');
  if ('postage' in d) int(d['postage'], '/delivery/postage');
  if ('recipient' in d) {
    const r = members(d['recipient'], '/delivery/recipient', ['fullName', 'phone', 'address']);
    str(r['fullName'], '/delivery/recipient/fullName');
    str(r['phone'], '/delivery/recipient/phone');
    const a = members(r['address'], '/delivery/recipient/address', [
      'province',
      'commune',
      'street',
    ]);
    for (const k of ['province', 'commune', 'street'])
      str(a[k], `/delivery/recipient/address/${k}`);
  }
}

/** The members every signed payload type has: procedure, answers, documents. */
function commonShape(p: Json): void {
  const proc = members(p['procedure'], '/procedure', ['code', 'version', 'sha256']);
  str(proc['code'], '/procedure/code');
  str(proc['version'], '/procedure/version');
  str(proc['sha256'], '/procedure/sha256', HEX_SHA256, '64 lower-case hex digits');
  if (!isRecord(p['answers'])) throw new Issue('/answers', 'expected an object');
  documentsShape(p['documents']);
}

function documentsShape(v: unknown): void {
  arr(v, '/documents').forEach((d, i) => {
    const at = `/documents/${i}`;
    const doc = members(d, at, ['slot', 'name', 'type', 'size', 'sha256'], ['url']);
    str(doc['slot'], `${at}/slot`);
    str(doc['name'], `${at}/name`);
    str(doc['type'], `${at}/type`);
    int(doc['size'], `${at}/size`);
    str(doc['sha256'], `${at}/sha256`, HEX_SHA256, '64 lower-case hex digits');
    if ('url' in doc) str(doc['url'], `${at}/url`);
  });
}

/** The first structural problem of a supplement payload (src/supplement), or undefined. */
export function checkSupplementShape(value: unknown): ShapeIssue | undefined {
  try {
    const p = members(value, '', [
      'v',
      'kind',
      'dossierCode',
      'requestId',
      'procedure',
      'answers',
      'documents',
      'lang',
      'submittedAt',
      'nonce',
    ]);
    if (p['kind'] !== 'supplement') throw new Issue('/kind', 'expected "supplement"');
    str(p['dossierCode'], '/dossierCode');
    str(p['requestId'], '/requestId');
    commonShape(p);
    if (!(LANGS as readonly unknown[]).includes(p['lang']))
      throw new Issue('/lang', 'expected "vi" or "en"');
    str(p['submittedAt'], '/submittedAt', RFC3339_UTC, 'an RFC 3339 UTC timestamp');
    if (Number.isNaN(Date.parse(p['submittedAt'] as string)))
      throw new Issue('/submittedAt', 'expected an RFC 3339 UTC timestamp');
    str(p['nonce'], '/nonce', NONCE_PATTERN, '22 to 86 base64url characters');
    return undefined;
  } catch (issue) {
    if (issue instanceof Issue) return { pointer: issue.pointer, detail: issue.detail };
    throw issue;
  }
}
