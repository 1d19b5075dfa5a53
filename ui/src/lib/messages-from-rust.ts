// Rust's findings and errors in the admin's language. Rust sends a stable code and named
// parameters (FieldIssue's `code`/`params`, IpcError's `code`/`params`) beside its English
// sentence; these functions turn them into the chosen language's message. Words that are not
// ours (Go's template errors, the server's detail, the OS's keychain or network text) stay
// verbatim, as Webitel's server says them. A code this file does not know shows Rust's English.
import type { ErrorCode } from '../bindings/ErrorCode';
import type { FieldIssue } from '../bindings/FieldIssue';
import type { IpcError } from '../bindings/IpcError';
import type { Issue } from '../bindings/Issue';
import { toIpcError } from './backend';
import { m } from '../paraglide/messages.js';

/** A field issue (or a bare issue) in the current language. */
export function issueText(issue: Issue | FieldIssue): string {
  switch (issue.code) {
    case 'name_required': return m.issue_name_required();
    case 'name_too_long': return m.issue_name_too_long(issue.params);
    case 'name_control': return m.issue_name_control();
    case 'uri_required': return m.issue_uri_required();
    case 'uri_no_slash': return m.issue_uri_no_slash();
    case 'uri_no_path': return m.issue_uri_no_path();
    case 'uri_query': return m.issue_uri_query();
    case 'uri_fragment': return m.issue_uri_fragment();
    case 'uri_space': return m.issue_uri_space();
    case 'uri_bad_char': return m.issue_uri_bad_char(issue.params);
    case 'uri_dot_segment': return m.issue_uri_dot_segment();
    case 'uri_too_long': return m.issue_uri_too_long(issue.params);
    case 'uri_read_only': return m.issue_uri_read_only();
    case 'uri_taken': return m.issue_uri_taken(issue.params);
    case 'uri_taken_on_server': return m.issue_uri_taken_on_server(issue.params);
    case 'callback_required': return m.issue_callback_required();
    case 'callback_too_long': return m.issue_callback_too_long(issue.params);
    case 'callback_not_absolute': return m.issue_callback_not_absolute();
    case 'callback_invalid': return m.issue_callback_invalid(issue.params);
    case 'callback_scheme': return m.issue_callback_scheme(issue.params);
    case 'callback_no_host': return m.issue_callback_no_host();
    case 'callback_user_info': return m.issue_callback_user_info();
    case 'callback_plain_http': return m.issue_callback_plain_http();
    case 'secret_required': return m.issue_secret_required();
    case 'secret_whitespace': return m.issue_secret_whitespace();
    case 'secret_too_long': return m.issue_secret_too_long(issue.params);
    case 'secret_not_in_keychain': return m.issue_secret_not_in_keychain();
    case 'secret_not_saved': {
      const { unavailable, detail } = issue.params;
      return m.issue_secret_not_saved({ reason: unavailable ? m.error_keychain_unavailable({ detail }) : m.error_keychain({ detail }) });
    }
    case 'flow_required': return m.issue_enable_needs_flow();
    case 'server_read_only': return m.issue_server_read_only();
    case 'notes_too_long': return m.issue_notes_too_long(issue.params);
    case 'template_refused': return m.issue_template_refused(issue.params);
    case 'template_over_budget': return m.issue_template_over_budget(issue.params);
    case 'template_unsendable': return m.issue_template_unsendable(issue.params);
    case 'server_detail': return issue.params.detail;
    default: return unknownIssue(issue);
  }
}

/** Reached only when Rust sends a code this build's bindings do not list. */
function unknownIssue(issue: never): string {
  return (issue as { message?: string }).message ?? '';
}

type Params = IpcError['params'];
const text = (params: Params, name: string) => String(params[name] ?? '');
const num = (params: Params, name: string) => Number(params[name] ?? 0);

/** Rust's English sentence, for a code whose words are not ours or that never reaches the UI. */
const english = (error: IpcError) => error.message;
/** The sentence of a validation failure is its first field issue's. */
const firstIssue = (error: IpcError) => (error.fields[0] ? issueText(error.fields[0]) : error.message);

/**
 * Every code Rust (or `toIpcError`) can give and how it reads in the current language. Typed by
 * `ErrorCode`: a code added in Rust fails `npm run check` until it is given a message here.
 */
