/**
 * `topicform lint --env <name>` on an app whose declarations fail: the declaration errors of that environment are
 * shown, never hidden behind "unknown environment" (environments are known whether or not they resolve).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli';

const APP = 'test/fixtures/apps/variants/main.ts';
const lint = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, 'lint', '--app', APP, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TOPICFORM_TEST_VARIANT: 'broken', TOPICFORM_TEST_TOPICS: '1' },
  });

describe('topicform lint --env on declarations with errors', () => {
  it('shows the declaration errors of the environments asked for', () => {
    const result = lint('--env', 'prod');
    expect(result.status).toBe(1);
    expect(result.stderr).not.toContain('unknown environment');
    expect(result.stderr).toMatch(/^error: test\/fixtures\/apps\/variants\/main\.ts:\d+ › broken\/thing › partitions: .*\[prod\]$/m);
    expect(result.stderr).toContain('the declarations have errors; fix them before linting');
  });

  it('still refuses an environment the app does not have, naming the ones it has', () => {
    const result = lint('--env', 'qa');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unknown environment "qa"; the app has dev, prod, staging');
  });
});
