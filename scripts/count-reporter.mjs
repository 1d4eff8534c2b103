// A node:test reporter that only counts: scripts/test.mjs reads its last line to build the summary.
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    const data = event.data ?? {};
    // Suites report too; only leaf tests count, and a failing file (e.g. a syntax error) counts as one failure.
    if (data.details?.type === 'suite') continue;
    if (event.type === 'test:pass') {
      if (data.skip || data.todo) skipped++;
      else passed++;
    } else if (event.type === 'test:fail') {
      failed++;
    }
  }
  yield `${JSON.stringify({ passed, failed, skipped })}\n`;
}
