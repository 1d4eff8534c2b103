import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { TextField } from '../../../components/field.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { formatDay } from '../../../lib/format.ts';
import { useDebouncedValue } from '../../../lib/use-debounced.ts';
import { useOutletStock, useStockableProducts, useStockChange } from '../api.ts';

const PAGE_SIZE = 20;
const stars = (n: number | null) => (n ? '★'.repeat(n) : '');

/** The certified products an outlet stocks, with remove buttons, and a search to add more. */
export function StockEditor({ outletId, editable }: { outletId: string; editable: boolean }) {
  const { t, i18n } = useTranslation('outlets');
  const [page, setPage] = useState(1);
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const stock = useOutletStock(outletId, page, PAGE_SIZE);
  const choices = useStockableProducts(q);
  const change = useStockChange(outletId);
  const error = change.add.error ?? change.remove.error;
  const stocked = new Set(stock.data?.items.map((i) => i.productId));

  return (
    <div className="outlet-stock">
      <section aria-labelledby="stock-title">
        <h2 id="stock-title">{t('stock.title')}</h2>
        {error ? <ErrorMessage error={error} /> : null}
        {stock.isPending ? (
          <Loading />
        ) : stock.isError ? (
          <ErrorMessage error={stock.error} onRetry={() => void stock.refetch()} />
        ) : stock.data.items.length === 0 ? (
          <p className="empty">{t('stock.empty')}</p>
        ) : (
          <>
            <ul className="outlet-stock__list">
              {stock.data.items.map((item) => (
                <li key={item.productId} className="outlet-stock__item">
                  <span>
                    <strong>{item.name}</strong>{' '}
                    <span aria-label={t('stock.stars', { count: item.star ?? 0 })}>{stars(item.star)}</span>
                    <span className="cell-sub">
                      {item.entityName} · {t('stock.since', { date: formatDay(item.since, i18n.language) })}
                    </span>
                  </span>
                  {editable ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      busy={change.remove.isPending && change.remove.variables === item.productId}
                      onClick={() => change.remove.mutate(item.productId)}
                      aria-label={t('stock.removeNamed', { name: item.name })}
                    >
                      {t('stock.remove')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
            <Pagination page={page} pageSize={PAGE_SIZE} total={stock.data.total} onPageChange={setPage} />
          </>
        )}
      </section>

      {editable ? (
        <section aria-labelledby="stock-add-title">
          <h2 id="stock-add-title">{t('stock.addTitle')}</h2>
          <TextField
            label={t('stock.search')}
            name="stock-search"
            type="search"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            hint={t('stock.searchHint')}
          />
          {choices.isPending ? (
            <Loading />
          ) : choices.isError ? (
            <ErrorMessage error={choices.error} onRetry={() => void choices.refetch()} />
          ) : choices.data.items.length === 0 ? (
            <p className="empty">{t('stock.noChoices')}</p>
          ) : (
            <ul className="outlet-stock__list">
              {choices.data.items.map((item) => (
                <li key={item.productId} className="outlet-stock__item">
                  <span>
                    <strong>{item.name}</strong> {stars(item.star)}
                    <span className="cell-sub">{item.entityName}</span>
                  </span>
                  {stocked.has(item.productId) ? (
                    <span className="small">{t('stock.already')}</span>
                  ) : (
                    <Button
                      size="sm"
                      busy={change.add.isPending && change.add.variables === item.productId}
                      onClick={() => change.add.mutate(item.productId)}
                      aria-label={t('stock.addNamed', { name: item.name })}
                    >
                      {t('stock.add')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
