// Which synced fields differ between two versions of a profile, named in the admin's language:
// what a Refresh says it took from the server ("Name, Flow").
import type { ProfileView } from '../bindings/ProfileView';
import { FIELD_LABEL_KEYS, SYNCED_FIELDS } from '../bindings/profileFields';
import { m } from '../paraglide/messages.js';

type SyncedField = (typeof SYNCED_FIELDS)[number];

const valueOf: Record<SyncedField, (view: ProfileView) => unknown> = {
  name: (v) => v.name,
  uri: (v) => v.uri,
  callback: (v) => v.callback,
  flow: (v) => v.flow?.id ?? null,
  enabled: (v) => v.enabled,
  templateTitle: (v) => v.templates.title,
  templateClose: (v) => v.templates.close,
  templateJoin: (v) => v.templates.join,
  templateLeft: (v) => v.templates.left,
  templateFilePolicyFail: (v) => v.templates.filePolicyFail,
};

/** The labels of the synced fields that differ, joined as a list. */
export function changedFields(before: ProfileView, after: ProfileView): string {
  const changed = SYNCED_FIELDS.filter((field) => valueOf[field](before) !== valueOf[field](after));
  return changed.map((field) => m[FIELD_LABEL_KEYS[field]]()).join(m.common_list_separator());
}
