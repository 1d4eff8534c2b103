import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDetail, Member, MemberKind, MemberList, Membership } from '@hoptac/core';
import { CAPITAL_CAP, MEMBER_KINDS, MEMBERSHIPS } from '../../../lib/domain.ts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading, Notice } from '../../../components/error-message.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useErrorText, type FieldErrors } from '../../../lib/errors.ts';
import { useMembers, useRemoveMember, useSaveMember } from '../api.ts';
import { formatDate, formatPercent, formatVnd, todayInHanoi } from '../format.ts';
import { NumberField, parseWholeNumber } from './inputs.tsx';
import { useIssueWording } from './issue-wording.ts';

type Warning = MemberList['warnings'][number];

/** Statutory checks worded in plain language, each citing the law. */
function WarningCallouts({
  warnings,
  members,
  entity,
}: {
  warnings: Warning[];
  members: Member[];
  entity: EntityDetail;
}) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const nameOf = (id: string | undefined) => members.find((m) => m.id === id)?.name ?? '';
  if (warnings.length === 0) return null;
  return (
    <div className="callouts" aria-label={t('members.warningsLabel')} role="region">
      {warnings.map((w, i) => {
        let text = '';
        if (w.code === 'capital_cap_exceeded') {
          const cap = w.cap ?? CAPITAL_CAP[entity.type] ?? 0.3;
          text = t(entity.type === 'cooperative_union' ? 'members.warning.capitalUnion' : 'members.warning.capital', {
            cap: formatPercent(cap, lang),
            name: nameOf(w.memberId),
            share: formatPercent(w.share ?? 0, lang),
          });
        } else if (w.code === 'too_few_founders') {
          text = t('members.warning.tooFew', {
            type: t(`type.${entity.type}`),
            minimum: formatNumber(w.minimum ?? 0, lang),
            official: formatNumber(w.official ?? 0, lang),
          });
        } else {
          text = t('members.warning.unionMembers', { name: nameOf(w.memberId) });
        }
        return (
          <p key={`${w.code}-${w.memberId ?? i}`} className="callout callout--warn">
            <span className="callout__icon" aria-hidden="true">
              ⚠
            </span>
            <span>{text}</span>
          </p>
        );
      })}
    </div>
  );
}

interface MemberDraft {
  name: string;
  kind: MemberKind;
  membership: Membership;
  capitalContributed: string;
  joinedOn: string;
  leftOn: string;
  note: string;
}

function toDraft(m: Member | null, lang: string): MemberDraft {
  return {
    name: m?.name ?? '',
    kind: m?.kind ?? 'individual',
    membership: m?.membership ?? 'official',
    capitalContributed: m ? formatNumber(m.capitalContributed, lang) : '',
    joinedOn: m?.joinedOn ?? todayInHanoi(),
    leftOn: m?.leftOn ?? '',
    note: m?.note ?? '',
  };
}

