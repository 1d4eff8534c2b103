import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format.ts';
import { Button } from './button.tsx';

export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

export function Pagination({ page, pageSize, total, onPageChange }: PaginationProps) {
  const { t, i18n } = useTranslation('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const n = (v: number) => formatNumber(v, i18n.language);

  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <p className="pagination__range">{t('pagination.range', { from: n(from), to: n(to), total: n(total) })}</p>
      <div className="pagination__controls">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          <span aria-hidden="true">‹</span>
          <span className="pagination__label">{t('pagination.previous')}</span>
        </Button>
        <span className="pagination__status">{t('pagination.status', { page: n(page), pages: n(pages) })}</span>
        <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
          <span className="pagination__label">{t('pagination.next')}</span>
          <span aria-hidden="true">›</span>
        </Button>
      </div>
    </nav>
  );
}
