// Terraform's msgpack value encoding as the double reads and writes it: unknowns are extensions and must survive a
// round trip with their refinements. Runs without terraform.
import { createRequire } from 'node:module';
import { ExtData, decode, encode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';

interface MsgpackValues {
  UNKNOWN: ExtData;
  isUnknown(value: unknown): boolean;
  fromDynamicValue(value: { msgpack?: Uint8Array; json?: Uint8Array } | null | undefined): unknown;
  toDynamicValue(value: unknown): { msgpack: Buffer };
}
const values = createRequire(__filename)('./msgpack-values.cjs') as MsgpackValues;

describe('msgpack values of the double', () => {
  it('writes a plain unknown the way cty does (fixext1, type 0)', () => {
    expect(values.toDynamicValue(values.UNKNOWN).msgpack.toString('hex')).toBe('d40000');
  });

  it('reads any extension as unknown and writes a refined unknown back byte for byte', () => {
    // ext 12 {1: false, 2: "x-"}: what terraform 1.11 sends for "x-${kafka_topic.t.id}"
    const refined = new ExtData(12, Uint8Array.from([0x82, 0x01, 0xc2, 0x02, 0xa2, 0x78, 0x2d]));
    const wire = encode({ name: refined, partitions: 3 });
    const decoded = values.fromDynamicValue({ msgpack: wire }) as Record<string, unknown>;

    expect(values.isUnknown(decoded.name)).toBe(true);
    expect(decoded.partitions).toBe(3);
    expect(values.toDynamicValue(decoded).msgpack.equals(Buffer.from(wire))).toBe(true);
  });

  it('reads an empty DynamicValue as null and falls back to JSON', () => {
    expect(values.fromDynamicValue({})).toBeNull();
    expect(values.fromDynamicValue(undefined)).toBeNull();
    expect(values.fromDynamicValue({ json: Buffer.from('{"a":1}') })).toEqual({ a: 1 });
  });

  it('writes whole numbers as integers and keeps every key, null included', () => {
    const written = decode(values.toDynamicValue({ partitions: 6, config: null, rate: 1.5 }).msgpack);

    expect(written).toEqual({ partitions: 6, config: null, rate: 1.5 });
    expect(values.toDynamicValue(6).msgpack.toString('hex')).toBe('06');
  });
});
