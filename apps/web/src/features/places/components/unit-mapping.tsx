import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitDetail, UnitLink } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';

function KindBadge({ kind }: { kind: UnitLink['kind'] }) {
  const { t } = useTranslation('places');
  return <Badge tone={kind === 'full' ? 'green' : 'amber'}>{t(`mapping.kind.${kind}`)}</Badge>;
}

function LinkList({ links, contextLabel }: { links: UnitLink[]; contextLabel: string }) {
  const { t } = useTranslation('places');
  return (
    <ul className="mapping-list">
      {links.map(({ unit, kind }) => (
        <li key={`${unit.scheme}:${unit.code}`} className="mapping-list__item">
          <div className="mapping-list__main">
            <Link to="/units/$scheme/$code" params={{ scheme: unit.scheme, code: unit.code }} className="cell-title">
              {unit.fullName}
            </Link>
            <KindBadge kind={kind} />
          </div>
          <p className="mapping-list__meta">
            <span>
              {t(`type.${unit.type}`)} · <code className="code">{unit.code}</code>
            </span>
            {unit.parent ? (
              <span>
                {contextLabel}:{' '}
                <Link
                  to="/units/$scheme/$code"
                  params={{ scheme: unit.parent.scheme, code: unit.parent.code }}
                  className="link-subtle"
                >
                  {unit.parent.fullName}
                </Link>
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * The reform mapping seen from this unit: an old unit lists what it became, a new unit
 * lists what it was formed from, each with whether the whole area or only part moved.
 */
export function UnitMapping({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation('places');
  const isOld = unit.scheme === '2025-01';

  if (isOld) {
    return (
      <section className="card" aria-labelledby="mapping-title">
        <h2 id="mapping-title">{t('mapping.became')}</h2>
        <p className="muted">{t('mapping.becameHint')}</p>
        {unit.level === 'district' ? <p className="note">{t('mapping.districtAbolished')}</p> : null}
        {unit.successors.length > 0 ? (
          <LinkList links={unit.successors} contextLabel={t('mapping.newParent')} />
        ) : unit.level === 'district' ? null : (
          <p className="empty">{t('mapping.noSuccessors')}</p>
        )}
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">{t('mapping.formedFrom')}</h2>
      <p className="muted">{t('mapping.formedFromHint')}</p>
      {unit.predecessors.length > 0 ? (
        <LinkList links={unit.predecessors} contextLabel={t('mapping.oldDistrict')} />
      ) : (
        <p className="empty">{t('mapping.noPredecessors')}</p>
      )}
    </section>
  );
}
