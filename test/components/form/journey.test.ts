import { expect } from '@open-wc/testing';
import { parentPaths } from '../../../components/form/journey.js';
import { recordsUntickedAsFalse, withRequiredParents } from '../../../src/session/index.js';
import type { FieldUi, JsonSchema } from '../../../src/procedure/types.js';

const label = { vi: 'Câu hỏi', en: 'Question' };
const field = (path: string, widget: FieldUi['widget'] = 'text', extra: Partial<FieldUi> = {}) =>
  ({ field: path, widget, label, ...extra }) as FieldUi;

const SCHEMA: JsonSchema = {
  type: 'object',
  required: ['a', 'opt', 'ref'],
  $defs: { box: { type: 'object', properties: { x: { type: 'string' } }, required: ['x'] } },
  properties: {
    a: {
      type: 'object',
      required: ['b', 'name'],
      properties: {
        name: { type: 'string' },
        b: { type: 'object', required: ['c'], properties: { c: { type: 'string' } } },
      },
    },
    opt: { type: 'object', properties: { y: { type: 'string' } } },
    notRequired: { type: 'object', required: ['z'], properties: { z: { type: 'string' } } },
    ref: { $ref: '#/$defs/box' },
    flags: {
      type: 'object',
      properties: {
        plain: { type: 'boolean' },
        mustTick: { type: 'boolean', const: true },
        onlyTrue: { type: 'boolean', enum: [true] },
        noType: { const: true },
        falseOk: { type: 'boolean', enum: [true, false] },
      },
    },
  },
};

describe('journey helpers', () => {
  it('parentPaths lists the objects holding fields, shortest first, once each', () => {
    expect(
      parentPaths([field('a.b.c'), field('a.name'), field('top'), field('ref.x'), field('a.b.d')]),
    ).to.deep.equal(['a', 'ref', 'a.b']);
  });

  it('withRequiredParents adds only the missing required objects, without touching the input', () => {
    const answers = { opt: { y: 'có' } };
    const parents = ['a', 'notRequired', 'ref', 'a.b'];
    const out = withRequiredParents(SCHEMA, answers, parents);
    expect(out).to.deep.equal({ opt: { y: 'có' }, a: { b: {} }, ref: {} });
    expect(answers).to.deep.equal({ opt: { y: 'có' } });
  });

  it('withRequiredParents keeps answers that are there, and leaves a wrong type to the schema', () => {
    const answers = { a: { name: 'An', b: { c: 'x' } }, ref: 'not an object' };
    expect(withRequiredParents(SCHEMA, answers, ['a', 'ref', 'a.b'])).to.equal(answers);
    expect(withRequiredParents(SCHEMA, { a: { name: 'An' } }, ['a', 'a.b'])).to.deep.equal({
      a: { name: 'An', b: {} },
    });
  });

  it('recordsUntickedAsFalse: plain boolean boxes only, never boxes that must be ticked', () => {
    const check = (path: string, extra: Partial<FieldUi> = {}) =>
      recordsUntickedAsFalse(SCHEMA, field(path, 'checkbox', extra));
    expect(check('flags.plain')).to.equal(true);
    expect(check('flags.falseOk')).to.equal(true);
    expect(check('flags.mustTick')).to.equal(false);
    expect(check('flags.onlyTrue')).to.equal(false);
    expect(check('flags.noType')).to.equal(false);
    expect(check('flags.missing')).to.equal(false);
    expect(check('flags.plain', { options: [{ value: 'a', label }] })).to.equal(false);
    expect(recordsUntickedAsFalse(SCHEMA, field('flags.plain', 'radio'))).to.equal(false);
  });
});
