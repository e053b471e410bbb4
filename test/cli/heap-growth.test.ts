import { describe, expect, it } from 'vitest';
import { userSetsHeapGrowth } from '../../cli/heap-growth';

describe('userSetsHeapGrowth', () => {
  it("finds the user's own heap growing percentage in node's flags or NODE_OPTIONS, in either spelling", () => {
    expect(userSetsHeapGrowth(['--heap-growing-percent=50'], undefined)).toBe(true);
    expect(userSetsHeapGrowth(['--import', 'tsx', '--heap_growing_percent=5'], '')).toBe(true);
    expect(userSetsHeapGrowth([], '--max-old-space-size=4096 --heap-growing-percent=30')).toBe(true);
  });

  it('leaves synth to set it otherwise', () => {
    expect(userSetsHeapGrowth([], undefined)).toBe(false);
    expect(userSetsHeapGrowth(['--import', 'tsx', '--max-semi-space-size=64'], '--max-old-space-size=4096')).toBe(false);
  });
});
