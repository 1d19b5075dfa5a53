// The send form's state (client -> Webitel): the form describes an event, core composes its
// compact JSON into the raw editor, and the editor's text is what is sent, byte for byte.
// Kept outside the component so switching sections keeps the draft.
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import type { InboundDraft } from '../../bindings/InboundDraft';
import type { Signing } from '../../bindings/Signing';
import { harnessApi } from './api';
import { errorText } from '../messages-from-rust';

export type SendKind = InboundDraft['kind'];

export interface MetaRow { key: string; value: string }

function newChatId() {
  return `chat-${Math.random().toString(36).slice(2, 8)}`;
}

class SendForm {
  kind = $state<SendKind>('message');
  chatId = $state(newChatId());
  senderId = $state('user-1');
  senderType = $state('telegram');
  senderName = $state('John Doe');
  text = $state('Hi! I need help with my order.');
  withFile = $state(false);
  fileUrl = $state('https://example.com/photo.png');
  fileMime = $state('image/png');
  fileName = $state('photo.png');
  fileSize = $state(0);
  metadata = $state<MetaRow[]>([]);
  eventId = $state('event-1');
  recipientId = $state('user-1');
  recipientType = $state('telegram');
  recipientError = $state('blocked');
  /** The editor's text: what is sent. */
  raw = $state('');
  /** The raw text was edited by hand since the last compose. */
  edited = $state(false);
  url = $state('');
  busy = $state<Signing | null>(null);
  result = $state<HistoryEntry | null>(null);
  error = $state<string | null>(null);
  senderTypes = $state<string[]>([]);

  draft(): InboundDraft {
    switch (this.kind) {
      case 'close':
        return { kind: 'close', chatId: this.chatId.trim() };
      case 'broadcastFailure':
        return {
          kind: 'broadcastFailure',
          eventId: this.eventId.trim(),
          recipients: [{ id: this.recipientId.trim(), type: this.recipientType, name: '', error: this.recipientError }],
        };
      default:
        return {
          kind: 'message',
          chatId: this.chatId.trim(),
          messageId: '',
          sender: { id: this.senderId.trim(), type: this.senderType, name: this.senderName.trim(), nickname: '' },
          text: this.text,
          file: this.withFile
            ? { url: this.fileUrl.trim(), mime: this.fileMime.trim(), name: this.fileName.trim(), size: Number(this.fileSize) || 0 }
            : null,
          metadata: Object.fromEntries(this.metadata.filter((row) => row.key.trim()).map((row) => [row.key.trim(), row.value])),
          date: 0,
        };
    }
  }

  /** Recomposes the editor from the form (the form is the source until the editor is edited). */
  async compose(force = false) {
    if (this.edited && !force) return;
    try {
      this.raw = await harnessApi.composeInbound(this.draft());
      this.edited = false;
    } catch (error) {
      this.error = errorText(error);
    }
  }

  async loadPresets() {
    if (this.senderTypes.length > 0) return;
    try {
      this.senderTypes = await harnessApi.senderTypes();
    } catch {
      this.senderTypes = [this.senderType];
    }
  }

  newChat() {
    this.chatId = newChatId();
  }

  async send(profileId: string, signing: Signing) {
    this.busy = signing;
    this.error = null;
    try {
      // A form change not yet composed (Send right after typing) is composed first.
      await this.compose();
      this.result = await harnessApi.sendToGateway(profileId, this.raw, signing, this.url.trim() || null);
    } catch (error) {
      this.result = null;
      this.error = errorText(error);
    } finally {
      this.busy = null;
    }
  }

  /** Forgets the last result and the URL override (the message drafted stays). */
  reset() {
    this.result = null;
    this.error = null;
    this.url = '';
  }
}

export const sendForm = new SendForm();
