import { constants, gunzipSync } from 'node:zlib'
import { NewshoundError } from '../errors.js'

/** True when the bytes start with the gzip magic number (1f 8b). */
export function sniffGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b
}

/**
 * Gunzips bytes that are still gzip: servers that serve `feed.xml.gz` or a pre-compressed sitemap
 * without `Content-Encoding: gzip` hand us the compressed body. Other bytes come back unchanged.
 * Output above `maxDecompressedBytes` is refused (a gzip bomb is a few KiB on the wire).
 */
export function maybeGunzip(bytes: Uint8Array, maxDecompressedBytes: number): Uint8Array {
  if (!sniffGzip(bytes)) return bytes
  try {
    // Z_SYNC_FLUSH: a truncated download still yields what arrived (the tolerant parsers can use
    // a feed cut off mid-item); corrupt data in the middle still throws.
    return gunzipSync(bytes, {
      maxOutputLength: maxDecompressedBytes,
      finishFlush: constants.Z_SYNC_FLUSH,
    })
  } catch (error) {
    if (
      (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ||
      error instanceof RangeError
    ) {
      throw new NewshoundError(
        'E_TOO_LARGE',
        `decode: gzip body expands beyond ${maxDecompressedBytes} bytes`,
        { cause: error },
      )
    }
    throw new NewshoundError('E_DECODE', 'decode: body starts like gzip but does not gunzip', {
      cause: error,
    })
  }
}
