import { describe, expect, it } from '@jest/globals';
import { en, type MessageKey } from '../en';
import { es } from '../es';
import { screensEn } from '../screens.en';
import { screensEs } from '../screens.es';
import { loadScreenCatalogues, loadLocale, translate } from '../i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the string catalogue', () => {
  it('has a Spanish text for every English key, with the same placeholders', () => {
    const english: Record<MessageKey, string> = { ...en, ...screensEn };
    const spanish: Record<MessageKey, string> = { ...es, ...screensEs };
    const keys = Object.keys(english) as MessageKey[];
    expect(Object.keys(spanish).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(spanish[key].trim()).not.toBe('');
      expect([key, placeholders(spanish[key])]).toEqual([key, placeholders(english[key])]);
    }
  });

  it('fills placeholders and leaves unknown ones visible', async () => {
    await loadLocale('es');
    expect(translate('es', 'workbench.due', { count: 3 })).toBe('Pendientes ahora: 3');
    expect(translate('en', 'reason.task', {})).toBe('Call task: {title}');
  });

  it('translates the screens behind sign-in once their strings are loaded', async () => {
    await loadScreenCatalogues();
    expect(translate('es', 'orderList.reset')).toBe('Quitar filtros');
    expect(translate('en', 'myTasks.call')).toBe('Call');
  });
});
