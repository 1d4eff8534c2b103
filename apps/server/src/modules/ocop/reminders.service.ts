import {
  CERTIFICATE_REMINDER_DAYS,
  dueReminderThreshold,
  EVIDENCE_REMINDER_DAYS,
  vietnamDate,
  type Notification,
  type NotificationPage,
  type PageQuery,
  type SessionUser,
} from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../kernel/audit.ts';
import { AppError } from '../../kernel/errors.ts';
import type { Mail, Mailer } from '../../kernel/mail.ts';
import { toLimitOffset } from '../../kernel/pagination.ts';
import * as repo from './reminders.repository.ts';

type Due = {
  subjectType: 'certificate' | 'evidence';
  subjectId: string;
  entityId: string;
  threshold: number;
  kind: Notification['kind'];
  params: Record<string, string | number>;
  subject: string;
  text: string;
};

const addDays = (day: string, n: number) => vietnamDate(new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000));
const viDate = (day: string) => day.split('-').reverse().join('/');

function certificateDue(c: Awaited<ReturnType<typeof repo.certificatesEnding>>[number], today: string): Due | null {
  const threshold = dueReminderThreshold(c.validUntil, today, CERTIFICATE_REMINDER_DAYS);
  if (threshold === null) return null;
  return {
    subjectType: 'certificate',
    subjectId: c.id,
    entityId: c.entityId,
    threshold,
    kind: 'certificate_expiring',
    params: { number: c.number, productName: c.productName, validUntil: c.validUntil, days: threshold },
    subject: `Giấy chứng nhận OCOP ${c.number} sắp hết hạn`,
    text:
      `Giấy chứng nhận OCOP số ${c.number} của sản phẩm "${c.productName}" hết hiệu lực ngày ${viDate(c.validUntil)} ` +
      `(còn không quá ${threshold} ngày). Vui lòng chuẩn bị hồ sơ đánh giá lại trên Hoptac.`,
  };
}

function documentDue(d: Awaited<ReturnType<typeof repo.documentsEnding>>[number], today: string): Due | null {
  const threshold = dueReminderThreshold(d.validUntil, today, EVIDENCE_REMINDER_DAYS);
  if (threshold === null) return null;
  return {
    subjectType: 'evidence',
    subjectId: d.id,
    entityId: d.entityId,
    threshold,
    kind: 'evidence_expiring',
    params: { title: d.title, documentKind: d.kind, validUntil: d.validUntil, days: threshold },
    subject: `Tài liệu "${d.title}" sắp hết hạn`,
    text:
      `Tài liệu "${d.title}" trong kho minh chứng hết hiệu lực ngày ${viDate(d.validUntil)} ` +
      `(còn không quá ${threshold} ngày). Hãy tải lên bản mới để hồ sơ OCOP không bị thiếu.`,
  };
}

export type SweepResult = { reminders: number; notifications: number; emails: number; emailFailures: number };

/**
 * Expiry reminders: certificates 90 and 30 days before they end, evidence documents 30 days
 * before. Each (subject, threshold) is claimed once in ocop_reminders in the transaction that
 * writes the notifications, so a second sweep, or two at once, sends nothing again. E-mail goes
 * after the commit; a failed e-mail is logged, not retried (the in-app notification stays).
 */
export function createRemindersService(deps: {
  db: Db;
  mailer: Mailer | null;
  now?: () => Date;
  logError?: (err: unknown, msg: string) => void;
}) {
  const { db, mailer } = deps;
  const now = deps.now ?? (() => new Date());

  /** Claims the reminder and notifies the entity's members and commune officers; null when it was sent before. */
  async function remind(due: Due, at: Date): Promise<Mail[] | null> {
    return db.transaction(async (tx) => {
      const claimed = await repo.claimReminder(tx, {
        key: `${due.subjectType}:${due.subjectId}:${due.threshold}`,
        subjectType: due.subjectType,
        subjectId: due.subjectId,
        thresholdDays: due.threshold,
        entityId: due.entityId,
        sentAt: at,
      });
      if (!claimed) return null;
      const members = await repo.reminderRecipients(tx, due.entityId);
      await repo.insertNotifications(
        tx,
        members.map((m) => ({ userId: m.id, kind: due.kind, params: due.params, createdAt: at })),
      );
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'ocop.reminder.send',
        entityType: due.subjectType === 'certificate' ? 'ocop_certificate' : 'ocop_evidence_document',
        entityId: due.subjectId,
        after: { threshold: due.threshold, recipients: members.length },
      });
      return members.map((m) => ({ to: m.email, subject: `[Hoptac] ${due.subject}`, text: due.text }));
    });
  }

  return {
    async sweep(): Promise<SweepResult> {
      const at = now();
      const today = vietnamDate(at);
      const [certificates, documents] = await Promise.all([
        repo.certificatesEnding(db, today, addDays(today, Math.max(...CERTIFICATE_REMINDER_DAYS))),
        repo.documentsEnding(db, today, addDays(today, Math.max(...EVIDENCE_REMINDER_DAYS))),
      ]);
      const due = [
        ...certificates.map((c) => certificateDue(c, today)),
        ...documents.map((d) => documentDue(d, today)),
      ].filter((d): d is Due => d !== null);
      const result: SweepResult = { reminders: 0, notifications: 0, emails: 0, emailFailures: 0 };
      for (const d of due) {
        const mails = await remind(d, at);
        if (mails === null) continue;
        result.reminders++;
        result.notifications += mails.length;
        for (const mail of mailer ? mails : []) {
          try {
            await mailer!.send(mail);
            result.emails++;
          } catch (err) {
            result.emailFailures++;
            deps.logError?.(err, 'reminder e-mail failed');
          }
        }
      }
      return result;
    },

    async list(user: SessionUser, query: PageQuery): Promise<NotificationPage> {
      const { limit, offset } = toLimitOffset(query);
      const page = await repo.listNotifications(db, user.id, limit, offset);
      return {
        total: page.total,
        unread: page.unread,
        items: page.items.map((n) => ({
          id: n.id,
          kind: n.kind as Notification['kind'],
          params: n.params,
          readAt: n.readAt?.toISOString() ?? null,
          createdAt: n.createdAt.toISOString(),
        })),
      };
    },

    async markRead(user: SessionUser, id: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await repo.markRead(tx, user.id, id, now()))) throw new AppError('NOT_FOUND', 'No such notification');
        await recordAudit(tx, actor, {
          action: 'ocop.notification.read',
          entityType: 'ocop_notification',
          entityId: id,
        });
      });
    },
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
