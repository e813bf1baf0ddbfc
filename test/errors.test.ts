import { describe, expect, it } from 'vitest'
import { describeError } from '../src/errors.js'

describe('describeError', () => {
  it('joins the cause chain without repeating a message already said', () => {
    expect(describeError(new Error('outer', { cause: new Error('inner') }))).toBe('outer: inner')
    const wrapped = new Error('network error for x: getaddrinfo ENOTFOUND a', {
      cause: new Error('getaddrinfo ENOTFOUND a'),
    })
    expect(describeError(wrapped)).toBe('network error for x: getaddrinfo ENOTFOUND a')
    expect(describeError('plain')).toBe('plain')
  })
})
