import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { SelectField } from '../../../components/field.tsx';
import { useCommuneDetail } from '../api.ts';
import type { CommuneChoice } from './entity-draft.ts';
import { UnitCombobox, type PickedUnit } from './unit-combobox.tsx';

/** The current commune of a record, offered as the caller's choice allows: search, a list, or fixed. */
export function CommuneField({
  choice,
  value,
  onChange,
  error,
}: {
  choice: CommuneChoice;
  value: PickedUnit | null;
  onChange: (next: PickedUnit | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('registry');
  if (choice.kind === 'search') {
    return (
      <UnitCombobox
        scheme="2025-07"
        label={t('fields.commune')}
        value={value}
        onChange={onChange}
        hint={t('form.communeHint')}
        error={error}
      />
    );
  }
  if (choice.kind === 'list') {
    return (
      <SelectField
        label={t('fields.commune')}
        name="communeCode"
        value={value?.code ?? ''}
        onChange={(e) => onChange(choice.communes.find((c) => c.code === e.target.value) ?? null)}
        hint={t('form.communeScopeHint')}
        error={error}
      >
        <option value="">{t('form.chooseCommune')}</option>
        {choice.communes.map((c) => (
          <option key={c.code} value={c.code}>
            {c.fullName}
          </option>
        ))}
      </SelectField>
    );
  }
  return (
    <div className="field">
      <span className="field__label">{t('fields.commune')}</span>
      <p className="field__static">{choice.commune.fullName}</p>
      <p className="field__hint">{t('form.communeFixedHint')}</p>
    </div>
  );
}

/**
 * The commune before 1 July 2025, searched in the old map, with the current commune's
 * predecessors offered as one-click suggestions.
 */
export function OldCommuneField({
  commune,
  value,
  onChange,
  error,
}: {
  commune: PickedUnit | null;
  value: PickedUnit | null;
  onChange: (next: PickedUnit | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('registry');
  const predecessors = useCommuneDetail(commune?.code);
  const suggestions = (predecessors.data?.predecessors ?? []).filter((l) => l.unit.code !== value?.code);
  return (
    <div className="subtle-box">
      <UnitCombobox
        scheme="2025-01"
        label={t('fields.oldCommune')}
        value={value}
        onChange={onChange}
        hint={t('form.oldCommuneHint')}
        placeholder={t('form.oldCommunePlaceholder')}
        error={error}
      />
      {commune && suggestions.length > 0 ? (
        <div className="suggestions">
          <p className="small muted">{t('form.oldCommuneSuggestions', { commune: commune.fullName })}</p>
          <ul className="suggestions__list">
            {suggestions.map((link) => (
              <li key={link.unit.code}>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() =>
                    onChange({
                      code: link.unit.code,
                      fullName: link.unit.fullName,
                      parentName: link.unit.parent?.fullName ?? null,
                    })
                  }
                >
                  {link.unit.fullName}
                  {link.unit.parent ? <span className="muted"> · {link.unit.parent.fullName}</span> : null}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
