/** The construct layer's public API. */
export { ConnectCluster, type ConnectClusterProps, type ConnectStorageShape } from './connect-cluster';
export { Connector, type ConnectorProps, type ConnectorTopic, type SinkConnectorOptions, type SourceConnectorOptions } from './connector';
export { ConsumerGroup, type ConsumerGroupOptions } from './consumer-group';
export { Domain, type DomainProps } from './domain';
export { EventTopic, type EventTopicProps, type IEventTopic } from './event-topic';
export { KafkaCluster, BOOTSTRAP_SERVERS_VARIABLE } from './kafka-cluster';
export { KafkaEnvironment, type EnvironmentResult, type KafkaEnvironmentProps } from './kafka-environment';
export { KafkaStack, type KafkaStackProps } from './kafka-stack';
export type { AdoptedResources, BrokerDefaults } from './render';
export { LegacyAcl, type LegacyAclProps } from './legacy-acl';
export { Producer, type GrantProduceOptions, type ProducerProps } from './producer';
export { StreamsApplication, type StreamsApplicationProps, type StreamsTopic } from './streams-application';
export { Duration, KafkaPrincipal, Replay, Retries, SideEffects } from '../model/declare';
/** A lint rule switched off for one declaration, with its reason: the `suppressions` of every declaring construct. */
export type { Suppression } from '../model/schema';
