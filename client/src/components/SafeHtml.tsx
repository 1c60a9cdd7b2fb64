import { useMemo } from 'react';
import { Box, type SxProps, type Theme } from '@mui/material';

// Element names as localName gives them: lower case (tagName is upper case only for HTML elements).
const ALLOWED = new Set([
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'ul',
  'ol',
  'li',
  'a',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'code',
  'pre',
  'hr',
  'span',
  'div',
  'table',
  'tbody',
  'thead',
  'tr',
  'td',
  'th',
]);
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'svg',
  'math',
]);
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const SAFE_URL = /^(https?:|mailto:|tel:)/i;

/**
 * An allow-list pass over HTML the server already sanitised, so that what reaches innerHTML is
 * safe even if a stored value slipped past the server. DOMParser's document is inert: nothing
 * in it runs or loads while it is cleaned.
 */
export function sanitizeHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const clean = (el: Element) => {
    for (const child of Array.from(el.children)) {
      // SVG and MathML content (and anything else outside HTML) goes whole: unwrapping would keep
      // its text and its elements' namesakes (an SVG <a>) in HTML.
      if (DROPPED_WITH_CONTENT.has(child.localName) || child.namespaceURI !== HTML_NAMESPACE) {
        child.remove();
        continue;
      }
      clean(child);
      if (!ALLOWED.has(child.localName)) {
        child.replaceWith(...Array.from(child.childNodes));
        continue;
      }
      for (const attr of Array.from(child.attributes)) {
        const keep = child.localName === 'a' && attr.name === 'href' && SAFE_URL.test(attr.value.trim());
        if (!keep) child.removeAttribute(attr.name);
      }
      if (child.localName === 'a') {
        child.setAttribute('target', '_blank');
        child.setAttribute('rel', 'noopener noreferrer');
      }
    }
  };
  clean(doc.body);
  return doc.body.innerHTML;
}

export function SafeHtml({ html, sx, testId }: { html: string; sx?: SxProps<Theme>; testId?: string }) {
  const clean = useMemo(() => sanitizeHtml(html), [html]);
  return (
    <Box
      sx={[{ '& p': { my: 0.5 } }, ...(Array.isArray(sx) ? sx : [sx])]}
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
