export * from './api.ts';
export { PlanDashboard } from './components/plan-dashboard.tsx';
export { PlanForm } from './components/plan-form.tsx';
export { TargetEditor } from './components/target-editor.tsx';
export { StatusLight } from './components/status-light.tsx';
export { formatFigure, formatPercent, periodLabel } from './text.ts';
