import { InputRule, mergeAttributes, Node } from '@tiptap/core';
import { letterVariables, type LetterVariable } from '@callboard/shared';

const PLACEHOLDER = /(?:<\$|\{\$)([a-z_]+)(?:>|\})/g;

// Module augmentation needs an interface.
declare module '@tiptap/core' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Commands<ReturnType> {
    variableChip: { insertVariable: (name: LetterVariable) => ReturnType };
  }
}

export type VariableChipOptions = { labels: Record<string, string> };

/**
 * A letter variable as one inline atom: the caret never enters it, so it is inserted, selected
 * and deleted whole and cannot be mistyped. In the editor it shows its label; in the stored
 * template it is the `<$name>` placeholder the server substitutes.
 */
export const VariableChip = Node.create<VariableChipOptions>({
  name: 'variable',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { labels: {} };
  },

  addAttributes() {
    return {
      name: {
        default: null,
        parseHTML: (el) => el.getAttribute('data-variable'),
        renderHTML: (attrs) => ({ 'data-variable': attrs.name as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-variable]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const name = node.attrs.name as string;
    return [
      'span',
      mergeAttributes(HTMLAttributes, { class: 'variable-chip', contenteditable: 'false', title: `<$${name}>` }),
      this.options.labels[name] ?? name,
    ];
  },

  renderText({ node }) {
    return `<$${node.attrs.name as string}>`;
  },

  addCommands() {
    return {
      insertVariable:
        (name) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { name } }),
    };
  },

  addInputRules() {
    // Typing a placeholder by hand turns it into a chip too.
    return [
      new InputRule({
        find: /(?:<\$|\{\$)([a-z_]+)(?:>|\})$/,
        handler: ({ state, range, match }) => {
          state.tr.replaceWith(range.from, range.to, this.type.create({ name: match[1] }));
        },
      }),
    ];
  },
});

export function isLetterVariable(name: string): name is LetterVariable {
  return (letterVariables as readonly string[]).includes(name);
}

/** Stored template HTML → editor HTML: placeholders in text (never inside attributes) become chips. */
export function templateToEditorHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const text of texts) {
    const value = text.data;
    if (!PLACEHOLDER.test(value)) continue;
    PLACEHOLDER.lastIndex = 0;
    const fragment = doc.createDocumentFragment();
    let last = 0;
    for (const match of value.matchAll(PLACEHOLDER)) {
      fragment.append(value.slice(last, match.index));
      const chip = doc.createElement('span');
      chip.setAttribute('data-variable', match[1]!);
      fragment.append(chip);
      last = match.index + match[0].length;
    }
    fragment.append(value.slice(last));
    text.replaceWith(fragment);
  }
  return doc.body.innerHTML;
}

/** Editor HTML → stored template HTML: every chip back to its `<$name>` placeholder. */
export function editorHtmlToTemplate(html: string): string {
  return html.replace(/<span\b[^>]*\bdata-variable="([a-z_]+)"[^>]*>[^<]*<\/span>/g, '<$$$1>');
}
