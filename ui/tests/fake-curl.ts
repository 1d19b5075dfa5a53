// The cURL and resend half of the fake backend (browser tests only, issue J): commands rendered
// as core renders them (single-quoted, a body that is not plain text through printf), a small
// reader of pasted commands (quotes, -X, -H, --data*, the URL) whose refusals use core's code,
// and edited resends recorded with `replayOf`, signed as chosen.
import type { AgentAction } from '../src/bindings/AgentAction';
import type { ErrorCode } from '../src/bindings/ErrorCode';
import type { HistoryEntry } from '../src/bindings/HistoryEntry';
import type { IpcError } from '../src/bindings/IpcError';
import type { ReplaySigning } from '../src/bindings/ReplaySigning';
import type { Signing } from '../src/bindings/Signing';
import { spoil, webitelSign, webitelVerify } from './fake-crypto';

const fail = (code: ErrorCode, message: string): IpcError => ({ code, message, params: {}, field: null, fields: [] });
const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
const TRANSPORT = ['host', 'content-length', 'user-agent', 'accept', 'accept-encoding', 'connection'];
const isSign = (name: string) => name.toLowerCase() === 'x-webitel-sign';

/** What the fake harness lends this module. */
export interface CurlHost {
  history: HistoryEntry[];
  secretOf(profileId: string): string;
  target(profileId: string, url: string | null, form: 'send' | 'emulate'): string;
  sendExact(profileId: string, channel: 'send' | 'emulate', url: string, headers: [string, string][], body: string, signing: Signing, replayOf: number | null): Promise<HistoryEntry>;
}

export function renderCurl(method: string, url: string, headers: [string, string][], body: string): string {
  const kept = headers.filter(([n]) => !TRANSPORT.includes(n.toLowerCase()));
  const parts = [`curl -X ${quote(method)} ${quote(url)}`, ...kept.map(([n, v]) => `-H ${quote(`${n}: ${v}`)}`)];
  if (!kept.some(([n]) => n.toLowerCase() === 'content-type')) parts.push("-H 'Content-Type:'");
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f\u007f]/.test(body)) return [...parts, `--data-raw ${quote(body)}`].join(' \\\n  ');
  const format = body.replaceAll('\\', '\\\\').replaceAll('%', '%%').replaceAll("'", "'\\''").replaceAll('\n', '\\n');
  return `printf '${format}' |\n  ${[...parts, '--data-binary @-'].join(' \\\n  ')}`;
}

function words(command: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === '\\' && command[i + 1] === '\n') { i++; continue; }
    if (/\s/.test(c)) { if (word !== null) out.push(word); word = null; continue; }
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end < 0) throw fail('invalid_curl', "A ' quote is never closed: the command was cut off when it was copied");
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
      continue;
    }
    word = (word ?? '') + c;
  }
  if (word !== null) out.push(word);
  return out;
}

export function parseCurl(command: string) {
  const args = words(command);
  if (args.length === 0) throw fail('invalid_curl', 'There is no command: paste a cURL command');
  if (args[0] !== 'curl') throw fail('invalid_curl', `This is not a cURL command: it starts with \u201c${args[0]}\u201d`);
  let method: string | null = null;
  let url: string | null = null;
  const headers: [string, string][] = [];
  let body: string | null = null;
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '-X' || a === '--request') method = args[++i];
    else if (a === '-H' || a === '--header') {
      const [name, ...rest] = args[++i].split(':');
      headers.push([name.trim(), rest.join(':').trim()]);
    } else if (['-d', '--data', '--data-raw', '--data-binary'].includes(a)) body = args[++i];
    else if (a.startsWith('-')) throw fail('invalid_curl', `Textgate cannot read the option ${a}: remove it and paste again`);
    else url = a;
  }
  if (!url) throw fail('invalid_curl', 'The command has no URL');
  return { method: method ?? (body === null ? 'GET' : 'POST'), url, headers, body: body ?? '', exact: true };
}

