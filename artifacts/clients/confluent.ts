/**
 * Client configs on platform confluent-cloud (docs/confluent-cloud.md): a client authenticates with an API key, and the
 * key belongs to the principal's service account, which is what the ACLs or role bindings name (`User:sa-…`). So the
 * headers name the service account and say whose API key the client needs; the key and its secret are never written
 * (topicform never creates API keys).
 */
import { serviceAccountAddress } from '../../model/confluent/service-accounts';
import type { ResolvedServiceAccount, Topology } from '../../model/topology';

/** The Confluent Cloud service account behind `principal`; undefined on any other platform. */
export function serviceAccountOf(topology: Topology, principal: string): ResolvedServiceAccount | undefined {
  return topology.confluentCloud?.serviceAccounts.find((a) => a.principal === principal);
}

/** The account as the headers name it: its declared id, or the resource terraform creates it as (its id is known only then). */
function account(a: ResolvedServiceAccount): string {
  return a.id ?? `created by terraform as confluent_service_account.${serviceAccountAddress(a.principal)} (its id is in terraform's state)`;
}

/** Who a client authenticates as: the principal, or on Confluent Cloud its service account (and the declared principal). */
export function authenticatingAs(principal: string, serviceAccount: ResolvedServiceAccount | undefined): string {
  return serviceAccount === undefined ? principal : `Confluent Cloud service account ${account(serviceAccount)} (${principal} in the declarations)`;
}

/** The credential a client needs on Confluent Cloud: an API key of the principal's service account, never its value. */
export function apiKeyNeeded(serviceAccount: ResolvedServiceAccount): string {
  const owner = serviceAccount.id ?? `the service account of ${serviceAccount.principal}`;
  return `an API key owned by ${owner} (security.protocol=SASL_SSL, sasl.mechanism=PLAIN, the key as username and its secret as password)`;
}

/** What a config leaves out on Confluent Cloud (instead of client-config.ts NOT_INCLUDED): which API key the client needs. */
export function notIncludedConfluent(serviceAccount: ResolvedServiceAccount): string {
  return `bootstrap.servers and credentials are deployment settings and never synthesized: connect with ${apiKeyNeeded(serviceAccount)}`;
}
