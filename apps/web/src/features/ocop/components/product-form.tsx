import { useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { OcopProduct, UpdateOcopProductBody } from '@hoptac/core';
import type { RubricSummary } from '@hoptac/core/ocop';
import { Button } from '../../../components/button.tsx';
import { OcopErrorMessage } from './ocop-error.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { useCreateOcopProduct, useRubrics, useUpdateOcopProduct } from '../api.ts';
import { shortSheetTitle } from '../text.ts';
import { EntityPicker, type PickedEntity } from './entity-picker.tsx';
import { useOcopIssueWording } from './issue-wording.ts';

/** Whose product this is: the member's own entity, or one an official picks (within their communes). */
export type EntityChoice =
  { kind: 'fixed'; entity: PickedEntity } | { kind: 'search'; communeCodes?: readonly string[] | undefined };

const TEXT_FIELDS = [
  'description',
  'packaging',
  'priceUnit',
  'annualCapacity',
  'ingredientsOrigin',
  'story',
  'gtin',
] as const;
type TextKey = (typeof TEXT_FIELDS)[number];

interface Draft extends Record<TextKey, string> {
  entity: PickedEntity | null;
  name: string;
  rubricId: string;
  productSet: string;
  price: string;
  /** One shop per line: "Label | https://…". */
  shopLinks: string;
}

function toDraft(product: OcopProduct | undefined, entity: PickedEntity | null): Draft {
  return {
    entity,
    name: product?.name ?? '',
    rubricId: product?.rubricId ?? '',
    productSet: product?.productSet ?? '',
    price: product?.priceVnd != null ? String(product.priceVnd) : '',
    description: product?.description ?? '',
    packaging: product?.packaging ?? '',
    priceUnit: product?.priceUnit ?? '',
    annualCapacity: product?.annualCapacity ?? '',
    ingredientsOrigin: product?.ingredientsOrigin ?? '',
    story: product?.story ?? '',
    gtin: product?.gtin ?? '',
    shopLinks: (product?.shopLinks ?? []).map((l) => `${l.label} | ${l.url}`).join('\n'),
  };
}

/** "Label | https://…" lines → links; a line with only a URL is labelled with its host. */
function parseShopLinks(text: string): { label: string; url: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [first, second] = line.split('|').map((part) => part.trim());
      if (second !== undefined) return { label: first!, url: second };
      const host = /^https?:\/\/([^/]+)/.exec(first!)?.[1];
      return { label: host ?? first!, url: first! };
    });
}

/** "45.000", "45 000" or "45000" → 45000; '' → null; anything else → NaN. */
function parsePrice(text: string): number | null {
  const digits = text.trim().replace(/[\s.,_]/g, '');
  if (!digits) return null;
  return /^\d+$/.test(digits) ? Number(digits) : NaN;
}

export interface ProductFormProps {
  /** The product to edit; a new product when absent. */
  product?: OcopProduct | undefined;
  entityChoice: EntityChoice;
  onSaved: (product: OcopProduct) => void;
  onCancel: () => void;
}

