// Which input of the Add-server (or Edit-server) form a failed connect is about, from the error's code: the
// dialog marks that input invalid (aria-invalid) and points every input at the message.
import { toIpcError } from './backend';

/** The parts of the Add-server form an error can be about. */
export type ServerInput = 'name' | 'baseUrl' | 'credentials' | 'code' | 'caPem';

const inputOf: Readonly<Record<string, ServerInput>> = {
  server_exists: 'name',
  duplicate_server: 'baseUrl',
  server_url_locked: 'baseUrl',
  invalid_server_url: 'baseUrl',
  unreachable: 'baseUrl',
  timeout: 'baseUrl',
  not_webitel: 'baseUrl',
  unauthorized: 'credentials',
  password_expired: 'credentials',
  password_change_required: 'credentials',
  two_factor_invalid: 'code',
  tls: 'caPem',
  invalid_certificate: 'caPem',
};

/** A two-factor code as typed: digits only (spaces and dashes from a copied code dropped). */
export function cleanCode(text: string): string {
  return text.replace(/[^0-9]/g, '').slice(0, 8);
}

/** The input `failure` is about, or null when it is about none in particular. */
export function inputOfFailure(failure: unknown): ServerInput | null {
  return inputOf[toIpcError(failure).code] ?? null;
}
