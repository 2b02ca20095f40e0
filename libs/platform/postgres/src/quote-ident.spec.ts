import { qualifiedName, quoteIdent } from './quote-ident';

describe('quoteIdent', () => {
  it.each(['customers', 'customers_read', '_private', 'Mixed_Case9', 'a'.repeat(63)])(
    'double-quotes the plain identifier %s',
    (name) => {
      expect(quoteIdent(name)).toBe(`"${name}"`);
    },
  );

  it.each([
    '',
    '9lives',
    'has space',
    'dash-name',
    'quote"inside',
    'semi;colon',
    'x"; drop schema public cascade; --',
    'dotted.name',
    'ünïcode',
    'a'.repeat(64),
  ])('rejects %j instead of escaping it', (name) => {
    expect(() => quoteIdent(name)).toThrow(TypeError);
  });

  it('names the offending identifier in the error', () => {
    expect(() => quoteIdent('bad name')).toThrow(/'bad name'/);
  });
});

describe('qualifiedName', () => {
  it('quotes schema and name separately', () => {
    expect(qualifiedName('crm', 'customer_list')).toBe('"crm"."customer_list"');
  });

  it('checks both parts', () => {
    expect(() => qualifiedName('crm', 'x.y')).toThrow(TypeError);
    expect(() => qualifiedName('c rm', 'table')).toThrow(TypeError);
  });
});
