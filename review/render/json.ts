/** The review for machines: the ReviewResult as it is (formatVersion, summary, findings, drift, acknowledgements). */
import type { ReviewResult } from '../types';

export function renderJson(result: ReviewResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
