// Which input of the Add-server form a failed connect is about, from the error's code: the
// dialog marks that input invalid (aria-invalid) and points every input at the message.
import { toIpcError } from './backend';

/** The parts of the Add-server form an error can be about. */
export type ServerInput = 'name' | 'baseUrl' | 'credentials' | 'caPem';

const inputOf: Readonly<Record<string, ServerInput>> = {
  server_exists: 'name',
  invalid_server_url: 'baseUrl',
  unreachable: 'baseUrl',
  timeout: 'baseUrl',
  not_webitel: 'baseUrl',
  unauthorized: 'credentials',
  tls: 'caPem',
};

/** The input `failure` is about, or null when it is about none in particular. */
export function inputOfFailure(failure: unknown): ServerInput | null {
  return inputOf[toIpcError(failure).code] ?? null;
}
