/**
 * The file types a dossier document may be uploaded as. Each type is recognised by its extension
 * and by its first bytes (see sniff.ts), so a renamed file cannot pass as another type.
 *
 * SVG and HTML are never accepted, whatever a procedure lists: both can carry scripts that run
 * when a clerk opens the file from the agency's own origin.
 */

export const FILE_TYPE = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  heif: 'image/heif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type FileType = (typeof FILE_TYPE)[keyof typeof FILE_TYPE];

/** What we know about each supported type: its extensions (first is canonical) and its short name. */
export const FILE_TYPES: Readonly<
  Record<FileType, { extensions: readonly string[]; label: string }>
> = {
  [FILE_TYPE.pdf]: { extensions: ['pdf'], label: 'PDF' },
  [FILE_TYPE.jpeg]: { extensions: ['jpg', 'jpeg'], label: 'JPG' },
  [FILE_TYPE.png]: { extensions: ['png'], label: 'PNG' },
  [FILE_TYPE.heic]: { extensions: ['heic'], label: 'HEIC' },
  [FILE_TYPE.heif]: { extensions: ['heif'], label: 'HEIF' },
  [FILE_TYPE.webp]: { extensions: ['webp'], label: 'WebP' },
  [FILE_TYPE.docx]: { extensions: ['docx'], label: 'DOCX' },
  [FILE_TYPE.xlsx]: { extensions: ['xlsx'], label: 'XLSX' },
};

/** MIME types refused even when a procedure lists them (active content). */
export const NEVER_ACCEPTED: readonly string[] = [
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'text/xml',
  'application/xml',
];

/** Extensions refused whatever their content claims to be. */
const NEVER_EXTENSIONS = new Set(['svg', 'svgz', 'htm', 'html', 'xhtml', 'xht', 'xml', 'shtml']);

const ALL_TYPES = Object.keys(FILE_TYPES) as FileType[];

export function isFileType(value: string): value is FileType {
  return (ALL_TYPES as string[]).includes(value);
}

/** HEIC and HEIF are one container family: phones label the same file either way. */
export function sameFamily(a: FileType, b: FileType): boolean {
  const heif = (t: FileType) => t === FILE_TYPE.heic || t === FILE_TYPE.heif;
  return a === b || (heif(a) && heif(b));
}

/** The lower-case extension of a file name without the dot, or '' when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The type a file name claims by its extension; undefined for unknown or refused extensions. */
export function typeFromName(name: string): FileType | undefined {
  const ext = extensionOf(name);
  if (!ext || NEVER_EXTENSIONS.has(ext)) return undefined;
  return ALL_TYPES.find((t) => FILE_TYPES[t].extensions.includes(ext));
}

/**
 * The supported types among a procedure's `accept` list, in its order, without duplicates.
 * `image/*` stands for every supported image type; SVG, HTML and types we cannot recognise by
 * content are dropped.
 */
export function acceptedTypes(accept: readonly string[]): FileType[] {
  const out: FileType[] = [];
  const add = (t: FileType) => {
    if (!out.includes(t)) out.push(t);
  };
  for (const raw of accept) {
    const type = raw.trim().toLowerCase();
    if (NEVER_ACCEPTED.includes(type)) continue;
    if (type === 'image/*') ALL_TYPES.filter((t) => t.startsWith('image/')).forEach(add);
    else if (type === 'image/jpg') add(FILE_TYPE.jpeg);
    else if (isFileType(type)) add(type);
  }
  return out;
}

/** The value of an `<input type=file accept>` for these types: MIME types and extensions. */
export function acceptAttribute(types: readonly FileType[]): string {
  return types.flatMap((t) => [t, ...FILE_TYPES[t].extensions.map((e) => `.${e}`)]).join(',');
}

/** The short names of the types ("PDF", "JPG", "PNG"), HEIC and HEIF shown once as "HEIC". */
export function typeLabels(types: readonly FileType[]): string[] {
  const labels: string[] = [];
  for (const t of types) {
    const label =
      t === FILE_TYPE.heif && types.includes(FILE_TYPE.heic) ? 'HEIC' : FILE_TYPES[t].label;
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}
