export type Direction = "sent" | "received";