function entry(host: CurlHost, id: number): HistoryEntry {
  const found = host.history.find((e) => e.id === id);
  if (!found) throw fail('history_not_found', `No history entry ${id}`);
  return found;
}

function emulateBody(action: AgentAction): string {
  if (action.kind === 'text') return JSON.stringify({ message: { chatId: action.chatId, date: 0, text: action.text.trim() } }) + '\n';
  return JSON.stringify(action) + '\n';
}

async function signed(secret: string, body: string, headers: [string, string][], signing: ReplaySigning, kept: string | null) {
  const rest = headers.filter(([n]) => !isSign(n));
  if (signing === 'unsigned') return { headers: rest, signing: 'unsigned' as Signing };
  const sign = signing === 'resign' ? await webitelSign(secret, body) : kept;
  if (!sign) return { headers: rest, signing: 'unsigned' as Signing };
  const valid = (await webitelVerify(secret, body, sign)).verdict === 'valid';
  return { headers: [...rest, ['X-Webitel-Sign', sign]] as [string, string][], signing: (valid ? 'correct' : 'wrong') as Signing };
}

export function curlCommands(host: CurlHost) {
  return {
    historyCurl: (id: number) => {
      const e = entry(host, id);
      return renderCurl(e.method, e.url, e.requestHeaders, e.body);
    },
    sendCurl: async (profileId: string, body: string, signing: Signing, url: string | null) => {
      const target = host.target(profileId, url, 'send');
      const good = await webitelSign(host.secretOf(profileId), body);
      const sign = signing === 'unsigned' ? null : signing === 'wrong' ? spoil(good) : good;
      return renderCurl('POST', target, [['Content-Type', 'application/json'], ...(sign ? [['X-Webitel-Sign', sign] as [string, string]] : [])], body);
    },
    emulateCurl: async (profileId: string, action: AgentAction, url: string | null) => {
      const target = host.target(profileId, url, 'emulate');
      const body = emulateBody(action);
      const sign = await webitelSign(host.secretOf(profileId), body);
      return [renderCurl('POST', target, [['Content-Type', 'application/json'], ['X-Webitel-Sign', sign]], body)];
    },
    parseCurl: (command: string) => parseCurl(command),
    replayDraft: (id: number) => {
      const e = entry(host, id);
      const relevant = e.requestHeaders.filter(([n]) => !TRANSPORT.includes(n.toLowerCase()));
      return {
        id, channel: e.channel === 'send' ? ('send' as const) : ('emulate' as const), url: e.url,
        headers: relevant.filter(([n]) => !isSign(n)), body: e.body, exact: true,
        signature: relevant.find(([n]) => isSign(n))?.[1] ?? null,
      };
    },
    replayEdited: async (id: number, url: string | null, headers: [string, string][] | null, body: string | null, signing: ReplaySigning) => {
      const e = entry(host, id);
      const text = body ?? e.body;
      const kept = (headers ?? e.requestHeaders).find(([n]) => isSign(n))?.[1] ?? null;
      const out = await signed(host.secretOf(e.profileId!), text, headers ?? e.requestHeaders.filter(([n]) => !TRANSPORT.includes(n.toLowerCase())), signing, kept);
      return host.sendExact(e.profileId!, e.channel === 'send' ? 'send' : 'emulate', url ?? e.url, out.headers, text, out.signing, id);
    },
    sendRequest: async (profileId: string, url: string, headers: [string, string][], body: string, signing: ReplaySigning) => {
      if (!/^https?:\/\//.test(url)) throw fail('no_target', `${url} is not an http(s) URL`);
      const kept = headers.find(([n]) => isSign(n))?.[1] ?? null;
      const out = await signed(host.secretOf(profileId), body, headers, signing, kept);
      return host.sendExact(profileId, 'send', url, out.headers, body, out.signing, null);
    },
  };
}
