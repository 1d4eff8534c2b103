export * from './api.ts';
export { SchemeTabs, SCHEME_ORDER } from './components/scheme-tabs.tsx';
export { UnitFilters, levelsOf } from './components/unit-filters.tsx';
export { UnitTable } from './components/unit-table.tsx';
export { UnitFacts } from './components/unit-facts.tsx';
export { UnitMapping } from './components/unit-mapping.tsx';
export { CommunePicker, type PickedCommune } from './components/commune-picker.tsx';
