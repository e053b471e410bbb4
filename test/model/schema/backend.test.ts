/** `{stack}` in a backend template (an S3 key, a GCS prefix) is each stack's name, every time it appears. */
import { describe, expect, it } from 'vitest';
import { stackTemplate } from '../../../model/schema';

describe('stackTemplate', () => {
  it('replaces every {stack} and leaves the rest as written', () => {
    expect(stackTemplate('topicform/{stack}/{stack}.tfstate', 'prod-orders')).toBe('topicform/prod-orders/prod-orders.tfstate');
    expect(stackTemplate('state.tfstate', 'prod')).toBe('state.tfstate');
    expect(stackTemplate('{Stack}/{stack', 'prod')).toBe('{Stack}/{stack');
  });
});
