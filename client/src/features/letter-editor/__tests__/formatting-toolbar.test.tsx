import { describe, expect, it, jest } from '@jest/globals';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Editor } from '@tiptap/core';
import { renderWithProviders } from '../../../test/render';
import { LetterEditor } from '../components/LetterEditor';
import { ariaShortcut, isApplePlatform, shortcutLabel } from '../shortcuts';

function editorOf(): Editor {
  const dom = screen.getByTestId('letter-editor') as HTMLElement & { editor?: Editor };
  return dom.editor!;
}

function renderEditor(initialHtml: string, locale: 'en' | 'es' = 'en') {
  const onChange = jest.fn<(html: string) => void>();
  renderWithProviders(<LetterEditor initialHtml={initialHtml} onChange={onChange} label="Letter" />, {
    preloadedState: { preferences: { locale } } as never,
  });
  return { onChange, editor: editorOf() };
}

/** Selects the text from `from` to `to` (ProseMirror positions: 1 is the start of the first paragraph). */
function select(editor: Editor, from: number, to: number) {
  act(() => {
    editor.commands.setTextSelection({ from, to });
  });
}

function selectAll(editor: Editor) {
  act(() => {
    editor.commands.selectAll();
  });
}

describe('the formatting toolbar', () => {
  it('makes the selection bold and italic, and shows each as pressed where the caret is', async () => {
    const { onChange, editor } = renderEditor('<p>Dear client</p>');
    const bold = screen.getByRole('button', { name: 'Bold' });
    const italic = screen.getByRole('button', { name: 'Italic' });
    expect(bold).toHaveAttribute('aria-pressed', 'false');

    select(editor, 1, 5);
    await userEvent.click(bold);
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p><strong>Dear</strong> client</p>'));
    expect(bold).toHaveAttribute('aria-pressed', 'true');
    expect(italic).toHaveAttribute('aria-pressed', 'false');

    await userEvent.click(italic);
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p><strong><em>Dear</em></strong> client</p>'));
    expect(italic).toHaveAttribute('aria-pressed', 'true');

    // Out of the bold word, neither is pressed; clicking bold again on it takes the mark away.
    select(editor, 8, 8);
    await waitFor(() => expect(bold).toHaveAttribute('aria-pressed', 'false'));
    select(editor, 1, 5);
    await userEvent.click(bold);
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p><em>Dear</em> client</p>'));
  });

  it('keeps a variable chip one atomic node when bold spans it', async () => {
    const { onChange, editor } = renderEditor('<p>Dear <$name> friend</p>');
    selectAll(editor);
    await userEvent.click(screen.getByRole('button', { name: 'Bold' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p><strong>Dear <$name> friend</strong></p>'));
    const chips: { nodeSize: number; isAtom: boolean; marks: string[] }[] = [];
    editor.state.doc.descendants((node) => {
      if (node.type.name === 'variable')
        chips.push({ nodeSize: node.nodeSize, isAtom: node.isAtom, marks: node.marks.map((m) => m.type.name) });
    });
    expect(chips).toEqual([{ nodeSize: 1, isAtom: true, marks: ['bold'] }]);
  });

  it('turns paragraphs into a bulleted or numbered list and a line into a heading', async () => {
    const { onChange, editor } = renderEditor('<p>One</p><p>Two</p>');
    selectAll(editor);
    await userEvent.click(screen.getByRole('button', { name: 'Bulleted list' }));
    await waitFor(() =>
      // StarterKit keeps a paragraph after a list at the end, so the caret can leave it.
      expect(onChange).toHaveBeenLastCalledWith('<ul><li><p>One</p></li><li><p>Two</p></li></ul><p></p>'),
    );
    select(editor, 3, 3);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'true'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Numbered list' }));
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith('<ol><li><p>One</p></li><li><p>Two</p></li></ol><p></p>'),
    );
    expect(screen.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('button', { name: 'Numbered list' })).toHaveAttribute('aria-pressed', 'true');

    act(() => {
      editor.commands.setContent('<p>One</p><p>Two</p>');
    });
    select(editor, 2, 2);
    await userEvent.click(screen.getByRole('button', { name: 'Heading' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<h2>One</h2><p>Two</p>'));
    expect(screen.getByRole('button', { name: 'Heading' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('refuses a javascript: link and links the selection to an https address', async () => {
    const { onChange, editor } = renderEditor('<p>Pay here</p>');
    select(editor, 5, 9);
    await userEvent.click(screen.getByRole('button', { name: 'Link' }));
    const address = await screen.findByLabelText('Address');
    await userEvent.type(address, 'javascript:alert(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(
      screen.getByText('Only web addresses (https:// or http://) and mailto: links can go in a letter.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Add a link' })).toBeInTheDocument();
    expect(editor.getHTML()).toBe('<p>Pay here</p>');

    await userEvent.clear(address);
    await userEvent.type(address, 'shop.example/pay');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(onChange).toHaveBeenLastCalledWith(
      '<p>Pay <a target="_blank" rel="noopener noreferrer nofollow" href="https://shop.example/pay">here</a></p>',
    );
    expect(screen.getByRole('button', { name: 'Link' })).toHaveAttribute('aria-pressed', 'true');

    // Ctrl+K on a link opens the dialog on it, which can take the link away again.
    act(() => {
      editor.commands.focus();
    });
    await userEvent.keyboard('{Control>}k{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Edit the link' })).toBeInTheDocument();
    expect(screen.getByLabelText('Address')).toHaveValue('https://shop.example/pay');
    await userEvent.click(screen.getByRole('button', { name: 'Remove link' }));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p>Pay here</p>'));
  });

  it('undoes and redoes, and says when there is nothing to undo', async () => {
    const { onChange, editor } = renderEditor('<p>Hello</p>');
    const undo = screen.getByRole('button', { name: 'Undo' });
    const redo = screen.getByRole('button', { name: 'Redo' });
    expect(undo).toHaveAttribute('aria-disabled', 'true');
    expect(redo).toHaveAttribute('aria-disabled', 'true');

    act(() => {
      editor.chain().setTextSelection(6).insertContent(' world').run();
    });
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p>Hello world</p>'));
    expect(undo).not.toHaveAttribute('aria-disabled');
    await userEvent.click(undo);
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p>Hello</p>'));
    expect(undo).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(redo);
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith('<p>Hello world</p>'));
    // A disabled button does nothing when pressed.
    await userEvent.click(redo);
    expect(onChange).toHaveBeenLastCalledWith('<p>Hello world</p>');
  });

  it('is one Tab stop whose arrow keys, Home and End move between the buttons', async () => {
    renderEditor('<p>Hi</p>');
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    const buttons = Array.from(toolbar.querySelectorAll('button'));
    expect(buttons.map((b) => b.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1', '-1', '-1', '-1']);
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Bold' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Italic' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(screen.getByRole('button', { name: 'Redo' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Bold' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Redo' })).toHaveFocus();
    expect(buttons.filter((b) => b.getAttribute('tabindex') === '0')).toEqual([
      screen.getByRole('button', { name: 'Redo' }),
    ]);
  });

  it('labels the buttons and shows their shortcuts in Spanish too', async () => {
    renderEditor('<p>Hola</p>', 'es');
    const bold = screen.getByRole('button', { name: 'Negrita' });
    expect(bold).toHaveAttribute('aria-keyshortcuts', 'Control+B');
    expect(screen.getByRole('toolbar', { name: 'Formato' })).toBeInTheDocument();
    for (const name of ['Cursiva', 'Título', 'Lista con viñetas', 'Lista numerada', 'Enlace', 'Deshacer', 'Rehacer']) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
    await userEvent.hover(bold);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Negrita (Ctrl+B)');
    await userEvent.click(screen.getByRole('button', { name: 'Enlace' }));
    expect(await screen.findByRole('dialog', { name: 'Añadir un enlace' })).toBeInTheDocument();
    expect(screen.getByText('Una dirección web (https://…) o un enlace de correo (mailto:…).')).toBeInTheDocument();
  });
});

describe('shortcut labels', () => {
  it('writes Ctrl+ on Windows and Linux and the ⌘ symbols on a Mac', () => {
    expect(isApplePlatform({ platform: 'MacIntel', userAgent: '' })).toBe(true);
    expect(isApplePlatform({ platform: 'Win32', userAgent: '' })).toBe(false);
    expect(shortcutLabel(['Mod', 'Shift', '8'], false)).toBe('Ctrl+Shift+8');
    expect(shortcutLabel(['Mod', 'Shift', '8'], true)).toBe('⌘⇧8');
    expect(ariaShortcut(['Mod', 'B'], true)).toBe('Meta+B');
    expect(ariaShortcut(['Mod', 'Alt', '2'], false)).toBe('Control+Alt+2');
  });
});
