import { ddlStatements, defineProjection, type Projection } from './projection';
import { tableResolver } from './projection-tables';

const base: Projection = {
  name: 'customer_list',
  version: 1,
  handles: ['CustomerRegistered'],
  tables: [{ name: 'customers', ddl: (t) => `CREATE TABLE ${t} (id text PRIMARY KEY)` }],
  apply: async () => undefined,
};

describe('defineProjection', () => {
  it('accepts a well-formed projection', () => {
    expect(defineProjection(base)).toBe(base);
  });

  it.each<[string, Partial<Projection>]>([
    ['a non-snake-case name', { name: 'CustomerList' }],
    ['a version below 1', { version: 0 }],
    ['no tables', { tables: [] }],
    ['a table name containing the shadow separator', { tables: [{ name: 'a__b', ddl: () => '' }] }],
    [
      'a table name too long for its shadow index names',
      { tables: [{ name: 'x'.repeat(51), ddl: () => '' }] },
    ],
    [
      'the same table twice',
      {
        tables: [
          { name: 't', ddl: () => '' },
          { name: 't', ddl: () => '' },
        ],
      },
    ],
  ])('refuses %s', (_label, change) => {
    expect(() => defineProjection({ ...base, ...change })).toThrow();
  });
});

describe('physical table names', () => {
  it('maps logical names to quoted live or shadow tables and refuses unknown ones', () => {
    expect(tableResolver(base, 'customers_read', '')('customers')).toBe('"customers_read"."customers"');
    expect(tableResolver(base, 'customers_read', '__shadow')('customers')).toBe(
      '"customers_read"."customers__shadow"',
    );
    expect(() => tableResolver(base, 'customers_read', '')('customer')).toThrow(/no table 'customer'/);
  });

  it('passes the physical name into the DDL', () => {
    expect(ddlStatements(base.tables[0] as Projection['tables'][number], '"s"."customers__shadow"')).toEqual([
      'CREATE TABLE "s"."customers__shadow" (id text PRIMARY KEY)',
    ]);
  });
});
