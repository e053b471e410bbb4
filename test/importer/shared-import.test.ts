/** The whole import over every real-output sample at once: nothing unread, nothing dropped. */
import { expect, it } from 'vitest';
import { runImport, type InputFile } from '../../importer';
import { DEV } from '../helpers/synth';
import { describeWithSharedFixtures, shared, sharedFiles } from './helpers/fixtures';

const files = (folder: string, prefix: string): InputFile[] =>
  sharedFiles(folder, prefix).map((f) => ({ file: `${folder}/${f}`, text: shared(`${folder}/${f}`) }));

describeWithSharedFixtures('topicform import over the shared real-world samples', () => {
  it('understands every line, keeps every ACL (adopted or legacy) and says why each topic is not adopted', () => {
    const result = runImport({
      inputs: {
        topicsDescribe: files('kafka-cli', 'topics-describe-'),
        configs: files('kafka-cli', 'configs-describe-'),
        acls: files('kafka-cli', 'acls-'),
        kcat: [...files('kcat', 'kcat'), ...files('kcat', 'kafkacat')],
      },
      environment: DEV,
    });
    if ('error' in result) throw new Error(result.error);
    const { snapshot, plan } = result;
    expect(plan.findings.filter((f) => f.code === 'unknown-line' || f.code === 'unknown-field')).toEqual([]);
    expect(plan.findings.filter((f) => f.level === 'error')).toEqual([]);
    // Every ACL of the samples is declared: as a producer, a consumer group or a legacy ACL.
    expect(plan.adopt.acls).toEqual(snapshot.acls.map((a) => a.id));
    // Every sample topic is adopted (most under their own name: topicName), or stays unmanaged with its reason.
    expect(snapshot.topics).toHaveLength(21);
    expect(plan.adopt.topics.length + plan.unmanagedTopics.length).toBe(21);
    expect(plan.unmanagedTopics.every((t) => t.reason.length > 0)).toBe(true);
    expect(plan.unmanagedTopics.filter((t) => t.reason.startsWith('an internal topic')).map((t) => t.name)).toEqual(['__consumer_offsets', '_schemas']);
  });
});
