import { Link, type LinkProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export interface NavItem {
  to: NonNullable<LinkProps['to']>;
  label: string;
  /** Active only on the exact path (the home link), not on every page below it. */
  exact?: boolean;
}

/** The main navigation; Link marks the current page with aria-current="page". */
export function Nav({ items, id }: { items: NavItem[]; id?: string }) {
  const { t } = useTranslation('common');
  return (
    <nav className="nav" id={id} aria-label={t('nav.label')}>
      <ul className="nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              className="nav__link"
              activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
