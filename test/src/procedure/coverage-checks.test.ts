/**
 * `required-not-asked`: a required answer no question asks leaves a form that can never be sent.
 * What counts as asked follows what the form does (src/procedure/coverage-checks.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/index.js';

const minimal = readFileSync(new URL('./fixtures/valid-minimal.json', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into any member
type Json = Record<string, any>;
function variant(change: (p: Json) => void): string {
  const p = JSON.parse(minimal);
  change(p);
  return JSON.stringify(p, null, 2);
}
/** Adds a question to the second step. */
const ask = (p: Json, question: Json): void => void p.ui.steps[1].fields.push(question);
const removeQuestion = (p: Json, path: string): void => {
  for (const s of p.ui.steps) s.fields = s.fields.filter((f: Json) => f.field !== path);
};
const found = (text: string): [string, string][] =>
  loadProcedure(text).problems.map((p) => [p.code, p.pointer]);

test('the minimal procedure asks every required answer', () => {
  assert.deepEqual(loadProcedure(minimal).problems, []);
});

test('a required answer no question asks is an error at its required entry, in both languages', () => {
  const text = variant((p) => {
    p.data.required.push('phone');
    removeQuestion(p, 'phone');
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  // The `required` list is written one name a line.
  const line = lines.findIndex((l) => l.trim() === '"phone"') + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message]),
    [
      [
        'required-not-asked',
        'error',
        '/data/required/2',
        line,
        lines[line - 1]!.indexOf('"phone"') + 1,
        {
          vi: 'Mục bắt buộc "phone" không được hỏi ở câu hỏi nào trong "ui", nên người nộp không thể trả lời và không gửi được hồ sơ. Thêm một câu hỏi cho trường này hoặc bỏ nó khỏi "required".',
          en: 'The required answer "phone" is asked by no question in "ui", so applicants could never answer it or send the form. Add a question for it or remove it from "required".',
        },
      ],
    ],
  );
});

test('a required object is asked by a question inside it, and by a widget answering all of it', () => {
  // child (required) is asked through child.fullName; home through its address widget.
  const text = variant((p) => {
    p.data.properties.home = {
      type: 'object',
      properties: {
        province: { type: 'string' },
        commune: { type: 'string' },
        street: { type: 'string' },
      },
      required: ['province', 'commune', 'street'],
    };
    p.data.required.push('home');
    ask(p, { field: 'home', widget: 'address', label: { vi: 'Nơi cư trú' } });
  });
  assert.deepEqual(found(text), []);
});

test('a required object nobody answers is reported once, not at each of its members', () => {
  const text = variant((p) => {
    p.data.properties.mother = { $ref: '#/$defs/person' };
    p.data.properties.father = { $ref: '#/$defs/person' };
    // mother is required and never asked; father is optional and never asked (never present).
    p.data.required.push('mother');
  });
  assert.deepEqual(found(text), [['required-not-asked', '/data/required/2']]);
  assert.match(loadProcedure(text).problems[0]!.message.en, /"mother"/);
});

test('a repeat group asks its items only through its fields', () => {
  const text = variant((p) => {
    const group = p.ui.steps[0].fields.find((f: Json) => f.field === 'siblings');
    group.fields = [{ field: 'birthDate', widget: 'date', label: { vi: 'Ngày sinh' } }];
  });
  // person.fullName is asked for the child but not for the siblings.
  assert.deepEqual(found(text), [['required-not-asked', '/data/$defs/person/required/0']]);
  assert.match(loadProcedure(text).problems[0]!.message.en, /"siblings\[\]\.fullName"/);
});

test('a file widget asks for a document, never for an answer', () => {
  const text = variant((p) => {
    p.data.properties.certificate = { type: 'string' };
    p.data.required.push('certificate');
    ask(p, {
      field: 'certificate',
      widget: 'file',
      document: 'birth-certificate',
      label: { vi: 'Giấy chứng sinh' },
    });
  });
  assert.deepEqual(found(text), [
    ['required-not-asked', '/data/required/2'],
    ['file-field-in-data', '/ui/steps/1/fields/2/field'],
  ]);
});

