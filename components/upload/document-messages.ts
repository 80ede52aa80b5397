/**
 * The two `<dvc-upload>` strings `<dvc-form>` shows itself, before the upload element has
 * arrived: a document still uploading and a required document missing. They are part of the
 * upload catalog (messages.ts spreads them in) but live apart so the form's core does not carry
 * the whole upload catalog, which loads with the upload element (issue 22 point 1).
 */
export const documentMessages = {
  vi: {
    busy: 'Vui lòng chờ tải tệp xong',
    valueMissing: 'Vui lòng chọn tệp {title}',
  },
  en: {
    busy: 'Wait until the files have finished uploading',
    valueMissing: 'Choose a file for {title}',
  },
} as const;

export type DocumentMessageKey = keyof (typeof documentMessages)['vi'];

/** A document message in `lang` with its `{param}` placeholders filled as text. */
export function documentMessage(
  lang: keyof typeof documentMessages,
  key: DocumentMessageKey,
  params: Record<string, string | number> = {},
): string {
  return documentMessages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
