import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityListItem } from '@hoptac/core';
import { TextField } from '../../../components/field.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced.ts';
import { useEntityOptions } from '../api.ts';

/** The entity a product is registered for. */
export interface PickedEntity {
  id: string;
  name: string;
  communeName?: string | undefined;
}

export interface EntityPickerProps {
  label: string;
  value: PickedEntity | null;
  onChange: (next: PickedEntity | null) => void;
  /** Only entities of these communes are offered (a commune officer's scope); all when undefined. */
  communeCodes?: readonly string[] | undefined;
  hint?: string | undefined;
  error?: string | undefined;
}

const MIN_QUERY = 2;

/** Single choice of a register entity by accent-insensitive name search (an ARIA combobox). */
export function EntityPicker({ label, value, onChange, communeCodes, hint, error }: EntityPickerProps) {
  const { t } = useTranslation('ocop');
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 250);
  const enabled = q.length >= MIN_QUERY;
  const entities = useEntityOptions(q, enabled);
  const options: EntityListItem[] = enabled
    ? (entities.data?.items ?? []).filter(
        (e) => e.id !== value?.id && (!communeCodes || communeCodes.includes(e.commune.code)),
      )
    : [];
  const expanded = open && options.length > 0;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  const pick = (entity: EntityListItem) => {
    onChange({ id: entity.id, name: entity.name, communeName: entity.commune.fullName });
    setText('');
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const n = options.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (n ? (Math.min(i, n - 1) + step + n) % n : 0));
    } else if (event.key === 'Enter' && expanded && options[activeIndex]) {
      event.preventDefault();
      pick(options[activeIndex]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
    }
  };

  let status: string | null = null;
  if (open && text.trim().length > 0 && text.trim().length < MIN_QUERY) status = t('picker.typeMore');
  else if (open && enabled && entities.isFetching && options.length === 0) status = t('common:state.loading');
  else if (open && enabled && entities.isSuccess && !entities.isFetching && options.length === 0)
    status = t('picker.noResults');

  return (
    <div className="picker">
      <TextField
        label={label}
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
        {options.map((entity, index) => (
          <li
            key={entity.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === activeIndex}
            className="picker__option"
            // mousedown keeps focus in the input, so blur does not close the list first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(entity)}
          >
            <span className="picker__option-name">{entity.name}</span>
            <span className="picker__option-meta">{entity.commune.fullName}</span>
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
              {value.name}
              {value.communeName ? <span className="chip__meta"> · {value.communeName}</span> : null}
            </span>
            <button
              type="button"
              className="chip__remove"
              aria-label={t('picker.remove', { name: value.name })}
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
