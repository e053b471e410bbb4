import { describe, expect, it } from 'vitest';
import { userSetsHeapGrowth } from '../../cli/heap-growth';

describe('userSetsHeapGrowth', () => {
  it("finds the user's own heap growing percentage among node's flags, in either spelling", () => {
    expect(userSetsHeapGrowth(['--heap-growing-percent=50'])).toBe(true);
    expect(userSetsHeapGrowth(['--import', 'tsx', '--heap_growing_percent=5'])).toBe(true);
  });

  it('leaves synth to set it otherwise', () => {
    expect(userSetsHeapGrowth([])).toBe(false);
    expect(userSetsHeapGrowth(['--import', 'tsx', '--max-semi-space-size=64', '--max-old-space-size=4096'])).toBe(false);
  });
});
