import sanitizeHtml from 'sanitize-html';
import { isAllowedLetterHref } from '@callboard/shared';

/**
 * What the TipTap StarterKit editor can produce, and nothing else. Everything outside this list
 * is removed (tags unwrapped to their text; script/style/textarea contents dropped whole).
 */
const editorAllowList = {
  tags: [
    'p',
    'br',
    'strong',
    'em',
    'u',
    's',
    'a',
    'ul',
    'ol',
    'li',
    'h1',
    'h2',
    'h3',
    'blockquote',
    'code',
    'pre',
    'hr',
    'span',
  ],
  linkSchemes: ['http', 'https', 'mailto'],
} as const;

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...editorAllowList.tags],
  allowedAttributes: {
    a: ['href', 'rel', { name: 'target', multiple: false, values: ['_blank'] }],
    span: ['data-variable'],
    code: ['class'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: [...editorAllowList.linkSchemes],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'template',
    'iframe',
    'object',
    'svg',
    'math',
  ],
  transformTags: {
    // Relative links mean nothing in an e-mail and hide odd schemes: only absolute http(s)/mailto
    // links survive, or a placeholder that rendering turns into one.
    a: (tagName, attribs) => {
      const href = (attribs.href ?? '').trim();
      const keep = isAllowedLetterHref(href);
      const { href: _href, ...rest } = attribs;
      return { tagName, attribs: keep ? { href, ...rest, rel: 'noopener noreferrer' } : rest };
    },
  },
};

/**
 * Sanitises HTML from the rich-text editor (letter templates, letters, call instructions)
 * against what the editor can produce.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, sanitizeOptions);
}

/**
 * The final pass over a rendered letter: what the editor makes, plus the tables that variables such
 * as `<$items>` insert (built by our code from escaped parts). The template itself went through
 * sanitizeRichText first, so a table typed into a template does not survive.
 */
const letterOptions: sanitizeHtml.IOptions = {
  ...sanitizeOptions,
  allowedTags: [...editorAllowList.tags, 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  allowedAttributes: {
    ...sanitizeOptions.allowedAttributes,
    table: ['border', 'cellpadding', 'cellspacing'],
    th: ['align', 'colspan'],
    td: ['align', 'colspan'],
  },
};

export function sanitizeLetterHtml(html: string): string {
  return sanitizeHtml(html, letterOptions);
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
