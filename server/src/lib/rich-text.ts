import sanitizeHtml from 'sanitize-html';

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

const placeholderOnly = /^(?:<\$\w+>|\{\$\w+\})$/;
const allowedHref = /^(?:https?:|mailto:)/i;

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
      const keep = allowedHref.test(href) || placeholderOnly.test(href);
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

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
