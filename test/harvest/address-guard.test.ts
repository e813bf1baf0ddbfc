import { describe, expect, it } from 'vitest'
import { isBlockedAddress, isBlockedHost } from '../../src/harvest/address-guard.js'

describe('address guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fe80::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:8.8.8.8', false],
    ['8.8.8.8', false],
    ['2606:4700::1111', false],
  ])('%s blocked=%s', (address, blocked) => {
    expect(isBlockedAddress(address)).toBe(blocked)
  })

  it('treats localhost names and bracketed IPv6 as blocked hosts', () => {
    expect(isBlockedHost('localhost')).toBe(true)
    expect(isBlockedHost('api.localhost')).toBe(true)
    expect(isBlockedHost('[::1]')).toBe(true)
    expect(isBlockedHost('example.com')).toBe(false)
  })
})
