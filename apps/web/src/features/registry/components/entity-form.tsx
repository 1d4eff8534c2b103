import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDetail, EntityType, Sector } from '@hoptac/core';
import { COOPERATIVE_TYPES, ENTITY_TYPES, SECTORS } from '../../../lib/domain.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatNumber } from '../../../lib/format.ts';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import {
  duplicateCandidates,
  useCommuneDetail,
  useCreateEntity,
  useUpdateEntity,
  type EntityFormBody,
} from '../api.ts';
import { DuplicatePanel } from './duplicate-panel.tsx';
import { NumberField, parseWholeNumber } from './inputs.tsx';
import { useIssueWording } from './issue-wording.ts';
import { UnitCombobox, type PickedUnit } from './unit-combobox.tsx';

/** Which communes the form offers: any (search), a fixed list (an officer's scope), or none (kept as is). */
export type CommuneChoice =
  { kind: 'search' } | { kind: 'list'; communes: PickedUnit[] } | { kind: 'fixed'; commune: PickedUnit };

export interface EntityFormProps {
  /** The record being edited; absent when registering a new entity. */
  initial?: EntityDetail | undefined;
  communeChoice: CommuneChoice;
  onSaved: (entity: EntityDetail) => void;
  onCancel?: (() => void) | undefined;
}

interface Draft {
  type: EntityType | '';
  name: string;
  nameEn: string;
  code: string;
  registrationDate: string;
  registrationIssuer: string;
  address: string;
  commune: PickedUnit | null;
  oldCommune: PickedUnit | null;
  lat: string;
  lng: string;
  legalRepresentative: string;
  phone: string;
  email: string;
  website: string;
  sectors: Sector[];
  specialisations: string;
  services: string;
  description: string;
  charterCapital: string;
  officialMembers: string;
  associateMembers: string;
  highTech: boolean;
  valueChain: boolean;
  valueChainPartner: string;
  specialised: boolean;
}

function toDraft(e: EntityDetail | undefined, choice: CommuneChoice, lang: string): Draft {
  const defaultCommune =
    choice.kind === 'fixed'
      ? choice.commune
      : choice.kind === 'list' && choice.communes.length === 1
        ? (choice.communes[0] ?? null)
        : null;
  return {
    type: e?.type ?? '',
    name: e?.name ?? '',
    nameEn: e?.nameEn ?? '',
    code: e?.code ?? '',
    registrationDate: e?.registrationDate ?? '',
    registrationIssuer: e?.registrationIssuer ?? '',
    address: e?.address ?? '',
    commune: e ? { code: e.commune.code, fullName: e.commune.fullName } : defaultCommune,
    oldCommune: e?.oldCommune
      ? { code: e.oldCommune.code, fullName: e.oldCommune.fullName, parentName: e.oldDistrict?.fullName ?? null }
      : null,
    lat: e?.lat != null ? String(e.lat) : '',
    lng: e?.lng != null ? String(e.lng) : '',
    legalRepresentative: e?.legalRepresentative ?? '',
    phone: e?.phone ?? '',
    email: e?.email ?? '',
    website: e?.website ?? '',
    sectors: e?.sectors ?? [],
    specialisations: e?.specialisations.join(', ') ?? '',
    services: e?.services ?? '',
    description: e?.description ?? '',
    charterCapital: e ? formatNumber(e.charterCapital, lang) : '',
    officialMembers: e ? String(e.officialMembers) : '',
    associateMembers: e ? String(e.associateMembers) : '',
    highTech: e?.highTech ?? false,
    valueChain: e?.valueChain ?? false,
    valueChainPartner: e?.valueChainPartner ?? '',
    specialised: e?.specialised ?? false,
  };
}

const nullable = (text: string) => (text.trim() ? text.trim() : null);
const TAX_CODE = /^\d{10}(-\d{3})?$/;
const LOCAL_NUMBER = /^[0-9A-Z][0-9A-Z-]{4,18}[0-9A-Z]$/;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseCoordinate(text: string): number | null {
  const v = text.trim().replace(',', '.');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : NaN;
}

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={id}>
      <h2 id={id} className="form-section__title">
        {title}
      </h2>
      {intro ? <p className="muted small">{intro}</p> : null}
      {children}
    </section>
  );
}

