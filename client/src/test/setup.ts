import '@testing-library/jest-dom/jest-globals';
import { loadScreenCatalogues, loadLocale } from '../i18n/i18n';

// Components render in either language straight away, as they do in the app behind sign-in.
await Promise.all([loadLocale('es'), loadScreenCatalogues()]);

// ProseMirror measures the selection to scroll it into view; jsdom does no layout.
const emptyRects = () =>
  ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
const zeroRect = () =>
  ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) }) as DOMRect;
Range.prototype.getClientRects = emptyRects;
Range.prototype.getBoundingClientRect = zeroRect;
document.elementFromPoint = () => null;
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => undefined,
  removeListener: () => undefined,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  dispatchEvent: () => false,
})) as typeof window.matchMedia;
