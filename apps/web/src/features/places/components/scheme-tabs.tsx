import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '@hoptac/core';

/** Newest first: the current map is what most visitors look for. */
export const SCHEME_ORDER: readonly Scheme[] = ['2025-07', '2025-01'];

export interface SchemeTabsProps {
  value: Scheme;
  onChange: (scheme: Scheme) => void;
  /** id of the element the tabs control (the results region). */
  controls: string;
}

/** The two editions of the administrative map as an ARIA tab list (arrow keys move). */
export function SchemeTabs({ value, onChange, controls }: SchemeTabsProps) {
  const { t } = useTranslation('places');
  const refs = useRef<Partial<Record<Scheme, HTMLButtonElement | null>>>({});

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = SCHEME_ORDER.indexOf(value);
    let next: number | null = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % SCHEME_ORDER.length;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowUp')
      next = (index - 1 + SCHEME_ORDER.length) % SCHEME_ORDER.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = SCHEME_ORDER.length - 1;
    if (next === null) return;
    event.preventDefault();
    const scheme = SCHEME_ORDER[next];
    if (!scheme) return;
    onChange(scheme);
    refs.current[scheme]?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t('scheme.label')} onKeyDown={onKeyDown}>
      {SCHEME_ORDER.map((scheme) => {
        const selected = scheme === value;
        return (
          <button
            key={scheme}
            ref={(el) => {
              refs.current[scheme] = el;
            }}
            type="button"
            role="tab"
            id={`scheme-tab-${scheme}`}
            className="tabs__tab"
            aria-selected={selected}
            aria-controls={controls}
            tabIndex={selected ? 0 : -1}
            onClick={() => {
              if (!selected) onChange(scheme);
            }}
          >
            {t(`scheme.${scheme}`)}
          </button>
        );
      })}
    </div>
  );
}
