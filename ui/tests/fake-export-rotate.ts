// The fake backend's history export and secret proof (browser tests only, issue J): the export
// counts what the filtered history holds and remembers where it was written (a path with
// "readonly" in it fails as a full disk would); the proof is an emulated agent text to the
// callback or the fake receiver, judged by the receiver's verdict or the answer, as core does.
import type { ExportFormat } from '../src/bindings/ExportFormat';
import type { HistoryQuery } from '../src/bindings/HistoryQuery';
import type { SecretProof } from '../src/bindings/SecretProof';
import type { FakeHarness } from './fake-harness';

export type FakeExport = { path: string; format: ExportFormat; count: number; query: HistoryQuery };

export function exportHistory(harness: FakeHarness, query: HistoryQuery, format: ExportFormat, path: string): number {
  if (!path || path.includes('readonly'))
    throw { code: 'export_file', message: `Could not write the export to ${path}: Read-only file system (os error 30)`, params: {}, field: null, fields: [] };
  const all = harness.search({ ...query, limit: Number.MAX_SAFE_INTEGER });
  const count = query.limit ? Math.min(query.limit, all.length) : all.length;
  harness.exports.push({ path, format, count, query });
  return count;
}

export async function proveSecret(harness: FakeHarness, profileId: string, url: string | null): Promise<SecretProof> {
  const before = harness.history.length;
  const sent = await harness.commands.emulateWebitel(profileId, { kind: 'text', chatId: 'textgate-secret-check', text: 'Textgate secret check' }, url);
  const entry = sent[sent.length - 1];
  const arrival = harness.history.slice(before).find((e) => e.channel === 'receive') ?? null;
  const status = entry.status;
  const outcome = arrival?.verdict
    ? arrival.verdict.verdict === 'valid' ? 'accepted' : 'signatureRefused'
    : status === null ? 'noAnswer'
    : status >= 200 && status < 300 ? 'accepted'
    : status === 401 || status === 403 ? 'signatureRefused'
    : 'refused';
  return { entry, arrival: arrival ? structuredClone(arrival) : null, outcome };
}
