import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@hoptac/core';
import { CURRENT_SCHEME } from '../../../lib/domain.ts';
import { TextField } from '../../../components/field.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced.ts';
import { useUnits } from '../api.ts';

export interface PickedCommune {
  code: string;
  fullName: string;
}

export interface CommunePickerProps {
  value: PickedCommune[];
  onChange: (next: PickedCommune[]) => void;
  error?: string | undefined;
  hint?: string | undefined;
  label?: string;
}

const MIN_QUERY = 2;
const RESULT_LIMIT = 8;

/**
 * Multi-select over the current scheme's communes: an ARIA combobox whose options come
 * from the accent-insensitive unit search, with the chosen communes listed below.
 */
export function CommunePicker({ value, onChange, error, hint, label }: CommunePickerProps) {
  const { t } = useTranslation('places');
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 250);
  const enabled = q.length >= MIN_QUERY;

  const units = useUnits(
    { scheme: CURRENT_SCHEME, level: 'commune', q, page: 1, pageSize: RESULT_LIMIT + value.length },
    { enabled },
  );
  const chosen = new Set(value.map((c) => c.code));
  const options: Unit[] = enabled
    ? (units.data?.items ?? []).filter((u) => !chosen.has(u.code)).slice(0, RESULT_LIMIT)
    : [];
  const expanded = open && options.length > 0;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  const add = (unit: Unit) => {
    onChange([...value, { code: unit.code, fullName: unit.fullName }]);
    setText('');
    setActive(0);
  };
  const remove = (code: string) => onChange(value.filter((c) => c.code !== code));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (Math.min(i, options.length - 1) + 1) % options.length : 0));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => (options.length ? (Math.min(i, options.length - 1) - 1 + options.length) % options.length : 0));
    } else if (event.key === 'Enter') {
      // Enter picks the highlighted commune instead of submitting the surrounding form.
      const unit = expanded ? options[activeIndex] : undefined;
      if (unit) {
        event.preventDefault();
        add(unit);
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
        label={label ?? t('picker.label')}
        type="text"
        role="combobox"
        autoComplete="off"
        placeholder={t('picker.placeholder')}
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
            // mousedown keeps focus in the input, so blur does not close the list first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => add(unit)}
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
      {value.length === 0 ? (
        <p className="muted picker__none">{t('picker.noneSelected')}</p>
      ) : (
        <ul className="chips" aria-label={t('picker.selected')}>
          {value.map((commune) => (
            <li key={commune.code} className="chip">
              <span>{commune.fullName}</span>
              <button
                type="button"
                className="chip__remove"
                aria-label={t('picker.remove', { name: commune.fullName })}
                onClick={() => remove(commune.code)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
