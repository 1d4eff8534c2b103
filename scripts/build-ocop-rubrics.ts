// Builds data/ocop-rubrics/, the project's own copy of the OCOP scoring sheets, from the
// reference files in ../shared/data/ocop-rubrics: one <id>.json per sheet in the rubric format of
// @hoptac/core/ocop, an index.json listing them and a README. The project ships the generated
// files so that nothing at run time or in tests depends on ../shared being present.
//
//   node --import tsx scripts/build-ocop-rubrics.ts        (SHARED_DIR overrides ../shared)
//
// Every field of the input is read explicitly and unknown fields stop the build: a reference file
// that changed shape must not quietly lose data. Each result must pass rubricSheetSchema, which
// includes the arithmetic checks (levels ≤ criterion maximum, criteria = group, groups = part,
// parts = 100; fragments only must not exceed the maxima).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rubricSheetSchema } from '../packages/core/src/contracts/ocop.ts';
import {
  OCOP_DECISION_CODES,
  summarizeRubric,
  type OcopDecisionCode,
  type RubricSheet,
  type RubricSummary,
} from '../packages/core/src/ocop/index.ts';
import { convertSheet, fail, InputError } from './ocop-rubric-convert.ts';

const DECISION_ORDER = new Map(OCOP_DECISION_CODES.map((c, i) => [c, i]));

/** Reads every sheet under `dataDir` (…/shared/data/ocop-rubrics), converts and validates it. */
export function buildOcopRubrics(dataDir: string): { sheets: RubricSheet[]; index: RubricSummary[] } {
  const files = readdirSync(dataDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) fail(dataDir, 'no sheets found');
  const sheets = files.map((file) => {
    const sheet = convertSheet(JSON.parse(readFileSync(join(dataDir, file), 'utf8')), file);
    const parsed = rubricSheetSchema.safeParse(sheet);
    if (!parsed.success)
      fail(file, parsed.error.issues.map((i) => `${i.path.join('.') || '(sheet)'}: ${i.message}`).join('; '));
    return sheet;
  });
  // Sorted explicitly so the index does not depend on file names: current decision first.
  sheets.sort(
    (a, b) =>
      DECISION_ORDER.get(a.decision.code)! - DECISION_ORDER.get(b.decision.code)! ||
      (a.sheetNumber ?? Infinity) - (b.sheetNumber ?? Infinity) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { sheets, index: sheets.map(summarizeRubric) };
}

/** The files of data/ocop-rubrics/ as name → content, exactly as written to disk. */
export function renderOcopRubrics(built: { sheets: RubricSheet[]; index: RubricSummary[] }): Map<string, string> {
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const files = new Map<string, string>();
  for (const sheet of built.sheets) files.set(`${sheet.id}.json`, json(sheet));
  files.set('index.json', json(built.index));
  files.set('README.md', readme(built.index));
  return files;
}

function readme(index: RubricSummary[]): string {
  const rows = index.map(
    (s) => `| \`${s.id}\` | ${s.decisionNumber} | ${s.sheetNumber ?? '–'} | ${s.title} | ${s.coverage} |`,
  );
  return `# OCOP scoring sheets

Hoptac's copy of the OCOP scoring sheets ("phiếu đánh giá sản phẩm OCOP"): one \`<id>.json\` per
product set in the \`RubricSheet\` format of \`@hoptac/core/ocop\`, and \`index.json\`
(\`RubricSummary[]\`, current decision first). Generated — do not edit by hand; rebuild with

\`\`\`sh
npm run data:ocop-rubrics     # = node --import tsx scripts/build-ocop-rubrics.ts
\`\`\`

which reads \`../shared/data/ocop-rubrics/*.json\` (\`SHARED_DIR\` overrides \`../shared\`), converts
and validates every sheet (\`rubricSheetSchema\`: shape and arithmetic) and writes nothing if a check
fails. \`scripts/build-ocop-rubrics.test.ts\` checks these files equal a fresh conversion. The source's
corrections stay on their levels (\`correction\`), star minimums are \`minimumFor\` /
\`minimumForStars\`, and the two stop notes that name a score ("0 điểm") mark those 0-point levels
\`haltsEvaluation\`.

## Law

- **Quyết định 26/2026/QĐ-TTg** (22/05/2026) of the Prime Minister, "Ban hành Bộ tiêu chí và quy
  trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm", Phụ lục II: current, all 26 sheets,
  transcribed from the Thư Viện Pháp Luật HTML edition (not yet checked against the gazette PDF).
- Quyết định 148/QĐ-TTg (24/02/2023, amended by 1489/QĐ-TTg): transition only; one fragment.
- Quyết định 1048/QĐ-TTg (21/08/2019): historical; five sheets from a secondary encoding.

Each sheet's \`source\` names what it was transcribed from; its \`notes\` what is missing,
corrected or uncertain.

## Sheets

| Id | Decision | No. | Title | Coverage |
| --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const sharedDir = process.env['SHARED_DIR'] ? resolve(process.env['SHARED_DIR']) : resolve(root, '../shared');
  const dataDir = join(sharedDir, 'data', 'ocop-rubrics');
  const outDir = join(root, 'data', 'ocop-rubrics');
  if (!existsSync(dataDir)) fail(dataDir, 'not found (set SHARED_DIR to the folder that holds data/ocop-rubrics)');

  const built = buildOcopRubrics(dataDir);
  const files = renderOcopRubrics(built);
  mkdirSync(outDir, { recursive: true });
  // A sheet dropped from the input must disappear from the output too.
  for (const old of readdirSync(outDir)) if (old.endsWith('.json') && !files.has(old)) rmSync(join(outDir, old));
  for (const [name, content] of files) writeFileSync(join(outDir, name), content, 'utf8');

  const count = (code: OcopDecisionCode) => built.index.filter((s) => s.decisionCode === code).length;
  console.log(
    `ocop-rubrics: wrote ${built.sheets.length} sheets to ${outDir}\n` +
      OCOP_DECISION_CODES.map((c) => `  ${c}: ${count(c)}`).join('\n'),
  );
}

// Importing this module (for buildOcopRubrics) must not write files.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    console.error(`ocop-rubrics: ${err.message}`);
    process.exitCode = 1;
  }
}
