import { useState, type MouseEvent, type ReactNode } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch.tsx';
import { LogoMark } from './logo.tsx';
import { Nav, type NavItem } from './nav.tsx';

export interface LayoutProps {
  navItems: NavItem[];
  /** The sign-in link or the signed-in user's name and sign-out button. */
  session: ReactNode;
  children: ReactNode;
}

/** Page shell: header with brand, collapsible navigation on phones, main, footer. */
export function Layout({ navItems, session, children }: LayoutProps) {
  const { t } = useTranslation('common');
  const [menuOpen, setMenuOpen] = useState(false);
  const navigate = useNavigate();

  const goHome = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    void navigate({ to: '/' });
  };

  // A tapped link or button should not leave the phone menu covering the page it opened.
  const closeOnAction = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('a, button')) setMenuOpen(false);
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__bar container">
          {/* A plain anchor, not a router Link: the brand must not also carry aria-current. */}
          <a href="/" className="brand" onClick={goHome}>
            <LogoMark />
            <span className="brand__name">{t('app.name')}</span>
          </a>
          <div className="site-header__tools">
            <LanguageSwitch />
            <button
              type="button"
              className="menu-toggle"
              aria-expanded={menuOpen}
              aria-controls="site-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span className="menu-toggle__icon" aria-hidden="true" />
              {t('nav.menu')}
            </button>
          </div>
          <div id="site-menu" className={`site-menu${menuOpen ? ' site-menu--open' : ''}`} onClick={closeOnAction}>
            <Nav items={navItems} />
            <div className="site-menu__session">{session}</div>
          </div>
        </div>
      </header>
      <main id="main" className="site-main container" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </div>
  );
}
