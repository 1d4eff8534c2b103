import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTLET_TYPES, vietnamDate, type CreateOutletBody, type Outlet, type OutletType } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { SelectField, TextField } from '../../../components/field.tsx';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import type { ValidationIssue } from '../../../lib/api.ts';
import { useCreateOutlet, useUpdateOutlet } from '../api.ts';

export interface PickedCommune {
  code: string;
  fullName: string;
}

/** The page supplies the commune picker (it lives in the places feature). */
export type RenderCommunePicker = (props: {
  value: PickedCommune | null;
  onChange: (next: PickedCommune | null) => void;
  error?: string | undefined;
}) => ReactNode;

interface Draft {
  name: string;
  type: OutletType;
  address: string;
  commune: PickedCommune | null;
  lat: string;
  lng: string;
  openingHours: string;
  contact: string;
  url: string;
  openedOn: string;
  operatorId: string;
}

function toDraft(o: Outlet | undefined): Draft {
  return {
    name: o?.name ?? '',
    type: o?.type ?? 'ocop_showroom',
    address: o?.address ?? '',
    commune: o ? { code: o.communeCode, fullName: o.communeName } : null,
    lat: o?.lat != null ? String(o.lat) : '',
    lng: o?.lng != null ? String(o.lng) : '',
    openingHours: o?.openingHours ?? '',
    contact: o?.contact ?? '',
    url: o?.url ?? '',
    openedOn: o?.openedOn ?? vietnamDate(new Date()),
    operatorId: o?.operator?.id ?? '',
  };
}

/** "21,0285" or "21.0285" → 21.0285; '' → null; anything else → NaN. */
function parseCoordinate(text: string): number | null {
  const v = text.trim().replace(',', '.');
  if (!v) return null;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
}

/** Creates an outlet or edits one's details (operator, city admin). */
export function OutletForm({
  outlet,
  renderCommunePicker,
  operators,
  onSaved,
  onCancel,
}: {
  outlet?: Outlet | undefined;
  renderCommunePicker: RenderCommunePicker;
  /** Outlet operator accounts the city may hand the outlet to; absent for an operator's own form. */
  operators?: { id: string; displayName: string }[] | undefined;
  onSaved: (outlet: Outlet) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('outlets');
  const { fieldErrors } = useErrorText();
  const create = useCreateOutlet();
  const update = useUpdateOutlet(outlet?.id ?? '');
  const mutation = outlet ? update : create;
  const [draft, setDraft] = useState(() => toDraft(outlet));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const wording = (issue: ValidationIssue) =>
    i18n.exists(`outlets:issue.${issue.code}`) ? t(`issue.${issue.code}`) : undefined;
  const errors: FieldErrors = { ...fieldErrors(mutation.error, wording), ...localErrors };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setLocalErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const lat = parseCoordinate(draft.lat);
    const lng = parseCoordinate(draft.lng);
    const next: FieldErrors = {};
    if (draft.name.trim().length < 2) next.name = t('issue.required');
    if (draft.address.trim().length < 3) next.address = t('issue.required');
    if (!draft.commune) next.communeCode = t('issue.required');
    if (Number.isNaN(lat)) next.lat = t('issue.coordinate');
    if (Number.isNaN(lng)) next.lng = t('issue.coordinate');
    setLocalErrors(next);
    if (Object.keys(next).length > 0) return;
    const body: CreateOutletBody = {
      name: draft.name.trim(),
      type: draft.type,
      address: draft.address.trim(),
      communeCode: draft.commune!.code,
      lat,
      lng,
      openingHours: draft.openingHours.trim() || null,
      contact: draft.contact.trim() || null,
      url: draft.url.trim() || null,
      openedOn: draft.openedOn,
      ...(operators ? { operatorId: draft.operatorId || null } : {}),
    };
    try {
      onSaved(outlet ? await update.mutateAsync(body) : await create.mutateAsync(body));
    } catch {
      // Shown from mutation.error.
    }
  };

  const text = (key: 'name' | 'address' | 'openingHours' | 'contact' | 'url', max: number, extra = {}) => (
    <TextField
      label={t(`fields.${key}`)}
      name={key}
      maxLength={max}
      value={draft[key]}
      onChange={(e) => set(key, e.target.value)}
      hint={i18n.exists(`outlets:hints.${key}`) ? t(`hints.${key}`) : undefined}
      error={errors[key]}
      {...extra}
    />
  );

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {mutation.error && Object.keys(fieldErrors(mutation.error)).length === 0 ? (
        <ErrorMessage error={mutation.error} />
      ) : null}
      {text('name', 200, { required: true, autoComplete: 'off' })}
      <SelectField
        label={t('fields.type')}
        name="type"
        value={draft.type}
        onChange={(e) => set('type', e.target.value as OutletType)}
        error={errors.type}
      >
        {OUTLET_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`types.${type}`)}
          </option>
        ))}
      </SelectField>
      {text('address', 500, { required: true })}
      {renderCommunePicker({
        value: draft.commune,
        onChange: (commune) => set('commune', commune),
        error: errors.communeCode,
      })}
      <div className="form__grid">
        <TextField
          label={t('fields.lat')}
          name="lat"
          inputMode="decimal"
          value={draft.lat}
          onChange={(e) => set('lat', e.target.value)}
          error={errors.lat}
        />
        <TextField
          label={t('fields.lng')}
          name="lng"
          inputMode="decimal"
          value={draft.lng}
          onChange={(e) => set('lng', e.target.value)}
          error={errors.lng}
        />
      </div>
      {text('openingHours', 300)}
      {text('contact', 200)}
      {text('url', 500, { type: 'url', inputMode: 'url' })}
      <TextField
        label={t('fields.openedOn')}
        name="openedOn"
        type="date"
        value={draft.openedOn}
        onChange={(e) => set('openedOn', e.target.value)}
        error={errors.openedOn}
      />
      {operators ? (
        <SelectField
          label={t('fields.operatorId')}
          name="operatorId"
          value={draft.operatorId}
          onChange={(e) => set('operatorId', e.target.value)}
          error={errors.operatorId}
        >
          <option value="">{t('form.keptByCity')}</option>
          {operators.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {outlet ? t('form.save') : t('form.create')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}