test('a show rule hides a question but asks none: its target still needs a question', () => {
  const text = variant((p) => {
    p.data.required.push('phone');
    removeQuestion(p, 'phone');
    p.rules.push({
      id: 'show-phone',
      kind: 'show',
      conditions: { all: [{ fact: 'relation', operator: 'equal', value: 'mother' }] },
      targets: { fields: ['phone'] },
    });
  });
  assert.deepEqual(found(text), [['required-not-asked', '/data/required/2']]);
});

test('then: required unless its if requires an answer never asked', () => {
  const conditional = (ifSchema: Json) =>
    variant((p) => {
      p.data.properties.nickname = { type: 'string' };
      p.data.allOf = [{ if: ifSchema, then: { required: ['phone'] } }];
      removeQuestion(p, 'phone');
    });
  // The if holds whenever relation is "mother": phone is then required and never asked.
  assert.deepEqual(
    found(conditional({ properties: { relation: { const: 'mother' } }, required: ['relation'] })),
    [['required-not-asked', '/data/allOf/0/then/required/0']],
  );
  // An if needing an answer no question gives never holds.
  assert.deepEqual(found(conditional({ required: ['nickname'] })), []);
});

test('else: required unless its if only constrains answers never given (then it always holds)', () => {
  const conditional = (ifSchema: Json) =>
    variant((p) => {
      p.data.properties.nickname = { type: 'string' };
      p.data.if = ifSchema;
      p.data.else = { required: ['phone'] };
      removeQuestion(p, 'phone');
    });
  assert.deepEqual(found(conditional({ properties: { relation: { const: 'mother' } } })), [
    ['required-not-asked', '/data/else/required/0'],
  ]);
  assert.deepEqual(found(conditional({ properties: { nickname: { const: 'An' } } })), []);
});

test('dependentRequired applies when its trigger is asked', () => {
  const text = (trigger: string) =>
    variant((p) => {
      // nickname is declared but asked by no question: it is never answered.
      p.data.properties.nickname = { type: 'string' };
      p.data.dependentRequired = { [trigger]: ['phone'] };
      removeQuestion(p, 'phone');
    });
  assert.deepEqual(found(text('copies')), [
    ['required-not-asked', '/data/dependentRequired/copies/0'],
  ]);
  assert.deepEqual(found(text('nickname')), []);
});

test('anyOf and oneOf: reported only when no branch can be met', () => {
  const branches = (keyword: string, second: string) =>
    variant((p) => {
      p.data.properties.nickname = { type: 'string' };
      p.data[keyword] = [{ required: ['nickname'] }, { required: [second] }];
    });
  assert.deepEqual(found(branches('anyOf', 'phone')), []);
  assert.deepEqual(found(branches('oneOf', 'phone')), []);
  assert.deepEqual(found(branches('oneOf', 'nickname')), [
    ['required-not-asked', '/data/oneOf/0/required/0'],
    ['required-not-asked', '/data/oneOf/1/required/0'],
  ]);
});

test('a required member beside a misspelt question is left to unknown-field', () => {
  const text = variant((p) => {
    p.ui.steps[0].fields[0].field = 'child.fullname';
  });
  assert.deepEqual(found(text), [['unknown-field', '/ui/steps/0/fields/0/field']]);
});

/** An address object whose schema requires `required`, and the address question on `home`. */
const address = (required: string[], extra: Json = {}): Json => ({
  type: 'object',
  properties: {
    province: { type: 'string' },
    commune: { type: 'string' },
    street: { type: 'string' },
    district: { type: 'string' },
    postcode: { type: 'string' },
  },
  required,
  ...extra,
});
const askAddress = (p: Json, field = 'home'): void =>
  ask(p, { field, widget: 'address', label: { vi: 'Nơi cư trú' } });

