import type { Construct } from 'constructs';
import type { Domain } from '../constructs';
import { orders } from './orders';
import { search } from './search';

/** A domain's declaration function: it declares the domain under `scope` (an environment's stack). */
export type DomainDeclarer = (scope: Construct) => Domain;

/** Every domain of this repository. Order does not matter: synth output is sorted. */
export const domains: Readonly<Record<string, DomainDeclarer>> = { orders, search };
