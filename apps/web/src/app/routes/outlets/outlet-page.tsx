import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { vietnamDate } from '@hoptac/core';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading, Notice } from '../../../components/error-message.tsx';
import { TextField } from '../../../components/field.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import {
  OutletForm,
  OutletStatusBadge,
  StockEditor,
  useCloseOutlet,
  useOutlet,
  type RenderCommunePicker,
} from '../../../features/outlets/index.ts';
import { hasRole, useMe, usersQueryOptions } from '../../../features/identity/index.ts';
import { CommunePicker } from '../../../features/places/index.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { RequireAnyRole } from '../registry/access.tsx';
import { OUTLET_ROLES } from './access.ts';

const route = getRouteApi('/manage/outlets/$id');

/** One commune, picked with the places feature's search (it keeps a list: the last pick wins). */
function OutletCommunePicker({ value, onChange, error }: Parameters<RenderCommunePicker>[0]) {
  const { t } = useTranslation('outlets');
  return (
    <CommunePicker
      label={t('fields.communeCode')}
      value={value ? [value] : []}
      onChange={(next) => onChange(next.at(-1) ?? null)}
      error={error}
    />
  );
}
const communePicker: RenderCommunePicker = (props) => <OutletCommunePicker {...props} />;

/** For a city admin, the outlet operator accounts an outlet can be handed to (undefined for others). */
function useOperatorChoices() {
  const me = useMe();
  const city = hasRole(me.data, 'city_admin');
  const users = useQuery({ ...usersQueryOptions({ role: 'outlet_operator', page: 1, pageSize: 200 }), enabled: city });
  if (!city) return undefined;
  return (users.data?.items ?? []).map((u) => ({ id: u.id, displayName: u.displayName }));
}

export function NewOutletPage() {
  const { t } = useTranslation('outlets');
  const navigate = useNavigate();
  const operators = useOperatorChoices();
  useDocumentTitle(t('form.newTitle'));
  return (
    <RequireAnyRole roles={OUTLET_ROLES} message={t('access')}>
      {() => (
        <>
          <PageHeader title={t('form.newTitle')} intro={t('form.newIntro')} />
          <OutletForm
            renderCommunePicker={communePicker}
            operators={operators}
            onSaved={(o) => void navigate({ to: '/manage/outlets/$id', params: { id: o.id } })}
            onCancel={() => void navigate({ to: '/manage/outlets' })}
          />
        </>
      )}
    </RequireAnyRole>
  );
}

function CloseOutlet({ id }: { id: string }) {
  const { t } = useTranslation('outlets');
  const close = useCloseOutlet(id);
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(() => vietnamDate(new Date()));
  if (!open)
    return (
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('close.action')}
      </Button>
    );
  return (
    <form
      className="form outlet-close"
      onSubmit={(e) => {
        e.preventDefault();
        close.mutate(day);
      }}
    >
      {close.error ? <ErrorMessage error={close.error} /> : null}
      <TextField
        label={t('close.date')}
        name="closedOn"
        type="date"
        value={day}
        onChange={(e) => setDay(e.target.value)}
      />
      <div className="form__actions">
        <Button type="submit" variant="danger" busy={close.isPending}>
          {t('close.confirm')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}

function OutletWorkspace({ id }: { id: string }) {
  const { t } = useTranslation('outlets');
  const operators = useOperatorChoices();
  const outlet = useOutlet(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  useDocumentTitle(outlet.data?.name ?? t('list.title'));
  if (outlet.isPending) return <Loading />;
  if (outlet.isError) return <ErrorMessage error={outlet.error} onRetry={() => void outlet.refetch()} />;
  const o = outlet.data;
  return (
    <>
      <PageHeader title={o.name} intro={`${t(`types.${o.type}`)} · ${o.address}, ${o.communeName}`}>
        <p>
          <OutletStatusBadge outlet={o} />
        </p>
      </PageHeader>
      {saved ? <Notice>{t('form.saved')}</Notice> : null}
      {editing ? (
        <OutletForm
          outlet={o}
          renderCommunePicker={communePicker}
          operators={operators}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : o.canEdit ? (
        <div className="form__actions">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('form.edit')}
          </Button>
          <CloseOutlet id={o.id} />
        </div>
      ) : null}
      <StockEditor outletId={o.id} editable={o.canEdit} />
    </>
  );
}

/** An outlet: its details (editable by its keeper) and the certified products it stocks. */
export function OutletPage() {
  const { t } = useTranslation('outlets');
  const { id } = route.useParams();
  return (
    <RequireAnyRole roles={OUTLET_ROLES} message={t('access')}>
      {() => <OutletWorkspace id={id} />}
    </RequireAnyRole>
  );
}
