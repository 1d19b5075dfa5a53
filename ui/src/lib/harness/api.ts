// The harness's calls to the Rust side (issue D), beside backend.ts so the browser tests can
// mock them the same way. Payload types are generated from Rust.
import { Channel, invoke } from '@tauri-apps/api/core';
import type { AgentAction } from '../../bindings/AgentAction';
import type { AnswerSpec } from '../../bindings/AnswerSpec';
import type { BurstProgress } from '../../bindings/BurstProgress';
import type { BurstReport } from '../../bindings/BurstReport';
import type { HistoryEntry } from '../../bindings/HistoryEntry';
import type { HistoryQuery } from '../../bindings/HistoryQuery';
import type { InboundDraft } from '../../bindings/InboundDraft';
import type { LabRequest } from '../../bindings/LabRequest';
import type { LabResult } from '../../bindings/LabResult';
import type { LiveBatch } from '../../bindings/LiveBatch';
import type { ReceiverInfo } from '../../bindings/ReceiverInfo';
import type { Signing } from '../../bindings/Signing';

export const harnessApi = {
  signatureLab: (request: LabRequest) => invoke<LabResult>('signature_lab', { request }),
  senderTypes: () => invoke<string[]>('sender_types'),
  composeInbound: (draft: InboundDraft) => invoke<string>('compose_inbound', { draft }),
  sendToGateway: (profileId: string, body: string, signing: Signing, url: string | null) =>
    invoke<HistoryEntry>('send_to_gateway', { profileId, body, signing, url }),
  searchHistory: (query: HistoryQuery) => invoke<HistoryEntry[]>('search_history', { query }),
  replayHistory: (id: number, resign: boolean) => invoke<HistoryEntry>('replay_history', { id, resign }),
  clearHistory: (profileId: string | null) => invoke<number>('clear_history', { profileId }),
  startReceiver: (profileId: string, port: number, path: string, answer: AnswerSpec, onBatch: (batch: LiveBatch) => void) => {
    const onRequest = new Channel<LiveBatch>(onBatch);
    return invoke<ReceiverInfo>('start_receiver', { profileId, port, path, answer, onRequest });
  },
  emulateWebitel: (profileId: string, action: AgentAction, url: string | null) =>
    invoke<HistoryEntry[]>('emulate_webitel', { profileId, action, url }),
  runBurst: (profileId: string, count: number, concurrency: number, url: string | null, onTick: (progress: BurstProgress) => void) => {
    const onProgress = new Channel<BurstProgress>(onTick);
    return invoke<BurstReport>('run_burst', { profileId, count, concurrency, url, onProgress });
  },
  stopReceiver: () => invoke<null>('stop_receiver'),
  receiverStatus: () => invoke<ReceiverInfo | null>('receiver_status'),
};
