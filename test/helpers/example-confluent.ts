/**
 * Made-up Confluent Cloud settings for the example app's `confluent` stack, which leaves them to the provider's
 * environment (docs/confluent-cloud.md): terraform's process gets them, and tests check that none lands anywhere.
 */
export const EXAMPLE_CONFLUENT_ENV: Readonly<Record<string, string>> = {
  KAFKA_ID: 'lkc-example1',
  KAFKA_REST_ENDPOINT: 'https://pkc-example.eu-west-1.aws.confluent.cloud:443',
  KAFKA_API_KEY: 'EXAMPLEKAFKAKEY4TOPICFORM',
  KAFKA_API_SECRET: 'example-kafka-secret-Zq8vN3kT',
  CONFLUENT_CLOUD_API_KEY: 'EXAMPLECLOUDKEY4TOPICFORM',
  CONFLUENT_CLOUD_API_SECRET: 'example-cloud-secret-Zq8vN3kT',
};
