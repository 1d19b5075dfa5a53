// Real HMACs for the fake backend (WebCrypto), so the signature verdicts the browser tests see
// are computed, not canned: Webitel's hex HMAC-SHA256, hex HMAC-SHA1, Standard Webhooks.
import type { Verdict } from '../src/bindings/Verdict';

const utf8 = new TextEncoder();

export async function hmac(hash: 'SHA-256' | 'SHA-1', key: Uint8Array, data: string): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, utf8.encode(data)));
}

export const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
export const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

export async function webitelSign(secret: string, body: string): Promise<string> {
  return hex(await hmac('SHA-256', utf8.encode(secret), body));
}

/** As the Rust side: missing, upper-case refused, 64 lowercase hex digits compared. */
export async function webitelVerify(secret: string, body: string, given: string | null | undefined): Promise<Verdict> {
  const g = given?.trim();
  if (!g) return { verdict: 'missing' };
  if (/[A-Z]/.test(g)) return { verdict: 'invalid', reason: 'upper-case hex: Webitel compares the lowercase hex digest' };
  if (g.length !== 64) return { verdict: 'invalid', reason: `expected 64 hex digits, got ${g.length}` };
  return g === (await webitelSign(secret, body)) ? { verdict: 'valid' } : { verdict: 'invalid', reason: 'signature does not match the body and secret' };
}

export async function sha1Sign(secret: string, body: string): Promise<string> {
  return hex(await hmac('SHA-1', utf8.encode(secret), body));
}

export function whsecKey(secret: string): Uint8Array {
  const encoded = secret.trim().replace(/^whsec_/, '');
  try {
    const key = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
    if (key.length > 0) return key;
  } catch {
    /* falls through */
  }
  throw { code: 'invalid_secret', message: 'a Standard Webhooks secret is whsec_ followed by base64', field: null, fields: [] };
}

export async function standardSign(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  return `v1,${b64(await hmac('SHA-256', whsecKey(secret), `${id}.${timestamp}.${body}`))}`;
}

/** The last hex digit changed: well-formed, wrong. */
export function spoil(signature: string): string {
  return signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
}
