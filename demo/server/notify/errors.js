/** A failed send. `permanent`: sending again will fail the same way (no retry). */
export class NotifyError extends Error {
  /** @param {string} message never the recipient or the text @param {boolean} permanent */
  constructor(message, permanent) {
    super(message);
    this.name = 'NotifyError';
    this.permanent = permanent;
  }
}
