import type { Actor, LetterVariable } from '@callboard/shared';
import type { TemplateValues, VariableValue } from '../templates/index.js';

/** What a provider is asked: the order, who sends the letter, and whether it is only a preview. */
export type VariableRequest = { orderId: string; actor: Actor | undefined; preview: boolean };
export type VariableProvider = (request: VariableRequest) => Promise<VariableValue>;

const providers = new Map<LetterVariable, VariableProvider>();

/**
 * Variables whose value a module above letters owns (the customer's status link): registered at
 * start-up from wiring.ts, so letters never import that module.
 */
export function registerLetterVariable(name: LetterVariable, provider: VariableProvider): void {
  providers.set(name, provider);
}

const uses = (template: { subject: string; html: string }, name: string) =>
  new RegExp(`\\$${name}(?![A-Za-z0-9_])`).test(`${template.subject}${template.html}`);

/** The provided variables this template uses, each asked only then (a status link is made on first use). */
export async function providedValues(
  template: { subject: string; html: string },
  request: VariableRequest,
): Promise<TemplateValues> {
  const used = [...providers].filter(([name]) => uses(template, name));
  const values = await Promise.all(used.map(async ([name, provide]) => [name, await provide(request)] as const));
  return Object.fromEntries(values);
}
