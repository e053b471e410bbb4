/**
 * Numbers in explanations, as `Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })` writes them: thousands
 * separated by commas, at most two fraction digits, half rounded away from zero on the number's shortest decimal form
 * (so 1.005 → "1.01", as Intl does, where `toFixed(2)` gives "1.00"). Written out because the first Intl formatter of a
 * process costs ~22 ms of ICU set-up, a twentieth of the whole synth of a small app; equal to Intl by a property test.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`formatNumber takes a finite number ≥ 0, got ${n}`);
  // Most numbers explained are whole (bytes, messages, milliseconds): their shortest form is their digits, grouped.
  if (Number.isSafeInteger(n)) return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  const [whole, fraction] = plainDecimal(n);
  let digits = BigInt(`${whole}${fraction.slice(0, 2).padEnd(2, '0')}`);
  if ((fraction[2] ?? '0') >= '5') digits += 1n;
  const text = digits.toString().padStart(3, '0');
  const integer = text.slice(0, -2);
  const cents = text.slice(-2).replace(/0+$/, '');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  return cents === '' ? grouped : `${grouped}.${cents}`;
}

/** The integer and fraction digits of a non-negative number's shortest decimal form, without exponent. */
function plainDecimal(n: number): [string, string] {
  const [mantissa = '0', exponentText] = String(n).split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const digits = int + frac;
  const point = int.length + exponent;
  if (point <= 0) return ['0', '0'.repeat(-point) + digits];
  if (point >= digits.length) return [digits + '0'.repeat(point - digits.length), ''];
  return [digits.slice(0, point), digits.slice(point)];
}
