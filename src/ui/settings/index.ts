export { SettingsForm } from './SettingsForm';
export type { Props as SettingsFormProps } from './SettingsForm';
export { SETTINGS_CSS } from './settings.css';
export type { CreateFields as CreateSnoozeFields, CreateFieldsOutcome } from './SnoozeFields';
