/**
 * One element binding that sets a field element's properties and attributes, instead of one
 * binding each: the form renders a dozen properties and two attributes on every question, and
 * each binding is an object lit keeps for the life of the page, so a page of a thousand questions
 * kept fourteen thousand of them (docs/performance.md). Each property is compared with the
 * element's current value and assigned only when it differs, as `live()` does: the element
 * changes some itself (the person types, the form sets an error directly when a field is left),
 * and comparing with the element keeps no copy of the last properties per question. An element
 * property is a lit reactive property, which renders only when its value changed anyway.
 */
import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { checkDirectivePlace } from '../base/directive-place.js';

class FieldPropertiesDirective extends Directive {
  constructor(info: PartInfo) {
    super(info);
    checkDirectivePlace(info, PartType.ELEMENT, 'fieldProperties');
  }

  render(_properties: Record<string, unknown>, _attributes: Record<string, string> = {}): unknown {
    return noChange;
  }

  override update(
    part: ElementPart,
    [properties, attributes = {}]: [Record<string, unknown>, Record<string, string>?],
  ): unknown {
    const el = part.element as unknown as Record<string, unknown>;
    // for…in, not Object.entries: no array of pairs per question on every render.
    for (const name in attributes) {
      const value = attributes[name]!;
      if (part.element.getAttribute(name) !== value) part.element.setAttribute(name, value);
    }
    for (const name in properties) {
      const value = properties[name];
      if (el[name] !== value) el[name] = value;
    }
    return noChange;
  }
}

/**
 * `<x ${fieldProperties({ label, hint, … }, { id, 'data-path': path })}>`: the properties and the
 * attributes as one binding, each set only when the element's own differs.
 */
export const fieldProperties = directive(FieldPropertiesDirective);
