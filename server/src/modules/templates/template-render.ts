import { convert } from 'html-to-text';
import { letterVariables, type LetterVariable } from '@callboard/shared';
import { escapeHtml, sanitizeLetterHtml, sanitizeRichText } from '../../lib/rich-text.js';

/**
 * A variable's value: text (escaped when inserted), markup built by our own code from escaped
 * parts, `''` for an optional variable left empty (its paragraph disappears), or null when the
 * database has no value — which is an error the sender must see.
 */
export type VariableValue = string | { html: string } | null | undefined;
export type TemplateValues = Partial<Record<LetterVariable, VariableValue>>;

export type RenderedTemplate = {
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
export function renderTemplate(template: { subject: string; html: string }, values: TemplateValues): RenderedTemplate {
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

  const withoutEmpty = sanitizeRichText(template.html).replace(
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
function htmlToText(html: string): string {
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
