/**
 * The adoption list `topicform import` writes (`adopted/<environment>.json`): topic names and ACL ids that exist on the
 * cluster and get import blocks. Reading it is not a secret or machine-specific input: it is a reviewed file in the repo.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const adoptionSchema = z.strictObject({
  topics: z.array(z.string()).default([]),
  acls: z.array(z.string()).default([]),
  /** Per adopted topic, the configs the broker applies (constructs/render.ts AdoptedResources.brokerDefaults). */
  brokerDefaults: z.record(z.string(), z.record(z.string(), z.string())).default({}),
});
export type Adoption = z.infer<typeof adoptionSchema>;

export function readAdoption(environment: string, dir = 'adopted'): Adoption | undefined {
  const file = join(dir, `${environment}.json`);
  if (!existsSync(file)) return undefined;
  const parsed = adoptionSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
