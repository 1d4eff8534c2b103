import { entityInputSchema, entityStatusSchema, type SessionUser } from '@hoptac/core';
import type { DbOrTx } from '../../db/client.ts';
import { findDuplicateCandidates, type EntityValues } from './entities.repository.ts';
import { ENTITY_COLUMNS } from './entity-columns.ts';
import { prepareEntity } from './entity-input.ts';
import { columnOf, parseRow, SeenKeys, type RowErrors } from '../../kernel/xlsx/rows.ts';
import { ruleMessage } from './rule-messages.ts';
import type { SheetRow } from '../../kernel/xlsx/reader.ts';

/** The API's entity input plus the one thing a register migration needs that creation does not: the current status. */
const entityRowSchema = entityInputSchema.extend({ status: entityStatusSchema.default('active') });

export type EntityRowContext = { db: DbOrTx; user: SessionUser; acknowledgeDuplicates: boolean; today: string };

/**
 * Checks entity rows with the API's rules: the same schema, `prepareEntity` (code format per type,
 * communes that exist, the old→new commune link, the caller's commune scope), and the same
 * duplicate rules (same code for the type refused; same folded name in the commune refused unless
 * acknowledged), against the register and against earlier rows of the file.
 */
export function createEntityRowValidator(ctx: EntityRowContext) {
  const codes = new SeenKeys();
  const names = new SeenKeys();
  const col = (key: string) => columnOf(ENTITY_COLUMNS, [key]);

  async function checkRow(row: SheetRow, errors: RowErrors): Promise<EntityValues | null> {
    const at = row.number;
    const { data, cellsOk } = parseRow(ENTITY_COLUMNS, entityRowSchema, row, errors);
    if (!data) return null;
    const { status, ...input } = data;
    const { values, issues, outsideScope } = await prepareEntity(ctx.db, ctx.user, input);
    if (outsideScope) {
      errors.add({
        row: at,
        column: col('communeCode'),
        code: 'outside_scope',
        message: ruleMessage('outside_scope', ''),
      });
    }
    for (const i of issues) {
      errors.add({ row: at, column: col(i.field), code: i.code, message: ruleMessage(i.code, i.message) });
    }
    if (!values || outsideScope) return null;
    let ok = true;
    const sameCodeRow = values.code ? codes.check(`${values.type}:${values.code}`, at) : null;
    if (sameCodeRow !== null) {
      ok = false;
      errors.add({
        row: at,
        column: col('code'),
        code: 'duplicate_in_file',
        message: `Trùng mã số với dòng ${sameCodeRow}`,
      });
    }
    const sameNameRow = names.check(`${values.nameFolded}|${values.communeCode}`, at);
    if (sameNameRow !== null && !ctx.acknowledgeDuplicates) {
      ok = false;
      errors.add({
        row: at,
        column: col('name'),
        code: 'duplicate_in_file',
        message: `Trùng tên và xã/phường với dòng ${sameNameRow}`,
      });
    }
    const found = await findDuplicateCandidates(ctx.db, {
      type: values.type,
      code: values.code ?? null,
      nameFolded: values.nameFolded,
      communeCode: values.communeCode,
    });
    const sameCode = found.find((r) => values.code && r.code === values.code && r.type === values.type);
    if (sameCode) {
      ok = false;
      errors.add({
        row: at,
        column: col('code'),
        code: 'duplicate_code',
        message: `Mã số đã có trong sổ đăng ký: ${sameCode.name}`,
      });
    } else if (found.length > 0 && !ctx.acknowledgeDuplicates) {
      ok = false;
      errors.add({
        row: at,
        column: col('name'),
        code: 'possible_duplicate',
        message: `Đã có chủ thể cùng tên ở xã/phường này (${found[0]!.name}); nếu đúng là chủ thể khác, nhập lại và xác nhận trùng tên`,
      });
    }
    if (!ok || !cellsOk) return null;
    return { ...values, status, statusSince: values.registrationDate ?? ctx.today };
  }

  return {
    /**
     * The report validator's two steps; here both happen in the second, row by row: an entity's
     * checks query the register, and must see the rows before it already recorded.
     */
    async prepare(rows: SheetRow[], errors: RowErrors): Promise<() => Promise<EntityValues[]>> {
      return async () => {
        const out: EntityValues[] = [];
        for (const row of rows) {
          const values = await checkRow(row, errors);
          if (values) out.push(values);
        }
        return out;
      };
    },
  };
}
