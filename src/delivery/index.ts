/**
 * How the applicant receives the result (trả kết quả): the choice among the procedure's
 * `resultDelivery`, and for post the recipient, the address (2025 administrative units) and
 * the postage added to what is paid. One check, used by the form and by verify.
 */
import {
  isCommuneCode2025,
  isCommuneInProvince2025,
  isProvinceCode2025,
} from '../data/admin-codes-2025.js';
// The commune tables statically: checkDelivery is synchronous and runs in verify (Node), never in
// the browser bundle, whose elements import only this module's labels (the tables shake out).
import * as communes from '../data/communes-2025.js';
import type { Lang, Procedure } from '../procedure/types.js';
import type { Problem } from '../problem.js';
import { mobileReason, normalizeMobile, personNameReason } from '../validation/formats.js';
import { DELIVERY_PROBLEM, deliveryMessage, type DeliveryProblemCode } from './messages.js';

export { DELIVERY_PROBLEM, DELIVERY_METHOD_LABELS, type DeliveryProblemCode } from './messages.js';

export type DeliveryMethod = 'online' | 'post' | 'in-person';

export interface DeliveryAddress {
  /** Province code of the 2025 list (2 digits). */
  province: string;
  /** Commune code of the 2025 list (5 digits). */
  commune: string;
  /** House number and street, or hamlet (thôn, tổ dân phố). */
  street: string;
}

/** The choice as it travels in the signed payload (`delivery`). */
export interface DeliveryChoice {
  method: DeliveryMethod;
  /** Post only. */
  recipient?: { fullName: string; phone: string; address: DeliveryAddress };
  /** Post only: the postage in đồng, added to the fee. */
  postage?: number;
}

export interface DeliveryOptions {
  /** The agency's tariff in đồng when the procedure gives no `postage`. */
  postage?: number;
  lang?: Lang;
}

type DeliveryProcedure = Pick<Procedure, 'resultDelivery'> & { postage?: number };

/**
 * Whether the form must ask: the procedure offers delivery by post (a recipient, an address and
 * postage are needed). Without post, the result goes the procedure's way(s) without asking.
 */
export function asksDelivery(procedure: DeliveryProcedure): boolean {
  return procedure.resultDelivery.includes('post');
}

/** The postage for this procedure: its own, else the agency's tariff; undefined when unknown. */
export function postageFor(
  procedure: DeliveryProcedure,
  options: DeliveryOptions = {},
): number | undefined {
  const p = procedure.postage ?? options.postage;
  return p !== undefined && Number.isSafeInteger(p) && p >= 0 ? p : undefined;
}

/** What is paid: the rules' fee plus the postage of a delivery by post. */
export function totalToPay(feeTotal: number, delivery: DeliveryChoice | undefined): number {
  return feeTotal + (delivery?.method === 'post' ? (delivery.postage ?? 0) : 0);
}

const trim = (s: unknown) =>
  typeof s === 'string' ? s.normalize('NFC').trim().replace(/\s+/g, ' ') : '';

/**
 * The choice in its canonical form (trimmed NFC text, phone as 10 digits, the procedure's
 * postage), as the payload carries it; recipient and postage only for post.
 */
export function normalizeDelivery(
  choice: DeliveryChoice,
  procedure: DeliveryProcedure,
  options: DeliveryOptions = {},
): DeliveryChoice {
  if (choice.method !== 'post') return { method: choice.method };
  const r = choice.recipient;
  const postage = postageFor(procedure, options);
  return {
    method: 'post',
    recipient: {
      fullName: trim(r?.fullName),
      phone: normalizeMobile(trim(r?.phone)),
      address: {
        province: trim(r?.address?.province),
        commune: trim(r?.address?.commune),
        street: trim(r?.address?.street),
      },
    },
    ...(postage !== undefined ? { postage } : {}),
  };
}

/**
 * The problems of a delivery choice for a procedure; `path` is a JSON pointer inside the choice
 * (`/recipient/phone`). Empty when it is acceptable. The choice is expected normalized.
 */
export function checkDelivery(
  choice: DeliveryChoice | undefined,
  procedure: DeliveryProcedure,
  options: DeliveryOptions = {},
): Problem[] {
  const lang = options.lang ?? 'vi';
  const out: Problem[] = [];
  const add = (
    code: DeliveryProblemCode,
    path: string,
    params: Record<string, string | number> = {},
  ) => out.push({ code, path, message: deliveryMessage(code, params, lang), params });
  if (!choice || typeof choice.method !== 'string') {
    // A procedure with one way that is not post needs no choice.
    if (asksDelivery(procedure)) add(DELIVERY_PROBLEM.methodRequired, '/method');
    return out;
  }
  if (!procedure.resultDelivery.includes(choice.method)) {
    add(DELIVERY_PROBLEM.methodNotOffered, '/method', { method: String(choice.method) });
    return out;
  }
  if (choice.method !== 'post') {
    if (choice.recipient !== undefined || choice.postage !== undefined)
      add(DELIVERY_PROBLEM.unexpectedRecipient, '/recipient');
    return out;
  }
  const expected = postageFor(procedure, options);
  if (expected === undefined) add(DELIVERY_PROBLEM.postageUnknown, '/method');
  else if (choice.postage !== expected)
    add(DELIVERY_PROBLEM.postageMismatch, '/postage', {
      actual: choice.postage ?? 0,
      expected,
    });
  const r = choice.recipient;
  const name = r?.fullName ?? '';
  if (!name) add(DELIVERY_PROBLEM.nameRequired, '/recipient/fullName');
  else if (name.length < 2 || name.length > 100 || personNameReason(name))
    add(DELIVERY_PROBLEM.nameInvalid, '/recipient/fullName');
  const phone = r?.phone ?? '';
  if (!phone) add(DELIVERY_PROBLEM.phoneRequired, '/recipient/phone');
  else if (mobileReason(phone)) add(DELIVERY_PROBLEM.phoneInvalid, '/recipient/phone');
  const a = r?.address;
  if (!a?.province) add(DELIVERY_PROBLEM.provinceRequired, '/recipient/address/province');
  else if (!a.commune) add(DELIVERY_PROBLEM.communeRequired, '/recipient/address/commune');
  else if (!isProvinceCode2025(a.province) || !isCommuneCode2025(a.commune, communes))
    add(DELIVERY_PROBLEM.addressInvalid, '/recipient/address');
  // Both codes exist but the commune is another province's: the post office cannot deliver it.
  else if (!isCommuneInProvince2025(a.commune, a.province, communes))
    add(DELIVERY_PROBLEM.communeNotInProvince, '/recipient/address/commune');
  if (!a?.street) add(DELIVERY_PROBLEM.streetRequired, '/recipient/address/street');
  else if (a.street.length > 200) add(DELIVERY_PROBLEM.streetRequired, '/recipient/address/street');
  return out;
}