test('an address question gives only province, commune and street: another required member is an error, in both languages', () => {
  const text = variant((p) => {
    p.data.properties.home = address(['province', 'commune', 'district', 'street']);
    p.data.required.push('home');
    askAddress(p);
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  // `required` is written one name a line: "district" is the third.
  const line = lines.findIndex((l) => l.trim() === '"district",') + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message]),
    [
      [
        'address-member-not-asked',
        'error',
        '/data/properties/home/required/2',
        line,
        lines[line - 1]!.indexOf('"district"') + 1,
        {
          vi: 'Câu hỏi địa chỉ "home" chỉ cho ra tỉnh, thành phố ("province"), xã, phường ("commune") và số nhà, đường ("street"), nhưng lược đồ của nó bắt buộc cả "district", nên người nộp không thể trả lời và không gửi được hồ sơ. Bỏ "district" khỏi "required" của địa chỉ (từ 1/7/2025 không còn cấp huyện), hoặc đặt nó ngoài địa chỉ và hỏi bằng một câu hỏi riêng.',
          en: 'The address question "home" gives only the province ("province"), the commune ("commune") and the house number and street ("street"), but its schema also requires "district", so applicants could never answer it or send the form. Remove "district" from the address\'s "required" (there are no districts since 1 July 2025), or move it out of the address and ask it with a question of its own.',
        },
      ],
    ],
  );
});

/** [case, change to the minimal procedure, expected [code, pointer, what the message names]]. */
const ADDRESS_CASES: [string, (p: Json) => void, [string, string, string[]][]][] = [
  [
    'the three parts required: nothing to say',
    (p) => {
      p.data.properties.home = address(['province', 'commune', 'street']);
      askAddress(p);
    },
    [],
  ],
  [
    'nothing required of an optional address',
    (p) => {
      p.data.properties.home = address([]);
      askAddress(p);
    },
    [],
  ],
  [
    'through a $ref, at the shared schema',
    (p) => {
      p.data.$defs.address = address(['province', 'postcode']);
      p.data.properties.home = { $ref: '#/$defs/address' };
      askAddress(p);
    },
    [['address-member-not-asked', '/data/$defs/address/required/1', ['home', 'postcode']]],
  ],
  [
    'inside each item of a repeat group',
    (p) => {
      p.data.$defs.address = address(['district']);
      p.data.properties.moves = {
        type: 'array',
        items: { type: 'object', properties: { home: { $ref: '#/$defs/address' } } },
      };
      ask(p, {
        field: 'moves',
        widget: 'group',
        label: { vi: 'Nơi đã ở' },
        fields: [{ field: 'home', widget: 'address', label: { vi: 'Địa chỉ' } }],
      });
    },
    [['address-member-not-asked', '/data/$defs/address/required/0', ['moves[].home', 'district']]],
  ],
  [
    'a dependentRequired whose trigger is a part',
    (p) => {
      p.data.properties.home = address([], { dependentRequired: { street: ['postcode'] } });
      askAddress(p);
    },
    [
      [
        'address-member-not-asked',
        '/data/properties/home/dependentRequired/street/0',
        ['home', 'postcode'],
      ],
    ],
  ],
  [
    'a then whose if holds for some province',
    (p) => {
      p.data.properties.home = address([], {
        if: { properties: { province: { const: '01' } }, required: ['province'] },
        then: { required: ['district'] },
      });
      askAddress(p);
    },
    [['address-member-not-asked', '/data/properties/home/then/required/0', ['home', 'district']]],
  ],
  [
    'a member a question of its own asks is wiped by the address widget',
    (p) => {
      p.data.properties.home = address(['province', 'postcode']);
      askAddress(p);
      ask(p, { field: 'home.postcode', widget: 'text', label: { vi: 'Mã bưu chính' } });
    },
    [
      [
        'address-part-asked-separately',
        '/ui/steps/1/fields/3/field',
        ['home.postcode', 'home', 'postcode'],
      ],
    ],
  ],
  [
    'an object no address question answers keeps required-not-asked',
    (p) => {
      p.data.properties.home = address(['province', 'district']);
      ask(p, { field: 'home.province', widget: 'text', label: { vi: 'Tỉnh' } });
    },
    [['required-not-asked', '/data/properties/home/required/1', ['home.district']]],
  ],
];

