// Switching gateways: results shown in the Test tab belong to the previous one, so they go;
// the drafts (what the admin typed) stay, as they are not tied to a gateway.
import { burst } from './burst.svelte';
import { emulate } from './emulate.svelte';
import { history } from './history.svelte';
import { sendForm } from './send.svelte';
import { transcript } from './transcript.svelte';
import { rawRequest } from './resend.svelte';

let shownFor: string | null = null;

/** The Test tab shows `profileId`: forgets the results of another gateway shown before. */
export function showFor(profileId: string) {
  if (shownFor !== null && shownFor !== profileId) forgetResults();
  shownFor = profileId;
}

export function forgetResults() {
  sendForm.reset();
  emulate.reset();
  burst.reset();
  history.reset();
  transcript.reset();
  rawRequest.reset();
}
