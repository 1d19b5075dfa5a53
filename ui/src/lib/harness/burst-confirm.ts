// A burst at a gateway that is live on a real server sends real chats into the contact center,
// so it is asked first, naming the gateway, its server and the count. A burst at a local
// receiver or any other address than the gateway's own on its server is not asked about.
import type { ProfileView } from '../../bindings/ProfileView';
import type { ServerView } from '../../bindings/ServerView';
import { confirmations } from '../confirm.svelte';
import { m } from '../../paraglide/messages.js';

/** The server's name when the burst's target is the enabled, pushed gateway's own address
 * there; else null (nothing to ask). `url` is what the Target field holds ('' = the gateway's). */
export function liveBurstServer(profile: ProfileView, url: string, servers: ServerView[]): string | null {
  if (!profile.enabled || profile.remoteId === null || !profile.serverId) return null;
  const server = servers.find((s) => s.id === profile.serverId);
  if (!server) return null;
  try {
    return new URL(url.trim() || profile.webhookUrl).origin === new URL(server.baseUrl).origin ? server.name : null;
  } catch {
    return null;
  }
}

/** Asks before sending `count` messages to the live gateway: true to send. */
export async function askLiveBurst(name: string, server: string, count: number): Promise<boolean> {
  const answer = await confirmations.ask(
    m.confirm_live_burst_question({ count, name, server }),
    m.confirm_live_burst_body({ server }),
    [
      { value: 'cancel', label: m.common_cancel(), tone: 'plain' },
      { value: 'send', label: m.confirm_live_burst_confirm({ count }), tone: 'danger' },
    ],
  );
  return answer === 'send';
}
