import { describe, expect, it } from 'vitest';
import { requestListQuerySchema } from '@/lib/api/dto';
import { parseSearchParams, toSearchParams } from './search-params';

describe('toSearchParams', () => {
  it('joins lists with commas and leaves out empty values and defaults', () => {
    const params = toSearchParams(
      { status: ['PENDING', 'APPROVED'], q: '', key: undefined, page: 1, sort: 'commonName' },
      { page: 1, sort: 'createdAt' },
    );
    expect(params.toString()).toBe('status=PENDING%2CAPPROVED&sort=commonName');
  });
});

describe('parseSearchParams', () => {
  it('reads lists and numbers and fills in defaults', () => {
    const query = parseSearchParams(
      requestListQuerySchema,
      new URLSearchParams('status=PENDING,EXECUTED&page=3'),
    );
    expect(query).toMatchObject({
      status: ['PENDING', 'EXECUTED'],
      page: 3,
      pageSize: 25,
      sort: 'createdAt',
    });
  });

  it('drops a value that does not parse and keeps the others', () => {
    const query = parseSearchParams(requestListQuerySchema, { page: 'two', sort: 'nonsense', q: 'leaf' });
    expect(query).toMatchObject({ page: 1, sort: 'createdAt', q: 'leaf' });
  });

  it('round-trips what toSearchParams wrote', () => {
    const query = parseSearchParams(requestListQuerySchema, {
      status: 'REJECTED',
      order: 'asc',
      pageSize: '50',
    });
    expect(parseSearchParams(requestListQuerySchema, toSearchParams(query))).toEqual(query);
  });
});
