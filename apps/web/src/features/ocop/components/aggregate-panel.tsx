import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcopAggregate, OcopDossier } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { Checkbox, TextAreaField } from '../../../components/field.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { isScoresHidden, useConfirmOcopDossier, useOcopAggregate, useOcopMemberSheets } from '../scoring-api.ts';
import { sentenceCase } from '../text.ts';
import { StarRating } from './badges.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { OcopErrorMessage } from './ocop-error.tsx';

/** The blind phase, said as what it is: the member's own sheet first, then everyone's. */
export function ScoresHiddenNote() {
  const { t } = useTranslation('ocop');
  return (
    <div className="callout callout--cta ocop-blind" role="note">
      <div>
        <p className="callout__title">{t('aggregate.hiddenTitle')}</p>
        <p>{t('aggregate.hidden')}</p>
      </div>
    </div>
  );
}

type CouncilResult = NonNullable<OcopAggregate['result']>;

function CriteriaSpread({ result }: { result: CouncilResult }) {
  const { t, i18n } = useTranslation('ocop');
  const n = (v: number) => formatNumber(v, i18n.language);
  const differing = result.criteria.filter((c) => c.spread > 0);
  const [onlyDiffering, setOnlyDiffering] = useState(true);
  const rows = onlyDiffering ? differing : result.criteria;
  return (
    <section className="stack" aria-labelledby="ocop-spread-title">
      <h3 id="ocop-spread-title">{t('aggregate.criteriaTitle')}</h3>
      <Checkbox
        label={t('aggregate.onlyDiffering', { n: differing.length })}
        checked={onlyDiffering}
        onChange={(e) => setOnlyDiffering(e.target.checked)}
      />
      {rows.length === 0 ? (
        <p className="empty">{t('aggregate.noSpread')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack ocop-spread">
            <caption className="sr-only">{t('aggregate.criteriaCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('aggregate.columns.criterion')}</th>
                <th scope="col" className="num">
                  {t('aggregate.columns.members')}
                </th>
                <th scope="col" className="num">
                  {t('aggregate.columns.consensus')}
                </th>
                <th scope="col" className="num">
                  {t('aggregate.columns.spread')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.code} className={c.spread > 0 ? 'row--warn' : undefined}>
                  <td data-label={t('aggregate.columns.criterion')}>
                    {c.code}. {sentenceCase(c.title)}
                  </td>
                  <td data-label={t('aggregate.columns.members')} className="num">
                    {c.memberPoints.map(n).join(' · ')}
                  </td>
                  <td data-label={t('aggregate.columns.consensus')} className="num">
                    {t('summary.partPoints', { points: n(c.consensusPoints), max: n(c.maxPoints) })}
                  </td>
                  <td data-label={t('aggregate.columns.spread')} className="num">
                    {n(c.spread)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MemberSheets({ dossierId, submitted }: { dossierId: string; submitted: number }) {
  const { t, i18n } = useTranslation('ocop');
  const sheets = useOcopMemberSheets(dossierId, submitted);
  if (sheets.isPending) return <Loading />;
  if (sheets.isError) return isScoresHidden(sheets.error) ? null : <ErrorMessage error={sheets.error} />;
  if (sheets.data.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="table table--stack ocop-member-sheets">
        <caption className="sr-only">{t('aggregate.sheetsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('aggregate.columns.member')}</th>
            <th scope="col" className="num">
              {t('aggregate.columns.total')}
            </th>
            <th scope="col">{t('aggregate.columns.star')}</th>
          </tr>
        </thead>
        <tbody>
          {sheets.data.map((s) => (
            <tr key={s.member.userId}>
              <td data-label={t('aggregate.columns.member')}>
                {s.member.displayName}
                <span className="cell-sub">{t(`councilRole.${s.member.role}`)}</span>
              </td>
              <td data-label={t('aggregate.columns.total')} className="num">
                {formatNumber(s.total, i18n.language)}
              </td>
              <td data-label={t('aggregate.columns.star')}>
                <StarRating star={s.star} />
                {s.knockOut ? <span className="cell-sub ocop-note--knockout">{s.knockOut.reason}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The secretary or the chair confirms the council's result with the minutes of the meeting. */
function ConfirmResult({ dossier, aggregate }: { dossier: OcopDossier; aggregate: OcopAggregate }) {
  const { t, i18n } = useTranslation('ocop');
  const confirm = useConfirmOcopDossier(dossier.id);
  const [minutes, setMinutes] = useState('');
  const [asking, setAsking] = useState(false);
  const [short, setShort] = useState(false);
  const result = aggregate.result;
  if (!aggregate.complete || !result)
    return (
      <p className="note small">
        {t('confirm.waiting', { submitted: aggregate.submitted, expected: aggregate.expected })}
      </p>
    );
  return (
    <section className="stack ocop-confirm" aria-labelledby="ocop-confirm-title">
      <h3 id="ocop-confirm-title">{t('confirm.title')}</h3>
      <p className="muted small">{t('confirm.intro')}</p>
      {confirm.error ? <OcopErrorMessage error={confirm.error} scope="scoring" /> : null}
      <TextAreaField
        label={t('confirm.minutes')}
        hint={t('confirm.minutesHint')}
        rows={5}
        value={minutes}
        error={short ? t('confirm.minutesShort') : undefined}
        onChange={(e) => {
          setMinutes(e.target.value);
          setShort(false);
        }}
      />
      <div className="form__actions">
        <Button
          onClick={() => {
            if (minutes.trim().length < 10) {
              setShort(true);
              return;
            }
            setAsking(true);
          }}
        >
          {t('confirm.submit')}
        </Button>
      </div>
      <ConfirmDialog
        open={asking}
        title={t('confirm.dialogTitle')}
        confirmLabel={t('confirm.dialogConfirm')}
        cancelLabel={t('form.cancel')}
        busy={confirm.isPending}
        onConfirm={() => confirm.mutate(minutes.trim(), { onError: () => setAsking(false) })}
        onCancel={() => setAsking(false)}
      >
        <p>
          {t('confirm.dialogBody', {
            total: formatNumber(result.total, i18n.language),
            star: result.star ?? '—',
          })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

export interface AggregatePanelProps {
  dossier: OcopDossier;
  /** Whether the caller may see the scores now (a city admin, or a member whose sheet is in). */
  visible: boolean;
  /** The caller is the council's secretary or chair. */
  confirmer?: boolean;
}

/**
 * The council's running result on a dossier: sheets in and still awaited, the mean total and
 * provisional star, how far the members are apart (overall and per criterion) and, for the
 * secretary or chair, the confirmation once every sheet is in.
 */
export function AggregatePanel({ dossier, visible, confirmer = false }: AggregatePanelProps) {
  const { t, i18n } = useTranslation('ocop');
  const n = (v: number) => formatNumber(v, i18n.language);
  const aggregate = useOcopAggregate(dossier.id, { enabled: visible });
  if (!visible || isScoresHidden(aggregate.error)) return <ScoresHiddenNote />;

  let body;
  if (aggregate.isPending) body = <Loading />;
  else if (aggregate.isError) body = <ErrorMessage error={aggregate.error} onRetry={() => void aggregate.refetch()} />;
  else {
    const a = aggregate.data;
    const r = a.result;
    body = (
      <>
        <div className="ocop-progress">
          <label htmlFor="ocop-sheets-bar" className="small">
            {t('aggregate.progress', { submitted: a.submitted, expected: a.expected })}
          </label>
          <progress id="ocop-sheets-bar" max={Math.max(1, a.expected)} value={a.submitted} />
        </div>
        {a.pending.length > 0 ? (
          <p className="small muted">
            {t('aggregate.pending', {
              names: a.pending.map((p) => `${p.displayName} (${t(`councilRole.${p.role}`)})`).join(', '),
            })}
          </p>
        ) : null}
        {r ? (
          <>
            <div className="ocop-aggregate__total" role="status">
              <span className="ocop-summary__points">{t('aggregate.mean', { total: n(r.total) })}</span>{' '}
              <StarRating star={r.star} />{' '}
              <Badge tone={a.complete ? 'green' : 'amber'}>
                {a.complete ? t('aggregate.allIn') : t('aggregate.provisional')}
              </Badge>
            </div>
            {r.star !== null && r.bandStar !== r.star ? (
              <p className="small">{t('summary.bandBelow', { band: r.bandStar, star: r.star })}</p>
            ) : null}
            <dl className="ocop-parts">
              <div className="ocop-parts__row">
                <dt>{t('aggregate.memberTotals')}</dt>
                <dd>{r.memberTotals.map(n).join(' · ')}</dd>
              </div>
              <div className="ocop-parts__row">
                <dt>{t('aggregate.spread')}</dt>
                <dd>{t('products.points', { points: n(r.totalsSpread) })}</dd>
              </div>
              {(['A', 'B', 'C'] as const).map((code) => (
                <div key={code} className="ocop-parts__row">
                  <dt>{t('result.part', { code })}</dt>
                  <dd>{t('products.points', { points: n(r.parts[code]) })}</dd>
                </div>
              ))}
            </dl>
            {r.disagreement ? (
              <p className="callout callout--warn ocop-disagreement" role="note">
                <span>
                  <strong>{t('aggregate.disagreementTitle')}</strong>{' '}
                  {t('aggregate.disagreement', { spread: n(r.totalsSpread), threshold: n(r.disagreementThreshold) })}
                </span>
              </p>
            ) : (
              <p className="small muted">{t('aggregate.agreement', { threshold: n(r.disagreementThreshold) })}</p>
            )}
            {a.knockOutVotes > 0 ? (
              <p className="small ocop-note ocop-note--knockout">
                {t('aggregate.knockOutVotes', { n: a.knockOutVotes, total: a.submitted })}
                {r.knockedOut ? ` ${t('aggregate.knockedOut', { reason: r.knockedOut.reason })}` : ''}
              </p>
            ) : null}
            {r.blockedBy.length > 0 ? (
              <div className="small">
                <p className="ocop-blockers__star">{t('summary.blockersTitle')}</p>
                <ul className="ocop-blockers__list">
                  {r.blockedBy.map((b) => (
                    <li key={`${b.star}-${b.criterion}`}>
                      {t('aggregate.blocker', {
                        star: b.star,
                        criterion: `${b.criterion}. ${sentenceCase(b.title)}`,
                        required: n(b.requiredPoints),
                        actual: n(b.actualPoints),
                      })}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <MemberSheets dossierId={dossier.id} submitted={a.submitted} />
            <CriteriaSpread result={r} />
          </>
        ) : (
          <p className="empty">{t('aggregate.noneYet')}</p>
        )}
        {confirmer && dossier.status === 'forwarded' ? <ConfirmResult dossier={dossier} aggregate={a} /> : null}
      </>
    );
  }
  return (
    <section className="card stack ocop-aggregate" aria-labelledby="ocop-aggregate-title">
      <h2 id="ocop-aggregate-title">
        {dossier.status === 'forwarded' ? t('aggregate.title') : t('aggregate.titleConfirmed')}
      </h2>
      {body}
    </section>
  );
}
