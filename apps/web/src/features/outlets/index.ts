export * from './api.ts';
export { OutletForm, type PickedCommune, type RenderCommunePicker } from './components/outlet-form.tsx';
export { OutletStatusBadge, OutletTable } from './components/outlet-table.tsx';
export { ScanAnomalyTable } from './components/scan-anomaly-table.tsx';
export { StockEditor } from './components/stock-editor.tsx';
