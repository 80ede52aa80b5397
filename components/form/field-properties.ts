/**
 * One element binding that sets a field element's properties, instead of one property binding
 * each: the form renders a dozen properties on every question, and each binding is an object lit
 * keeps for the life of the page, so a page of a thousand questions kept twelve thousand of them
 * (docs/performance.md). The semantics are lit's: a property is assigned only when its value
 * differs from the one this binding last gave (`===`); the `live` ones are compared with the
 * element's current value instead, as `live()` does, because the element changes them itself
 * (the person types, the form sets an error directly when a field is left).
 */
import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

class FieldPropertiesDirective extends Directive {
  private last: Record<string, unknown> | undefined;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT)
      throw new Error('fieldProperties() belongs in an element binding: <dvc-text-field ${…}>');
  }

  render(
    _properties: Record<string, unknown>,
    _live: readonly string[] = [],
    _attributes: Record<string, string> = {},
  ): unknown {
    return noChange;
  }

  override update(
    part: ElementPart,
    [properties, live = [], attributes = {}]: [
      Record<string, unknown>,
      (readonly string[])?,
      Record<string, string>?,
    ],
  ): unknown {
    // Attributes (the id, data-path) compared with the element's own, set only when different:
    // two attribute bindings per question were two more parts lit kept (issue 22 point 3).
    for (const [name, value] of Object.entries(attributes)) {
      if (part.element.getAttribute(name) !== value) part.element.setAttribute(name, value);
    }
    const el = part.element as unknown as Record<string, unknown>;
    const last = this.last;
    for (const [name, value] of Object.entries(properties)) {
      const current = live.includes(name) ? el[name] : last ? last[name] : undefined;
      const known = live.includes(name) || (last !== undefined && name in last);
      if (known && current === value) continue;
      el[name] = value;
    }
    this.last = properties;
    return noChange;
  }
}

/**
 * `<x ${fieldProperties({ label, hint, … }, ['value', 'error'], { id, 'data-path': path })}>`: the
 * properties, and the attributes, as one binding.
 */
export const fieldProperties = directive(FieldPropertiesDirective);
