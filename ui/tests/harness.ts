// Boots the real UI in a plain browser with the fake backend behind mockIPC. Tests pick the
// scenario with URL parameters: `?flows=1` adds a server with two flow schemas, `?keychain=down` makes the
// keychain unavailable, `?storage=broken` makes the database fail to open, `?seed=N` starts with N saved profiles, `?onserver=1` puts them on the
// Demo server (with `flows=1`), so their URI is a full webhook address the harness can send to.
// `?update=offered|signature|unconfigured|feed` picks what the update feed answers (default:
// no newer version); `?withflow=1` gives the seeded profiles but the second a flow schema; `?live=1` pushes them (see below); `?settings={"theme":"dark"}` writes the fake settings file before start.
// About dialog: `?logs=none` (no log folder) or `?logs=fail` (it cannot be opened), `?longpaths=1`.
import { mockIPC } from '@tauri-apps/api/mocks';
import { FakeBackend } from './fake-backend';
import { EMPTY_PROFILE_DRAFT } from '../src/bindings/profileFields';

const params = new URLSearchParams(location.search);
const backend = new FakeBackend({
  keychainError: params.get('keychain') === 'down' ? 'no Secret Service is running' : null,
  storageError: params.get('storage') === 'broken' ? 'database disk image is malformed' : null,
  logFolder: (params.get('logs') as 'none' | 'fail' | null) ?? 'ok',
  longPaths: params.has('longpaths'),
});
const update = params.get('update');
if (update) backend.settings.scenario = update as typeof backend.settings.scenario;
if (params.has('settings')) backend.settings.write(JSON.parse(params.get('settings')!));
// `?badsettings=1`: the settings file had a value Rust replaced by its default.
if (params.has('badsettings'))
  backend.settings.warnings = ['The saved receiverPort was not usable (70000 is not a receiver port: use a number from 1 to 65535): the default is used instead'];
// `?flows=1`: one connected server ("Demo") with two cached flow schemas; `&expires=DAYS` says
// when its token expires (negative: already), `&access=LETTERS` what it may do with gateways
// (Webitel's x create, r read, w update, d delete), `&refused=1` makes it refuse its token (401)
// until logged in again.
if (params.has('flows')) {
  const access = params.get('access');
  const demo = backend.servers.addDemo('Demo', undefined, undefined, {
    tokenExpiresAt: params.has('expires') ? Date.now() + Number(params.get('expires')) * 86_400_000 : null,
    permissions: access === null ? null : { create: access.includes('x'), read: access.includes('r'), update: access.includes('w'), delete: access.includes('d') },
  });
  if (params.has('refused')) backend.servers.expired.add(demo.id);
}

const seed = Number(params.get('seed') ?? 0);
for (let i = 1; i <= seed; i++) {
  await backend.commands.saveProfile({
    ...structuredClone(EMPTY_PROFILE_DRAFT),
    name: ['Alpha support', 'Beta sales', 'Gamma billing'][i - 1] ?? `Gateway ${i}`,
    uri: backend.generateUri(),
    callback: `https://bot${i}.example.com/hook`,
    secret: backend.generateSecret(),
    serverId: params.has('onserver') ? 's1' : null,
    // `?withflow=1`: every seeded profile but the second has a flow (so it can be started).
    flow: params.has('withflow') && i !== 2 ? { id: 7, name: 'Support bot' } : null,
  });
}
// `?live=1` (with `onserver=1&flows=1&withflow=1`): the seeded profiles are pushed to Demo and
// those with a flow are enabled there, so Start/Stop and a burst act on a live gateway.
if (params.has('live')) {
  let remoteId = 200;
  for (const profile of backend.profiles.values())
    Object.assign(profile, { serverName: 'Demo', remoteId: remoteId++, syncState: 'inSync', uriEditable: false, enabled: profile.flow !== null });
}
// `?pushed=1` (with `onserver=1`): the seeded profiles are on Demo as pushed, last checked 10
// minutes ago; `&serverchanged=N` renames the Nth on the server behind the app's back (a check
// finds it); `&offline=1` makes Demo unreachable.
if (params.has('pushed')) {
  let remoteId = 500;
  for (const view of backend.profiles.values())
    Object.assign(view, { remoteId: remoteId++, syncState: 'inSync', uriEditable: false, freshness: { checkedAt: Date.now() - 600_000, checkFailure: null } });
  const changed = [...backend.profiles.values()][Number(params.get('serverchanged') ?? 0) - 1];
  if (changed) backend.servers.serverEdits.set(changed.id, { name: `${changed.name} renamed on server` });
  if (params.has('offline')) backend.servers.offline.add('s1');
}
// `?conflict=1`: the first seeded profile is on Demo and changed on both sides.
if (params.has('conflict')) {
  const first = [...backend.profiles.values()][0];
  Object.assign(first, { serverId: 's1', serverName: 'Demo', remoteId: 100, syncState: 'conflict', uriEditable: false });
}
backend.calls = [];

mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>));
(window as unknown as { fakeBackend: FakeBackend }).fakeBackend = backend;

await import('../src/main');
// The language switch (the Settings dialog calls it) and the messages, for tests/i18n.spec.ts.
Object.assign(window, { i18n: await import('../src/lib/i18n.svelte'), messages: await import('../src/paraglide/messages.js') });
// Svelte's mount, for tests that render a component with props the app does not pass yet.
Object.assign(window, { svelte: await import('svelte') });
