import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@hoptac/core';
import { TextField } from '../../../components/field.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced.ts';
import { useCommuneSearch } from '../api.ts';

/** A commune as the forms keep it: code, name and (for the old edition) its former district. */
export interface PickedUnit {
  code: string;
  fullName: string;
  parentName?: string | null | undefined;
}

export interface UnitComboboxProps {
  scheme: '2025-01' | '2025-07';
  label: string;
  value: PickedUnit | null;
  onChange: (next: PickedUnit | null) => void;
  hint?: string | undefined;
  error?: string | undefined;
  placeholder?: string | undefined;
}

const MIN_QUERY = 2;
const LIMIT = 8;

/**
 * Single choice of a commune by accent-insensitive search (an ARIA combobox); the choice
 * is shown under the box with a button to clear it.
 */
export function UnitCombobox({ scheme, label, value, onChange, hint, error, placeholder }: UnitComboboxProps) {
  const { t } = useTranslation('registry');
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 250);
  const enabled = q.length >= MIN_QUERY;
  const units = useCommuneSearch(scheme, q, LIMIT);
  const options: Unit[] = enabled ? (units.data?.items ?? []).filter((u) => u.code !== value?.code) : [];
  const expanded = open && options.length > 0;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  const pick = (unit: Unit) => {
    onChange({ code: unit.code, fullName: unit.fullName, parentName: unit.parent?.fullName ?? null });
    setText('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (Math.min(i, options.length - 1) + 1) % options.length : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (options.length ? (Math.min(i, options.length - 1) - 1 + options.length) % options.length : 0));
    } else if (event.key === 'Enter') {
      const unit = expanded ? options[activeIndex] : undefined;
      if (unit) {
        event.preventDefault();
        pick(unit);
      }
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  };

  let status: string | null = null;
  if (open && text.trim().length > 0 && text.trim().length < MIN_QUERY) status = t('picker.typeMore');
  else if (open && enabled && units.isFetching && options.length === 0) status = t('common:state.loading');
  else if (open && enabled && units.isSuccess && !units.isFetching && options.length === 0)
    status = t('picker.noResults');

  return (
    <div className="picker">
      <TextField
        label={label}
        type="text"
        role="combobox"
        autoComplete="off"
        placeholder={placeholder ?? t('picker.placeholder')}
        hint={hint}
        error={error}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${activeIndex}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('picker.results')} className="picker__options" hidden={!expanded}>
        {options.map((unit, index) => (
          <li
            key={unit.code}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className="picker__option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(unit)}
          >
            <span className="picker__option-name">{unit.fullName}</span>
            <span className="picker__option-meta">
              {unit.parent ? `${unit.parent.fullName} · ` : ''}
              {unit.code}
            </span>
          </li>
        ))}
      </ul>
      <p className="picker__status" role="status">
        {status}
      </p>
      {value ? (
        <ul className="chips" aria-label={t('picker.selected')}>
          <li className="chip">
            <span>
              {value.fullName}
              {value.parentName ? <span className="chip__meta"> · {value.parentName}</span> : null}
            </span>
            <button
              type="button"
              className="chip__remove"
              aria-label={t('picker.remove', { name: value.fullName })}
              onClick={() => onChange(null)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
