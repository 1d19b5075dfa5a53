import type { CaChange } from "./CaChange";
export type ServerEdit = { name: string | null, baseUrl: string | null, token: string | null, ca: CaChange, };
