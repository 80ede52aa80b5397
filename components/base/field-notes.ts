/**
 * A field's hint, "pre-filled" badge and error as one part of its template, made as plain nodes:
 * three child parts (with a marker comment each, and a nested template for each note shown) were
 * kept by lit for the life of the page for every question, a thousand times on a large page
 * (docs/performance.md, issue 22 point 3). The elements are the ones the nested templates made:
 *
 *   <span part="hint" class="hint" id="hint">…</span>
 *   <span part="format-hint" class="hint" id="format">Ví dụ: 15/03/2025</span>  (a date field's)
 *   <span part="prefilled" class="badge" id="prefilled">Đã điền sẵn</span>
 *   <span part="error" class="error" id="error"><span class="visually-hidden">Lỗi: </span>…</span>
 *
 * They are made again only when one of their texts changes (an error appears, goes or changes).
 */
import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { checkDirectivePlace } from './directive-place.js';

function span(part: string, className: string, id: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.setAttribute('part', part);
  el.className = className;
  el.id = id;
  el.textContent = text;
  return el;
}

class FieldNotesDirective extends Directive {
  private hint?: string;
  private badge?: string;
  private prefix?: string;
  private error?: string;
  private format?: string;

  constructor(info: PartInfo) {
    super(info);
    checkDirectivePlace(info, PartType.CHILD, 'fieldNotes');
  }

  /**
   * @param hint the hint, or empty
   * @param badge the badge's text when the value is pre-filled, or empty
   * @param prefix the error's visually hidden prefix ("Lỗi:")
   * @param error the error, or empty
   * @param format a date field's format example after the hint, or empty
   */
  render(hint: string, badge: string, prefix: string, error: string, format = ''): unknown {
    if (
      hint === this.hint &&
      badge === this.badge &&
      prefix === this.prefix &&
      error === this.error &&
      format === this.format
    )
      return noChange;
    this.hint = hint;
    this.badge = badge;
    this.prefix = prefix;
    this.error = error;
    this.format = format;
    if (!hint && !format && !badge && !error) return nothing;
    // A fragment is committed as its children; the next one replaces them (lit clears the part).
    const fragment = document.createDocumentFragment();
    if (hint) fragment.append(span('hint', 'hint', 'hint', hint));
    if (format) fragment.append(span('format-hint', 'hint', 'format', format));
    if (badge) fragment.append(span('prefilled', 'badge', 'prefilled', badge));
    if (error) {
      const el = span('error', 'error', 'error', '');
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = `${prefix} `;
      el.append(hidden, error);
      fragment.append(el);
    }
    return fragment;
  }
}

/** `${fieldNotes(hint, badge, prefix, error, format?)}`: hint, format, badge and error as one part. */
export const fieldNotes = directive(FieldNotesDirective);
