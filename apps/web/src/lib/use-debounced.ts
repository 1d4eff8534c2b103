import { useCallback, useEffect, useRef, useState } from 'react';

/** The value, updated only after it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(value: T, delayMs = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * Text typed into a search box whose settled value lives elsewhere (the URL).
 * Typing updates the box at once and commits the trimmed text after a pause; a change of
 * `committed` from outside (back button, a "clear" link) replaces the box's text, while the
 * echo of our own commit does not, so characters typed meanwhile are never lost.
 */
export function useDebouncedSearch(committed: string, commit: (value: string) => void, delayMs = 300) {
  const [text, setText] = useState(committed);
  const [seen, setSeen] = useState(committed);
  const [emitted, setEmitted] = useState(committed);
  if (committed !== seen) {
    setSeen(committed);
    if (committed !== emitted) setText(committed);
  }

  const latest = useRef({ commit, committed });
  useEffect(() => {
    latest.current = { commit, committed };
  });

  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const update = useCallback(
    (next: string) => {
      setText(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const value = next.trim();
        setEmitted(value);
        if (value !== latest.current.committed) latest.current.commit(value);
      }, delayMs);
    },
    [delayMs],
  );

  return [text, update] as const;
}
