import { describe, expect, it } from '@jest/globals';
import { defaultFilter, filterFromParams, filterToParams, filterToQuery } from '../order-filters';

describe('order list filters in the URL', () => {
  it('reads an empty URL as the default view: pending, reserved and paid, page 1', () => {
    const filter = filterFromParams(new URLSearchParams(''));
    expect(filter).toEqual(defaultFilter);
    expect(filterToQuery(filter)).toEqual({ status: 'pending,reserved,paid', page: 1, limit: 50 });
    expect(filterToParams(filter).toString()).toBe('');
  });

  it('round-trips every filter through the URL', () => {
    const url = 'status=reserved%2Ccancelled&year=2025&manager=none&tag=vip&stage=won&q=%2B34600&page=3&limit=100';
    const filter = filterFromParams(new URLSearchParams(url));
    expect(filter).toEqual({
      status: ['reserved', 'cancelled'],
      year: 2025,
      managerId: 'none',
      tag: 'vip',
      stage: 'won',
      q: '+34600',
      paymentCheck: false,
      needsContact: false,
      page: 3,
      limit: 100,
    });
    expect(filterToParams(filter).toString()).toBe(url);
    expect(filterToQuery(filter)).toEqual({
      status: 'reserved,cancelled',
      year: 2025,
      managerId: 'none',
      tag: 'vip',
      stage: 'won',
      q: '+34600',
      page: 3,
      limit: 100,
    });
  });

  it('asks for the open orders waiting for a callable phone under "Needs a contact"', () => {
    const filter = filterFromParams(new URLSearchParams('needs=contact'));
    expect(filter.needsContact).toBe(true);
    expect(filterToParams(filter).toString()).toBe('needs=contact');
    expect(filterToQuery(filter)).toMatchObject({ needsContact: 'true', status: 'pending,reserved,paid' });
  });

  it('asks for the flagged orders of every status under "Payments to check"', () => {
    const filter = filterFromParams(new URLSearchParams('check=payment'));
    expect(filter).toMatchObject({ paymentCheck: true, status: defaultFilter.status });
    expect(filterToParams(filter).toString()).toBe('check=payment');
    expect(filterToQuery(filter)).toEqual({ status: 'all', paymentCheck: 'true', page: 1, limit: 50 });
  });

  it('keeps "all" and drops what it cannot read', () => {
    expect(filterFromParams(new URLSearchParams('status=all')).status).toBe('all');
    const filter = filterFromParams(new URLSearchParams('status=bogus&year=19&page=-2&limit=7'));
    expect(filter).toEqual(defaultFilter);
  });
});
