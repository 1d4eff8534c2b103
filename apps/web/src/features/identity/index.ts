export * from './api.ts';
export { LoginForm } from './components/login-form.tsx';
export { ProfileSummary } from './components/profile-summary.tsx';
export { DisplayNameForm } from './components/display-name-form.tsx';
export { PasswordForm } from './components/password-form.tsx';
export { RoleList } from './components/role-list.tsx';
export { UsersTable } from './components/users-table.tsx';
export { UserFilters, type UserFilterValue } from './components/user-filters.tsx';
export { CreateUserForm, type CommuneChoice, type CommunePickerSlotProps } from './components/create-user-form.tsx';
