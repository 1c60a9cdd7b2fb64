import { useMemo } from 'react';
import { Box, type SxProps, type Theme } from '@mui/material';

const ALLOWED = new Set([
  'P',
  'BR',
  'STRONG',
  'B',
  'EM',
  'I',
  'U',
  'S',
  'UL',
  'OL',
  'LI',
  'A',
  'H2',
  'H3',
  'H4',
  'BLOCKQUOTE',
  'CODE',
  'PRE',
  'HR',
  'SPAN',
  'DIV',
  'TABLE',
  'TBODY',
  'THEAD',
  'TR',
  'TD',
  'TH',
]);
const DROPPED_WITH_CONTENT = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'TEMPLATE',
  'NOSCRIPT',
  'SVG',
  'MATH',
]);
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
      if (DROPPED_WITH_CONTENT.has(child.tagName)) {
        child.remove();
        continue;
      }
      clean(child);
      if (!ALLOWED.has(child.tagName)) {
        child.replaceWith(...Array.from(child.childNodes));
        continue;
      }
      for (const attr of Array.from(child.attributes)) {
        const keep = child.tagName === 'A' && attr.name === 'href' && SAFE_URL.test(attr.value.trim());
        if (!keep) child.removeAttribute(attr.name);
      }
      if (child.tagName === 'A') {
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
