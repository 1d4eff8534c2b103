import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDetail, EntityView } from '@hoptac/core';
import { COOPERATIVE_TYPES } from '../../../lib/domain.ts';
import { Button } from '../../../components/button.tsx';
import { Notice } from '../../../components/error-message.tsx';
import { StatusBadge } from './badges.tsx';
import { EntityFacts, PublicProfile } from './entity-profile.tsx';
import type { CommuneChoice } from './entity-draft.ts';
import { EntityForm } from './entity-form.tsx';
import { MembersPanel } from './members-panel.tsx';
import { ReportsPanel } from './reports-panel.tsx';
import { StatusPanel } from './status-panel.tsx';
import { ENTITY_TABS, type EntityTab } from '../tabs.ts';

/** The tabs an entity has: annual reports only for the types the Law on Cooperatives governs. */
export function tabsOf(entity: EntityDetail): EntityTab[] {
  return ENTITY_TABS.filter((tab) => tab !== 'reports' || COOPERATIVE_TYPES.includes(entity.type));
}

export function EntityHeader({ entity, children }: { entity: EntityView; children?: ReactNode }) {
  const { t } = useTranslation('registry');
  return (
    <header className="page-header entity-header">
      <h1>{entity.name}</h1>
      <p className="page-header__meta">
        <span>{t(`type.${entity.type}`)}</span>
        <StatusBadge status={entity.status} />
        <span>{entity.commune.fullName}</span>
        {entity.visibility === 'full' && entity.code ? <code className="code">{entity.code}</code> : null}
      </p>
      {children}
    </header>
  );
}

function ProfileTab({ entity, communeChoice }: { entity: EntityDetail; communeChoice: CommuneChoice }) {
  const { t } = useTranslation('registry');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (editing) {
    return (
      <section className="card" aria-labelledby="edit-profile-title">
        <h2 id="edit-profile-title">{t('profile.editTitle')}</h2>
        <EntityForm
          initial={entity}
          communeChoice={communeChoice}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      </section>
    );
  }
  return (
    <div className="stack">
      {saved ? <Notice>{t('profile.saved')}</Notice> : null}
      {entity.canEdit ? (
        <div className="toolbar">
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('profile.edit')}
          </Button>
        </div>
      ) : null}
      <EntityFacts entity={entity} />
    </div>
  );
}

export interface EntityWorkspaceProps {
  entity: EntityView;
  tab: EntityTab;
  onTabChange: (tab: EntityTab) => void;
  year: number | undefined;
  onYearChange: (year: number) => void;
  /** Communes the profile form may move the entity to. */
  communeChoice: CommuneChoice;
  /** Shown above the tabs (the "my cooperative" call to action). */
  banner?: ReactNode;
}

/** The entity page: header and tabs for those who see the full record, the public profile otherwise. */
export function EntityWorkspace({
  entity,
  tab,
  onTabChange,
  year,
  onYearChange,
  communeChoice,
  banner,
}: EntityWorkspaceProps) {
  const { t } = useTranslation('registry');
  const refs = useRef<Partial<Record<EntityTab, HTMLButtonElement | null>>>({});
  // On a phone the tab row scrolls sideways: keep the open tab in sight.
  useEffect(() => {
    const el = refs.current[tab];
    const row = el?.parentElement;
    if (el && row && row.scrollWidth > row.clientWidth) {
      const offset = el.getBoundingClientRect().left - row.getBoundingClientRect().left;
      row.scrollLeft += offset - (row.clientWidth - el.offsetWidth) / 2;
    }
  }, [tab]);

  if (entity.visibility === 'public') {
    return (
      <>
        <EntityHeader entity={entity} />
        <PublicProfile entity={entity} />
      </>
    );
  }

  const tabs = tabsOf(entity);
  const current = tabs.includes(tab) ? tab : 'profile';

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(current);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = tabs.length - 1;
    const target = next === null ? undefined : tabs[next];
    if (!target) return;
    event.preventDefault();
    onTabChange(target);
    refs.current[target]?.focus();
  };

  return (
    <>
      <EntityHeader entity={entity} />
      {banner}
      <div className="tabs tabs--entity" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
        {tabs.map((key) => (
          <button
            key={key}
            ref={(el) => {
              refs.current[key] = el;
            }}
            type="button"
            role="tab"
            id={`entity-tab-${key}`}
            className="tabs__tab"
            aria-selected={key === current}
            aria-controls="entity-panel"
            tabIndex={key === current ? 0 : -1}
            onClick={() => {
              if (key !== current) onTabChange(key);
            }}
          >
            {t(`tabs.${key}`)}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id="entity-panel" aria-labelledby={`entity-tab-${current}`}>
        {current === 'profile' ? <ProfileTab key={entity.id} entity={entity} communeChoice={communeChoice} /> : null}
        {current === 'members' ? <MembersPanel entity={entity} /> : null}
        {current === 'reports' ? <ReportsPanel entity={entity} year={year} onYearChange={onYearChange} /> : null}
        {current === 'status' ? <StatusPanel entity={entity} /> : null}
        {current === 'ocop' ? (
          <section className="card" aria-labelledby="ocop-title">
            <h2 id="ocop-title">{t('tabs.ocop')}</h2>
            <p className="empty">{t('ocop.placeholder')}</p>
          </section>
        ) : null}
      </div>
    </>
  );
}
