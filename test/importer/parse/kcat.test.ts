import { describe, expect, it } from 'vitest';
import { parseKcat } from '../../../importer/parse/kcat';
import { describeWithSharedFixtures, own, shared, sharedFiles } from '../helpers/fixtures';

const summary = (text: string): Array<[string, number, number, string | undefined]> =>
  parseKcat(text).topics.map((t) => [t.name, t.partitions.length, Math.max(0, ...t.partitions.map((p) => p.replicas.length)), t.error]);

describe('parseKcat: kcat -L -J', () => {
  it('reads raw one-line JSON (kcat 1.7), with topic and partition errors, and reports keys it does not know', () => {
    const text = own('formats/kcat-1.7-raw.json');
    const result = parseKcat(text);
    expect(result.format).toBe('json');
    expect(summary(text)).toEqual([
      ['orders.order-created', 3, 3, undefined],
      ['Orders_v2.Created', 1, 1, undefined],
      ['orders.order-deleted', 0, 0, 'Broker: Unknown topic or partition'],
    ]);
    expect(result.topics[0]?.partitions[2]).toMatchObject({ partition: 2, leader: -1, error: 'Broker: Leader not available' });
    expect(result.unknownLines).toEqual([{ line: 1, text: 'unknown key "rack" in topic orders.order-created partition 2' }]);
  });

  it('reads pretty-printed JSON without controllerid (kafkacat 1.5 | jq .) and names the line of each topic', () => {
    const result = parseKcat(own('formats/kafkacat-1.5-jq.json'));
    expect(result.unknownLines).toEqual([]);
    expect(result.topics.map((t) => [t.name, t.partitions.length, t.line])).toEqual([['inventory.stock-level', 2, 17]]);
  });

  it('reads the plain-text listing (kcat -L)', () => {
    const text = own('formats/kcat-1.7-L.txt');
    expect(parseKcat(text).format).toBe('text');
    expect(parseKcat(text).unknownLines).toEqual([]);
    expect(summary(text)).toEqual([
      ['orders.order-created', 2, 2, undefined],
      ['', 0, 0, 'Broker: Invalid topic'],
    ]);
  });

  it('reports JSON it cannot read', () => {
    const [problem, ...rest] = parseKcat('{"topics": [').unknownLines;
    expect(rest).toEqual([]);
    expect(problem?.line).toBe(1);
    expect(problem?.text).toMatch(/^not valid JSON/);
  });
});

const SHARED_KCAT: Readonly<Record<string, ReadonlyArray<[string, number, number, string | undefined]>>> = {
  'kafkacat-L-J-jq-controllerid-bootstrap-hudi.json': [['stock_ticks', 1, 1, undefined]],
  'kafkacat-L-J-jq-del-topics-kcat-issue249.json': [],
  'kafkacat-L-J-jq-hudi-docker-demo.json': [['stock_ticks', 1, 1, undefined]],
  'kafkacat-L-text-invalid-topic-kcat-issue249.txt': [['', 0, 0, 'Broker: Invalid topic']],
  'kafkacat-L-text-single-topic-kcat-issue40.txt': [['engrcloud.core.kafka.install-test', 3, 3, undefined]],
  'kcat-L-J-compact-3brokers-50partitions-unidentified-repo.json': [
    ['_schemas', 1, 3, undefined],
    ['__consumer_offsets', 50, 3, undefined],
  ],
  'kcat-L-text-controller-unidentified-repo.txt': [
    ['_schemas', 1, 3, undefined],
    ['__consumer_offsets', 50, 3, undefined],
  ],
  'kcat-L-text-readme.txt': [
    ['syslog', 3, 3, undefined],
    ['rdkafkatest1_auto_49f744a4327b1b1e', 2, 1, undefined],
    ['rdkafkatest1_auto_e02f58f2c581cba', 2, 1, undefined],
  ],
};

describeWithSharedFixtures('parseKcat on real output (../shared/fixtures/kcat)', () => {
  it('has an expectation for every shared kcat sample', () => {
    expect([...sharedFiles('kcat', 'kcat'), ...sharedFiles('kcat', 'kafkacat')].sort()).toEqual(Object.keys(SHARED_KCAT).sort());
  });

  it.each(Object.entries(SHARED_KCAT))('reads %s completely', (file, expected) => {
    const text = shared(`kcat/${file}`);
    expect(parseKcat(text).unknownLines).toEqual([]);
    expect(summary(text)).toEqual(expected);
  });
});
