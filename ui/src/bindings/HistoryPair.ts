import type { HistoryEntry } from "./HistoryEntry";
export type HistoryPair = { sent: number, received: HistoryEntry, };
