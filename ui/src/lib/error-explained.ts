// An error as a person reads it: a plain sentence in the admin's language, the next step, and
// the technical text (Go's, the server's or the OS's words, verbatim) kept for a "Details"
// disclosure. `ErrorMessage.svelte` shows one wherever an error is shown (at its field, under a
// form, in a toast). Built from the IpcError's code and params; a code with no plain sentence
// here keeps `errorText`'s (messages-from-rust.ts), with Rust's English as its details when
// that differs.
import type { IpcError } from '../bindings/IpcError';
import type { ProfileField } from '../bindings/ProfileField';
import { toIpcError } from './backend';
import { errorText } from './messages-from-rust';
import { m } from '../paraglide/messages.js';

export interface Explained {
  /** What went wrong, in plain words. */
  sentence: string;
  /** What to do about it (empty when there is nothing to add). */
  next: string;
  /** The technical text, verbatim, for the Details disclosure (empty: none). */
  details: string;
  /** The profile field it is about, if any. */
  field: ProfileField | null;
  /** The port to use instead, when a port was busy (the receiver offers it as a button). */
  suggestedPort?: number;
}

type Params = IpcError['params'];
const text = (p: Params, name: string) => String(p[name] ?? '');
const num = (p: Params, name: string) => (typeof p[name] === 'number' ? (p[name] as number) : undefined);

/** The words a template is called by in the form, from its wire name (`join`). */
const TEMPLATE_LABEL: Record<string, () => string> = {
  title: m.template_title_label,
  close: m.template_close_label,
  join: m.template_join_label,
  left: m.template_left_label,
  file_policy_fail: m.template_file_policy_label,
};

/** "line 1, column 3": the one way every error names a spot in a template (as the preview does). */
export function templatePlace(p: Params): string {
  const line = num(p, 'line');
  const column = num(p, 'column');
  if (line === undefined) return '';
  return column === undefined ? m.err_plain_line({ line }) : m.template_problem_where({ line, column });
}

function templateRefusal(error: IpcError, go: string): Explained {
  const p = error.params;
  const label = TEMPLATE_LABEL[text(p, 'template')]?.() ?? '';
  const place = templatePlace(p);
  if (error.code === 'template_render') {
    // Not a refusal: a template failed while composing an event (the harness's emulation).
    const sentence = label && place ? m.err_plain_render_at({ template: label, place }) : m.err_plain_render();
    return { sentence, next: m.err_plain_render_next(), details: go, field: error.field };
  }
  const sentence = label
    ? place ? m.err_plain_template_at({ template: label, place }) : m.err_plain_template({ template: label })
    : place ? m.err_plain_template_at_unnamed({ place }) : m.err_plain_template_unnamed();
  const next = error.code === 'template_budget' ? m.err_plain_template_budget_next() : m.err_plain_template_next();
  return { sentence, next, details: go, field: error.field };
}

function unreachable(error: IpcError): Explained {
  const p = error.params;
  const host = text(p, 'host');
  const reason = text(p, 'reason');
  const next = reason === 'dns' ? m.err_plain_unreachable_dns_next()
    : reason === 'refused' ? m.err_plain_unreachable_refused_next()
    : m.err_plain_unreachable_next();
  return { sentence: m.err_plain_unreachable({ host }), next, details: text(p, 'detail'), field: error.field };
}

function unauthorized(error: IpcError): Explained {
  const p = error.params;
  const host = text(p, 'host');
  const status = num(p, 'status') ?? 401;
  const detail = text(p, 'detail');
  const details = detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`;
  switch (text(p, 'credential')) {
    case 'password':
      return { sentence: m.err_plain_password_refused({ host }), next: m.err_plain_password_refused_next(), details, field: null };
    case 'login':
      return { sentence: m.err_plain_login_refused({ host }), next: m.err_plain_login_refused_next(), details, field: null };
    default:
      return { sentence: m.err_plain_token_refused({ host }), next: m.err_plain_token_refused_next(), details, field: null };
  }
}

function receiverPort(error: IpcError): Explained {
  const p = error.params;
  const port = num(p, 'port') ?? 0;
  const suggested = num(p, 'suggested');
  const details = text(p, 'detail') || error.message;
  if (!num(p, 'busy')) return { sentence: m.err_plain_port_failed({ port }), next: m.err_plain_port_failed_next(), details, field: null };
  return {
    sentence: m.err_plain_port_busy({ port }),
    next: suggested ? m.err_plain_port_use({ port: suggested }) : m.err_plain_port_busy_next(),
    details,
    field: null,
    ...(suggested ? { suggestedPort: suggested } : {}),
  };
}

/** Any error as sentence, next step and details. */
export function explain(thrown: unknown): Explained {
  const error = toIpcError(thrown);
  const p = error.params ?? {};
  switch (error.code) {
    case 'template_invalid':
    case 'template_budget':
    case 'template_render':
      return templateRefusal(error, text(p, 'go') || error.message);
    case 'server_error':
      if ('template' in p || 'line' in p) return templateRefusal(error, text(p, 'detail') || error.message);
      break;
    case 'unreachable':
      return unreachable(error);
    case 'unauthorized':
      return unauthorized(error);
    case 'receiver_port':
      return receiverPort(error);
  }
  const sentence = errorText(error);
  return { sentence, next: '', details: sentence === error.message ? '' : error.message, field: error.field };
}
