// A saved profile's editable part as a draft the form can change freely (a deep copy, so
// editing never touches the saved view the Revert and the unsaved-changes check compare with).
import type { ProfileDraft } from '../bindings/ProfileDraft';
import type { ProfileView } from '../bindings/ProfileView';
import { EMPTY_PROFILE_DRAFT } from '../bindings/profileFields';

// Every key of a draft comes from Rust (ProfileDraft::default(), exported with the bindings);
// a draft's keys must all be on the view too, or this fails the type check.
const draftKeys = Object.keys(EMPTY_PROFILE_DRAFT) as (keyof ProfileDraft & keyof ProfileView)[];
void (true satisfies [Exclude<keyof ProfileDraft, keyof ProfileView>] extends [never] ? true : never);

/** The editable part of a saved view, copied (so editing the form never touches the view). */
export function draftFrom(view: ProfileView): ProfileDraft {
  const draft: Record<string, unknown> = { id: view.id };
  for (const key of draftKeys) draft[key] = JSON.parse(JSON.stringify(view[key]));
  draft.secret = view.secret ?? '';
  return draft as ProfileDraft;
}
