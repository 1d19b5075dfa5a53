// A profile's problems, from one function for every place that shows them: the editor's badges
// and the registry row's marker both call problemsOf over the saved facts (core's summary or
// view) and, for the open profile, the draft on screen (its flow, and the live validation of its
// templates once they differ from the saved ones). So a fixed draft clears the "template error"
// badge at once, and a `file_policy_fail` Webitel cannot send is a template problem like any other.
import type { FieldIssue } from '../bindings/FieldIssue';
import { editor } from './editor.svelte';

export type Problem = 'incomplete' | 'template';

/** What core judged of the saved profile (a ProfileSummary or ProfileView has both). */
export interface SavedFacts {
  incomplete: boolean;
  templatesRefused: boolean;
}

/** What the form on screen says. */
export interface DraftFacts {
  hasFlow: boolean;
  /** The templates differ from the saved ones: `issues` judge them, not the saved verdict. */
  templatesEdited: boolean;
  issues: readonly FieldIssue[];
}

const TEMPLATE_FIELDS: readonly string[] = ['templateTitle', 'templateClose', 'templateJoin', 'templateLeft', 'templateFilePolicyFail'];
/** Core's template verdicts that keep a push from going through (gateway_templates.rs). */
const TEMPLATE_CODES: readonly string[] = ['template_refused', 'template_over_budget', 'template_unsendable', 'server_detail'];

const isTemplateProblem = (issue: FieldIssue) => TEMPLATE_FIELDS.includes(issue.field) && TEMPLATE_CODES.includes(issue.code);

/** The problems of a profile: `saved` (null for a new one) and, when it is open, `draft`. */
export function problemsOf(saved: SavedFacts | null, draft: DraftFacts | null): Problem[] {
  const incomplete = draft ? !draft.hasFlow : (saved?.incomplete ?? false);
  const template = draft && (draft.templatesEdited || !saved) ? draft.issues.some(isTemplateProblem) : (saved?.templatesRefused ?? false);
  return [...(incomplete ? (['incomplete'] as const) : []), ...(template ? (['template'] as const) : [])];
}

/** The open form's facts, or null when `id` is not the open profile. */
export function draftFacts(id: string | null): DraftFacts | null {
  const form = editor.form;
  if (!form || (id !== null && form.id !== id)) return null;
  const templatesEdited = !editor.saved || JSON.stringify(form.templates) !== JSON.stringify(editor.saved.templates);
  // A push refused at a template field (serverIssues) is a template problem until that field is edited.
  return { hasFlow: form.flow !== null, templatesEdited, issues: [...editor.serverIssues, ...editor.issues] };
}
