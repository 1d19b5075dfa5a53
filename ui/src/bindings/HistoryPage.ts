import type { HistoryEntry } from "./HistoryEntry";
import type { HistoryPair } from "./HistoryPair";
export type HistoryPage = { entries: Array<HistoryEntry>, total: number, nextBefore: number | null, pairs: Array<HistoryPair>, };