const ERROR_TEXT: Record<ErrorCode, (error: IpcError, p: Params) => string> = {
  invalid: firstIssue,
  template_invalid: firstIssue,
  template_budget: firstIssue,
  not_found: (_, p) => m.error_not_found({ id: text(p, 'id') }),
  ambiguous: english,
  flow_required: () => m.issue_enable_needs_flow(),
  flow_not_found: english,
  server_not_found: (_, p) => m.error_server_not_found({ name: text(p, 'name') }),
  server_exists: (_, p) => m.error_server_exists({ name: text(p, 'name') }),
  duplicate_server: (_, p) => m.error_duplicate_server({ name: text(p, 'name'), baseUrl: text(p, 'baseUrl') }),
  server_url_locked: (_, p) => m.error_server_url_locked({ name: text(p, 'name'), baseUrl: text(p, 'baseUrl'), count: num(p, 'count') }),
  no_server: (_, p) => m.error_no_server({ profile: text(p, 'profile') }),
  not_pushed: (_, p) => m.error_not_pushed({ profile: text(p, 'profile') }),
  conflict: (_, p) => m.error_conflict({ profile: text(p, 'profile') }),
  remote_changed: (_, p) => m.error_remote_changed({ profile: text(p, 'profile') }),
  remote_gone: (_, p) => m.error_remote_gone({ profile: text(p, 'profile') }),
  // Go's own words, verbatim.
  template_render: (error, p) => text(p, 'go') || error.message,
  broadcast_refused: (_, p) => m.error_broadcast_refused({ reason: text(p, 'reason') }),
  invalid_server_url: (_, p) => m.error_invalid_server_url({ detail: text(p, 'detail') }),
  invalid_certificate: (_, p) => m.error_invalid_certificate({ detail: text(p, 'detail') }),
  unauthorized: (_, p) => m.error_unauthorized({ host: text(p, 'host'), status: num(p, 'status') }),
  forbidden: (_, p) => m.error_forbidden({ host: text(p, 'host'), detail: text(p, 'detail') }),
  two_factor_required: (_, p) => m.error_two_factor_required({ name: text(p, 'name') }),
  two_factor_invalid: (_, p) => m.error_two_factor_invalid({ host: text(p, 'host') }),
  password_expired: (_, p) => m.error_password_expired({ host: text(p, 'host') }),
  password_change_required: (_, p) => m.error_password_change_required({ host: text(p, 'host') }),
  unreachable: (_, p) => m.error_unreachable({ host: text(p, 'host'), detail: text(p, 'detail') }),
  tls: (_, p) => m.error_tls({ host: text(p, 'host'), detail: text(p, 'detail') }),
  tls_setup: (_, p) => m.error_tls_setup({ detail: text(p, 'detail') }),
  timeout: (_, p) => m.error_timeout({ host: text(p, 'host'), seconds: num(p, 'seconds') }),
  not_webitel: (_, p) => m.error_not_webitel({ host: text(p, 'host'), detail: text(p, 'detail') }),
  redirect: (_, p) => m.error_redirect({ location: text(p, 'location') }),
  server_error: (error, p) => serverError(p) ?? error.message,
  ok: english,
  database_too_new: (_, p) => m.error_database_too_new({ found: num(p, 'found'), supported: num(p, 'supported') }),
  data_dir: english,
  storage: english,
  migration: english,
  corrupt: english,
  keychain_unavailable: (_, p) => m.error_keychain_unavailable({ detail: text(p, 'detail') }),
  keychain: (_, p) => m.error_keychain({ detail: text(p, 'detail') }),
  no_secret: (_, p) => m.error_no_secret({ profile: text(p, 'profile') }),
  // The file's own reason (foreign, damaged, newer format; cannot be read or written), verbatim.
  transfer_format: english,
  transfer_file: english,
  transfer_passphrase_wrong: () => m.transfer_error_passphrase_wrong(),
  transfer_passphrase_needed: () => m.transfer_error_passphrase_needed(),
  invalid_setting: english,
  settings_file: english,
  export_file: english,
  no_target: english,
  history_not_found: (_, p) => m.error_history_not_found({ id: num(p, 'id') }),
  invalid_status_filter: (_, p) => m.error_invalid_status_filter({ value: text(p, 'value') }),
  invalid_burst: english,
  conflict_choice: english,
  invalid_answer: english,
  invalid_curl: english,
  invalid_secret: english,
  receiver_port: english,
  connect: english,
  invalidUrl: english,
  other: english,
  scenario_not_found: (_, p) => m.scen_error_not_found({ name: text(p, 'name') }),
  scenario_builtin: (_, p) => m.scen_error_builtin({ name: text(p, 'name') }),
  scenario_invalid: english,
  update_not_configured: () => m.error_update_not_configured(),
  update_feed: (_, p) => m.error_update_feed({ feed: text(p, 'feed'), detail: text(p, 'detail') }),
  update_download: (_, p) => m.error_update_download({ detail: text(p, 'detail') }),
  update_signature: (_, p) => m.error_update_signature({ detail: text(p, 'detail') }),
  update_install: (_, p) => m.error_update_install({ detail: text(p, 'detail') }),
  update_none: () => m.error_update_none(),
  update_not_downloaded: () => m.error_update_not_downloaded(),
  no_log_folder: english,
  open_failed: english,
  // The CLI's own codes: they never reach the app.
  usage: english,
  io: english,
  body_file: english,
  listen: english,
  emulator: english,
  signature_missing: english,
  signature_invalid: english,
  internal: english,
  unexpected: english,
};

/** What an IPC call threw, in the current language. */
export function errorText(thrown: unknown): string {
  const error = toIpcError(thrown);
  // A code this build's bindings do not list (a newer backend) shows Rust's English.
  const say = Object.hasOwn(ERROR_TEXT, error.code) ? ERROR_TEXT[error.code] : english;
  return say(error, error.params ?? {});
}

/** The server's detail verbatim when it gave one; else its status in our words. */
function serverError(p: Params): string | undefined {
  if (!('status' in p)) return undefined;
  const detail = text(p, 'detail');
  if (detail) return detail;
  const id = text(p, 'id');
  return id ? `${id} (HTTP ${num(p, 'status')})` : m.error_server_status({ status: num(p, 'status') });
}
