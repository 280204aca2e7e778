/** @module Classifies an IP address (loopback, private, link-local, reserved or public), so reads of documents can be kept off internal networks. */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

export type AddressClass = 'loopback' | 'private' | 'link-local' | 'reserved' | 'public';

const ranges: Record<Exclude<AddressClass, 'public'>, [string, number, 'ipv4' | 'ipv6'][]> = {
  // 0.0.0.0 reaches this host on Linux, so it counts as loopback.
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['0.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
    ['::', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['100.64.0.0', 10, 'ipv4'],
    ['198.18.0.0', 15, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
  'link-local': [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
  reserved: [
    ['224.0.0.0', 3, 'ipv4'],
    ['192.0.0.0', 24, 'ipv4'],
    ['ff00::', 8, 'ipv6'],
    ['::', 96, 'ipv6'],
    ['2001:db8::', 32, 'ipv6'],
  ],
};

const lists = Object.entries(ranges).map(([name, subnets]) => {
  const list = new BlockList();
  for (const [network, prefix, type] of subnets) list.addSubnet(network, prefix, type);
  return [name as AddressClass, list] as const;
});

/** The class of an IPv4 or IPv6 address; IPv4 inside IPv6 (`::ffff:127.0.0.1`, NAT64 `64:ff9b::`) is classed as the IPv4 address. */
export function addressClass(address: string): AddressClass {
  const embedded = embeddedIpv4(address);
  const ip = embedded ?? address;
  const type = isIPv4(ip) ? 'ipv4' : isIPv6(ip) ? 'ipv6' : undefined;
  if (!type) return 'reserved';
  for (const [name, list] of lists) if (list.check(ip, type)) return name;
  return 'public';
}

/** The IPv4 address carried by an IPv4-mapped or NAT64 IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const match = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!match) return undefined;
  if (match[1]) return match[1];
  const high = parseInt(match[2]!, 16);
  const low = parseInt(match[3]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
