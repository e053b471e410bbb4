/** A parsed JSON object, not null and not an array: what the readers of outputs, reports and plans narrow to. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
