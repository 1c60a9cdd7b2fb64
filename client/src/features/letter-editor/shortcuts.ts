/** A keyboard shortcut as TipTap binds it: `Mod` is ⌘ on a Mac and Ctrl elsewhere. */
export type Shortcut = readonly ('Mod' | 'Shift' | 'Alt' | string)[];

export function isApplePlatform(nav: Pick<Navigator, 'platform' | 'userAgent'> = navigator): boolean {
  return /Mac|iPhone|iPad|iPod/.test(nav.platform || nav.userAgent);
}

const appleSymbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
const otherNames: Record<string, string> = { Mod: 'Ctrl', Shift: 'Shift', Alt: 'Alt' };
const ariaNames: Record<string, (apple: boolean) => string> = {
  Mod: (apple) => (apple ? 'Meta' : 'Control'),
  Shift: () => 'Shift',
  Alt: () => 'Alt',
};

/** As a tooltip shows it: "Ctrl+Shift+8", or "⌘⇧8" on a Mac. */
export function shortcutLabel(keys: Shortcut, apple: boolean): string {
  return apple ? keys.map((k) => appleSymbols[k] ?? k).join('') : keys.map((k) => otherNames[k] ?? k).join('+');
}

/** As aria-keyshortcuts names it: "Control+Shift+8", "Meta+B". */
export function ariaShortcut(keys: Shortcut, apple: boolean): string {
  return keys.map((k) => ariaNames[k]?.(apple) ?? k).join('+');
}
