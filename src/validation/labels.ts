/**
 * How a message names its field's label: a module of its own, so the form's error summary (in the
 * core of the one-file bundle) uses it without the message catalog, which comes with the form's
 * engine chunk (docs/performance.md).
 */
/** The label without a trailing "(không bắt buộc)" / "(optional)": a message is never optional. */
export function bareLabel(label: string): string {
  return label
    .replace(/\s*\((?:không bắt buộc|nếu có|nếu biết|optional|if any|if known)\)\s*$/iu, '')
    .trim();
}

/** Whether `message` already names the field labelled `label` (the summary then need not). */
export function mentionsLabel(message: string, label: string): boolean {
  // Whatever case the message gives the label's first letter.
  return message.toLocaleLowerCase('vi').includes(bareLabel(label).toLocaleLowerCase('vi'));
}
