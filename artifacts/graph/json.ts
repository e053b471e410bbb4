/** The Graph as JSON, for tools that draw their own pictures: nodes and edges with kinds, sorted. */
import type { Graph } from './model';

export function renderGraphJson(graph: Graph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}
