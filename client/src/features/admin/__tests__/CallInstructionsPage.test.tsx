import { describe, expect, it } from '@jest/globals';
import { act, screen, waitFor } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../../test/mock-api';
import { settings } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { CallInstructionsPage } from '../components/CallInstructionsPage';

describe('CallInstructionsPage', () => {
  it('refuses instructions over the size limit', async () => {
    const server = mockApi({
      'GET /api/settings': () => ({
        body: { settings: { ...settings, callInstructions: `<p>${'x'.repeat(50_001)}</p>` } },
      }),
    });
    renderWithProviders(<CallInstructionsPage />);
    expect(await screen.findByText(/too long/)).toBeInTheDocument();
    expect(screen.getByTestId('instructions-save')).toBeDisabled();
    expect(server.calls('PATCH', /settings/)).toHaveLength(0);
  });

  it('saves the edited script to the settings and shows it as managers will', async () => {
    const server = mockApi({
      'GET /api/settings': () => ({
        body: { settings: { ...settings, callInstructions: '<p>Greet the customer.</p>' } },
      }),
      'PATCH /api/settings': (req) => ({ body: { settings: { ...settings, ...(req.body as object) } } }),
    });
    renderWithProviders(<CallInstructionsPage />);
    const editor = await screen.findByTestId('letter-editor');
    expect(screen.getByTestId('instructions-save')).toBeDisabled();
    // jsdom has no layout for typing into contenteditable; drive the editor as its own tests do.
    const tiptap = (editor as HTMLElement & { editor: Editor }).editor;
    act(() => {
      tiptap
        .chain()
        .setTextSelection(tiptap.state.doc.content.size - 1)
        .insertContent(' Then confirm the total.')
        .run();
    });
    await userEvent.click(screen.getByTestId('instructions-save'));
    await waitFor(() => expect(server.calls('PATCH', /settings/)).toHaveLength(1));
    expect(server.calls('PATCH', /settings/)[0]!.body).toEqual({
      callInstructions: '<p>Greet the customer. Then confirm the total.</p>',
    });
  });
});
