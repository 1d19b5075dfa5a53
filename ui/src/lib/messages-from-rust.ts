// Rust's findings and errors in the admin's language. Rust sends a stable code and named
// parameters (FieldIssue's `code`/`params`, IpcError's `code`/`params`) beside its English
// sentence; these functions turn them into the chosen language's message. Words that are not
// ours (Go's template errors, the server's detail, the OS's keychain or network text) stay
// verbatim, as Webitel's server says them. A code this file does not know shows Rust's English.
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

/** What an IPC call threw, in the current language. */
export function errorText(thrown: unknown): string {
  const error = toIpcError(thrown);
  const p = error.params ?? {};
  switch (error.code) {
    case 'invalid':
    case 'template_invalid':
    case 'template_budget':
      return error.fields[0] ? issueText(error.fields[0]) : error.message;
    case 'not_found': return m.error_not_found({ id: text(p, 'id') });
    case 'server_not_found': return m.error_server_not_found({ name: text(p, 'name') });
    case 'server_exists': return m.error_server_exists({ name: text(p, 'name') });
    case 'no_server': return m.error_no_server({ profile: text(p, 'profile') });
    case 'not_pushed': return m.error_not_pushed({ profile: text(p, 'profile') });
    case 'conflict': return m.error_conflict({ profile: text(p, 'profile') });
    case 'remote_changed': return m.error_remote_changed({ profile: text(p, 'profile') });
    case 'remote_gone': return m.error_remote_gone({ profile: text(p, 'profile') });
    case 'flow_required': return m.issue_enable_needs_flow();
    case 'no_secret': return m.error_no_secret({ profile: text(p, 'profile') });
    case 'keychain_unavailable': return m.error_keychain_unavailable({ detail: text(p, 'detail') });
    case 'keychain': return m.error_keychain({ detail: text(p, 'detail') });
    case 'database_too_new': return m.error_database_too_new({ found: num(p, 'found'), supported: num(p, 'supported') });
    case 'history_not_found': return m.error_history_not_found({ id: num(p, 'id') });
    case 'invalid_status_filter': return m.error_invalid_status_filter({ value: text(p, 'value') });
    // Go's own words, verbatim.
    case 'template_render': return text(p, 'go') || error.message;
    case 'broadcast_refused': return m.error_broadcast_refused({ reason: text(p, 'reason') });
    case 'invalid_server_url': return m.error_invalid_server_url({ detail: text(p, 'detail') });
    case 'invalid_certificate': return m.error_invalid_certificate({ detail: text(p, 'detail') });
    case 'unauthorized': return m.error_unauthorized({ host: text(p, 'host'), status: num(p, 'status') });
    case 'unreachable': return m.error_unreachable({ host: text(p, 'host'), detail: text(p, 'detail') });
    case 'tls': return m.error_tls({ host: text(p, 'host'), detail: text(p, 'detail') });
    case 'tls_setup': return m.error_tls_setup({ detail: text(p, 'detail') });
    case 'timeout': return m.error_timeout({ host: text(p, 'host'), seconds: num(p, 'seconds') });
    case 'not_webitel': return m.error_not_webitel({ host: text(p, 'host'), detail: text(p, 'detail') });
    case 'redirect': return m.error_redirect({ location: text(p, 'location') });
    case 'server_error': return serverError(p) ?? error.message;
    case 'update_not_configured': return m.error_update_not_configured();
    case 'update_feed': return m.error_update_feed({ feed: text(p, 'feed'), detail: text(p, 'detail') });
    case 'update_download': return m.error_update_download({ detail: text(p, 'detail') });
    case 'update_signature': return m.error_update_signature({ detail: text(p, 'detail') });
    case 'update_install': return m.error_update_install({ detail: text(p, 'detail') });
    case 'update_none': return m.error_update_none();
    case 'update_not_downloaded': return m.error_update_not_downloaded();
    default: return error.message;
  }
}

/** The server's detail verbatim when it gave one; else its status in our words. */
function serverError(p: Params): string | undefined {
  if (!('status' in p)) return undefined;
  const detail = text(p, 'detail');
  if (detail) return detail;
  const id = text(p, 'id');
  return id ? `${id} (HTTP ${num(p, 'status')})` : m.error_server_status({ status: num(p, 'status') });
}
