// A refused push's error at the field it is about: the field issue the editor keeps (and
// drops when the field is edited) carries only a sentence, so the whole explanation (next step,
// Go's or the server's words for Details) is kept here by field, for `Field.svelte` and
// `TemplateField.svelte` to show with `ErrorMessage`.
import type { FieldIssue } from '../bindings/FieldIssue';
import type { ProfileField } from '../bindings/ProfileField';
import type { Explained } from './error-explained';

const byField = new Map<ProfileField, { message: string; error: Explained }>();

/** The field issue for `error` at `field` (what `editor.showServerIssues` takes). */
export function fieldIssueOf(error: Explained, field: ProfileField, message: string): FieldIssue {
  byField.clear();
  byField.set(field, { message, error });
  return { field, severity: 'error', code: 'server_detail', params: { detail: error.sentence }, message };
}

/** The whole explanation of a push error shown as `issue`, if it is one. */
export function explanationOf(issue: FieldIssue | undefined): Explained | undefined {
  if (!issue || issue.code !== 'server_detail') return undefined;
  const entry = byField.get(issue.field);
  return entry && entry.message === issue.message ? entry.error : undefined;
}
