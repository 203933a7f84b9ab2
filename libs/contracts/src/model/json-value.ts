/** What JSON.parse can produce: contract examples and model outputs are plain JSON, never class instances. */
export type JsonScalar = string | number | boolean | null;
export type JsonValue = JsonScalar | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}
