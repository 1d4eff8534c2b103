import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { RubricSummary } from '@hoptac/core/ocop';
import { rubricMatches, shortSheetTitle } from '../text.ts';
import { Badge } from '../../../components/badge.tsx';

/** Items grouped by a key, groups in order of first appearance. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups];
}

function bySheetNumber(a: RubricSummary, b: RubricSummary): number {
  return (a.sheetNumber ?? 99) - (b.sheetNumber ?? 99) || a.title.localeCompare(b.title, 'vi');
}

function SheetGroup({ id, title, sheets }: { id: string; title: string; sheets: RubricSummary[] }) {
  const { t } = useTranslation('ocop');
  return (
    <section className="ocop-sheet-group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul className="ocop-sheet-list">
        {sheets.map((sheet) => {
          const name = shortSheetTitle(sheet.title);
          const sets = sheet.productSets.filter((s) => s !== name);
          return (
            <li key={sheet.id} className="ocop-sheet-list__item">
              <Link to="/ocop/rubrics/$id" params={{ id: sheet.id }} className="cell-title">
                {sheet.sheetNumber ? `${sheet.sheetNumber}. ` : ''}
                {name}
              </Link>
              {sets.length > 0 ? (
                <span className="cell-sub">{t('rubrics.productSets', { sets: sets.join('; ') })}</span>
              ) : null}
              {sheet.coverage === 'fragment' ? (
                <span className="tag-list">
                  <Badge tone="amber">{t('rubric.fragment')}</Badge>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The sheets in force grouped by product group, then the earlier decisions' sheets for reference. */
export function RubricList({ rubrics, query }: { rubrics: readonly RubricSummary[]; query: string }) {
  const { t } = useTranslation('ocop');
  const shown = rubrics.filter((r) => rubricMatches(r, query));
  const current = shown.filter((r) => r.current).sort(bySheetNumber);
  const history = shown.filter((r) => !r.current).sort(bySheetNumber);
  const currentDecision = rubrics.find((r) => r.current)?.decisionNumber;

  if (shown.length === 0) return <p className="empty">{t('rubrics.noMatch', { q: query.trim() })}</p>;
  return (
    <div className="stack">
      {current.length > 0 ? (
        <section className="card" aria-labelledby="rubrics-current">
          <div className="card__head">
            <h2 id="rubrics-current">{t('rubrics.currentTitle', { decision: currentDecision ?? '' })}</h2>
            <span className="muted small">{t('rubrics.count', { n: current.length })}</span>
          </div>
          {groupBy(current, (r) => r.productGroup).map(([group, sheets], i) => (
            <SheetGroup key={group} id={`rubric-group-${i}`} title={group} sheets={sheets} />
          ))}
        </section>
      ) : null}
      {history.length > 0 ? (
        <section className="card" aria-labelledby="rubrics-history">
          <div className="card__head">
            <h2 id="rubrics-history">{t('rubrics.historyTitle')}</h2>
            <span className="muted small">{t('rubrics.count', { n: history.length })}</span>
          </div>
          <p className="muted small">{t('rubrics.historyIntro')}</p>
          {groupBy(history, (r) => r.decisionNumber).map(([decision, sheets], i) => (
            <SheetGroup
              key={decision}
              id={`rubric-history-${i}`}
              title={t('rubric.decision', { number: decision })}
              sheets={sheets}
            />
          ))}
        </section>
      ) : null}
    </div>
  );
}
