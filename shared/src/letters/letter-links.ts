// Apart from the letter schemas, like letter-variables.ts: the editor's link dialog needs it without zod.

const allowedScheme = /^(?:https?:|mailto:)/i;
const placeholderOnly = /^(?:<\$\w+>|\{\$\w+\})$/;

/**
 * Whether a letter may link to `href`: an absolute http(s) or mailto address, or a variable the server
 * substitutes with one (`<$payment_link>`). The server's sanitiser removes any other link; the editor's
 * link dialog refuses it.
 */
export function isAllowedLetterHref(href: string): boolean {
  const value = href.trim();
  return allowedScheme.test(value) || placeholderOnly.test(value);
}
