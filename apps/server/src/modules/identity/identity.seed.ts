import { CURRENT_SCHEME, type Role } from '@hoptac/core';
import type { Db } from '../../db/client.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../kernel/audit.ts';
import { hashPassword } from './password.ts';
import * as repo from './identity.repository.ts';

export const DEMO_PASSWORD = 'hoptac-demo';

type DemoAccount = { email: string; displayName: string; roles: Role[]; communeCodes?: string[] };

/** One account per role (README lists them). The officer covers Đông Anh and Bát Tràng. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.hoptac.vn', displayName: 'Nguyễn Thị Hà (Sở NN&MT)', roles: ['city_admin'] },
  {
    email: 'officer@demo.hoptac.vn',
    displayName: 'Trần Văn Minh (cán bộ xã)',
    roles: ['commune_officer'],
    communeCodes: ['00454', '00577'],
  },
  { email: 'council1@demo.hoptac.vn', displayName: 'Lê Thị Lan (Hội đồng OCOP)', roles: ['council_member'] },
  { email: 'council2@demo.hoptac.vn', displayName: 'Phạm Quốc Hùng (Hội đồng OCOP)', roles: ['council_member'] },
  { email: 'council3@demo.hoptac.vn', displayName: 'Đỗ Thu Trang (Hội đồng OCOP)', roles: ['council_member'] },
  { email: 'coop@demo.hoptac.vn', displayName: 'Vũ Đức Thắng (HTX)', roles: ['entity_member'] },
  { email: 'buyer@demo.hoptac.vn', displayName: 'Hoàng Mai Anh (người mua)', roles: ['buyer'] },
  { email: 'outlet@demo.hoptac.vn', displayName: 'Bùi Thanh Tâm (điểm bán OCOP)', roles: ['outlet_operator'] },
];

/** Creates the demo accounts on an empty user table; later starts keep what users changed. */
export async function seedDemoAccounts(db: Db): Promise<boolean> {
  if ((await repo.countUsers(db)) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const a of DEMO_ACCOUNTS) {
      const id = await repo.insertUser(tx, {
        email: a.email,
        displayName: a.displayName,
        passwordHash,
        roles: a.roles,
        communes: (a.communeCodes ?? []).map((code) => ({ scheme: CURRENT_SCHEME, code })),
      });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        after: { email: a.email, roles: a.roles, demo: true },
      });
    }
  });
  return true;
}