function MemberForm({
  entityId,
  member,
  onDone,
}: {
  entityId: string;
  member: Member | null;
  onDone: (saved: Member) => void;
}) {
  const { t, i18n } = useTranslation('registry');
  const { fieldErrors } = useErrorText();
  const wording = useIssueWording();
  const save = useSaveMember(entityId);
  const [draft, setDraft] = useState<MemberDraft>(() => toDraft(member, i18n.language));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const errors = { ...fieldErrors(save.error, wording), ...localErrors };
  const set = <K extends keyof MemberDraft>(key: K, value: MemberDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (draft.name.trim().length < 2) next.name = t('errors:validation.required');
    const capital = parseWholeNumber(draft.capitalContributed);
    if (capital !== null && Number.isNaN(capital)) next.capitalContributed = t('issue.whole_number');
    if (!draft.joinedOn) next.joinedOn = t('errors:validation.required');
    if (draft.leftOn && draft.joinedOn && draft.leftOn < draft.joinedOn) next.leftOn = t('issue.left_before_joined');
    setLocalErrors(next);
    if (Object.keys(next).length > 0) return;
    save.mutate(
      {
        memberId: member?.id,
        body: {
          name: draft.name.trim(),
          kind: draft.kind,
          membership: draft.membership,
          capitalContributed: capital ?? 0,
          joinedOn: draft.joinedOn,
          leftOn: draft.leftOn || null,
          note: draft.note.trim() || null,
        },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="member-form-title">
      <h3 id="member-form-title">{member ? t('members.editTitle', { name: member.name }) : t('members.addTitle')}</h3>
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <div className="form__grid">
        <TextField
          label={t('members.name')}
          name="memberName"
          autoComplete="off"
          maxLength={200}
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors.name}
        />
        <NumberField
          label={t('members.capital')}
          unit={t('units.vnd')}
          name="capitalContributed"
          value={draft.capitalContributed}
          onChange={(v) => set('capitalContributed', v)}
          error={errors.capitalContributed}
        />
        <SelectField
          label={t('members.kind')}
          name="kind"
          value={draft.kind}
          onChange={(e) => set('kind', e.target.value as MemberKind)}
          error={errors.kind}
        >
          {MEMBER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`memberKind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('members.membership')}
          name="membership"
          value={draft.membership}
          onChange={(e) => set('membership', e.target.value as Membership)}
          error={errors.membership}
        >
          {MEMBERSHIPS.map((m) => (
            <option key={m} value={m}>
              {t(`membership.${m}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('members.joinedOn')}
          name="joinedOn"
          type="date"
          value={draft.joinedOn}
          onChange={(e) => set('joinedOn', e.target.value)}
          error={errors.joinedOn}
        />
        <TextField
          label={t('members.leftOn')}
          name="leftOn"
          type="date"
          hint={t('members.leftOnHint')}
          value={draft.leftOn}
          onChange={(e) => set('leftOn', e.target.value)}
          error={errors.leftOn}
        />
      </div>
      <TextAreaField
        label={t('members.note')}
        name="note"
        maxLength={500}
        rows={2}
        value={draft.note}
        onChange={(e) => set('note', e.target.value)}
        error={errors.note}
      />
      <div className="form__actions">
        <Button type="submit" busy={save.isPending}>
          {save.isPending ? t('common:actions.saving') : member ? t('members.saveEdit') : t('members.add')}
        </Button>
      </div>
    </form>
  );
}

/** The member list with capital shares and the statutory warnings; editable for those allowed. */
export function MembersPanel({ entity }: { entity: EntityDetail }) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const members = useMembers(entity.id);
  const remove = useRemoveMember(entity.id);
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (members.isPending) return <Loading />;
  if (members.isError) return <ErrorMessage error={members.error} onRetry={() => void members.refetch()} />;
  const { items, warnings } = members.data;
  // Current members first, in joining order; those who left after them.
  const sorted = [...items].sort(
    (a, b) => Number(!!a.leftOn) - Number(!!b.leftOn) || a.joinedOn.localeCompare(b.joinedOn),
  );
  const flagged = new Set(warnings.map((w) => w.memberId).filter(Boolean));
  const capital = entity.charterCapital;
  const current = items.filter((m) => !m.leftOn);
  const official = current.filter((m) => m.membership === 'official').length;
  const contributed = current.reduce((sum, m) => sum + m.capitalContributed, 0);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="members-title">
        <div className="card__head">
          <h2 id="members-title">{t('members.title')}</h2>
          {entity.canEdit && editing === null ? (
            <Button
              size="sm"
              onClick={() => {
                setNotice(null);
                setEditing('new');
              }}
            >
              {t('members.addButton')}
            </Button>
          ) : null}
        </div>
        <p className="muted small">
          {t('members.summary', {
            current: formatNumber(current.length, lang),
            official: formatNumber(official, lang),
            contributed: formatVnd(contributed, lang),
            capital: formatVnd(capital, lang),
          })}
        </p>
        <WarningCallouts warnings={warnings} members={items} entity={entity} />
        {notice ? <Notice>{notice}</Notice> : null}
        {remove.error ? <ErrorMessage error={remove.error} /> : null}
        {items.length === 0 ? (
          <p className="empty">{t('members.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack table--compact members-table">
              <caption className="sr-only">{t('members.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('members.name')}</th>
                  <th scope="col">{t('members.kind')}</th>
                  <th scope="col">{t('members.membership')}</th>
                  <th scope="col" className="num">
                    {t('members.capitalShort')}
                  </th>
                  <th scope="col" className="num">
                    {t('members.share')}
                  </th>
                  <th scope="col">{t('members.period')}</th>
                  {entity.canEdit ? <th scope="col">{t('members.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {sorted.map((m) => (
                  <tr key={m.id} className={m.leftOn ? 'row--muted' : flagged.has(m.id) ? 'row--warn' : undefined}>
                    <td data-label={t('members.name')}>
                      <div>
                        <span className="cell-title">{m.name}</span>
                        {m.note ? <span className="cell-sub">{m.note}</span> : null}
                        {flagged.has(m.id) ? <Badge tone="amber">{t('members.flagged')}</Badge> : null}
                      </div>
                    </td>
                    <td data-label={t('members.kind')}>{t(`memberKind.${m.kind}`)}</td>
                    <td data-label={t('members.membership')}>{t(`membershipShort.${m.membership}`)}</td>
                    <td data-label={t('members.capitalShort')} className="num">
                      {formatVnd(m.capitalContributed, lang)}
                    </td>
                    <td data-label={t('members.share')} className="num">
                      {capital > 0 ? formatPercent(m.capitalContributed / capital, lang) : '—'}
                    </td>
                    <td data-label={t('members.period')}>
                      <span>
                        {formatDate(m.joinedOn, lang)}
                        {m.leftOn ? ` – ${formatDate(m.leftOn, lang)} (${t('members.left')})` : ''}
                      </span>
                    </td>
                    {entity.canEdit ? (
                      <td data-label={t('members.actions')}>
                        {confirming === m.id ? (
                          <div className="row-actions">
                            <Button
                              variant="danger"
                              size="sm"
                              busy={remove.isPending}
                              onClick={() =>
                                remove.mutate(m.id, {
                                  onSuccess: () => {
                                    setConfirming(null);
                                    setNotice(t('members.removed', { name: m.name }));
                                  },
                                })
                              }
                            >
                              {t('members.confirmRemove')}
                            </Button>
                            <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>
                              {t('form.cancel')}
                            </Button>
                          </div>
                        ) : (
                          <div className="row-actions">
                            <Button
                              variant="secondary"
                              size="sm"
                              aria-label={t('members.editLabel', { name: m.name })}
                              onClick={() => {
                                setNotice(null);
                                setEditing(m);
                              }}
                            >
                              {t('members.edit')}
                            </Button>
                            <Button
                              variant="danger"
                              size="sm"
                              aria-label={t('members.removeLabel', { name: m.name })}
                              onClick={() => setConfirming(m.id)}
                            >
                              {t('members.remove')}
                            </Button>
                          </div>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {entity.canEdit && editing !== null ? (
        <section className="card">
          <MemberForm
            key={editing === 'new' ? 'new' : editing.id}
            entityId={entity.id}
            member={editing === 'new' ? null : editing}
            onDone={(saved) => {
              setEditing(null);
              setNotice(editing === 'new' ? t('members.added', { name: saved.name }) : t('members.saved'));
            }}
          />
          <div className="form__actions">
            <Button variant="ghost" onClick={() => setEditing(null)}>
              {t('form.cancel')}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
