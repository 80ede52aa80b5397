/**
 * EMVCo QR Code Specification for Payment Systems, Merchant-Presented Mode (MPM): the payload is
 * a list of data objects `ID (2 digits) · length (2 digits) · value`, some of whose values are
 * themselves such lists (templates), closed by the CRC in ID 63.
 */

export interface DataObject {
  readonly id: string;
  readonly value: string;
}

/** One data object; throws RangeError on a bad ID or a value longer than 99 characters. */
export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new RangeError(`EMV data object ID must be 2 digits: ${id}`);
  if (value.length > 99) throw new RangeError(`EMV data object ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** The data objects of a payload or template, or an error naming the offset that is wrong. */
export function parseTlv(
  text: string,
): { ok: true; objects: DataObject[] } | { ok: false; offset: number; detail: string } {
  const objects: DataObject[] = [];
  let i = 0;
  while (i < text.length) {
    const head = text.slice(i, i + 4);
    if (!/^\d{4}$/.test(head)) {
      return { ok: false, offset: i, detail: 'expected a 2-digit ID and a 2-digit length' };
    }
    const length = Number(head.slice(2));
    if (i + 4 + length > text.length) {
      return { ok: false, offset: i, detail: `data object ${head.slice(0, 2)} runs past the end` };
    }
    objects.push({ id: head.slice(0, 2), value: text.slice(i + 4, i + 4 + length) });
    i += 4 + length;
  }
  return { ok: true, objects };
}

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR) of the
 * text's UTF-8 bytes, as EMVCo MPM §4.7.3 asks for ID 63; 4 upper-case hex digits.
 */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of utf8(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** UTF-8 bytes of a string (src/ has no TextEncoder in its type library). */
function* utf8(text: string): Generator<number> {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) yield c;
    else if (c < 0x800) yield* [0xc0 | (c >> 6), 0x80 | (c & 63)];
    else if (c < 0x10000) yield* [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
    else
      yield* [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
  }
}
