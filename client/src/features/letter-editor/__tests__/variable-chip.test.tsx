import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Editor } from '@tiptap/core';
import { renderWithProviders } from '../../../test/render';
import { LetterEditor } from '../components/LetterEditor';
import { editorHtmlToTemplate, templateToEditorHtml } from '../variable-chip';

function editorOf(): Editor {
  const dom = screen.getByTestId('letter-editor') as HTMLElement & { editor?: Editor };
  return dom.editor!;
}

describe('variable chips', () => {
  it('turns placeholders in text into chips, leaving attributes alone', () => {
    const html = templateToEditorHtml(
      '<p>Hola <$name>, {$order_number} &lt;$total&gt;</p><p><a href="<$payment_link>">pay</a></p>',
    );
    expect(html).toBe(
      '<p>Hola <span data-variable="name"></span>, <span data-variable="order_number"></span> <span data-variable="total"></span></p><p><a href="<$payment_link>">pay</a></p>',
    );
  });

  it('serialises chips back to the <$name> placeholder', () => {
    expect(
      editorHtmlToTemplate(
        '<p>Hi <span data-variable="name" class="variable-chip" contenteditable="false">Client name</span>!</p>',
      ),
    ).toBe('<p>Hi <$name>!</p>');
  });

  it('inserts an atomic chip from a variable button and stores it as <$name>', async () => {
    const onChange = jest.fn<(html: string) => void>();
    renderWithProviders(<LetterEditor initialHtml="<p>Dear client</p>" onChange={onChange} label="Letter" />);
    const editor = editorOf();
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    await userEvent.click(screen.getByRole('button', { name: 'Client name' }));

    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p>Dear client<$name></p>'));
    const chip = screen.getByText('Client name', { selector: '.variable-chip' });
    expect(chip).toHaveAttribute('contenteditable', 'false');

    let chipNode = null as null | { isAtom: boolean; isLeaf: boolean; nodeSize: number };
    editor.state.doc.descendants((node) => {
      if (node.type.name === 'variable') chipNode = node;
    });
    expect(chipNode).toMatchObject({ isAtom: true, isLeaf: true, nodeSize: 1 });

    // One step back from after the chip removes all of it: there is no inside to half-delete.
    const end = editor.state.selection.from;
    editor.commands.deleteRange({ from: end - 1, to: end });
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p>Dear client</p>'));
  });

  it('loads a stored template with its placeholders as chips and round-trips it unchanged', async () => {
    const onChange = jest.fn<(html: string) => void>();
    renderWithProviders(
      <LetterEditor initialHtml="<p>Hola <$name>, pedido <$order_number></p>" onChange={onChange} label="Letter" />,
    );
    expect(await screen.findByText('Client name', { selector: '.variable-chip' })).toBeInTheDocument();
    expect(screen.getByText('Order number', { selector: '.variable-chip' })).toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith('<p>Hola <$name>, pedido <$order_number></p>');
  });
});
