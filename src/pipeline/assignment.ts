// One `name = value` binding found in a file (src/pipeline/assignments.ts finds them; src/pipeline/code-facts.ts reads them from
// JS/TS). Its own module so that both can name it without importing each other.
export interface Assignment {
  name: string;
  value: string;
  /** Offset of the first character of the value in the file text. */
  index: number;
}
