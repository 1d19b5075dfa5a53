// Named test events for the browser tests (issue J §5): core's built-ins, the admin's own in
// memory, overrides by dotted path and the `${chat_id}` placeholders as core applies them; a
// scenario is sent through the fake's own sendToGateway / emulateWebitel, so the same gateway
// and receiver answer it. (An emulate preview shows the action's JSON: the fake does not render
// Webitel's bodies here; core's rendering is tested in Rust.)
import type { ErrorCode } from '../src/bindings/ErrorCode';
import type { IpcError } from '../src/bindings/IpcError';
import type { Override } from '../src/bindings/Override';
import type { ProfileView } from '../src/bindings/ProfileView';
import type { Scenario } from '../src/bindings/Scenario';
import type { ScenarioDraft } from '../src/bindings/ScenarioDraft';
import type { ScenarioIds } from '../src/bindings/ScenarioIds';
import type { ScenarioRender } from '../src/bindings/ScenarioRender';
import type { AgentAction } from '../src/bindings/AgentAction';
import type { FakeCommands } from './fake-ipc';

const fail = (code: ErrorCode, message: string, params: IpcError['params'] = {}): IpcError => ({ code, message, params, field: null, fields: [] });
const sender = { id: '${sender_id}', type: 'telegram', name: 'Test Customer' };
const agent = { Id: 42, Channel: 'chat', Contact: 'ann@example.com', FirstName: 'Ann', LastName: 'Agent', Username: 'ann' };
const builtin = (name: string, direction: 'send' | 'emulate', description: string, body: unknown): Scenario => ({ name, direction, description, body, builtin: true });

export const BUILTIN_SCENARIOS: Scenario[] = [
  builtin('client.text', 'send', 'The customer writes a text message (a new chat\u2019s first message starts the flow)', { message: { chatId: '${chat_id}', sender, text: 'Hello from a Textgate scenario' } }),
  builtin('client.file', 'send', 'The customer sends a file (an image by URL, with its type, size and name)', { message: { chatId: '${chat_id}', sender, file: { url: 'https://example.com/files/photo.png', mime: 'image/png', size: 179491, name: 'photo.png' } } }),
  builtin('client.close', 'send', 'The customer\u2019s side closes the chat', { close: { chatId: '${chat_id}' } }),
  builtin('client.broadcast-failure', 'send', 'The client reports a recipient a broadcast could not reach', { broadcast: { eventId: '${event_id}', recipients: [{ id: '${sender_id}', type: 'telegram', error: 'blocked by the user' }] } }),
  builtin('agent.text', 'emulate', 'An agent (or the flow) writes to the customer', { kind: 'text', chatId: '${chat_id}', text: 'Hello, I am Ann. How can I help?' }),
  builtin('agent.file', 'emulate', 'An agent sends a file (Webitel forwards the file, never a caption)', { kind: 'file', chatId: '${chat_id}', text: '', file: { url: 'https://example.com/files/invoice.pdf', mime: 'application/pdf', size: 48213, name: 'invoice.pdf' } }),
  builtin('agent.join', 'emulate', 'An agent joins the chat: the profile\u2019s join template over the agent\u2019s account', { kind: 'join', chatId: '${chat_id}', agent }),
  builtin('agent.left', 'emulate', 'An agent leaves the chat: the profile\u2019s left template over the agent\u2019s account', { kind: 'left', chatId: '${chat_id}', agent }),
  builtin('agent.close', 'emulate', 'The agent closes the chat: the close template\u2019s notice, then the close event', { kind: 'close', chatId: '${chat_id}' }),
  builtin('agent.broadcast', 'emulate', 'A flow starts a broadcast to one recipient', { kind: 'broadcast', eventId: '${event_id}', recipients: [{ id: '${sender_id}', type: 'telegram' }], text: 'Our office is closed on Monday', metadata: { campaign: 'textgate-scenario' } }),
];

/** As core's `typed_value`: numbers, booleans and null as JSON, "..." forces a string. */
function typed(text: string): unknown {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1);
  try {
    const value = JSON.parse(t);
    if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  } catch { /* text */ }
  return text;
}

function apply(body: any, { path, value }: Override) {
  const parts = path.split('.');
  if (!path || parts.some((p) => !p.trim())) throw fail('scenario_invalid', `\u201c${path}\u201d is not a path: name fields with dots, as message.sender.type`);
  let here = body;
  parts.forEach((part, i) => {
    if (typeof here !== 'object' || here === null || Array.isArray(here)) {
      throw fail('scenario_invalid', `Cannot set ${path}: ${parts.slice(0, i).join('.')} is a ${typeof here}, not an object`);
    }
    if (i === parts.length - 1) here[part] = typed(value);
    else here = here[part] ??= {};
  });
}

