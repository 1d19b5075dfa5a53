// The Rotate secret assistant (issue J) for the open, saved profile. Webitel's card only warns
// that changing the secret interrupts the integration; this says exactly what breaks and when
// (v1 holds one secret per gateway), then 1) generates the new secret, 2) saves it and pushes
// it (a local-only profile is just saved, and told so), 3) proves it end to end: an agent
// message signed with it to the callback URL, or to the local receiver when it runs for this
// profile, judged by core; the proof is an ordinary emulate exchange kept in the history.
import type { SecretProof } from '../bindings/SecretProof';
import { backend } from './backend';
import { editor } from './editor.svelte';
import { explain, type Explained } from './error-explained';
import { relogin } from './relogin.svelte';
import { m } from '../paraglide/messages.js';

export type RotateStep = 'generate' | 'saved' | 'proved';

class RotateSecret {
  open = $state(false);
  secret = $state('');
  step = $state<RotateStep>('generate');
  busy = $state(false);
  error = $state<Explained | null>(null);
  /** What step 2 did, said to the admin. */
  savedNote = $state('');
  /** Where the proof goes: the local receiver's URL when it runs for this profile, else null (the callback). */
  receiverUrl = $state<string | null>(null);
  proof = $state<SecretProof | null>(null);

  /** The server the new secret goes to, or null for a local-only profile. */
  readonly server = $derived(editor.saved?.serverId ? (editor.saved.serverName ?? m.push_the_server()) : null);
  /** Where the proof is sent, as shown. */
  readonly target = $derived(this.receiverUrl ?? editor.saved?.callback ?? '');

  async start() {
    if (!editor.saved || editor.dirty) return;
    this.open = true;
    this.step = 'generate';
    this.error = null;
    this.proof = null;
    this.savedNote = '';
    this.secret = '';
    try {
      this.secret = await backend.generateSecret();
      const receiver = await backend.receiverStatus();
      this.receiverUrl = receiver && receiver.profileId === editor.saved?.id ? receiver.url : null;
    } catch (error) {
      this.error = explain(error);
    }
  }

  close() {
    this.open = false;
    this.secret = '';
  }

  /** Step 2: the new secret saved (the keychain), then pushed when the profile has a server. */
  async saveAndPush() {
    const saved = editor.saved;
    if (!saved || !editor.form || !this.secret || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      await backend.saveProfile({ ...$state.snapshot(editor.form), secret: this.secret });
      await editor.refresh();
      const server = this.server;
      if (saved.serverId && server) {
        await relogin.run(saved.serverId, () => backend.pushProfile(saved.id));
        await editor.refresh();
        this.savedNote = m.rotate_saved_pushed({ server });
      } else {
        this.savedNote = m.rotate_saved_local();
      }
      this.step = 'saved';
    } catch (error) {
      await editor.refresh();
      this.error = explain(error);
    } finally {
      this.busy = false;
    }
  }

  /** Step 3: an agent message signed with the new secret, judged by its answer or the receiver's verdict. */
  async prove() {
    const id = editor.saved?.id;
    if (!id || this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      this.proof = await backend.proveSecret(id, this.receiverUrl);
      this.step = 'proved';
    } catch (error) {
      this.error = explain(error);
    } finally {
      this.busy = false;
    }
  }
}

export const rotateSecret = new RotateSecret();

/** The sentence of a proof's outcome. */
export function proofSentence(proof: SecretProof): string {
  const status = proof.entry.status === null ? '—' : String(proof.entry.status);
  switch (proof.outcome) {
    case 'accepted': return m.rotate_outcome_accepted({ status });
    case 'signatureRefused': return m.rotate_outcome_signature_refused({ status });
    case 'refused': return m.rotate_outcome_refused({ status });
    case 'noAnswer': return m.rotate_outcome_no_answer({ url: proof.entry.url });
  }
}
