// Every call the UI makes to the Rust side goes through here, so the UI can run in a browser
// with the backend mocked (see tests/harness.ts). Payload types are generated from Rust.
import { Channel, invoke } from '@tauri-apps/api/core';
import { writeText } from '@tauri-apps/plugin-clipboard-manager';
import type { AppStatus } from '../bindings/AppStatus';
import type { AvailableUpdate } from '../bindings/AvailableUpdate';
import type { DownloadedUpdate } from '../bindings/DownloadedUpdate';
import type { Settings } from '../bindings/Settings';
import type { SettingsView } from '../bindings/SettingsView';
import type { UpdateProgress } from '../bindings/UpdateProgress';
import type { ConflictView } from '../bindings/ConflictView';
import type { ConnectionReport } from '../bindings/ConnectionReport';
import type { Diagnostics } from '../bindings/Diagnostics';
import type { KeepVersion } from '../bindings/KeepVersion';
import type { NewServer } from '../bindings/NewServer';
import type { PullReport } from '../bindings/PullReport';
import type { PushAction } from '../bindings/PushAction';
import type { ServerView } from '../bindings/ServerView';
import type { FieldIssue } from '../bindings/FieldIssue';
import type { FlowSchema } from '../bindings/FlowSchema';
import type { IpcError } from '../bindings/IpcError';
import type { ProfileDraft } from '../bindings/ProfileDraft';
import type { ProfileSummary } from '../bindings/ProfileSummary';
import type { ProfileView } from '../bindings/ProfileView';
import type { SaveOutcome } from '../bindings/SaveOutcome';
import type { SampleAccount } from '../bindings/SampleAccount';
import type { TemplatePreview } from '../bindings/TemplatePreview';
import type { Templates } from '../bindings/Templates';

export const backend = {
  appStatus: () => invoke<AppStatus>('app_status'),
  listProfiles: () => invoke<ProfileSummary[]>('list_profiles'),
  getProfile: (id: string) => invoke<ProfileView>('get_profile', { id }),
  newProfileDraft: () => invoke<ProfileDraft>('new_profile_draft'),
  checkProfile: (draft: ProfileDraft) => invoke<FieldIssue[]>('check_profile', { draft }),
  saveProfile: (draft: ProfileDraft) => invoke<SaveOutcome>('save_profile', { draft }),
  duplicateProfile: (id: string) => invoke<SaveOutcome>('duplicate_profile', { id }),
  deleteProfile: (id: string, remote: boolean) => invoke<null>('delete_profile', { id, remote }),
  setProfileEnabled: (id: string, enabled: boolean) =>
    invoke<ProfileView>('set_profile_enabled', { id, enabled }),
  listFlowSchemas: (serverId: string | null) => invoke<FlowSchema[]>('list_flow_schemas', { serverId }),
  refreshFlowSchemas: (serverId: string) => invoke<FlowSchema[]>('refresh_flow_schemas', { serverId }),
  listServers: () => invoke<ServerView[]>('list_servers'),
  addServer: (server: NewServer) => invoke<ServerView>('add_server', { server }),
  testServer: (id: string) => invoke<ConnectionReport>('test_server', { id }),
  removeServer: (id: string) => invoke<null>('remove_server', { id }),
  pushProfile: (id: string) => invoke<PushAction>('push_profile', { id }),
  pullServer: (serverId: string) => invoke<PullReport>('pull_server', { serverId }),
  compareWithServer: (id: string) => invoke<ConflictView>('compare_with_server', { id }),
  resolveConflict: (id: string, keep: KeepVersion) => invoke<ProfileView>('resolve_conflict', { id, keep }),
  previewTemplates: (templates: Templates, sample: SampleAccount) =>
    invoke<TemplatePreview[]>('preview_templates', { templates, sample }),
  defaultSampleAccount: () => invoke<SampleAccount>('default_sample_account'),
  generateUri: () => invoke<string>('generate_uri'),
  generateSecret: () => invoke<string>('generate_secret'),
  diagnostics: () => invoke<Diagnostics>('diagnostics'),
  diagnosticsText: () => invoke<string>('diagnostics_text'),
  openLogFolder: () => invoke<null>('open_log_folder'),
  copyText: (text: string) => writeText(text),
  getSettings: () => invoke<SettingsView>('get_settings'),
  saveSettings: (settings: Partial<Settings>) => invoke<SettingsView>('save_settings', { settings }),
  checkForUpdate: () => invoke<AvailableUpdate | null>('check_for_update'),
  startupUpdateCheck: () => invoke<AvailableUpdate | null>('startup_update_check'),
  downloadUpdate: (onTick: (progress: UpdateProgress) => void) => {
    const onProgress = new Channel<UpdateProgress>(onTick);
    return invoke<DownloadedUpdate>('download_update', { onProgress });
  },
  installUpdate: () => invoke<null>('install_update'),
};

/** Turns whatever a call threw into the `{code, message}` shape the Rust side sends. */
export function toIpcError(error: unknown): IpcError {
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const e = error as Partial<IpcError>;
    return {
      code: String(e.code),
      message: String(e.message),
      params: e.params ?? {},
      field: e.field ?? null,
      fields: e.fields ?? [],
      ...(e.setting ? { setting: e.setting } : {}),
    };
  }
  return { code: 'unexpected', message: String(error), params: {}, field: null, fields: [] };
}
