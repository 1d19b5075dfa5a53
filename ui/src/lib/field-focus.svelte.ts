// Where the caret goes next in the open card: Name after New, the first invalid field after a
// failed Save. The editor's store asks; Editor.svelte shows the field's tab and focuses it, so
// whatever the admin types next lands in the field and is not lost.
import type { FieldIssue } from '../bindings/FieldIssue';
import type { ProfileField } from '../bindings/ProfileField';

/** The fields as the card shows them: the General tab top to bottom, then the Templates tab. */
export const FIELD_ORDER: readonly ProfileField[] = [
  'server', 'name', 'secret', 'uri', 'flow', 'callback', 'notes',
  'templateTitle', 'templateClose', 'templateJoin', 'templateLeft', 'templateFilePolicyFail',
];

const TEMPLATE_IDS: Partial<Record<ProfileField, string>> = {
  templateTitle: 'template-title', templateClose: 'template-close', templateJoin: 'template-join',
  templateLeft: 'template-left', templateFilePolicyFail: 'template-filePolicyFail',
};

/** The tab a field is on. */
export const tabOf = (field: ProfileField): 'general' | 'templates' => (field in TEMPLATE_IDS ? 'templates' : 'general');

/** The id of the control that edits `field`. */
export const controlId = (field: ProfileField): string => TEMPLATE_IDS[field] ?? `profile-${field}`;

/** The first field (in the card's order) with an error. */
export function firstInvalid(issues: FieldIssue[]): ProfileField | null {
  const wrong = new Set(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.field));
  return FIELD_ORDER.find((field) => wrong.has(field)) ?? null;
}

class FieldFocus {
  /** The latest request (a new object each time, so asking twice for one field focuses twice). */
  request = $state<{ field: ProfileField } | null>(null);

  ask(field: ProfileField) {
    this.request = { field };
  }
}

export const fieldFocus = new FieldFocus();