function fill(value: unknown, ids: ScenarioIds): unknown {
  if (typeof value === 'string') return value.replaceAll('${chat_id}', ids.chatId).replaceAll('${sender_id}', ids.senderId).replaceAll('${event_id}', ids.eventId);
  if (Array.isArray(value)) return value.map((item) => fill(item, ids));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, ids)]));
  return value;
}

const fresh = (given: string, kind: string) => given.trim() || `scn-${kind}-${Math.random().toString(16).slice(2, 14)}`;

export class FakeScenarios {
  saved = new Map<string, Scenario>();

  constructor(
    private profiles: Map<string, ProfileView>,
    private all: () => FakeCommands,
  ) {}

  readonly commands = {
    listScenarios: () => [...BUILTIN_SCENARIOS, ...[...this.saved.values()].sort((a, b) => a.name.localeCompare(b.name))],
    renderScenario: (profileId: string, name: string, overrides: Override[], ids: ScenarioIds): ScenarioRender => {
      const { scenario, body, filled } = this.#rendered(name, overrides, ids);
      if (scenario.direction === 'emulate' && !this.profiles.has(profileId)) throw fail('not_found', `No gateway profile with id ${profileId}`, { id: profileId });
      return { direction: scenario.direction, ids: filled, bodies: [JSON.stringify(body)] };
    },
    sendScenario: (profileId: string, name: string, overrides: Override[], ids: ScenarioIds, url: string | null) => {
      const { body } = this.#rendered(name, overrides, ids, 'send');
      return this.all().sendToGateway(profileId, JSON.stringify(body), 'correct', url);
    },
    emulateScenario: (profileId: string, name: string, overrides: Override[], ids: ScenarioIds, url: string | null) => {
      const { body } = this.#rendered(name, overrides, ids, 'emulate');
      return this.all().emulateWebitel(profileId, body as AgentAction, url);
    },
    saveScenario: (draft: ScenarioDraft): Scenario => {
      const name = draft.name.trim();
      if (BUILTIN_SCENARIOS.some((s) => s.name === name)) {
        throw fail('scenario_builtin', `\u201c${name}\u201d is a built-in scenario: built-ins cannot be changed or deleted, and a saved scenario needs another name`, { name });
      }
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) throw fail('scenario_invalid', `\u201c${name}\u201d is not a scenario name: use 1 to 64 letters, digits, dots, dashes or underscores`);
      if (typeof draft.body !== 'object' || draft.body === null || Array.isArray(draft.body)) throw fail('scenario_invalid', 'A scenario\u2019s body must be a JSON object');
      if (draft.direction === 'emulate' && typeof (draft.body as { kind?: unknown }).kind !== 'string') throw fail('scenario_invalid', 'Not an agent\u2019s action');
      const scenario: Scenario = { name, direction: draft.direction, description: draft.description.trim(), body: structuredClone(draft.body), builtin: false };
      this.saved.set(name, scenario);
      return structuredClone(scenario);
    },
    deleteScenario: (name: string) => {
      if (BUILTIN_SCENARIOS.some((s) => s.name === name)) throw fail('scenario_builtin', `\u201c${name}\u201d is a built-in scenario`, { name });
      if (!this.saved.delete(name)) throw fail('scenario_not_found', `No scenario \u201c${name}\u201d`, { name });
      return null;
    },
  } satisfies Partial<FakeCommands>;

  #rendered(name: string, overrides: Override[], ids: ScenarioIds, wanted?: 'send' | 'emulate') {
    const scenario = BUILTIN_SCENARIOS.find((s) => s.name === name) ?? this.saved.get(name);
    if (!scenario) throw fail('scenario_not_found', `No scenario \u201c${name}\u201d`, { name });
    if (wanted && scenario.direction !== wanted) throw fail('scenario_invalid', `\u201c${name}\u201d is not a ${wanted} scenario`);
    const body = structuredClone(scenario.body);
    overrides.forEach((o) => apply(body, o));
    const filled = { chatId: fresh(ids.chatId, 'chat'), senderId: fresh(ids.senderId, 'user'), eventId: fresh(ids.eventId, 'event') };
    return { scenario, body: fill(body, filled), filled };
  }
}
