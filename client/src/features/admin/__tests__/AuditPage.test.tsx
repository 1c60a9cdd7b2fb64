import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuditEntry } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { makeUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { AuditPage } from '../components/audit/AuditPage';
import { auditFilterFromParams, auditFilterToQuery, auditPathFor } from '../audit-filters';

const clientId = 'c00000000000000000000001';
const mia = makeUser({ id: 'u00000000000000000000002', name: 'Mia Manager', role: 'manager' });

const entries: AuditEntry[] = [
  {
    id: 'a1',
    at: '2026-03-02T10:30:00.000Z',
    by: { type: 'user', id: mia.id, name: 'Mia Manager' },
    objectType: 'client',
    objectId: clientId,
    action: 'updated',
    changes: { name: { from: 'Lucia Fernandez', to: 'Lucía Fernández' }, tags: { from: [], to: ['vip'] } },
  },
  {
    id: 'a2',
    at: '2026-03-02T09:00:00.000Z',
    by: { type: 'scheduler', id: null, name: 'Scheduler' },
    objectType: 'order',
    objectId: 'o00000000000000000000009',
    action: 'status_changed',
    changes: { status: { from: 'reserved', to: 'cancelled' } },
  },
];

function api() {
  return mockApi({
    'GET /api/users': () => ({ body: { items: [mia] } }),
    'GET /api/audit': (req) => {
      const items = entries.filter(
        (e) => !req.search.get('objectType') || e.objectType === req.search.get('objectType'),
      );
      return { body: { items, total: items.length, page: 1, limit: 50 } };
    },
  });
}

describe('AuditPage', () => {
  it('shows who (and what kind of actor), the object linked to its page, the action and each change before → after', async () => {
    api();
    renderWithProviders(<AuditPage />, { route: '/admin/audit' });
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByText('Mia Manager')).toBeInTheDocument();
    expect(first.getByText('person')).toBeInTheDocument();
    expect(first.getByRole('link', { name: /^Client/ })).toHaveAttribute('href', `/clients/${clientId}`);
    expect(first.getByText('Changed')).toBeInTheDocument();
    expect(first.getByText('name: Lucia Fernandez → Lucía Fernández')).toBeInTheDocument();
    expect(first.getByText('tags: [] → ["vip"]')).toBeInTheDocument();
    const second = within(rows[1]!);
    expect(second.getByText('scheduler')).toBeInTheDocument();
    expect(second.getByText('Status changed')).toBeInTheDocument();
    expect(screen.getByTestId('audit-total')).toHaveTextContent('Entries: 2');
  });

  it('filters by object type through the URL and exports with the same filters', async () => {
    const server = api();
    const { visited } = renderWithProviders(<AuditPage />, { route: '/admin/audit' });
    await screen.findAllByTestId('audit-row');
    await userEvent.click(screen.getByRole('combobox', { name: 'Object' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Client' }));
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    expect(visited.at(-1)).toBe('/admin/audit?objectType=client');
    expect(
      server
        .calls('GET', /\/audit$/)
        .at(-1)!
        .search.get('objectType'),
    ).toBe('client');
    expect(screen.getByTestId('audit-export')).toHaveAttribute('href', '/api/audit/export.csv?objectType=client');

    await userEvent.click(screen.getByRole('combobox', { name: 'Who' }));
    await userEvent.click(await screen.findByRole('option', { name: 'The scheduler' }));
    await waitFor(() => expect(visited.at(-1)).toBe('/admin/audit?objectType=client&actor=scheduler'));
    expect(
      server
        .calls('GET', /\/audit$/)
        .at(-1)!
        .search.get('actorType'),
    ).toBe('scheduler');
  });

  it('reads in Spanish', async () => {
    api();
    renderWithProviders(<AuditPage />, {
      route: '/admin/audit',
      preloadedState: { preferences: { locale: 'es' } } as never,
    });
    const rows = await screen.findAllByTestId('audit-row');
    expect(within(rows[0]!).getByText('persona')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('planificador')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Exportar CSV' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Cambios' })).toBeInTheDocument();
  });
});

describe('audit filters', () => {
  it('turns calendar days into instants in the reader zone, the end day counted whole', () => {
    const filter = auditFilterFromParams(
      new URLSearchParams('objectType=order&objectId=abc&actor=user:u1&from=2026-03-29&to=2026-03-29'),
    );
    // The day Madrid moves its clocks forward is 23 hours long.
    expect(auditFilterToQuery(filter, 'Europe/Madrid')).toEqual({
      objectType: 'order',
      objectId: 'abc',
      actorId: 'u1',
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
    });
    expect(auditFilterFromParams(new URLSearchParams('objectType=invoice&from=yesterday&limit=7'))).toMatchObject({
      objectType: null,
      from: '',
      limit: 50,
    });
    expect(auditPathFor('client', clientId)).toBe(`/admin/audit?objectType=client&objectId=${clientId}`);
  });
});