for (const [name, change, expected] of ADDRESS_CASES) {
  test(`address: ${name}`, () => {
    const r = loadProcedure(variant(change));
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.pointer]),
      expected.map(([code, pointer]) => [code, pointer]),
    );
    expected.forEach(([, , names], i) => {
      for (const n of names) assert.ok(r.problems[i]!.message.en.includes(`"${n}"`), n);
    });
    assert.equal(r.ok, expected.length === 0);
  });
}

test('a require rule target no question asks is an error at the target, in both languages', () => {
  const text = variant((p) => {
    p.data.properties.note = { type: 'string' };
    p.rules[1].targets.fields.push('note');
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.trim() === '"note"') + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message]),
    [
      [
        'require-target-not-asked',
        'error',
        '/rules/1/targets/fields/1',
        line,
        lines[line - 1]!.indexOf('"note"') + 1,
        {
          vi: 'Quy tắc "need-certificate" bắt buộc trả lời "note", nhưng không câu hỏi nào trong "ui" hỏi trường này, nên mỗi khi quy tắc áp dụng người nộp không thể trả lời và không gửi được hồ sơ. Thêm một câu hỏi cho trường này hoặc bỏ nó khỏi "targets" của quy tắc.',
          en: 'Rule "need-certificate" requires an answer to "note", but no question in "ui" asks it, so whenever the rule applies applicants could never answer it or send the form. Add a question for it or remove it from the rule\'s "targets".',
        },
      ],
    ],
  );
});

/** [case, change to the minimal procedure (rule 1 is a require rule), expected [code, pointer]]. */
const REQUIRE_CASES: [string, (p: Json) => void, [string, string][]][] = [
  ['a target a question asks', () => {}, []],
  ['an object target a question inside asks', (p) => (p.rules[1].targets.fields = ['child']), []],
  [
    'a list item member the group asks',
    (p) => (p.rules[1].targets.fields = ['siblings[].fullName']),
    [],
  ],
  [
    'a list item member the group does not ask',
    (p) => (p.rules[1].targets.fields = ['siblings[].birthDate']),
    [['require-target-not-asked', '/rules/1/targets/fields/0']],
  ],
  [
    'a part an address question gives, and a member it does not',
    (p) => {
      p.data.properties.home = address([]);
      askAddress(p);
      p.rules[1].targets.fields = ['home.province', 'home.district'];
    },
    [['require-target-not-asked', '/rules/1/targets/fields/1']],
  ],
  [
    'a target whose question was removed',
    (p) => {
      removeQuestion(p, 'phone');
      p.rules[1].targets.fields = ['phone'];
    },
    [['require-target-not-asked', '/rules/1/targets/fields/0']],
  ],
  [
    'a show rule asks nothing but requires nothing either',
    (p) => {
      removeQuestion(p, 'phone');
      p.rules[1].kind = 'show';
      p.rules[1].targets.fields = ['phone'];
    },
    [],
  ],
  [
    'a target data lacks is left to unknown-field',
    (p) => (p.rules[1].targets.fields = ['nickname']),
    [['unknown-field', '/rules/1/targets/fields/0']],
  ],
  [
    'a target beside a misspelt question is left to unknown-field',
    (p) => {
      p.ui.steps[0].fields[0].field = 'child.fullname';
      p.rules[1].targets.fields = ['child.fullName'];
    },
    [['unknown-field', '/ui/steps/0/fields/0/field']],
  ],
  [
    'a file widget gives a document, never the answer a rule requires',
    (p) => {
      p.data.properties.certificate = { type: 'string' };
      ask(p, {
        field: 'certificate',
        widget: 'file',
        document: 'birth-certificate',
        label: { vi: 'Giấy chứng sinh' },
      });
      p.rules[1].targets.fields = ['certificate'];
    },
    [
      ['file-field-in-data', '/ui/steps/1/fields/2/field'],
      ['require-target-not-asked', '/rules/1/targets/fields/0'],
    ],
  ],
];

