// Tests for the field names a select expression reads from the body, which the note on a missed name checks.
import { describe, expect, test } from 'vitest';
import { compileSelect } from '../../src/http/select-expression.js';

describe('the names a select reads', () => {
  test.each([
    {
      given: '{changes: orderChangeReportings[].{type: changeOrderType}, harvests: harvestOrderReportings[].status}',
      root: ['orderChangeReportings', 'harvestOrderReportings'],
      items: [],
    },
    { given: 'a.b[0].c', root: ['a'], items: [] },
    { given: 'items[?x > `1`].name', root: ['items'], items: [] },
    { given: 'length(items)', root: ['items'], items: [] },
    { given: 'a | b', root: ['a'], items: [] },
    { given: '[a, b.c]', root: ['a', 'b'], items: [] },
    { given: 'a || b', root: [], items: [] },
    { given: 'not_null(a, b)', root: [], items: [] },
    { given: 'sort_by(items, &name)[0]', root: ['items'], items: [] },
    { given: '[].{id: id, name: name}', root: [], items: ['id', 'name'] },
    { given: '[?discount].id', root: [], items: ['discount', 'id'] },
    { given: '[*].owner.login', root: [], items: ['owner'] },
  ])('$given', async ({ given, root, items }) => {
    const compiled = await compileSelect(given);
    expect([compiled.rootFields, compiled.itemFields]).toEqual([root, items]);
  });
});
