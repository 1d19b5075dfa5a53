export type CaChange = { "kind": "keep" } | { "kind": "replace", pem: string, } | { "kind": "remove" };
