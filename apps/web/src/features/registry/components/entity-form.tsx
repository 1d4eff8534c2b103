import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDetail, EntityType } from '@hoptac/core';
import { COOPERATIVE_TYPES, ENTITY_TYPES, SECTORS } from '../../../lib/domain.ts';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { duplicateCandidates, useCreateEntity, useUpdateEntity } from '../api.ts';
import { CommuneField, OldCommuneField } from './commune-fields.tsx';
import { DuplicatePanel } from './duplicate-panel.tsx';
import { NumberField } from './inputs.tsx';
import { useIssueWording } from './issue-wording.ts';
import { checkDraft, isCodeRequired, toDraft, type CommuneChoice, type Draft } from './entity-draft.ts';

export interface EntityFormProps {
  /** The record being edited; absent when registering a new entity. */
  initial?: EntityDetail | undefined;
  communeChoice: CommuneChoice;
  onSaved: (entity: EntityDetail) => void;
  onCancel?: (() => void) | undefined;
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

  const codeRequired = isCodeRequired(draft.type);
  const isCooperative = draft.type !== '' && COOPERATIVE_TYPES.includes(draft.type);

  const send = (acknowledgeDuplicates: boolean) => {
    const { body, errors: next } = checkDraft(draft, t);
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
        <CommuneField
          choice={communeChoice}
          value={draft.commune}
          onChange={(next) => setDraft((d) => ({ ...d, commune: next, oldCommune: null }))}
          error={errors.communeCode}
        />
        <OldCommuneField
          commune={draft.commune}
          value={draft.oldCommune}
          onChange={(next) => set('oldCommune', next)}
          error={errors.oldCommuneCode}
        />
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