/** Registers a product for OCOP rating, or edits a draft's profile. */
export function ProductForm({ product, entityChoice, onSaved, onCancel }: ProductFormProps) {
  const { t, i18n } = useTranslation('ocop');
  const { fieldErrors } = useErrorText();
  const wording = useOcopIssueWording();
  const rubrics = useRubrics();
  const create = useCreateOcopProduct();
  const update = useUpdateOcopProduct(product?.id ?? '');
  const mutation = product ? update : create;
  const [draft, setDraft] = useState(() =>
    toDraft(product, entityChoice.kind === 'fixed' ? entityChoice.entity : null),
  );
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const errors: FieldErrors = { ...fieldErrors(mutation.error, wording), ...localErrors };

  const sheets = (rubrics.data ?? []).filter((r) => r.current && r.coverage === 'complete');
  const groups = [...new Set(sheets.map((s) => s.productGroup))];
  const sheet: RubricSummary | undefined = product ? product.rubric : sheets.find((s) => s.id === draft.rubricId);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setLocalErrors(({ [key]: _dropped, ...rest }) => rest);
  };

  const chooseSheet = (id: string) => {
    const chosen = sheets.find((s) => s.id === id);
    setDraft((d) => ({
      ...d,
      rubricId: id,
      productSet: chosen?.productSets.length === 1 ? chosen.productSets[0]! : '',
    }));
    setLocalErrors(({ rubricId: _r, productSet: _p, ...rest }) => rest);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    const price = parsePrice(draft.price);
    if (!product && !draft.entity) next.entityId = t('issue.entity_required');
    if (draft.name.trim().length < 2) next.name = t('issue.name_required');
    if (!product && !draft.rubricId) next.rubricId = t('issue.rubric_required');
    if (!draft.productSet) next.productSet = t('issue.product_set_required');
    if (Number.isNaN(price)) next.priceVnd = t('issue.whole_number');
    setLocalErrors(next);
    if (Object.keys(next).length > 0) return;
    const fields: UpdateOcopProductBody = {
      name: draft.name.trim(),
      productSet: draft.productSet,
      priceVnd: price,
      ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, draft[k].trim() || null])),
      shopLinks: parseShopLinks(draft.shopLinks),
    };
    try {
      const saved = product
        ? await update.mutateAsync(fields)
        : await create.mutateAsync({
            ...fields,
            name: draft.name.trim(),
            productSet: draft.productSet,
            entityId: draft.entity!.id,
            rubricId: draft.rubricId,
          });
      onSaved(saved);
    } catch {
      // Shown from mutation.error.
    }
  };

  const textField = (key: TextKey, multiline = false) =>
    multiline ? (
      <TextAreaField
        label={t(`fields.${key}`)}
        name={key}
        maxLength={key === 'description' || key === 'story' ? 5000 : 2000}
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        hint={i18n.exists(`ocop:hints.${key}`) ? t(`hints.${key}`) : undefined}
        error={errors[key]}
      />
    ) : (
      <TextField
        label={t(`fields.${key}`)}
        name={key}
        maxLength={key === 'priceUnit' ? 100 : key === 'annualCapacity' ? 200 : 500}
        value={draft[key]}
        onChange={(e) => set(key, e.target.value)}
        hint={i18n.exists(`ocop:hints.${key}`) ? t(`hints.${key}`) : undefined}
        error={errors[key]}
      />
    );

  const price = parsePrice(draft.price);
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {mutation.error ? <OcopErrorMessage error={mutation.error} /> : null}
      {Object.keys(localErrors).length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>{t('form.fixErrors')}</p>
        </div>
      ) : null}

      <fieldset className="report-group">
        <legend>{t('form.sections.sheet')}</legend>
        {product || entityChoice.kind === 'fixed' ? (
          <div className="field">
            <span className="field__label">{t('fields.entity')}</span>
            <p className="field__static">{product?.entity.name ?? draft.entity?.name}</p>
          </div>
        ) : (
          <EntityPicker
            label={t('fields.entity')}
            value={draft.entity}
            onChange={(entity) => set('entity', entity)}
            communeCodes={entityChoice.communeCodes}
            hint={entityChoice.communeCodes ? t('hints.entityScope') : t('hints.entity')}
            error={errors.entityId}
          />
        )}
        {product ? (
          <div className="field">
            <span className="field__label">{t('fields.rubric')}</span>
            <p className="field__static">{shortSheetTitle(product.rubric.title)}</p>
          </div>
        ) : (
          <SelectField
            label={t('fields.rubric')}
            name="rubricId"
            value={draft.rubricId}
            onChange={(e) => chooseSheet(e.target.value)}
            hint={t('hints.rubric')}
            error={errors.rubricId ?? (rubrics.isError ? t('form.rubricsFailed') : undefined)}
          >
            <option value="">{rubrics.isPending ? t('common:state.loading') : t('form.chooseRubric')}</option>
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {sheets
                  .filter((s) => s.productGroup === group)
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.sheetNumber ? `${s.sheetNumber}. ` : ''}
                      {shortSheetTitle(s.title)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </SelectField>
        )}
        {sheet && !product ? (
          <p className="small">
            <Link to="/ocop/rubrics/$id" params={{ id: sheet.id }} target="_blank">
              {t('form.openRubric')}
            </Link>
          </p>
        ) : null}
        <SelectField
          label={t('fields.productSet')}
          name="productSet"
          value={draft.productSet}
          disabled={!sheet}
          onChange={(e) => set('productSet', e.target.value)}
          hint={sheet ? undefined : t('hints.productSetFirst')}
          error={errors.productSet}
        >
          <option value="">{t('form.chooseProductSet')}</option>
          {(sheet?.productSets ?? []).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="report-group">
        <legend>{t('form.sections.product')}</legend>
        <TextField
          label={t('fields.name')}
          name="name"
          required
          maxLength={200}
          autoComplete="off"
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          hint={t('hints.name')}
          error={errors.name}
        />
        {textField('description', true)}
        {textField('packaging')}
        {textField('gtin')}
        <div className="form__grid">
          <TextField
            label={t('fields.priceVnd')}
            name="priceVnd"
            inputMode="numeric"
            autoComplete="off"
            value={draft.price}
            onChange={(e) => set('price', e.target.value)}
            hint={
              price !== null && !Number.isNaN(price)
                ? t('hints.priceEcho', { price: formatNumber(price, i18n.language) })
                : t('hints.priceVnd')
            }
            error={errors.priceVnd}
          />
          {textField('priceUnit')}
        </div>
        {textField('annualCapacity')}
        {textField('ingredientsOrigin', true)}
      </fieldset>

      <fieldset className="report-group">
        <legend>{t('form.sections.public')}</legend>
        {textField('story', true)}
        <TextAreaField
          label={t('fields.shopLinks')}
          name="shopLinks"
          maxLength={5000}
          value={draft.shopLinks}
          onChange={(e) => set('shopLinks', e.target.value)}
          hint={t('hints.shopLinks')}
          error={errors.shopLinks}
        />
      </fieldset>

      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {mutation.isPending ? t('common:actions.saving') : product ? t('form.save') : t('form.create')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}
