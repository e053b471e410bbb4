/**
 * The constructs the benchmark's topicform app declares with, from the repository's TypeScript sources (loaded through
 * tsx, as `npm run synth` loads them). bench/child.ts builds the same shape from the built package instead.
 */
import { App } from '../../constructs/cdktf';
import { Domain, Duration, KafkaEnvironment, KafkaPrincipal, Replay } from '../../constructs';

export interface TopicformLibrary {
  readonly App: typeof App;
  readonly Domain: typeof Domain;
  readonly Duration: typeof Duration;
  readonly KafkaEnvironment: typeof KafkaEnvironment;
  readonly KafkaPrincipal: typeof KafkaPrincipal;
  readonly Replay: typeof Replay;
}

export const SOURCE_LIBRARY: TopicformLibrary = { App, Domain, Duration, KafkaEnvironment, KafkaPrincipal, Replay };
