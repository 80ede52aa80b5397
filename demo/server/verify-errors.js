// The verifier's refusals as the receiver answers them: each message in the request's language
// (the problem's own title and detail follow the same negotiation, problems.js), taken from the
// library's vi/en catalogs (src/verify/messages.ts) by code and params, so a citizen whose form
// is refused reads Vietnamese, not the English written for the agency's developers.

/**
 * @typedef {(code: string, params?: object, lang?: 'vi' | 'en') => string} VerifyMessage
 */

/**
 * @param {unknown[]} errors the verifier's errors (`{ code, message, pointer?, params? }`)
 * @param {'vi' | 'en'} lang
 * @param {VerifyMessage | undefined} verifyMessage the library's catalog look-up
 * @returns {{ code: string, message: string, pointer?: string }[]}
 */
export function localVerifyErrors(errors, lang, verifyMessage) {
  return errors.map((/** @type {any} */ e) => {
    const code = String(e?.code);
    let message = String(e?.message);
    if (verifyMessage) {
      try {
        message = verifyMessage(code, e?.params ?? {}, lang);
      } catch {
        // A code the catalogs do not have (a verifier passed in by configuration): its own text.
      }
    }
    return { code, message, ...(e?.pointer ? { pointer: String(e.pointer) } : {}) };
  });
}
