// @ts-check
'use strict';
// Terraform values on the wire (terraform-double.md 4.6). Terraform sends every DynamicValue as msgpack; an
// unknown value is a msgpack extension (type 0 plain, type 12 refined, any other type read as unknown too).
// @msgpack/msgpack decodes unregistered extensions to ExtData and encodes ExtData back verbatim, so the double keeps
// unknowns as ExtData: refinements (e.g. a known string prefix) survive a round trip without a custom codec.
const { decode, encode, ExtData } = require('@msgpack/msgpack');

/** A plain unknown as cty writes it: fixext1, type 0, one zero byte. */
const UNKNOWN = new ExtData(0, Uint8Array.of(0));

/** @param {unknown} value @returns {value is InstanceType<typeof ExtData>} */
const isUnknown = (value) => value instanceof ExtData;

/**
 * Decodes a tfplugin5 DynamicValue. An empty or absent value is null, as terraform's decodeDynamicValue does.
 * @param {{ msgpack?: Uint8Array, json?: Uint8Array } | null | undefined} dynamicValue
 * @returns {any}
 */
function fromDynamicValue(dynamicValue) {
  if (dynamicValue?.msgpack && dynamicValue.msgpack.length > 0) return decode(dynamicValue.msgpack);
  if (dynamicValue?.json && dynamicValue.json.length > 0) return JSON.parse(Buffer.from(dynamicValue.json).toString('utf8'));
  return null;
}

/** @param {unknown} value @returns {{ msgpack: Buffer }} */
function toDynamicValue(value) {
  const bytes = encode(value);
  return { msgpack: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

module.exports = { UNKNOWN, isUnknown, fromDynamicValue, toDynamicValue };
