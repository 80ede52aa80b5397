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

/**
 * The label inside a sentence, after a verb ("Nhập họ, chữ đệm và tên"): bare, with its first
 * letter in lower case unless the label starts with an acronym or a name written in capitals
 * ("CCCD", "VNeID").
 */
export function labelInSentence(label: string): string {
  const bare = bareLabel(label);
  return /^\p{Lu}\p{Ll}/u.test(bare) ? bare[0]!.toLocaleLowerCase('vi') + bare.slice(1) : bare;
}

/** Whether `message` already names the field labelled `label` (the summary then need not). */
export function mentionsLabel(message: string, label: string): boolean {
  const m = message.toLocaleLowerCase('vi');
  return m.includes(labelInSentence(label).toLocaleLowerCase('vi'));
}
