// The conflict dialog's rows and sentences, apart from its markup: each synced field's two
// values as they read (flows by name, `#id` only when the name is unknown), and for each side
// of a differing field what choosing it does to the live gateway on the server — above all
// whether it stops or starts it.
import type { ConflictView } from '../bindings/ConflictView';
import type { FlowSchema } from '../bindings/FlowSchema';
import type { KeepVersion } from '../bindings/KeepVersion';
import type { ProfileField } from '../bindings/ProfileField';
import type { SyncContent } from '../bindings/SyncContent';
import { FIELD_LABEL_KEYS, SYNCED_FIELDS } from '../bindings/profileFields';
import { m } from '../paraglide/messages.js';

type SyncedField = (typeof SYNCED_FIELDS)[number];

export interface ConflictRow {
  field: ProfileField;
  label: string;
  mine: string;
  theirs: string;
  differs: boolean;
}

/** A flow as it reads: its name (from the server's flow list when the gateway does not say),
 * `#id` only when neither knows it. */
export function flowText(flow: SyncContent['flow'], flows: FlowSchema[]): string {
  if (!flow) return '\u2014';
  const name = flow.name || flows.find((f) => f.id === flow.id)?.name || '';
  return name || `#${flow.id}`;
}

/** The rows of the comparison in Rust's field order; the secret last (its values never shown). */
export function conflictRows(view: ConflictView, flows: FlowSchema[]): ConflictRow[] {
  // Only how each value reads is said here; the type check asks for every synced field.
  const values: Record<SyncedField, (c: SyncContent) => string> = {
    name: (c) => c.name,
    uri: (c) => c.uri,
    callback: (c) => c.callback,
    flow: (c) => flowText(c.flow, flows),
    enabled: (c) => (c.enabled ? m.common_yes() : m.common_no()),
    templateTitle: (c) => c.templates.title,
    templateClose: (c) => c.templates.close,
    templateJoin: (c) => c.templates.join,
    templateLeft: (c) => c.templates.left,
    templateFilePolicyFail: (c) => c.templates.filePolicyFail,
  };
  const rows: ConflictRow[] = SYNCED_FIELDS.map((field) => ({
    field,
    label: m[FIELD_LABEL_KEYS[field]](),
    mine: values[field](view.local),
    theirs: values[field](view.remote),
    differs: view.differing.includes(field),
  }));
  rows.push({
    field: 'secret',
    label: m.conflict_app_secret(),
    mine: view.secretsDiffer ? m.conflict_secrets_differ() : m.conflict_secrets_same(),
    theirs: '',
    differs: view.differing.includes('secret'),
  });
  return rows;
}

/** What choosing `keep` for `field` does, on `server` and here. */
export function choiceEffect(view: ConflictView, field: ProfileField, keep: KeepVersion, server: string): string {
  if (field === 'enabled') {
    if (keep === 'local') return view.local.enabled ? m.conflict_field_enabled_start({ server }) : m.conflict_field_enabled_stop({ server });
    return view.remote.enabled ? m.conflict_field_enabled_stays_on({ server }) : m.conflict_field_enabled_stays_off({ server });
  }
  if (field === 'secret') return keep === 'local' ? m.conflict_field_secret_push({ server }) : m.conflict_field_secret_take({ server });
  return keep === 'local' ? m.conflict_field_push({ server }) : m.conflict_field_take({ server });
}

/** The line under the choices: what Apply will do, or how many fields still need a side. */
export function applySummary(view: ConflictView, choices: Partial<Record<ProfileField, KeepVersion>>, server: string): string {
  const open = view.differing.filter((field) => !choices[field]).length;
  if (open > 0) return m.conflict_field_pending({ count: open });
  return view.differing.some((field) => choices[field] === 'local') ? m.conflict_field_summary_push({ server }) : m.conflict_field_summary_take({ server });
}