for (const [name, change, expected] of REQUIRE_CASES) {
  test(`require rule: ${name}`, () => {
    assert.deepEqual(found(variant(change)), expected);
  });
}

test("the rules module's fixture of malformed rules is told its require target is never asked", () => {
  // test/src/rules/fixtures/broken.json is never loadable (no step, rules without reason…): the
  // rules tests read it with createRules only, and its require rule's "note" stays unasked.
  const text = readFileSync(new URL('../rules/fixtures/broken.json', import.meta.url), 'utf8');
  assert.deepEqual(
    loadProcedure(text)
      .problems.filter((p) => p.code === 'require-target-not-asked')
      .map((p) => [p.pointer, p.line, p.column]),
    [['/rules/3/targets/fields/0', 27, 137]],
  );
});

test('a question inside an address object is an error at its field, in both languages', () => {
  // The address widget sets `home` to { province, commune, street } on each change: `home.ward`,
  // asked before or after it, is wiped.
  const text = variant((p) => {
    p.data.properties.home = address([]);
    p.data.properties.home.properties.ward = { type: 'string' };
    p.ui.steps[0].fields.push({ field: 'home.ward', widget: 'text', label: { vi: 'Phường' } });
    askAddress(p);
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"field": "home.ward"')) + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message]),
    [
      [
        'address-part-asked-separately',
        'error',
        '/ui/steps/0/fields/4/field',
        line,
        lines[line - 1]!.indexOf('"home.ward"') + 1,
        {
          vi: 'Câu hỏi "home.ward" nằm trong địa chỉ "home", nhưng câu hỏi địa chỉ ghi lại cả địa chỉ (chỉ gồm tỉnh, thành phố; xã, phường; số nhà, đường) mỗi khi người nộp sửa nó, nên câu trả lời "ward" bị xoá mất. Đặt trường này ra ngoài địa chỉ (ví dụ cạnh "home") và hỏi nó ở đó.',
          en: 'The question "home.ward" lies inside the address "home", but the address question writes the whole address (only province, commune and house number and street) each time the applicant changes it, so the answer to "ward" is wiped. Move this field out of the address (for example beside "home") and ask it there.',
        },
      ],
    ],
  );
});

/** [case, change to the minimal procedure, expected [code, pointer]]. */
const INSIDE_ADDRESS_CASES: [string, (p: Json) => void, [string, string][]][] = [
  [
    'a question beside the address, not in it',
    (p) => {
      p.data.properties.home = address([]);
      p.data.properties.homeWard = { type: 'string' };
      askAddress(p);
      ask(p, { field: 'homeWard', widget: 'text', label: { vi: 'Phường' } });
    },
    [],
  ],
  [
    'a question on one of the parts the widget gives',
    (p) => {
      p.data.properties.home = address([]);
      askAddress(p);
      ask(p, { field: 'home.street', widget: 'text', label: { vi: 'Đường' } });
    },
    [['address-part-asked-separately', '/ui/steps/1/fields/3/field']],
  ],
  [
    'a group field inside the address of each item',
    (p) => {
      p.data.properties.moves = {
        type: 'array',
        items: { type: 'object', properties: { home: address([]) } },
      };
      p.data.properties.moves.items.properties.home.properties.ward = { type: 'string' };
      ask(p, {
        field: 'moves',
        widget: 'group',
        label: { vi: 'Nơi ở trước đây' },
        fields: [
          { field: 'home', widget: 'address', label: { vi: 'Địa chỉ' } },
          { field: 'home.ward', widget: 'text', label: { vi: 'Phường' } },
        ],
      });
    },
    [['address-part-asked-separately', '/ui/steps/1/fields/2/fields/1/field']],
  ],
  [
    'the same path in another object',
    (p) => {
      p.data.properties.home = address([]);
      p.data.properties.work = address([]);
      askAddress(p);
      ask(p, { field: 'work.street', widget: 'text', label: { vi: 'Đường' } });
    },
    [],
  ],
];

for (const [name, change, expected] of INSIDE_ADDRESS_CASES) {
  test(`inside an address: ${name}`, () => {
    assert.deepEqual(found(variant(change)), expected);
  });
}

/** A format-1.1 variant with a check rule on `field`. */
const withCheck = (field: string, change: (p: Json) => void = () => {}) =>
  variant((p) => {
    p.formatVersion = 1.1;
    change(p);
    p.rules.push({
      id: 'born-before-now',
      kind: 'check',
      field,
      conditions: { all: [{ fact: 'copies', operator: 'lessThan', value: 5 }] },
      message: { vi: 'Số bản sao phải ít hơn 5' },
    });
  });

test('a check rule whose field no question asks is an error at its field, in both languages', () => {
  const text = withCheck('phone', (p) => removeQuestion(p, 'phone'));
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"field": "phone"')) + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message]),
    [
      [
        'check-field-not-asked',
        'error',
        '/rules/2/field',
        line,
        lines[line - 1]!.indexOf('"phone"') + 1,
        {
          vi: 'Quy tắc kiểm tra "born-before-now" báo lỗi ở trường "phone", nhưng không câu hỏi nào trong "ui" hỏi trường này, nên người nộp thấy lỗi mà không có chỗ nào để sửa và không gửi được hồ sơ. Đặt "field" của quy tắc là trường có câu hỏi mà thông báo nhắc tới, hoặc thêm một câu hỏi cho trường này.',
          en: 'The check rule "born-before-now" reports its problem at "phone", but no question in "ui" asks it, so applicants would see a problem they have nowhere to correct and could not send the form. Set the rule\'s "field" to the asked field its message names, or add a question for it.',
        },
      ],
    ],
  );
});

