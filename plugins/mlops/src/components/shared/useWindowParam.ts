import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Window } from '../../api';

export const WINDOWS: Window[] = [30, 90, 365];
const DEFAULT_WINDOW: Window = 90;

/**
 * The reporting window lives in the URL (`?window=365`) so a manager can share the exact view.
 * Anything other than a supported window falls back to the default instead of erroring.
 */
export function useWindowParam(): [Window, (window: Window) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('window'));
  const window = WINDOWS.includes(raw as Window)
    ? (raw as Window)
    : DEFAULT_WINDOW;
  const setWindow = useCallback(
    (next: Window) =>
      setParams(
        previous => {
          const updated = new URLSearchParams(previous);
          updated.set('window', String(next));
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [window, setWindow];
}
