/**
 * The rate-limit key of a client address (CF-Connecting-IP): an IPv4 address as it is, an IPv6
 * address by its /64 prefix — one household or server usually owns a whole /64, so counting
 * single IPv6 addresses would let anyone step around the limit.
 */
export function clientKey(ip: string): string {
  const value = ip.trim().toLowerCase();
  if (!value.includes(':')) return value;
  const groups = ipv6Groups(value);
  if (!groups) return value;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, or undefined when it is not one. */
function ipv6Groups(value: string): string[] | undefined {
  const halves = value.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  const left = parse(halves[0]);
  const right = parse(halves[1]);
  const tail = halves.length === 2 ? right : left;
  const last = tail.at(-1);
  if (last?.includes('.')) {
    // An embedded IPv4 address (::ffff:192.0.2.1) is the last two groups.
    const octets = last.split('.').map(Number);
    if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255)) return undefined;
    tail.splice(-1, 1, ((octets[0]! << 8) | octets[1]!).toString(16), ((octets[2]! << 8) | octets[3]!).toString(16));
  }
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  return groups.every((g) => /^[0-9a-f]{1,4}$/.test(g)) ? groups : undefined;
}