/** [case, check rule field, change to the minimal procedure, expected [code, pointer]]. */
const CHECK_CASES: [string, string, (p: Json) => void, [string, string][]][] = [
  ['a field a question asks', 'copies', () => {}, []],
  ['an object a question inside asks', 'child', () => {}, []],
  [
    'an address part the widget gives, and a member it does not',
    'home.province',
    (p) => {
      p.data.properties.home = address([]);
      askAddress(p);
    },
    [],
  ],
  [
    'an address member the widget does not give',
    'home.district',
    (p) => {
      p.data.properties.home = address([]);
      askAddress(p);
    },
    [['check-field-not-asked', '/rules/2/field']],
  ],
  [
    'a field data lacks is left to unknown-field',
    'nickname',
    () => {},
    [['unknown-field', '/rules/2/field']],
  ],
  [
    'a field inside a list is left to check-field-in-list',
    'siblings[].birthDate',
    () => {},
    [['check-field-in-list', '/rules/2/field']],
  ],
  [
    'a file widget gives a document, never the answer checked',
    'certificate',
    (p) => {
      p.data.properties.certificate = { type: 'string' };
      ask(p, {
        field: 'certificate',
        widget: 'file',
        document: 'birth-certificate',
        label: { vi: 'Giấy chứng sinh' },
      });
    },
    [
      ['file-field-in-data', '/ui/steps/1/fields/2/field'],
      ['check-field-not-asked', '/rules/2/field'],
    ],
  ],
];

for (const [name, field, change, expected] of CHECK_CASES) {
  test(`check rule: ${name}`, () => {
    assert.deepEqual(found(withCheck(field, change)), expected);
  });
}

