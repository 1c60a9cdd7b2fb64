import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Template } from '@callboard/shared';
import { mockApi, type MockRequest } from '../../../test/mock-api';
import { settings } from '../../../test/fixtures';
import { order, renderCallDialog } from './call-dialog-setup';

const template: Template = {
  id: 't00000000000000000000001',
  name: 'Not reached',
  subject: 'We tried to call you',
  html: '<p>Hola <$name>, pay at <$payment_link></p>',
  outcome: 'not_reached',
  status: null,
  event: null,
  locale: 'en',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function api(preview: (req: MockRequest) => { missing: string[]; unknown: string[] }) {
  return mockApi({
    'GET /api/settings': () => ({ body: { settings } }),
    'GET /api/templates': () => ({ body: { items: [template] } }),
    'POST /api/templates/preview': (req) => {
      const body = req.body as { subject: string; html: string };
      return {
        body: { subject: body.subject, html: body.html.replace('<$name>', 'Lucía'), text: '', ...preview(req) },
      };
    },
    'POST /api/orders/:id/calls': async () => {
      await new Promise((r) => setTimeout(r, 50));
      return { status: 201, body: { call: { id: 'x' }, order } };
    },
  });
}

describe('CallDialog', () => {
  it('sends one request with one Idempotency-Key on a double click', async () => {
    const server = api(() => ({ missing: [], unknown: [] }));
    const onSaved = renderCallDialog('not_reached');
    const save = await screen.findByTestId('call-save');
    await waitFor(() => expect(save).toBeEnabled());
    fireEvent.click(save);
    fireEvent.click(save);
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const posts = server.calls('POST', /\/calls$/);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[0]!.body).toEqual({ outcome: 'not_reached' });
  });

  it('saves with Enter from the comment field, once, keeping the same key on a retry after a failure', async () => {
    let fail = true;
    const server = mockApi({
      'GET /api/settings': () => ({ body: { settings } }),
      'POST /api/orders/:id/calls': () =>
        fail
          ? { status: 503, body: { error: { code: 'service_unavailable', message: 'db down' } } }
          : { status: 201, body: { call: { id: 'x' }, order } },
    });
    const onSaved = renderCallDialog('not_reached');
    const comment = await screen.findByLabelText('Comment');
    await userEvent.type(comment, 'Voicemail');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText(/server is not ready/)).toBeInTheDocument();
    expect(comment).toHaveValue('Voicemail');
    fail = false;
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const posts = server.calls('POST', /\/calls$/);
    expect(posts).toHaveLength(2);
    expect(posts[1]!.headers.get('Idempotency-Key')).toBe(posts[0]!.headers.get('Idempotency-Key'));
    expect(posts[1]!.body).toEqual({ outcome: 'not_reached', comment: 'Voicemail' });
  });

  it('shows missing variables from the preview and blocks sending until they are gone', async () => {
    const server = api((req) =>
      (req.body as { html: string }).html.includes('<$payment_link>')
        ? { missing: ['payment_link'], unknown: [] }
        : { missing: [], unknown: [] },
    );
    renderCallDialog('not_reached');
    await userEvent.click(await screen.findByLabelText('Send a letter to the client'));
    expect(await screen.findByTestId('letter-problems')).toHaveTextContent('No value for this order: Payment link');
    const save = screen.getByTestId('call-save');
    expect(save).toBeDisabled();
    fireEvent.keyDown(screen.getByLabelText('Comment'), { key: 'Enter' });
    fireEvent.click(save);
    expect(server.calls('POST', /\/calls$/)).toHaveLength(0);

    // Remove the chip that has no value: the preview comes back clean and saving is allowed.
    const editor = (screen.getByTestId('letter-editor') as HTMLElement & { editor: import('@tiptap/core').Editor })
      .editor;
    act(() => {
      let at = -1;
      editor.state.doc.descendants((node, pos) => {
        if (node.attrs.name === 'payment_link') at = pos;
      });
      editor.commands.deleteRange({ from: at, to: at + 1 });
    });
    await waitFor(() => expect(screen.queryByTestId('letter-problems')).not.toBeInTheDocument());
    await waitFor(() => expect(save).toBeEnabled());
    fireEvent.click(save);
    await waitFor(() => expect(server.calls('POST', /\/calls$/)).toHaveLength(1));
    expect(server.calls('POST', /\/calls$/)[0]!.body).toMatchObject({
      outcome: 'not_reached',
      letter: { subject: 'We tried to call you', html: '<p>Hola <$name>, pay at </p>' },
      copyToManager: false,
    });
  });

  it('shows unknown placeholders too', async () => {
    api(() => ({ missing: [], unknown: ['nmae'] }));
    renderCallDialog('not_reached');
    await userEvent.click(await screen.findByLabelText('Send a letter to the client'));
    expect(await screen.findByTestId('letter-problems')).toHaveTextContent('Not a variable: <$nmae>');
    expect(screen.getByTestId('call-save')).toBeDisabled();
  });

  it('states the effect before saving: a second not-reached call in a row is due again in 24 hours', async () => {
    api(() => ({ missing: [], unknown: [] }));
    renderCallDialog('not_reached', { call: { ...order.call, lastOutcome: 'not_reached', notReachedStreak: 1 } });
    expect(await screen.findByTestId('call-effect')).toHaveTextContent(
      /^Due again tomorrow \d{1,2}:\d{2}.*— not reached 2 times in a row\.$/,
    );
  });

  it('requires a future callback time for a callback and says when it will be due', async () => {
    const server = api(() => ({ missing: [], unknown: [] }));
    renderCallDialog('callback');
    const save = await screen.findByTestId('call-save');
    expect(save).toBeDisabled();
    expect(screen.getByTestId('call-effect')).toHaveTextContent('Choose when the client wants to be called back.');
    await userEvent.click(screen.getByRole('button', { name: 'In 2 h' }));
    expect(screen.getByTestId('call-effect')).toHaveTextContent(/^Due again (today|tomorrow) \d{1,2}:\d{2}/);
    expect(screen.getByTestId('callback-times')).toHaveTextContent('client’s time');
    fireEvent.click(save);
    await waitFor(() => expect(server.calls('POST', /\/calls$/)).toHaveLength(1));
    const body = server.calls('POST', /\/calls$/)[0]!.body as { callbackAt: string };
    const inTwoHours = Date.now() + 2 * 3600_000;
    expect(Math.abs(Date.parse(body.callbackAt) - inTwoHours)).toBeLessThan(120_000);
  });
});
