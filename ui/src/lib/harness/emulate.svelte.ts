// Emulating Webitel's side toward the callback: what the agent does, where it goes (the
// profile's callback or the local receiver) and each resulting delivery.
import type { AgentAction } from '../../bindings/AgentAction';
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import type { SampleAccount } from '../../bindings/SampleAccount';
import { backend } from '../backend';
import { harnessApi } from './api';
import { sendForm } from './send.svelte';
import { errorText } from '../messages-from-rust';

export type ActionKind = AgentAction['kind'];

class EmulateState {
  kind = $state<ActionKind>('text');
  /** Empty follows the send form's chat, so both directions land in one transcript. */
  chatId = $state('');
  text = $state('Hello, I am Ann. How can I help?');
  fileUrl = $state('https://example.com/invoice.pdf');
  fileMime = $state('application/pdf');
  fileName = $state('invoice.pdf');
  fileSize = $state(48213);
  agent = $state<SampleAccount | null>(null);
  eventId = $state('event-1');
  recipients = $state('user-1:telegram');
  /** 'callback' or 'receiver'. */
  target = $state<'callback' | 'receiver'>('callback');
  busy = $state(false);
  results = $state<HistoryEntry[]>([]);
  error = $state<string | null>(null);

  /** Forgets what was sent (the draft stays). */
  reset() {
    this.results = [];
    this.error = null;
  }

  effectiveChat() {
    return this.chatId.trim() || sendForm.chatId.trim();
  }

  async loadAgent() {
    if (this.agent) return;
    try {
      this.agent = await backend.defaultSampleAccount();
    } catch {
      this.agent = { Id: 42, Channel: 'chat', Contact: '', FirstName: 'Ann', LastName: 'Smith', Username: 'ann' };
    }
  }

  action(): AgentAction {
    const chatId = this.effectiveChat();
    const agent = $state.snapshot(this.agent!);
    switch (this.kind) {
      case 'file':
        return { kind: 'file', chatId, text: '', file: { url: this.fileUrl.trim(), mime: this.fileMime.trim(), name: this.fileName.trim(), size: Number(this.fileSize) || 0 } };
      case 'join':
        return { kind: 'join', chatId, agent };
      case 'left':
        return { kind: 'left', chatId, agent };
      case 'close':
        return { kind: 'close', chatId };
      case 'broadcast': {
        const recipients = this.recipients.split(/[\s,]+/).filter(Boolean).map((spec) => {
          const [id, type = ''] = spec.split(':');
          return { id, type, name: '', error: '' };
        });
        return { kind: 'broadcast', eventId: this.eventId.trim(), recipients, text: this.text, metadata: {} };
      }
      default:
        return { kind: 'text', chatId, text: this.text };
    }
  }

  async send(profileId: string, url: string | null) {
    this.busy = true;
    this.error = null;
    try {
      this.results = await harnessApi.emulateWebitel(profileId, this.action(), url);
    } catch (error) {
      this.results = [];
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }
}

export const emulate = new EmulateState();