test('an address schema refusing a part the widget gives is widget-type-mismatch, in both languages', () => {
  const text = variant((p) => {
    p.data.properties.home = address([], { additionalProperties: false });
    delete p.data.properties.home.properties.street;
    p.data.properties.home.properties.commune = { type: 'integer' };
    askAddress(p);
  });
  const r = loadProcedure(text);
  assert.equal(r.ok, false);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"widget": "address"')) + 1;
  const column = lines[line - 1]!.indexOf('"address"') + 1;
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.pointer, p.line, p.column, p.message]),
    [
      [
        'widget-type-mismatch',
        'error',
        '/ui/steps/1/fields/2/widget',
        line,
        column,
        {
          vi: 'Câu hỏi địa chỉ "home" ghi tỉnh, thành phố ("province"), xã, phường ("commune") và số nhà, đường ("street"), nhưng lược đồ của nó có "additionalProperties": false mà không khai báo "street" trong "properties", nên địa chỉ người nộp nhập luôn bị từ chối. Khai báo "street" trong "properties" với "type": "string".',
          en: 'The address question "home" writes the province ("province"), the commune ("commune") and the house number and street ("street"), but its schema has "additionalProperties": false without declaring "street" in "properties", so the address applicants enter is always refused. Declare "street" in "properties" with "type": "string".',
        },
      ],
      [
        'widget-type-mismatch',
        'error',
        '/ui/steps/1/fields/2/widget',
        line,
        column,
        {
          vi: 'Câu hỏi địa chỉ "home" ghi tỉnh, thành phố ("province"), xã, phường ("commune") và số nhà, đường ("street") đều là chuỗi chữ, nhưng lược đồ của nó cho "commune" một kiểu khác, nên địa chỉ người nộp nhập luôn bị từ chối. Đặt "type": "string" cho "commune".',
          en: 'The address question "home" writes the province ("province"), the commune ("commune") and the house number and street ("street") as text, but its schema gives "commune" another type, so the address applicants enter is always refused. Set "type": "string" for "commune".',
        },
      ],
    ],
  );
});

/** [case, change to the minimal procedure (then `home` is asked by an address), expected]. */
const ADDRESS_SCHEMA_CASES: [string, (p: Json) => void, [string, string][]][] = [
  ['an open object with the three parts', (p) => (p.data.properties.home = address([])), []],
  [
    'a closed object declaring the three parts',
    (p) => (p.data.properties.home = address([], { additionalProperties: false })),
    [],
  ],
  [
    'a closed object declaring none',
    (p) => (p.data.properties.home = { type: 'object', additionalProperties: false }),
    [['widget-type-mismatch', '/ui/steps/1/fields/2/widget']],
  ],
  ['an open object declaring none', (p) => (p.data.properties.home = { type: 'object' }), []],
  [
    'a closed $defs object missing a part',
    (p) => {
      p.data.$defs.address = {
        type: 'object',
        properties: { province: {}, commune: {} },
        additionalProperties: false,
      };
      p.data.properties.home = { $ref: '#/$defs/address' };
    },
    [['widget-type-mismatch', '/ui/steps/1/fields/2/widget']],
  ],
  [
    'a part that may be a string or null',
    (p) => {
      p.data.properties.home = address([]);
      p.data.properties.home.properties.street = { type: ['string', 'null'] };
    },
    [],
  ],
  [
    'a part of type object',
    (p) => {
      p.data.properties.home = address([]);
      p.data.properties.home.properties.province = { type: 'object' };
    },
    [['widget-type-mismatch', '/ui/steps/1/fields/2/widget']],
  ],
];

for (const [name, change, expected] of ADDRESS_SCHEMA_CASES) {
  test(`address schema: ${name}`, () => {
    assert.deepEqual(
      found(
        variant((p) => {
          change(p);
          askAddress(p);
        }),
      ),
      expected,
    );
  });
}
