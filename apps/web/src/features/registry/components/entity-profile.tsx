import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDetail, EntityPublic } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { formatDate, formatVnd } from '../format.ts';
import { RatingBadge, StatusBadge } from './badges.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Empty() {
  const { t } = useTranslation('common');
  return <span className="muted">{t('state.none')}</span>;
}

function orEmpty(value: ReactNode) {
  return value === null || value === undefined || value === '' ? <Empty /> : value;
}

function Flags({ entity }: { entity: EntityPublic }) {
  const { t } = useTranslation('registry');
  const flags = [
    entity.highTech ? t('fields.highTech') : null,
    entity.valueChain ? t('fields.valueChain') : null,
    entity.specialised ? t('fields.specialised') : null,
  ].filter((f): f is string => !!f);
  if (flags.length === 0) return <Empty />;
  return (
    <ul className="tag-list">
      {flags.map((f) => (
        <li key={f}>
          <Badge tone="green">{f}</Badge>
        </li>
      ))}
    </ul>
  );
}

/** The fields anyone may see (the public profile). */
function PublicFacts({ entity }: { entity: EntityPublic }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  return (
    <>
      <Row label={t('fields.type')}>{t(`type.${entity.type}`)}</Row>
      <Row label={t('fields.status')}>
        <StatusBadge status={entity.status} />
      </Row>
      {entity.nameEn ? (
        <Row label={t('fields.nameEn')}>
          <span lang="en">{entity.nameEn}</span>
        </Row>
      ) : null}
      <Row label={t('fields.address')}>{entity.address}</Row>
      <Row label={t('fields.commune')}>{entity.commune.fullName}</Row>
      <Row label={t('fields.oldCommune')}>
        {entity.oldCommune ? (
          <>
            {entity.oldCommune.fullName}
            {entity.oldDistrict ? <span className="muted"> · {entity.oldDistrict.fullName}</span> : null}
          </>
        ) : (
          <Empty />
        )}
      </Row>
      <Row label={t('fields.location')}>
        {entity.lat !== null && entity.lng !== null ? (
          <span className="code-plain">
            {entity.lat.toFixed(5)}, {entity.lng.toFixed(5)}
          </span>
        ) : (
          <Empty />
        )}
      </Row>
      <Row label={t('fields.registrationDate')}>
        {entity.registrationDate ? formatDate(entity.registrationDate, lang) : <Empty />}
      </Row>
      <Row label={t('fields.sectors')}>
        {entity.sectors.length ? entity.sectors.map((s) => t(`sector.${s}`)).join(', ') : <Empty />}
      </Row>
      <Row label={t('fields.specialisations')}>
        {entity.specialisations.length ? entity.specialisations.join(', ') : <Empty />}
      </Row>
      <Row label={t('fields.services')}>{orEmpty(entity.services)}</Row>
      <Row label={t('fields.members')}>
        {t('profile.membersValue', {
          official: formatNumber(entity.officialMembers, lang),
          associate: formatNumber(entity.associateMembers, lang),
        })}
      </Row>
      <Row label={t('fields.flags')}>
        <Flags entity={entity} />
      </Row>
      <Row label={t('fields.website')}>
        {entity.website ? (
          <a href={entity.website} rel="noopener noreferrer" target="_blank">
            {entity.website}
          </a>
        ) : (
          <Empty />
        )}
      </Row>
      {entity.description ? <Row label={t('fields.description')}>{entity.description}</Row> : null}
    </>
  );
}

export function PublicProfile({ entity }: { entity: EntityPublic }) {
  const { t } = useTranslation('registry');
  return (
    <section className="card" aria-labelledby="public-profile-title">
      <h2 id="public-profile-title">{t('profile.publicTitle')}</h2>
      <p className="muted small">{t('profile.publicNote')}</p>
      <dl className="facts">
        <PublicFacts entity={entity} />
      </dl>
    </section>
  );
}

/** Every field of the record, for those who see the full profile. */
export function EntityFacts({ entity }: { entity: EntityDetail }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  return (
    <div className="profile-grid">
      <section className="card" aria-labelledby="facts-registration-title">
        <h2 id="facts-registration-title">{t('profile.registration')}</h2>
        <dl className="facts">
          <Row label={t('fields.code')}>
            {entity.code ? <span className="code-plain">{entity.code}</span> : <Empty />}
          </Row>
          <Row label={t('fields.registrationIssuer')}>{orEmpty(entity.registrationIssuer)}</Row>
          <Row label={t('fields.statusSince')}>
            {entity.statusSince ? formatDate(entity.statusSince, lang) : <Empty />}
          </Row>
          <Row label={t('fields.legalRepresentative')}>{orEmpty(entity.legalRepresentative)}</Row>
          <Row label={t('fields.phone')}>
            {entity.phone ? <a href={`tel:${entity.phone.replace(/[^\d+]/g, '')}`}>{entity.phone}</a> : <Empty />}
          </Row>
          <Row label={t('fields.email')}>
            {entity.email ? <a href={`mailto:${entity.email}`}>{entity.email}</a> : <Empty />}
          </Row>
          <Row label={t('fields.charterCapital')}>{formatVnd(entity.charterCapital, lang)}</Row>
          <Row label={t('fields.valueChainPartner')}>{orEmpty(entity.valueChainPartner)}</Row>
          <Row label={t('fields.rating')}>
            <RatingBadge rating={entity.rating} year={entity.ratingYear} />
          </Row>
          <Row label={t('fields.scaleClass')}>{entity.scaleClass ? t(`scale.${entity.scaleClass}`) : <Empty />}</Row>
        </dl>
      </section>
      <section className="card" aria-labelledby="facts-profile-title">
        <h2 id="facts-profile-title">{t('profile.general')}</h2>
        <dl className="facts">
          <PublicFacts entity={entity} />
        </dl>
      </section>
    </div>
  );
}