/** Register or edit an entity: sections for identity, address, contact, activity, capital and flags. */
export function EntityForm({ initial, communeChoice, onSaved, onCancel }: EntityFormProps) {
  const { t, i18n } = useTranslation('registry');
  const { fieldErrors } = useErrorText();
  const wording = useIssueWording();
  const create = useCreateEntity();
  const update = useUpdateEntity(initial?.id ?? '');
  const mutation = initial ? update : create;
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial, communeChoice, i18n.language));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [dismissed, setDismissed] = useState<unknown>(null);
  const predecessors = useCommuneDetail(draft.commune?.code);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Draft) => (e: { target: { value: string } }) => set(key, e.target.value as never);

  const error = mutation.error;
  const candidates = error && error !== dismissed ? duplicateCandidates(error) : [];
  const serverErrors: FieldErrors = {
    ...fieldErrors(error, wording),
    ...(isApiError(error) && error.code === 'DUPLICATE_CODE' ? { code: t('issue.duplicate_code') } : {}),
  };
  const errors: FieldErrors = { ...serverErrors, ...localErrors };
  const showTopError =
    !!error && !(isApiError(error) && (error.code === 'POSSIBLE_DUPLICATE' || error.code === 'DUPLICATE_CODE'));

  const codeRequired =
    draft.type === 'cooperative' || draft.type === 'cooperative_union' || draft.type === 'enterprise';
  const isCooperative = draft.type !== '' && COOPERATIVE_TYPES.includes(draft.type);

  function validate(): { body: EntityFormBody | null; errors: FieldErrors } {
    const required = t('errors:validation.required');
    const next: FieldErrors = {};
    if (!draft.type) next.type = required;
    if (draft.name.trim().length < 2) next.name = draft.name.trim() ? t('issue.too_short') : required;
    if (draft.address.trim().length < 3) next.address = draft.address.trim() ? t('issue.too_short') : required;
    if (!draft.commune) next.communeCode = t('issue.commune_required');
    if (draft.sectors.length === 0) next.sectors = t('issue.sectors_required');
    const code = draft.code.trim().toUpperCase().replace(/[\s.]/g, '');
    if (!code && codeRequired) next.code = t('issue.code_required');
    if (code && draft.type) {
      const ok = codeRequired ? TAX_CODE.test(code) : LOCAL_NUMBER.test(code);
      if (!ok) next.code = codeRequired ? t('issue.tax_code_format') : t('issue.local_code_format');
    }
    const lat = parseCoordinate(draft.lat);
    const lng = parseCoordinate(draft.lng);
    if (Number.isNaN(lat) || (lat !== null && (lat < 8 || lat > 24))) next.lat = t('issue.lat_range');
    if (Number.isNaN(lng) || (lng !== null && (lng < 102 || lng > 110))) next.lng = t('issue.lng_range');
    if ((lat === null) !== (lng === null) && !next.lat && !next.lng) next.lat = t('issue.incomplete_location');
    if (draft.email.trim() && !EMAIL_SHAPE.test(draft.email.trim())) next.email = t('errors:validation.email');
    if (draft.phone.trim() && !/^[0-9 +().-]{8,20}$/.test(draft.phone.trim())) next.phone = t('issue.phone_format');
    if (draft.website.trim() && !/^https?:\/\/\S+\.\S+/.test(draft.website.trim()))
      next.website = t('issue.website_format');
    const numbers = {
      charterCapital: parseWholeNumber(draft.charterCapital),
      officialMembers: parseWholeNumber(draft.officialMembers),
      associateMembers: parseWholeNumber(draft.associateMembers),
    };
    for (const [key, value] of Object.entries(numbers)) {
      if (value !== null && Number.isNaN(value)) next[key] = t('issue.whole_number');
    }
    if (Object.keys(next).length > 0 || !draft.type || !draft.commune) return { body: null, errors: next };

    return {
      errors: next,
      body: {
        type: draft.type,
        name: draft.name.trim(),
        nameEn: nullable(draft.nameEn),
        code: code || null,
        registrationDate: nullable(draft.registrationDate),
        registrationIssuer: nullable(draft.registrationIssuer),
        address: draft.address.trim(),
        communeCode: draft.commune.code,
        oldCommuneCode: draft.oldCommune?.code ?? null,
        lat,
        lng,
        legalRepresentative: nullable(draft.legalRepresentative),
        phone: nullable(draft.phone),
        email: nullable(draft.email),
        website: nullable(draft.website),
        sectors: draft.sectors,
        specialisations: draft.specialisations
          .split(/[,;\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
        charterCapital: numbers.charterCapital ?? 0,
        officialMembers: numbers.officialMembers ?? 0,
        associateMembers: numbers.associateMembers ?? 0,
        services: nullable(draft.services),
        highTech: draft.highTech,
        valueChain: draft.valueChain,
        valueChainPartner: draft.valueChain ? nullable(draft.valueChainPartner) : null,
        specialised: draft.specialised,
        description: nullable(draft.description),
      },
    };
  }

  const send = (acknowledgeDuplicates: boolean) => {
    const { body, errors: next } = validate();
    setLocalErrors(next);
    if (!body) return;
    setDismissed(null);
    const onSuccess = (entity: EntityDetail) => onSaved(entity);
    if (initial) update.mutate({ ...body, acknowledgeDuplicates }, { onSuccess });
    else create.mutate({ ...body, acknowledgeDuplicates }, { onSuccess });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(false);
  };

  const suggestions = (predecessors.data?.predecessors ?? []).filter((l) => l.unit.code !== draft.oldCommune?.code);

  return (
    <form className="form entity-form" onSubmit={submit} noValidate>
      {showTopError ? <ErrorMessage error={error} /> : null}
      {Object.keys(localErrors).length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>{t('form.fixErrors')}</p>
        </div>
      ) : null}

      <Section id="entity-form-identity" title={t('form.sections.identity')}>
        <div className="form__grid">
          <SelectField
            label={t('fields.type')}
            name="type"
            value={draft.type}
            onChange={(e) => set('type', e.target.value as EntityType | '')}
            error={errors.type}
          >
            <option value="">{t('form.chooseType')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('fields.code')}
            name="code"
            autoComplete="off"
            value={draft.code}
            onChange={text('code')}
            hint={codeRequired ? t('form.codeHintTax') : t('form.codeHintLocal')}
            error={errors.code}
          />
          <TextField
            label={t('fields.name')}
            name="name"
            autoComplete="off"
            maxLength={200}
            value={draft.name}
            onChange={text('name')}
            error={errors.name}
          />
          <TextField
            label={t('fields.nameEn')}
            name="nameEn"
            lang="en"
            autoComplete="off"
            maxLength={200}
            value={draft.nameEn}
            onChange={text('nameEn')}
            error={errors.nameEn}
          />
          <TextField
            label={t('fields.registrationDate')}
            name="registrationDate"
            type="date"
            value={draft.registrationDate}
            onChange={text('registrationDate')}
            error={errors.registrationDate}
          />
          <TextField
            label={t('fields.registrationIssuer')}
            name="registrationIssuer"
            maxLength={200}
            value={draft.registrationIssuer}
            onChange={text('registrationIssuer')}
            error={errors.registrationIssuer}
          />
        </div>
      </Section>

      <Section id="entity-form-address" title={t('form.sections.address')}>
        <TextField
          label={t('fields.address')}
          name="address"
          autoComplete="street-address"
          maxLength={300}
          value={draft.address}
          onChange={text('address')}
          error={errors.address}
        />
        {communeChoice.kind === 'search' ? (
          <UnitCombobox
            scheme="2025-07"
            label={t('fields.commune')}
            value={draft.commune}
            onChange={(next) => setDraft((d) => ({ ...d, commune: next, oldCommune: null }))}
            hint={t('form.communeHint')}
            error={errors.communeCode}
          />
        ) : communeChoice.kind === 'list' ? (
          <SelectField
            label={t('fields.commune')}
            name="communeCode"
            value={draft.commune?.code ?? ''}
            onChange={(e) =>
              setDraft((d) => ({
                ...d,
                commune: communeChoice.communes.find((c) => c.code === e.target.value) ?? null,
                oldCommune: null,
              }))
            }
            hint={t('form.communeScopeHint')}
            error={errors.communeCode}
          >
            <option value="">{t('form.chooseCommune')}</option>
            {communeChoice.communes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.fullName}
              </option>
            ))}
          </SelectField>
        ) : (
          <div className="field">
            <span className="field__label">{t('fields.commune')}</span>
            <p className="field__static">{communeChoice.commune.fullName}</p>
            <p className="field__hint">{t('form.communeFixedHint')}</p>
          </div>
        )}
        <div className="subtle-box">
          <UnitCombobox
            scheme="2025-01"
            label={t('fields.oldCommune')}
            value={draft.oldCommune}
            onChange={(next) => set('oldCommune', next)}
            hint={t('form.oldCommuneHint')}
            placeholder={t('form.oldCommunePlaceholder')}
            error={errors.oldCommuneCode}
          />
          {draft.commune && suggestions.length > 0 ? (
            <div className="suggestions">
              <p className="small muted">{t('form.oldCommuneSuggestions', { commune: draft.commune.fullName })}</p>
              <ul className="suggestions__list">
                {suggestions.map((link) => (
                  <li key={link.unit.code}>
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={() =>
                        set('oldCommune', {
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
        <div className="form__grid">
          <TextField
            label={t('fields.lat')}
            name="lat"
            inputMode="decimal"
            placeholder="21.0285"
            value={draft.lat}
            onChange={text('lat')}
            error={errors.lat}
          />
          <TextField
            label={t('fields.lng')}
            name="lng"
            inputMode="decimal"
            placeholder="105.8542"
            value={draft.lng}
            onChange={text('lng')}
            error={errors.lng}
          />
        </div>
        <p className="field__hint">{t('form.locationHint')}</p>
      </Section>

      <Section id="entity-form-contact" title={t('form.sections.contact')} intro={t('form.contactIntro')}>
        <div className="form__grid">
          <TextField
            label={t('fields.legalRepresentative')}
            name="legalRepresentative"
            autoComplete="off"
            maxLength={120}
            value={draft.legalRepresentative}
            onChange={text('legalRepresentative')}
            error={errors.legalRepresentative}
          />
          <TextField
            label={t('fields.phone')}
            name="phone"
            type="tel"
            autoComplete="off"
            value={draft.phone}
            onChange={text('phone')}
            error={errors.phone}
          />
          <TextField
            label={t('fields.email')}
            name="email"
            type="email"
            autoComplete="off"
            value={draft.email}
            onChange={text('email')}
            error={errors.email}
          />
          <TextField
            label={t('fields.website')}
            name="website"
            type="url"
            placeholder="https://"
            value={draft.website}
            onChange={text('website')}
            error={errors.website}
          />
        </div>
      </Section>

      <Section id="entity-form-activity" title={t('form.sections.activity')}>
        <Fieldset legend={t('fields.sectors')} error={errors.sectors}>
          <div className="checkbox-row">
            {SECTORS.map((sector) => (
              <Checkbox
                key={sector}
                name="sectors"
                value={sector}
                label={t(`sector.${sector}`)}
                checked={draft.sectors.includes(sector)}
                onChange={(e) =>
                  set(
                    'sectors',
                    e.target.checked
                      ? SECTORS.filter((s) => s === sector || draft.sectors.includes(s))
                      : draft.sectors.filter((s) => s !== sector),
                  )
                }
              />
            ))}
          </div>
        </Fieldset>
        <TextField
          label={t('fields.specialisations')}
          name="specialisations"
          hint={t('form.specialisationsHint')}
          value={draft.specialisations}
          onChange={text('specialisations')}
          error={errors.specialisations}
        />
        <TextAreaField
          label={t('fields.services')}
          name="services"
          maxLength={1000}
          value={draft.services}
          onChange={text('services')}
          error={errors.services}
        />
        <TextAreaField
          label={t('fields.description')}
          name="description"
          maxLength={4000}
          rows={4}
          value={draft.description}
          onChange={text('description')}
          error={errors.description}
        />
      </Section>

      <Section id="entity-form-capital" title={t('form.sections.capital')}>
        <div className="form__grid form__grid--3">
          <NumberField
            label={t('fields.charterCapital')}
            unit={t('units.vnd')}
            name="charterCapital"
            value={draft.charterCapital}
            onChange={(v) => set('charterCapital', v)}
            error={errors.charterCapital}
          />
          <NumberField
            label={t('fields.officialMembers')}
            unit={t('units.people')}
            name="officialMembers"
            value={draft.officialMembers}
            onChange={(v) => set('officialMembers', v)}
            error={errors.officialMembers}
            hint={isCooperative ? t('form.officialMembersHint') : undefined}
          />
          <NumberField
            label={t('fields.associateMembers')}
            unit={t('units.people')}
            name="associateMembers"
            value={draft.associateMembers}
            onChange={(v) => set('associateMembers', v)}
            error={errors.associateMembers}
          />
        </div>
      </Section>

      <Section id="entity-form-flags" title={t('form.sections.flags')}>
        <div className="checkbox-grid">
          <Checkbox
            name="highTech"
            label={t('fields.highTech')}
            checked={draft.highTech}
            onChange={(e) => set('highTech', e.target.checked)}
          />
          <Checkbox
            name="specialised"
            label={t('fields.specialised')}
            checked={draft.specialised}
            onChange={(e) => set('specialised', e.target.checked)}
          />
          <Checkbox
            name="valueChain"
            label={t('fields.valueChain')}
            checked={draft.valueChain}
            onChange={(e) => set('valueChain', e.target.checked)}
          />
        </div>
        {draft.valueChain ? (
          <TextField
            label={t('fields.valueChainPartner')}
            name="valueChainPartner"
            maxLength={200}
            value={draft.valueChainPartner}
            onChange={text('valueChainPartner')}
            error={errors.valueChainPartner}
          />
        ) : null}
      </Section>

      {candidates.length > 0 ? (
        <DuplicatePanel
          candidates={candidates}
          canOverride={isApiError(error) && error.code === 'POSSIBLE_DUPLICATE'}
          busy={mutation.isPending}
          onConfirm={() => send(true)}
          onCancel={() => setDismissed(error)}
        />
      ) : null}

      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {mutation.isPending ? t('common:actions.saving') : initial ? t('form.saveChanges') : t('form.register')}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
