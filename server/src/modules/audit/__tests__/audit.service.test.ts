import { describe, expect, it } from '@jest/globals';
import { changedFields, changedPaths, removedFields } from '../audit.service.js';

describe('changedPaths', () => {
  it('names a nested change by its path, a removed member as going to null, and skips top-level fields not given', () => {
    const before = {
      companyName: 'A',
      statusEmails: {
        paid: { notifyClient: true, templateId: null },
        shipped: { notifyClient: true, templateId: null },
      },
      tags: ['x'],
    };
    const after = {
      statusEmails: { paid: { notifyClient: false, templateId: null } },
      tags: ['x', 'y'],
    };
    expect(changedPaths(before, after)).toEqual({
      'statusEmails.paid.notifyClient': { from: true, to: false },
      'statusEmails.shipped': { from: { notifyClient: true, templateId: null }, to: null },
      tags: { from: ['x'], to: ['x', 'y'] },
    });
  });

  it('compares whole objects in changedFields, and keeps what a deletion removed', () => {
    expect(changedFields({ delivery: { method: 'post' } }, { delivery: { method: 'courier' } })).toEqual({
      delivery: { from: { method: 'post' }, to: { method: 'courier' } },
    });
    expect(removedFields({ name: 'Old', outcome: null, html: '<p>x</p>' })).toEqual({
      name: { from: 'Old', to: null },
      html: { from: '<p>x</p>', to: null },
    });
  });
});
