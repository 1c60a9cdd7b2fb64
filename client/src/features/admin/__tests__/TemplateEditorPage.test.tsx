import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Switch } from 'wouter';
import type { OrderListItem } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { makeOrder } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { TemplateEditorPage } from '../components/TemplateEditorPage';

const order: OrderListItem = { ...makeOrder(), clientName: 'Lucía Fernández', managerName: null };

function api() {
  return mockApi({
    'GET /api/orders': () => ({ body: { items: [order], total: 1, page: 1, limit: 25 } }),
    'POST /api/templates/preview': (req) => {
      const body = req.body as { subject: string; html: string };
      const unknown = [...body.html.matchAll(/<\$([a-z_]+)>/g)].map((m) => m[1]!).filter((n) => n === 'nmae');
      return {
        body: { subject: body.subject, html: body.html.replace('<$name>', 'Lucía'), text: '', missing: [], unknown },
      };
    },
    'POST /api/templates': (req) => ({
      status: 201,
      body: { template: { id: 't00000000000000000000005', ...(req.body as object) } },
    }),
  });
}

function renderEditor() {
  return renderWithProviders(
    <Switch>
      <Route path="/admin/templates/:id" component={TemplateEditorPage} />
      <Route path="/admin/templates">
        <div>the list</div>
      </Route>
    </Switch>,
    { route: '/admin/templates/new' },
  );
}

describe('TemplateEditorPage', () => {
  it('refuses a template without a name or subject, then saves one that uses a chip, as the default for a status', async () => {
    const server = api();
    renderEditor();
    const editor = await screen.findByTestId('letter-editor');
    await userEvent.click(screen.getByTestId('template-save'));
    expect(screen.getByText('Enter a name (at most 120 characters).')).toBeInTheDocument();
    expect(screen.getByText('Enter a subject (at most 300 characters).')).toBeInTheDocument();
    expect(server.calls('POST', /\/templates$/)).toHaveLength(0);

    await userEvent.type(screen.getByLabelText(/^Name/), 'Reserved (EN)');
    await userEvent.type(screen.getByLabelText(/^Subject/), 'Order reserved');
    await userEvent.click(editor);
    await userEvent.click(screen.getByRole('button', { name: 'Client name' }));
    await userEvent.click(screen.getByRole('combobox', { name: 'Default for' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Status “Reserved”' }));
    await waitFor(() => expect(screen.getByTestId('template-preview')).toHaveTextContent('Lucía'));

    await userEvent.click(screen.getByTestId('template-save'));
    await waitFor(() => expect(server.calls('POST', /\/templates$/)).toHaveLength(1));
    expect(server.calls('POST', /\/templates$/)[0]!.body).toEqual({
      name: 'Reserved (EN)',
      subject: 'Order reserved',
      html: expect.stringContaining('<$name>'),
      locale: 'en',
      outcome: null,
      status: 'reserved',
      event: null,
    });
    expect(await screen.findByText('the list')).toBeInTheDocument();
  });
});
