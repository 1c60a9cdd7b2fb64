import { useCallback } from 'react';

/**
 * A ref that moves the focus to its element when the element appears (a new card's heading, made
 * focusable with tabIndex={-1}), so a screen reader announces what just opened.
 */
export function useFocusWhenShown<T extends HTMLElement>(enabled: boolean) {
  return useCallback(
    (el: T | null) => {
      if (enabled && el) el.focus();
    },
    [enabled],
  );
}
