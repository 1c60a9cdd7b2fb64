import { describe, expect, it } from '@jest/globals';
import { en, type MessageKey } from '../en';
import { es } from '../es';
import { translate } from '../i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the string catalogue', () => {
  it('has a Spanish text for every English key, with the same placeholders', () => {
    const keys = Object.keys(en) as MessageKey[];
    expect(Object.keys(es).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(es[key].trim()).not.toBe('');
      expect([key, placeholders(es[key])]).toEqual([key, placeholders(en[key])]);
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('es', 'workbench.due', { count: 3 })).toBe('Pendientes ahora: 3');
    expect(translate('en', 'reason.task', {})).toBe('Call task: {title}');
  });
});
