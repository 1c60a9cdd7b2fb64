import sanitizeHtml from 'sanitize-html';
import { convert } from 'html-to-text';
import { letterVariables, type LetterVariable } from '@callboard/shared';

/**
 * What the TipTap StarterKit editor can produce, and nothing else. Everything outside this list
 * is removed (tags unwrapped to their text; script/style/textarea contents dropped whole).
 */
export const letterAllowList = {
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
  attributes: { a: ['href', 'target', 'rel'], span: ['data-variable'], code: ['class'] },
  linkSchemes: ['http', 'https', 'mailto'],
} as const;

const placeholderOnly = /^(?:<\$\w+>|\{\$\w+\})$/;
const allowedHref = /^(?:https?:|mailto:)/i;

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [...letterAllowList.tags],
  allowedAttributes: {
    a: ['href', 'rel', { name: 'target', multiple: false, values: ['_blank'] }],
    span: ['data-variable'],
    code: ['class'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: [...letterAllowList.linkSchemes],
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

/** Sanitises template and letter HTML against the editor's allow-list. */
export function sanitizeLetterHtml(html: string): string {
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

/**
 * A variable's value: text (escaped when inserted), markup built by our own code from escaped
 * parts, `''` for an optional variable left empty (its paragraph disappears), or null when the
 * database has no value — which is an error the sender must see.
 */
export type VariableValue = string | { html: string } | null | undefined;
export type LetterValues = Partial<Record<LetterVariable, VariableValue>>;

export type RenderedLetter = {
  subject: string;
  html: string;
  text: string;
  missing: LetterVariable[];
  unknown: string[];
};

const known = new Set<string>(letterVariables);
const name = '([A-Za-z_][A-Za-z0-9_]*)';
// In sanitised HTML a typed `<$name>` is text, so it appears escaped; `{$name}` appears as is.
const htmlPlaceholder = new RegExp(`&lt;\\$${name}&gt;|\\{\\$${name}\\}`, 'g');
const subjectPlaceholder = new RegExp(`<\\$${name}>|&lt;\\$${name}&gt;|\\{\\$${name}\\}`, 'g');
const emptyParagraph = new RegExp(`<p>\\s*(?:&lt;\\$${name}&gt;|\\{\\$${name}\\})\\s*</p>`, 'g');

function firstGroup(groups: (string | undefined)[]): string {
  return groups.find((g) => g !== undefined) ?? '';
}

/**
 * Substitutes variables into a template. Placeholders with no value are left as they are and
 * listed in `missing`; names that are not variables are listed in `unknown`. The caller decides
 * whether that is an error (sending) or information (preview) — both use this one function.
 */
export function renderLetter(template: { subject: string; html: string }, values: LetterValues): RenderedLetter {
  const missing = new Set<LetterVariable>();
  const unknown = new Set<string>();

  const lookup = (variable: string): string | { html: string } | false => {
    if (!known.has(variable)) {
      unknown.add(variable);
      return false;
    }
    const value = values[variable as LetterVariable];
    if (value === null || value === undefined) {
      missing.add(variable as LetterVariable);
      return false;
    }
    return value;
  };

  const subject = template.subject.replace(subjectPlaceholder, (match, ...groups: (string | undefined)[]) => {
    const value = lookup(firstGroup(groups.slice(0, 3)));
    if (value === false) return match;
    return typeof value === 'string' ? value : htmlToText(value.html);
  });

  const withoutEmpty = sanitizeLetterHtml(template.html).replace(
    emptyParagraph,
    (match, ...groups: (string | undefined)[]) =>
      values[firstGroup(groups.slice(0, 2)) as LetterVariable] === '' ? '' : match,
  );
  const substituted = withoutEmpty.replace(htmlPlaceholder, (match, ...groups: (string | undefined)[]) => {
    const value = lookup(firstGroup(groups.slice(0, 2)));
    if (value === false) return match;
    return typeof value === 'string' ? escapeHtml(value) : value.html;
  });
  const html = sanitizeLetterHtml(substituted);

  return {
    subject: subject.replace(/[\r\n]+/g, ' ').trim(),
    html,
    text: htmlToText(html),
    missing: [...missing],
    unknown: [...unknown],
  };
}

/** The plain-text alternative part of a letter. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: 100,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
    ],
  });
}
