import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'

/**
 * Addresses a crawler must never reach on behalf of a remote feed: loopback, private ranges,
 * link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, unspecified. A feed that links
 * or redirects there is an SSRF attempt or a misconfiguration.
 */
const BLOCKED = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv4')
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  BLOCKED.addSubnet(net, prefix, 'ipv6')
}

export function isBlockedAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 0) return false
  if (family === 6) {
    // IPv4-mapped IPv6 (::ffff:127.0.0.1) must be judged as the IPv4 address it carries.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
    if (mapped) return BLOCKED.check(mapped[1] as string, 'ipv4')
    return BLOCKED.check(address, 'ipv6')
  }
  return BLOCKED.check(address, 'ipv4')
}

/** True when the URL's host is an IP literal (or localhost) in a blocked range. */
export function isBlockedHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  return isBlockedAddress(host)
}

/**
 * A dns.lookup replacement for sockets: resolves, then refuses blocked addresses. Used by the HTTP
 * agent, so the check also applies to every redirect hop and defeats DNS names that point inward.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, '', 0)
      return
    }
    const list = (addresses as unknown as LookupAddress[]).filter(
      (a) => !isBlockedAddress(a.address),
    )
    if (list.length === 0) {
      const blocked = new Error(
        `refusing to connect to ${hostname}: it resolves to a private or local address`,
      )
      ;(blocked as NodeJS.ErrnoException).code = 'E_BLOCKED_ADDRESS'
      callback(blocked, '', 0)
      return
    }
    if ((options as { all?: boolean }).all) {
      ;(callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list)
      return
    }
    const first = list[0] as LookupAddress
    callback(null, first.address, first.family)
  })
}
