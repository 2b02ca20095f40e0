import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OwnerBuPageQuery } from './page-query';

const parse = (query: Record<string, string>) => {
  const value = plainToInstance(OwnerBuPageQuery, query);
  const invalid = validateSync(value, { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);
  return { value, invalid };
};

describe('OwnerBuPageQuery (a PageQuery)', () => {
  it('defaults to the first page of 20', () => {
    expect(parse({})).toEqual({ value: expect.objectContaining({ page: 1, limit: 20 }), invalid: [] });
  });

  it('turns query-string text into numbers and keeps the subclass filter', () => {
    expect(parse({ page: '3', limit: '100', ownerBu: 'bu-1' })).toEqual({
      value: expect.objectContaining({ page: 3, limit: 100, ownerBu: 'bu-1' }),
      invalid: [],
    });
  });

  it.each([
    [{ page: '0' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ page: 'two' }, 'page'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '101' }, 'limit'],
    [{ ownerBu: '' }, 'ownerBu'],
    [{ ownerBu: 'x'.repeat(65) }, 'ownerBu'],
  ])('refuses %j, naming %s', (query, field) => {
    expect(parse(query).invalid).toEqual([field]);
  });
});
