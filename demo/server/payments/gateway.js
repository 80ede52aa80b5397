// The payment-gateway adapter interface. The receiver only talks to gateways through it, so an
// agency adds another provider (Napas, the national portal's payment platform, a bank) by
// writing one module with these three calls (docs/payments.md#gateway-adapter).

/**
 * @typedef {object} CreatePaymentInput
 * @property {string} paymentId Our reference for this attempt (sent as the merchant's order id).
 * @property {number} amount In đồng, the fee the rules computed for the dossier.
 * @property {string} description ASCII text shown by the gateway (dossier code, procedure).
 * @property {string} returnUrl Where the gateway sends the browser back.
 * @property {string} ipAddr The citizen's IP address, as gateways ask for it.
 * @property {'vi' | 'en'} lang
 * @property {Date} now
 */

/**
 * @typedef {object} CallbackResult What a signed return or notification says.
 * @property {boolean} valid False when the signature or merchant does not match: ignore the rest.
 * @property {string} [paymentId]
 * @property {number} [amount] In đồng, NaN when unreadable.
 * @property {boolean} [success]
 * @property {string} [responseCode] The gateway's own code, kept for reconciliation.
 * @property {string} [providerTransaction] The gateway's transaction number.
 * @property {string} [bankCode]
 * @property {string} [paidAt] The gateway's timestamp as sent.
 */

/**
 * @typedef {'confirmed' | 'orderNotFound' | 'alreadyConfirmed' | 'invalidAmount' | 'invalidSignature' | 'unknownError'} IpnOutcome
 */

/**
 * @typedef {object} PaymentGateway
 * @property {string} name Short id stored with each payment (`vnpay`).
 * @property {(input: CreatePaymentInput) => string} createPaymentUrl The signed URL to redirect to.
 * @property {(params: Record<string, unknown>) => CallbackResult} verifyCallback Reads a signed
 *   return or server-to-server notification.
 * @property {(outcome: IpnOutcome) => unknown} ipnAnswer The body the gateway expects back.
 */

export {};
