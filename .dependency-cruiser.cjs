// Import boundaries from docs/architecture.md, checked by `npm run boundaries` (part of `npm run check`).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment:
        'A module may use another module only through its index.ts; table definitions (*.schema.ts) may be imported for foreign keys.',
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/' },
      to: {
        path: '^apps/server/src/modules/([^/]+)/',
        pathNot: [
          '^apps/server/src/modules/$1/',
          '^apps/server/src/modules/[^/]+/index\\.ts$',
          '^apps/server/src/modules/[^/]+/[^/]+\\.schema\\.ts$',
        ],
      },
    },
    {
      name: 'kernel-is-domain-free',
      comment: 'kernel/ knows no module.',
      severity: 'error',
      from: { path: '^apps/server/src/kernel/' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'core-is-pure',
      comment: 'packages/core has no I/O and depends on no app.',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^(apps/|node:fs|node:net|node:http|fs$|net$|http$)' },
    },
    {
      name: 'web-features-independent',
      comment: 'Web features never import each other; pages compose them.',
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/([^/]+)/', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: '^apps/server/src/db/schema\\.ts$' },
      to: { circular: true, viaOnly: { pathNot: '^apps/server/src/db/schema\\.ts$' } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist|\\.test\\.tsx?$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
