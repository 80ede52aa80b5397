import { messages, type MessageKey } from './messages.js';

/** Languages the built-in UI strings exist in; Vietnamese first. */
export type UiLang = 'vi' | 'en';

/** BCP 47 locale used with Intl for each UI language. */
export const LOCALES: Record<UiLang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Maps any `lang` value (`vi`, `vi-VN`, `en-US`…) to a UI language; unknown values read Vietnamese. */
export function toUiLang(value: string | null | undefined): UiLang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/**
 * Attribute converter for an element's `lang` property whose empty default means "follow the
 * page": keeps `lang=""` (which would tell assistive technology "unknown language") off the host.
 */
export const langAttribute = {
  fromAttribute: (value: string | null): string => value ?? '',
  toAttribute: (value: string): string | null => value || null,
};

/**
 * The language of the closest element with a `lang` attribute, crossing shadow roots, so a field
 * inside `<dvc-form lang="en">`'s shadow root speaks English without its own attribute.
 */
export function inheritedLang(from: Element): UiLang {
  return toUiLang(inheritedLangAttribute(from));
}

/**
 * The `lang` attribute of the closest element that has a non-empty one, from `from` up, crossing
 * shadow roots (the language `from` speaks when it has no attribute of its own), or null.
 */
export function inheritedLangAttribute(from: Element): string | null {
  let node: Node | null = from;
  while (node) {
    if (node instanceof Element) {
      // An element's own empty lang (a reflected default) means "inherit", not "unknown".
      const found = node.closest('[lang]:not([lang=""])');
      if (found) return found.getAttribute('lang');
    }
    const root: Node = (node as Element).getRootNode?.() ?? node;
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** Whether two language tags name the same language (`vi` and `vi-VN` do; `vi` and `fr` do not). */
export function sameLanguage(a: string, b: string): boolean {
  const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();
  return primary(a) === primary(b);
}

/** Looks a message up in the catalog and fills its `{param}` placeholders. */
export function t(lang: UiLang, key: MessageKey, params?: Record<string, string | number>): string {
  return fill(messages[lang][key], params);
}

/** Fills the `{param}` placeholders of a message (an element's own catalog's too). */
export function fill(template: string, params?: Record<string, string | number>): string {
  // Without params every placeholder stays as written: no replace (each field's first update
  // looks up its "required" message, a thousand times on a large page; docs/performance.md).
  return params
    ? template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      )
    : template;
}
