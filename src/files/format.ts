import type { Lang } from '../procedure/types.js';

const MB = 1024 * 1024;
const KB = 1024;

/**
 * A size in plain words, binary units as phones and file managers show them: `5 MB`, `1,5 MB`
 * (Vietnamese decimal comma), `300 KB`, `12 byte`/`12 bytes`.
 */
export function formatSize(bytes: number, lang: Lang): string {
  const num = (n: number) => {
    const rounded = Math.round(n * 10) / 10;
    const s = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
    return lang === 'vi' ? s.replace('.', ',') : s;
  };
  if (bytes >= MB) return `${num(bytes / MB)} MB`;
  if (bytes >= KB) return `${num(bytes / KB)} KB`;
  return lang === 'vi' ? `${bytes} byte` : `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** "PDF, JPG hoặc PNG" / "PDF, JPG or PNG". */
export function formatList(items: readonly string[], lang: Lang): string {
  const or = lang === 'vi' ? 'hoặc' : 'or';
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}
