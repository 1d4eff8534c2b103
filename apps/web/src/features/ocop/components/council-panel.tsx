import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OcopCouncil, OcopCouncilRole } from '@hoptac/core';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { ErrorMessage, Loading, Notice } from '../../../components/error-message.tsx';
import { SelectField, TextAreaField, TextField } from '../../../components/field.tsx';
import { validationIssues } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import {
  useCouncilCandidates,
  useDeclareOcopConflict,
  useOcopCouncil,
  useRemoveOcopConflict,
  useSetOcopCouncil,
} from '../rounds-api.ts';
import { OCOP_COUNCIL_ROLES } from '../text.ts';
import { EntityPicker, type PickedEntity } from './entity-picker.tsx';
import { OcopErrorMessage } from './ocop-error.tsx';

interface Seat {
  userId: string;
  role: OcopCouncilRole;
}

/** Words an issue of the council's save: the server's codes (one_chair, not_council_member …) or a generic line. */
function useIssueText() {
  const { t, i18n } = useTranslation('ocop');
  return (code: string) => (i18n.exists(`ocop:issue.${code}`) ? t(`issue.${code}`) : t('issue.answer_invalid'));
}

function CouncilEditor({ council, onDone }: { council: OcopCouncil; onDone: () => void }) {
  const { t } = useTranslation('ocop');
  const issueText = useIssueText();
  const candidates = useCouncilCandidates(true);
  const save = useSetOcopCouncil(council.roundId);
  const [seats, setSeats] = useState<Seat[]>(() => council.members.map((m) => ({ userId: m.userId, role: m.role })));
  const [threshold, setThreshold] = useState(String(council.disagreementThreshold));
  const [local, setLocal] = useState<string | null>(null);

  // Seated members stay choosable even if they have since lost the role (the server says so on save).
  const people = new Map<string, string>(council.members.map((m) => [m.userId, m.displayName]));
  for (const u of candidates.data ?? []) people.set(u.id, `${u.displayName} · ${u.email}`);
  const free = [...people.keys()].filter((id) => !seats.some((s) => s.userId === id));

  const issues = validationIssues(save.error);
  const rowError = (i: number) => {
    const issue = issues.find((x) => x.path[0] === 'members' && x.path[1] === String(i));
    return issue ? issueText(issue.code) : undefined;
  };
  const formIssues = issues.filter((x) => x.path[0] === 'members' && x.path.length === 1).map((x) => issueText(x.code));
  const thresholdIssue = issues.find((x) => x.path[0] === 'disagreementThreshold');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const n = Number(threshold);
    if (!Number.isInteger(n) || n < 1 || n > 100) {
      setLocal(t('issue.threshold'));
      return;
    }
    setLocal(null);
    save.mutate({ disagreementThreshold: n, members: seats }, { onSuccess: onDone });
  }

  if (candidates.isPending) return <Loading />;
  if (candidates.isError) return <ErrorMessage error={candidates.error} onRetry={() => void candidates.refetch()} />;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="ocop-council-edit-title">
      <h3 id="ocop-council-edit-title">{t('council.editTitle')}</h3>
      <p className="muted small">{t('council.editIntro')}</p>
      {formIssues.length > 0 ? (
        <div className="alert alert--error" role="alert">
          <ul className="plain-list">
            {formIssues.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      ) : save.error && issues.length === 0 ? (
        <OcopErrorMessage error={save.error} scope="council" />
      ) : null}
      <ol className="ocop-seats">
        {seats.map((seat, i) => (
          <li key={i} className="ocop-seat">
            <SelectField
              label={t('council.member', { n: i + 1 })}
              value={seat.userId}
              error={rowError(i)}
              onChange={(e) => setSeats((all) => all.map((s, j) => (j === i ? { ...s, userId: e.target.value } : s)))}
            >
              {[seat.userId, ...free].map((id) => (
                <option key={id} value={id}>
                  {people.get(id) ?? id}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('council.role')}
              value={seat.role}
              onChange={(e) =>
                setSeats((all) =>
                  all.map((s, j) =>
                    j === i ? { ...s, role: OCOP_COUNCIL_ROLES.find((r) => r === e.target.value) ?? s.role } : s,
                  ),
                )
              }
            >
              {OCOP_COUNCIL_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`councilRole.${r}`)}
                </option>
              ))}
            </SelectField>
            <Button
              variant="ghost"
              size="sm"
              className="ocop-seat__remove"
              aria-label={t('council.removeMember', { name: people.get(seat.userId) ?? '' })}
              onClick={() => setSeats((all) => all.filter((_, j) => j !== i))}
            >
              {t('council.remove')}
            </Button>
          </li>
        ))}
      </ol>
      <div className="toolbar">
        <Button
          variant="secondary"
          size="sm"
          disabled={free.length === 0}
          onClick={() => setSeats((all) => [...all, { userId: free[0]!, role: 'member' }])}
        >
          {t('council.addMember')}
        </Button>
        {free.length === 0 ? <span className="muted small">{t('council.noMoreCandidates')}</span> : null}
      </div>
      <TextField
        label={t('council.threshold')}
        inputMode="numeric"
        value={threshold}
        hint={t('council.thresholdHint')}
        error={local ?? (thresholdIssue ? issueText(thresholdIssue.code) : undefined)}
        onChange={(e) => setThreshold(e.target.value)}
        className="ocop-threshold"
      />
      <div className="form__actions">
        <Button type="submit" busy={save.isPending} disabled={seats.length === 0}>
          {t('council.save')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Records a member's link to an entity: a city admin for anyone on the council, a member for themselves. */
function ConflictForm({ council, admin, onDone }: { council: OcopCouncil; admin: boolean; onDone: () => void }) {
  const { t } = useTranslation('ocop');
  const issueText = useIssueText();
  const declare = useDeclareOcopConflict(council.roundId);
  const [userId, setUserId] = useState(admin ? (council.members[0]?.userId ?? '') : '');
  const [entity, setEntity] = useState<PickedEntity | null>(null);
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const issues = validationIssues(declare.error);
  const fieldError = (field: string) => {
    if (local[field]) return local[field];
    const issue = issues.find((x) => x.path[0] === field);
    return issue ? issueText(issue.code) : undefined;
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!entity) next.entityId = t('issue.entity_required');
    if (reason.trim().length < 3) next.reason = t('issue.reason_required');
    setLocal(next);
    if (Object.keys(next).length > 0 || !entity) return;
    declare.mutate({ ...(admin ? { userId } : {}), entityId: entity.id, reason: reason.trim() }, { onSuccess: onDone });
  }

  return (
    <form className="form subtle-box" onSubmit={onSubmit} noValidate aria-labelledby="ocop-conflict-form-title">
      <h4 id="ocop-conflict-form-title">{admin ? t('council.conflictFormTitle') : t('council.conflictFormOwn')}</h4>
      {declare.error && issues.length === 0 ? <OcopErrorMessage error={declare.error} scope="council" /> : null}
      {admin ? (
        <SelectField
          label={t('council.conflictMember')}
          value={userId}
          error={fieldError('userId')}
          onChange={(e) => setUserId(e.target.value)}
        >
          {council.members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.displayName} · {t(`councilRole.${m.role}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <EntityPicker
        label={t('council.conflictEntity')}
        value={entity}
        onChange={setEntity}
        hint={t('hints.entity')}
        error={fieldError('entityId')}
      />
      <TextAreaField
        label={t('council.conflictReason')}
        value={reason}
        hint={t('council.conflictReasonHint')}
        error={fieldError('reason')}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="form__actions">
        <Button type="submit" busy={declare.isPending}>
          {t('council.conflictSave')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Conflicts({ council, admin }: { council: OcopCouncil; admin: boolean }) {
  const { t, i18n } = useTranslation('ocop');
  const remove = useRemoveOcopConflict(council.roundId);
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section className="stack" aria-labelledby="ocop-conflicts-title">
      <div className="card__head">
        <h3 id="ocop-conflicts-title">{t('council.conflictsTitle')}</h3>
        {!adding ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              setSaved(false);
              setAdding(true);
            }}
          >
            {admin ? t('council.conflictAdd') : t('council.conflictDeclare')}
          </Button>
        ) : null}
      </div>
      <p className="muted small">{t('council.conflictsIntro')}</p>
      {saved ? <Notice>{t('council.conflictSaved')}</Notice> : null}
      {remove.error ? <OcopErrorMessage error={remove.error} scope="council" /> : null}
      {adding ? (
        <ConflictForm
          council={council}
          admin={admin}
          onDone={() => {
            setAdding(false);
            setSaved(true);
          }}
        />
      ) : null}
      {council.conflicts.length === 0 ? (
        <p className="empty">{t('council.noConflicts')}</p>
      ) : (
        <ul className="plain-list ocop-conflicts">
          {council.conflicts.map((c) => (
            <li key={`${c.userId}-${c.entity.id}`} className="ocop-conflict">
              <div>
                <strong>{c.displayName}</strong> — {c.entity.name}
                <span className="cell-sub">
                  {c.reason} ·{' '}
                  {t(`council.recordedBy.${c.recordedBy}`, { date: formatDateTime(c.recordedAt, i18n.language) })}
                </span>
              </div>
              {admin ? (
                <Button
                  variant="ghost"
                  size="sm"
                  busy={remove.isPending && remove.variables?.entityId === c.entity.id}
                  aria-label={t('council.conflictRemove', { name: c.displayName, entity: c.entity.name })}
                  onClick={() => remove.mutate({ userId: c.userId, entityId: c.entity.id })}
                >
                  {t('council.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The council of a round: its members and threshold, and the declared conflicts of interest. */
export function CouncilPanel({ roundId, admin }: { roundId: string; admin: boolean }) {
  const { t } = useTranslation('ocop');
  const council = useOcopCouncil(roundId);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (council.isPending) return <Loading />;
  if (council.isError) return <ErrorMessage error={council.error} onRetry={() => void council.refetch()} />;
  const c = council.data;
  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="ocop-council-title">
        <div className="card__head">
          <h2 id="ocop-council-title">{t('council.title')}</h2>
          {admin && !editing ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {c.members.length ? t('council.edit') : t('council.set')}
            </Button>
          ) : null}
        </div>
        {saved ? <Notice>{t('council.saved')}</Notice> : null}
        {editing && admin ? (
          <CouncilEditor
            council={c}
            onDone={() => {
              setEditing(false);
              setSaved(true);
            }}
          />
        ) : c.members.length === 0 ? (
          <p className="empty">{t('council.empty')}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table table--stack">
                <caption className="sr-only">{t('council.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('council.columns.member')}</th>
                    <th scope="col">{t('council.columns.role')}</th>
                    <th scope="col">{t('council.columns.scores')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.members.map((m) => (
                    <tr key={m.userId}>
                      <td data-label={t('council.columns.member')}>{m.displayName}</td>
                      <td data-label={t('council.columns.role')}>{t(`councilRole.${m.role}`)}</td>
                      <td data-label={t('council.columns.scores')}>
                        {m.scores ? (
                          <Badge tone="green">{t('council.scores')}</Badge>
                        ) : (
                          <Badge tone="neutral">{t('council.advises')}</Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="small">{t('council.thresholdValue', { n: c.disagreementThreshold })}</p>
          </>
        )}
      </section>
      <section className="card">
        <Conflicts council={c} admin={admin} />
      </section>
    </div>
  );
}
