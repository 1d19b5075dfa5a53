// A raw request being edited before it is sent (issue J): a history entry opened for "Edit and
// resend" (target, headers, body; re-signed, its old signature, or unsigned; the new entry
// replays the original), or a pasted cURL command loaded into the Send form. Core signs and
// sends; an unedited body is left to core, which resends the stored bytes exactly.
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import type { PastedRequest } from '../../bindings/PastedRequest';
import type { ReplayDraft } from '../../bindings/ReplayDraft';
import type { ReplaySigning } from '../../bindings/ReplaySigning';
import { explain, type Explained } from '../error-explained';
import { harnessApi } from './api';
import { harnessSection } from './section.svelte';

/** Which form holds the request: Send (client -> Webitel) or Webitel (-> the callback). */
export type RequestForm = 'send' | 'emulate';

const SIGNATURE = 'x-webitel-sign';

/** `Name: value` lines, one header each. */
export function headerLines(headers: [string, string][]): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n');
}

/** The lines back as headers; a line without a colon is named in the error. */
export function parseHeaderLines(text: string): { headers: [string, string][]; bad: string | null } {
  const headers: [string, string][] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { headers, bad: line };
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { headers, bad: null };
}

class RawRequest {
  form = $state<RequestForm | null>(null);
  /** The entry being resent, or null for a pasted command. */
  replayOf = $state<number | null>(null);
  url = $state('');
  headers = $state('');
  body = $state('');
  /** The body as opened, to tell whether it was edited. */
  #openedBody = '';
  /** The opened body is the exact bytes (false: they are not UTF-8). */
  exact = $state(true);
  /** The recorded (or pasted) signature, if any. */
  signature = $state<string | null>(null);
  signing = $state<ReplaySigning>('resign');
  busy = $state(false);
  result = $state<HistoryEntry | null>(null);
  error = $state<Explained | null>(null);
  /** A header line that is not `Name: value`. */
  badHeader = $state<string | null>(null);

  get bodyEdited() {
    return this.body !== this.#openedBody;
  }

  #load(form: RequestForm, replayOf: number | null, url: string, headers: [string, string][], body: string, exact: boolean) {
    this.form = form;
    this.replayOf = replayOf;
    this.url = url;
    this.signature = headers.find(([n]) => n.toLowerCase() === SIGNATURE)?.[1] ?? this.signature;
    this.headers = headerLines(headers.filter(([n]) => n.toLowerCase() !== SIGNATURE));
    this.body = body;
    this.#openedBody = body;
    this.exact = exact;
    this.result = null;
    this.error = null;
    this.badHeader = null;
  }

  /** Opens a history entry in the form of its channel and shows that form. */
  open(draft: ReplayDraft) {
    this.signature = draft.signature;
    this.signing = 'resign';
    const form: RequestForm = draft.channel === 'send' ? 'send' : 'emulate';
    this.#load(form, draft.id, draft.url, draft.headers, draft.body, draft.exact);
    harnessSection.current = form === 'send' ? 'send' : 'webitel';
  }

  /** Loads a pasted cURL command into the Send form. */
  paste(pasted: PastedRequest) {
    this.signature = null;
    this.#load('send', null, pasted.url, pasted.headers, pasted.body, pasted.exact);
    this.signing = this.signature ? 'keep' : 'resign';
  }

  close() {
    this.form = null;
    this.replayOf = null;
    this.result = null;
    this.error = null;
  }

  async send(profileId: string) {
    const parsed = parseHeaderLines(this.headers);
    this.badHeader = parsed.bad;
    if (parsed.bad !== null) return;
    const headers = [...parsed.headers];
    if (this.signing === 'keep' && this.signature) headers.push(['X-Webitel-Sign', this.signature]);
    this.busy = true;
    this.error = null;
    try {
      this.result =
        this.replayOf === null
          ? await harnessApi.sendRequest(profileId, this.url.trim(), headers, this.body, this.signing)
          : await harnessApi.replayEdited(this.replayOf, this.url.trim(), headers, this.bodyEdited ? this.body : null, this.signing);
    } catch (error) {
      this.result = null;
      this.error = explain(error);
    } finally {
      this.busy = false;
    }
  }

  /** Forgets the request (another gateway was opened). */
  reset() {
    this.close();
  }
}

export const rawRequest = new RawRequest();
